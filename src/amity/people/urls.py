from django.urls import path  # noqa: F401

from amity.people import views  # noqa: F401

app_name = "people"
urlpatterns: list = []
