from django.urls import path

from amity.workspaces import views

app_name = "workspaces"
urlpatterns = [
    path("", views.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.revoke, name="revoke_token"),
]
