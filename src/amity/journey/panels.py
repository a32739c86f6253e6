"""What this app adds to the person page and to the agenda (wired in people/agenda views).

Each function returns a template context dict, or None to show nothing.
"""

from django.utils import timezone

from amity.journey.appreciation import thank_you_prompts
from amity.journey.assess import assess, assess_one
from amity.journey.forms import PinForm
from amity.journey.stages import ORDER, Stage, rank

NEXT_STEPS = 5  # people on the agenda with their next best action


def steps(stage: str, derived: str) -> list[dict]:
    """The seven stages for the progress indicator: passed, current or ahead."""
    here = rank(stage)
    return [{"value": value, "label": Stage(value).label, "number": i + 1,
             "state": "done" if i < here else "current" if i == here else "ahead",
             "derived": value == derived}
            for i, value in enumerate(ORDER)]


def person_context(workspace, person, assessment=None) -> dict:
    assessment = assessment or assess_one(workspace, person)
    return {
        "assessment": assessment,
        "steps": steps(assessment.stage, assessment.derived),
        "number": rank(assessment.stage) + 1,
        "total": len(ORDER),
        "derived_label": Stage(assessment.derived).label,
        "pinned_at": person.stage_pinned_at,
        "pin_form": PinForm(initial={"stage": assessment.stage}, auto_id="pin_%s"),
    }


def person_panel(request, person) -> dict | None:
    assessment = assess_one(request.workspace, person)
    # Later panels on the same page (the question bank) reuse it rather than
    # gathering the same evidence again.
    request.journey_assessments = {person.pk: assessment}
    return person_context(request.workspace, person, assessment)


def agenda_panel(request) -> dict | None:
    """Next steps for the people due a check-in, and who to thank."""
    from amity.agenda.queries import check_ins_due

    workspace = request.workspace
    today = timezone.localdate()
    agenda = getattr(request, "agenda", None)
    if agenda is not None:
        due = [c.person for c in agenda.check_ins[:NEXT_STEPS]]
    else:
        due = list(check_ins_due(workspace, today)[:NEXT_STEPS])
    # No connector matches here: the agenda stays a fixed, small number of queries.
    assessments = assess(workspace, due)
    next_steps = [{"person": p, "assessment": assessments[p.pk]} for p in due]
    thanks = thank_you_prompts(workspace, today)
    if not next_steps and not thanks:
        return None
    return {"next_steps": next_steps, "thanks": thanks}
