from django.urls import path  # noqa: F401

from amity.connector import views  # noqa: F401

app_name = "connector"
urlpatterns: list = []
