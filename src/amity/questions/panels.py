"""What this app adds to the person page (wired in people/views.py): the questions
to ask next, each with an "asked — their answer" form, and what was asked before.

Each function returns a template context dict, or None to show nothing. The
brief page shows the same panel (``panel_for`` with the brief's own data), so
the ask form answers both pages with one partial.
"""

from django.urls import reverse

from amity.questions.forms import KIND_CHOICES


def panel_for(workspace, person, *, suggestions=None, asked=None, next_url: str = "",
              flash: str = "", failed: dict | None = None, stage: str | None = None) -> dict:
    """The panel's context. ``failed``: {question id: (message, posted data)} to show
    an ask that was refused next to its question, with what was typed kept."""
    from amity.journey.assess import assess_one
    from amity.questions.queries import asked_before, suggest_questions

    if suggestions is None:
        stage = stage or assess_one(workspace, person).stage
        suggestions = suggest_questions(workspace, person, stage)
    if asked is None:
        asked = asked_before(workspace, person)
    for question in suggestions:
        question.error, question.typed_answer, question.selected_kind = "", "", question.fact_kind
    error = ""
    for question_id, (message, data) in (failed or {}).items():
        match = next((q for q in suggestions if q.pk == question_id), None)
        if match is None:
            error = message
            continue
        match.error = message
        match.typed_answer = data.get("answer") or ""
        match.selected_kind = data.get("fact_kind") or ""
    return {"person": person, "suggestions": suggestions, "asked": asked,
            "kind_choices": KIND_CHOICES, "flash": flash, "error": error,
            "next_url": next_url or reverse("people:detail", args=[person.pk])}


def person_panel(request, person) -> dict | None:
    known = getattr(request, "journey_assessments", {}).get(person.pk)
    return panel_for(request.workspace, person, next_url=request.get_full_path(),
                     stage=known.stage if known else None)


def agenda_panel(request) -> dict | None:
    return None
