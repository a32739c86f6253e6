from django.urls import path

from amity.brief import views

app_name = "brief"
urlpatterns = [
    path("<int:pk>/", views.person_brief, name="person"),
]
