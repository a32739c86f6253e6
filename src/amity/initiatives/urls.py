from django.urls import path

from amity.initiatives import views

app_name = "initiatives"
urlpatterns = [
    path("", views.initiative_list, name="list"),
    path("new/", views.initiative_new, name="new"),
    path("<int:pk>/", views.initiative_detail, name="detail"),
    path("<int:pk>/edit/", views.initiative_edit, name="edit"),
    path("<int:pk>/close/", views.initiative_close, name="close"),
    path("<int:pk>/invite/", views.initiative_invite, name="invite"),
    path("<int:pk>/participants/", views.participant_add, name="participant_add"),
    path("participants/<int:pk>/remove/", views.participant_remove, name="participant_remove"),
    path("invitations/<int:pk>/", views.invitation_detail, name="invitation"),
    path("invitations/<int:pk>/status/", views.invitation_status, name="invitation_status"),
]
