from django.urls import path

from amity.questions import views

app_name = "questions"
urlpatterns = [
    path("", views.question_list, name="list"),
    path("new/", views.question_new, name="new"),
    path("ask/", views.question_ask, name="ask"),
    path("<int:pk>/edit/", views.question_edit, name="edit"),
    path("<int:pk>/retire/", views.question_retire, name="retire"),
    path("<int:pk>/restore/", views.question_restore, name="restore"),
]
