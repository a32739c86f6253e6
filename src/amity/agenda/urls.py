from django.urls import path

from amity.agenda import views

app_name = "agenda"
urlpatterns = [
    path("", views.home, name="home"),
]
