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
    path("journey/", include("amity.journey.urls")),
    path("ledger/", include("amity.exchange.urls")),
    path("connector/", include("amity.connector.urls")),
    path("initiatives/", include("amity.initiatives.urls")),
    path("events/", include("amity.events.urls")),
    path("goals/", include("amity.goals.urls")),
    path("questions/", include("amity.questions.urls")),
    path("brief/", include("amity.brief.urls")),
    path("api/", api.urls),
]
