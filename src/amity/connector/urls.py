from django.urls import path

from amity.connector import views

app_name = "connector"
urlpatterns = [
    path("", views.index, name="index"),
    path("introductions/", views.introductions, name="introductions"),
    path("introductions/<int:pk>/", views.introduction, name="introduction"),
    path("introductions/<int:pk>/step/", views.step, name="step"),
    path("start/", views.start, name="start"),
    path("path/", views.path, name="path"),
    path("relationships/add/", views.relationship_add, name="relationship_add"),
    path("relationships/<int:pk>/remove/", views.relationship_remove,
         name="relationship_remove"),
]
