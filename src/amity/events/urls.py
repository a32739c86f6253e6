from django.urls import path  # noqa: F401

from amity.events import views  # noqa: F401

app_name = "events"
urlpatterns: list = []
