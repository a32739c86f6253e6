"""The one NinjaAPI: each app adds its Router here, and domain errors are
mapped to HTTP answers here, in one place.

- ``Invalid``   -> 422 ``{"detail": [{"type", "loc": ["body", field], "msg"}]}``
- ``Ambiguous`` -> 422, the same shape, with the candidates
- ``NotFound``  -> 404 ``{"detail": "No person #12"}``
- django-ninja's own validation errors keep their shape, with the body
  parameter's name left out of ``loc`` so both kinds of 422 read alike.
"""

import re

from ninja import NinjaAPI
from ninja.errors import ValidationError

from amity.agenda.api import router as agenda_router
from amity.brief.api import router as brief_router
from amity.connector.api import router as connector_router
from amity.conversations.api import router as conversations_router
from amity.errors import Ambiguous, Invalid, NotFound
from amity.events.api import router as events_router
from amity.exchange.api import router as ledger_router
from amity.followups.api import router as follow_ups_router
from amity.goals.api import router as goals_router
from amity.initiatives.api import router as initiatives_router
from amity.journey.api import router as journey_router
from amity.organisations.api import affiliations_router
from amity.organisations.api import router as organisations_router
from amity.people.api import facts_router
from amity.people.api import router as people_router
from amity.questions.api import router as questions_router
from amity.search.api import router as search_router
from amity.workspaces.api import AUTH, PAGINATION_HELP
from amity.workspaces.api import router as tokens_router

DESCRIPTION = f"""
The JSON API of Amity: your people, what matters to them, your conversations
and follow-ups, and today's agenda.

**Authentication.** Send a personal API token (made in the web settings or with
`amity token create`) as `Authorization: Bearer <token>`. The browser's session
works too, with Django's CSRF token on unsafe methods. Without either: 401.

**Pagination.** Every list is the same: {PAGINATION_HELP}

**Errors.** 404 `{{"detail": "..."}}` for an id that is not in your workspace
(another workspace's ids look exactly like ids that do not exist). 422
`{{"detail": [{{"type": ..., "loc": ["body", "<field>"], "msg": "..."}}]}}` for
input that cannot be stored, naming each field; nothing is written. 400 for a
body that is not JSON.

**Values.** `importance` is "inner", "regular" or "occasional". Birthdays are
"1990-04-15", or "--04-15" without the year. Dates you send may be ISO dates or
forms like "today", "tomorrow", "+7d", "+2w", "+1m", "friday".
"""

api = NinjaAPI(title="Amity API", version="1", description=DESCRIPTION,
               urls_namespace="api", auth=AUTH)

api.add_router("/people", people_router)
api.add_router("/facts", facts_router)
api.add_router("/organisations", organisations_router)
api.add_router("/affiliations", affiliations_router)
api.add_router("/conversations", conversations_router)
api.add_router("/follow-ups", follow_ups_router)
api.add_router("/agenda", agenda_router)
api.add_router("/search", search_router)
api.add_router("/tokens", tokens_router)
api.add_router("/journey", journey_router)
api.add_router("/ledger", ledger_router)
api.add_router("/connector", connector_router)
api.add_router("/initiatives", initiatives_router)
api.add_router("/events", events_router)
api.add_router("/goals", goals_router)
api.add_router("/questions", questions_router)
api.add_router("/brief", brief_router)

# Every endpoint names its body parameter "payload"; clients need not know that.
BODY_PARAM = "payload"


def error_loc(field: str, where: str = "body") -> list[str | int]:
    """``facts[0].kind`` -> ``["body", "facts", 0, "kind"]``, as pydantic would say it."""
    loc: list[str | int] = [where]
    for part in re.findall(r"[^.\[\]]+", field):
        loc.append(int(part) if part.isdigit() else part)
    return loc


@api.exception_handler(Invalid)
def invalid(request, exc: Invalid):
    detail = [{"type": "invalid", "loc": error_loc(field), "msg": message}
              for field, message in exc.errors.items()]
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(Ambiguous)
def ambiguous(request, exc: Ambiguous):
    candidates = [{"id": p.pk, "display_name": p.display_name} for p in exc.candidates]
    detail = [{"type": "ambiguous", "loc": ["person"], "msg": str(exc),
               "candidates": candidates}]
    return api.create_response(request, {"detail": detail}, status=422)


@api.exception_handler(NotFound)
def not_found(request, exc: NotFound):
    return api.create_response(request, {"detail": str(exc)}, status=404)


@api.exception_handler(ValidationError)
def validation_error(request, exc: ValidationError):
    detail = []
    for error in exc.errors:
        loc = list(error.get("loc", []))
        if loc[:2] == ["body", BODY_PARAM]:
            del loc[1]
        detail.append({**error, "loc": loc})
    return api.create_response(request, {"detail": detail}, status=422)
