from django.urls import path

from amity.journey import views

app_name = "journey"
urlpatterns = [
    path("person/<int:pk>/", views.panel, name="panel"),
    path("person/<int:pk>/pin/", views.pin, name="pin"),
    path("person/<int:pk>/clear-pin/", views.clear_pin, name="clear_pin"),
    path("person/<int:pk>/thank/", views.thank, name="thank"),
]
