"""Every write for this app: one transaction each; web, API and CLI call these.

The journey keeps no rows of its own: the only write is the stage pinned by
hand on the person (``Person.stage_pin``), which wins over the derived stage
until it is cleared.
"""

from django.db import transaction
from django.utils import timezone

from amity.errors import Invalid, NotFound
from amity.journey.stages import ORDER, Stage


def clean_stage(value) -> str:
    """"First contact", "first-contact" and "first_contact" are the same stage."""
    text = str(value or "").strip().lower().replace("-", "_").replace(" ", "_")
    if text not in ORDER:
        raise Invalid(field="stage", message=(
            f"{value!r} is not a journey stage; the stage pinned on a person is one of: "
            f"{', '.join(ORDER)}."))
    return text


def _check(workspace, person) -> None:
    if person.workspace_id != workspace.pk:
        raise NotFound("person", f"#{person.pk}")


@transaction.atomic
def pin_stage(workspace, person, stage: str):
    """Set the stage by hand: shown as pinned, and kept until cleared."""
    _check(workspace, person)
    person.stage_pin = Stage(clean_stage(stage)).value
    person.stage_pinned_at = timezone.now()
    person.save(update_fields=["stage_pin", "stage_pinned_at"])
    return person


@transaction.atomic
def clear_stage_pin(workspace, person):
    """Back to the stage the evidence gives."""
    _check(workspace, person)
    person.stage_pin = ""
    person.stage_pinned_at = None
    person.save(update_fields=["stage_pin", "stage_pinned_at"])
    return person
