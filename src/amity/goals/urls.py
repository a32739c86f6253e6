from django.urls import path

from amity.goals import views

app_name = "goals"
urlpatterns = [
    path("", views.goal_list, name="list"),
    path("new/", views.goal_new, name="new"),
    path("<int:pk>/", views.goal_detail, name="detail"),
    path("<int:pk>/edit/", views.goal_edit, name="edit"),
    path("<int:pk>/close/", views.goal_close, name="close"),
    path("<int:pk>/delete/", views.goal_delete, name="delete"),
    path("focus/add/", views.focus_add, name="focus_add"),
    path("focus/remove/", views.focus_remove, name="focus_remove"),
    path("focus/<int:person_pk>/offer/", views.focus_offer, name="focus_offer"),
]
