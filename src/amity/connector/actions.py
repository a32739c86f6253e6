"""Every write for this app: one transaction each; web, API and CLI call these.

Introductions follow the consent-first workflow in ``workflow`` (each step is
checked against the table, every step taken is recorded, and each can leave
the follow-up that moves it on). Relationships record that two of your people
know each other.
"""

from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from amity.connector import drafting, workflow
from amity.connector.drafting import compose, reasons_for
from amity.connector.models import (
    Introduction,
    IntroductionStep,
    IntroStatus,
    Outcome,
    Relationship,
    RelationshipKind,
)
from amity.connector.scoring import reason_text, short_names
from amity.errors import Invalid, NotFound
from amity.parsing import MAX_TEXT, clean_text, fold
from amity.workspaces.scoping import get_in_workspace

S = IntroStatus
# The draft of an introduction's message, for the views, the API and the CLI.
draft_message = drafting.draft_message


# -- access ---------------------------------------------------------------------

def access_introduction(workspace, pk) -> Introduction:
    return get_in_workspace(Introduction.objects.select_related("person_a", "person_b"),
                            workspace, pk, "introduction")


def access_relationship(workspace, pk) -> Relationship:
    return get_in_workspace(Relationship.objects.select_related("person", "other"),
                            workspace, pk, "relationship")


def _in_workspace(workspace, *people) -> None:
    for person in people:
        if person.workspace_id != workspace.pk:
            raise NotFound("person", f"#{person.pk}")


def _pair(intro) -> str:
    return f"introduction #{intro.pk} of {intro.person_a.display_name} and " \
           f"{intro.person_b.display_name}"


# -- introductions ----------------------------------------------------------------

def _existing(workspace, a, b) -> Introduction | None:
    """An introduction of these two that is under way or was made (declined ones don't count)."""
    return (Introduction.objects.in_workspace(workspace)
            .filter(Q(person_a=a, person_b=b) | Q(person_a=b, person_b=a))
            .exclude(status=S.DECLINED).order_by("-id").first())


@transaction.atomic
def start_introduction(workspace, a, b, reason: str = "", message: str | None = None, *,
                       create_follow_up: bool = True) -> Introduction:
    """Suggest introducing A to B: nothing is asked yet; A is asked first."""
    _in_workspace(workspace, a, b)
    if a.pk == b.pk:
        raise Invalid(field="person_b", message=f"An introduction needs two different people: "
                                                f"{a.display_name} was chosen twice.")
    for person, field in ((a, "person_a"), (b, "person_b")):
        if person.archived_at is not None:
            raise Invalid(field=field, message=f"{person.display_name} is archived: unarchive "
                                               "them before introducing them to anyone.")
    existing = _existing(workspace, a, b)
    if existing is not None:
        state = ("were already introduced" if existing.status == S.INTRODUCED else
                 "already have an introduction under way "
                 f"(at “{existing.get_status_display()}”)")
        raise Invalid(field="person_b", message=f"{a.display_name} and {b.display_name} {state}: "
                                                f"see introduction #{existing.pk}.")
    reason = clean_text("reason", reason, limit=2000)
    if message is not None:
        message = clean_text("message", message, limit=MAX_TEXT)
    first, second, matches = reasons_for(workspace, a, b)
    intro = Introduction.objects.create(
        workspace=workspace, person_a=a, person_b=b, status=S.SUGGESTED,
        reason=reason or reason_text(*short_names(a, b), matches),
        message=message if message else compose(a, b, first, second, matches))
    _record(workspace, intro, S.SUGGESTED, "")
    if create_follow_up:
        _set_follow_up(workspace, intro)
    return intro


