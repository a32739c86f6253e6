from django.urls import path

from amity.people import views

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="list"),
    path("new/", views.person_new, name="new"),
    path("<int:pk>/", views.person_detail, name="detail"),
    path("<int:pk>/edit/", views.person_edit, name="edit"),
    path("<int:pk>/conversations/", views.person_conversations, name="conversations"),
    path("<int:pk>/archive/", views.person_archive, name="archive"),
    path("<int:pk>/unarchive/", views.person_unarchive, name="unarchive"),
    path("<int:pk>/delete/", views.person_delete, name="delete"),
    path("<int:pk>/facts/add/", views.fact_add, name="fact_add"),
    path("<int:pk>/facts/<int:fact_pk>/edit/", views.fact_edit, name="fact_edit"),
    path("<int:pk>/facts/<int:fact_pk>/delete/", views.fact_delete, name="fact_delete"),
    path("<int:pk>/facts/<int:fact_pk>/confirm/", views.fact_confirm, name="fact_confirm"),
    path("<int:pk>/affiliations/add/", views.affiliation_add, name="affiliation_add"),
]
