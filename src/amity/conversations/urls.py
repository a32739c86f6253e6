from django.urls import path  # noqa: F401

from amity.conversations import views  # noqa: F401

app_name = "conversations"
urlpatterns: list = []
