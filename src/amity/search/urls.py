from django.urls import path  # noqa: F401

from amity.search import views  # noqa: F401

app_name = "search"
urlpatterns: list = []
