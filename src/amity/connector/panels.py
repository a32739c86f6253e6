"""What the connector adds to the person page and to the agenda.

Each function returns a template context dict, or None to show nothing.
Both stay bounded: a few queries, a handful of rows, at 100,000 people.
"""

from django.db.models import Q

from amity.connector import termindex, workflow
from amity.connector.forms import RelationshipForm
from amity.connector.matching import suggest_for
from amity.connector.models import Introduction, Relationship

PERSON_RELATIONSHIPS = 20
PERSON_INTRODUCTIONS = 10
PERSON_SUGGESTIONS = 3
AGENDA_WAITING = 5


def person_panel(request, person) -> dict | None:
    from amity.connector.views import decorate

    workspace = request.workspace
    edges = list(Relationship.objects.in_workspace(workspace)
                 .filter(Q(person=person) | Q(other=person)).select_related("person", "other")
                 .order_by("-strength", "id")[:PERSON_RELATIONSHIPS])
    knows = [(edge, edge.other if edge.person_id == person.pk else edge.person) for edge in edges]
    intros = [decorate(i) for i in Introduction.objects.in_workspace(workspace)
              .filter(Q(person_a=person) | Q(person_b=person))
              .select_related("person_a", "person_b")
              .order_by("-updated_at", "-id")[:PERSON_INTRODUCTIONS]]
    ready = person.archived_at is None and termindex.ready(workspace)
    suggestions = suggest_for(workspace, person, limit=PERSON_SUGGESTIONS) if ready else []
    return {
        "knows": knows, "introductions": intros, "suggestions": suggestions,
        "suggestions_pending": person.archived_at is None and not ready,
        "relationship_form": RelationshipForm(auto_id=f"knows{person.pk}_%s",
                                              initial={"person": person.pk}),
        "next_url": request.get_full_path(),
    }


def agenda_panel(request) -> dict | None:
    from amity.connector.views import decorate

    waiting = Introduction.objects.in_workspace(request.workspace).filter(
        status__in=workflow.OPEN)
    shown = [decorate(i) for i in waiting.select_related("person_a", "person_b")
             .order_by("updated_at", "id")[:AGENDA_WAITING]]
    if not shown:
        return None
    return {"introductions": shown, "total": waiting.count(),
            "next_url": request.get_full_path()}
