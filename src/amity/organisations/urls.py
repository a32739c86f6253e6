from django.urls import path  # noqa: F401

from amity.organisations import views  # noqa: F401

app_name = "organisations"
urlpatterns: list = []
