from django.urls import include, path

from amity.api import api

urlpatterns = [
    path("", include("amity.agenda.urls")),
    path("", include("amity.accounts.urls")),
    path("people/", include("amity.people.urls")),
    path("organisations/", include("amity.organisations.urls")),
    path("conversations/", include("amity.conversations.urls")),
    path("follow-ups/", include("amity.followups.urls")),
    path("search/", include("amity.search.urls")),
    path("settings/", include("amity.workspaces.urls")),
    path("api/", api.urls),
]
