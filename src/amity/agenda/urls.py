from django.urls import path  # noqa: F401

from amity.agenda import views  # noqa: F401

app_name = "agenda"
urlpatterns: list = []
