from django.urls import path

from amity.exchange import views

app_name = "exchange"
urlpatterns = [
    path("", views.ledger_list, name="list"),
    path("person/<int:pk>/", views.person_ledger, name="person"),
    path("person/<int:pk>/add/", views.entry_add, name="add"),
    path("<int:pk>/edit/", views.entry_edit, name="edit"),
    path("<int:pk>/delete/", views.entry_delete, name="delete"),
]
