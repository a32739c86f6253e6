from django.urls import path  # noqa: F401

from amity.initiatives import views  # noqa: F401

app_name = "initiatives"
urlpatterns: list = []
