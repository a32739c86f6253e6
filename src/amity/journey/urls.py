from django.urls import path  # noqa: F401

from amity.journey import views  # noqa: F401

app_name = "journey"
urlpatterns: list = []