@transaction.atomic
def advance(workspace, intro: Introduction, step: str, note: str = "", *,
            create_follow_up: bool = True) -> Introduction:
    """Take the next step (see ``workflow.NEXT``); "declined" and the outcomes
    (met, helped, nothing) are passed on to ``decline`` and ``record_outcome``."""
    step = workflow.normalise_step(step)
    if step == S.DECLINED:
        by = {S.ASKED_A: "a", S.ASKED_B: "b"}.get(intro.status, "me")
        return decline(workspace, intro, by=by, note=note)
    if step in workflow.OUTCOMES:
        return record_outcome(workspace, intro, step, note=note)
    return _advance(workspace, intro, step, note, create_follow_up)


def _advance(workspace, intro, step, note, create_follow_up) -> Introduction:
    if step not in S.values:
        names = ", ".join(workflow.STEP_NAMES)
        raise Invalid(field="step", message=f"{step!r} is not a step of an introduction "
                                            f"(one of: {names}).")
    intro = _locked(workspace, intro)
    if step not in workflow.NEXT[intro.status]:
        raise Invalid(field="step", message=(
            f"The {_pair(intro)} is at “{intro.get_status_display()}”, so it cannot go to "
            f"“{S(step).label}”. Next: {workflow.describe_next(intro.status)}."))
    note = clean_text("note", note, limit=300)
    _close_follow_up(intro)
    intro.status = step
    if step == S.INTRODUCED:
        _introduced(workspace, intro)
    _record(workspace, intro, step, note)
    if create_follow_up:
        _set_follow_up(workspace, intro)
    intro.updated_at = timezone.now()
    intro.save()
    return intro


@transaction.atomic
def decline(workspace, intro: Introduction, by: str = "me", note: str = "") -> Introduction:
    """One of them (``by`` "a" or "b"), or you ("me"), said no: the introduction stops here."""
    if by not in workflow.DECLINED_BY:
        raise Invalid(field="by", message="Who declined: a (the first person), b (the second) "
                                          "or me (you).")
    intro = _locked(workspace, intro)
    if intro.status not in workflow.OPEN:
        raise Invalid(field="step", message=(
            f"The {_pair(intro)} is at “{intro.get_status_display()}”: only an introduction "
            "under way can be declined."))
    note = clean_text("note", note, limit=300)
    who = {"a": intro.person_a.display_name, "b": intro.person_b.display_name,
           "me": "you"}[by]
    _close_follow_up(intro)
    intro.status, intro.declined_by = S.DECLINED, by
    _record(workspace, intro, S.DECLINED, _join(f"Declined by {who}.", note))
    intro.updated_at = timezone.now()
    intro.save()
    return intro


@transaction.atomic
def record_outcome(workspace, intro: Introduction, outcome: str, note: str = "") -> Introduction:
    """What came of an introduction that was made: met, helped or nothing."""
    outcome = workflow.normalise_step(outcome)
    if outcome not in workflow.OUTCOMES:
        raise Invalid(field="outcome", message=f"{outcome!r} is not an outcome (met, helped or "
                                               "nothing).")
    intro = _locked(workspace, intro)
    if intro.status != S.INTRODUCED:
        raise Invalid(field="outcome", message=(
            f"The {_pair(intro)} is at “{intro.get_status_display()}”: an outcome is recorded "
            "once they have been introduced."))
    note = clean_text("note", note, limit=300)
    _close_follow_up(intro)
    intro.outcome, intro.outcome_on = outcome, timezone.localdate()
    _record(workspace, intro, S.INTRODUCED,
            _join(f"Outcome: {Outcome(outcome).label.lower()}.", note))
    intro.updated_at = timezone.now()
    intro.save()
    return intro


def _locked(workspace, intro) -> Introduction:
    """The row as it is now, locked for this transaction (two clicks cannot both advance it)."""
    fresh = (Introduction.objects.in_workspace(workspace).select_for_update()
             .filter(pk=intro.pk).first())
    if fresh is None:
        raise NotFound("introduction", f"#{intro.pk}")
    fresh.person_a, fresh.person_b = intro.person_a, intro.person_b
    return fresh


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)[:300]


def _record(workspace, intro, status, note) -> IntroductionStep:
    return IntroductionStep.objects.create(workspace=workspace, introduction=intro,
                                           status=status, note=note)


