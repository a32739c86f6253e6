from django.urls import path

from amity.organisations import views

app_name = "organisations"
urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("new/", views.organisation_new, name="new"),
    path("<int:pk>/", views.organisation_detail, name="detail"),
    path("<int:pk>/edit/", views.organisation_edit, name="edit"),
    path("<int:pk>/delete/", views.organisation_delete, name="delete"),
    path("<int:pk>/affiliations/add/", views.affiliation_add, name="affiliation_add"),
    path("<int:pk>/affiliations/<int:aff_pk>/edit/", views.affiliation_edit,
         name="affiliation_edit"),
    path("<int:pk>/affiliations/<int:aff_pk>/end/", views.affiliation_end,
         name="affiliation_end"),
    path("<int:pk>/affiliations/<int:aff_pk>/delete/", views.affiliation_delete,
         name="affiliation_delete"),
]
