from django.urls import path

from amity.conversations import views

app_name = "conversations"
urlpatterns = [
    path("", views.conversation_list, name="list"),
    path("new/", views.conversation_new, name="new"),
    path("<int:pk>/", views.conversation_detail, name="detail"),
    path("<int:pk>/edit/", views.conversation_edit, name="edit"),
    path("<int:pk>/delete/", views.conversation_delete, name="delete"),
]