def _close_follow_up(intro) -> None:
    if intro.follow_up_id is not None:
        follow_up = intro.follow_up
        if follow_up is not None and follow_up.done_at is None:
            follow_up.complete()


def _set_follow_up(workspace, intro) -> None:
    from amity.followups.actions import create_follow_up

    a_name, b_name = short_names(intro.person_a, intro.person_b)
    planned = workflow.follow_up_for(intro.status, a_name, b_name)
    if planned is None:
        return
    action, days, whose = planned
    person = intro.person_a if whose == "a" else intro.person_b
    intro.follow_up = create_follow_up(workspace, person, action=action[:300],
                                       due_on=timezone.localdate() + timedelta(days=days))
    intro.save(update_fields=["follow_up"])


def _introduced(workspace, intro) -> None:
    """They are introduced: a relationship edge and a gift in the ledger for each."""
    from amity.exchange.actions import record_entry

    a, b = intro.person_a, intro.person_b
    low, high = (a, b) if a.pk < b.pk else (b, a)
    edge = Relationship.objects.in_workspace(workspace).filter(person=low, other=high).first()
    if edge is None:
        Relationship.objects.create(workspace=workspace, person=low, other=high,
                                    kind=RelationshipKind.INTRODUCED, strength=1,
                                    introduction=intro)
    elif edge.introduction_id is None:
        edge.introduction = intro
        edge.save(update_fields=["introduction"])
    for person, other in ((a, b), (b, a)):
        record_entry(workspace, person, direction="to_them", kind="introduction",
                     description=f"Introduced to {other.display_name}"[:300],
                     introduction=intro)
    intro.introduced_on = timezone.localdate()


# -- relationships ------------------------------------------------------------------

STRENGTHS = {"1": 1, "2": 2, "3": 3, "acquaintances": 1, "acquainted": 1, "weak": 1,
             "know": 2, "knows": 2, "known": 2, "close": 3, "strong": 3}


def _clean_kind(value) -> str:
    folded = fold(str(value or RelationshipKind.KNOWS)).strip()
    for kind, label in RelationshipKind.choices:
        if folded in (kind, fold(label)):
            return kind
    aliases = {"colleague": "colleagues", "friend": "friends", "partner": "partners",
               "work together": "partners", "mentee": "mentor", "know": "knows"}
    if folded in aliases:
        return aliases[folded]
    raise Invalid(field="kind", message=f"{value!r} is not a kind of relationship (one of: "
                                        f"{', '.join(RelationshipKind.values)}).")


def _clean_strength(value) -> int:
    strength = STRENGTHS.get(fold(str(value if value is not None else 2)).strip())
    if strength is None:
        raise Invalid(field="strength", message=f"{value!r} is not a strength: 1 (acquaintances), "
                                                "2 (know each other) or 3 (close).")
    return strength


@transaction.atomic
def add_relationship(workspace, a, b, *, kind: str = RelationshipKind.KNOWS, strength=2,
                     notes: str = "") -> Relationship:
    """Record that A and B know each other (again: the kind and strength are updated)."""
    _in_workspace(workspace, a, b)
    if a.pk == b.pk:
        raise Invalid(field="other", message=f"A relationship is between two different people: "
                                             f"{a.display_name} was chosen twice.")
    clean = {"kind": _clean_kind(kind), "strength": _clean_strength(strength),
             "notes": clean_text("notes", notes, limit=300)}
    low, high = (a, b) if a.pk < b.pk else (b, a)
    edge = (Relationship.objects.in_workspace(workspace).select_for_update()
            .filter(person=low, other=high).first())
    if edge is None:
        return Relationship.objects.create(workspace=workspace, person=low, other=high, **clean)
    for field, value in clean.items():
        setattr(edge, field, value)
    edge.save()
    return edge


@transaction.atomic
def remove_relationship(workspace, relationship: Relationship) -> None:
    relationship.delete()
