from django.urls import path  # noqa: F401

from amity.workspaces import views  # noqa: F401

app_name = "workspaces"
urlpatterns: list = []
