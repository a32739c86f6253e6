"""Logging conversations: the write that moves last-contact dates."""

import re
from datetime import datetime, time

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from amity.conversations.models import Channel, Conversation, HowItWent, Initiative, Participation
from amity.errors import Invalid, NotFound
from amity.parsing import MAX_TEXT, clean_text, parse_date
from amity.people.models import Person
from amity.search import index
from amity.workspaces.scoping import get_in_workspace


def access_conversation(workspace, pk) -> Conversation:
    return get_in_workspace(Conversation.objects, workspace, pk, "conversation")


_HAS_TIME = re.compile(r"\d[Tt ]+\d")


def parse_when(value, field: str = "happened_at") -> datetime:
    """A datetime, an ISO date-time, or any date form ``parse_date`` takes.

    A bare date means "that day": today's keeps the current time, other days noon.
    """
    if value is None or value == "":
        return timezone.now()
    if isinstance(value, datetime):
        when = value
    else:
        text = str(value).strip()
        try:
            # A time follows a digit ("2026-03-01T09:30", "2026-03-01 09:30"); a bare
            # "T" is not enough: "Today" and "Thursday" are dates.
            when = datetime.fromisoformat(text) if _HAS_TIME.search(text) else None
        except ValueError:
            raise Invalid(field=field, message=f"{value!r} is not a date and time.") from None
        if when is None:
            day = parse_date(text, field)
            if day == timezone.localdate():
                return timezone.now()
            when = datetime.combine(day, time(12, 0))
    if timezone.is_naive(when):
        when = timezone.make_aware(when)
    return when


def _clean(data: dict, *, creating: bool) -> dict:
    clean, errors = {}, {}

    def attempt(fn):
        try:
            fn()
        except Invalid as exc:
            errors.update(exc.errors)

    if creating or "happened_at" in data:
        def when():
            moment = parse_when(data.get("happened_at"))
            if moment > timezone.now() + timezone.timedelta(minutes=5):
                raise Invalid(field="happened_at", message="That is in the future: log a "
                              "conversation once it has happened, or add a follow-up for it.")
            clean["happened_at"] = moment
        attempt(when)
    if creating or "summary" in data:
        attempt(lambda: clean.__setitem__("summary", clean_text(
            "summary", data.get("summary"), limit=300, required=True, label="summary")))
    for field, limit in (("notes", MAX_TEXT), ("their_mood", 300)):
        if field in data:
            attempt(lambda f=field, lim=limit: clean.__setitem__(
                f, clean_text(f, data[f], limit=lim)))
    for field, choices, default in (("channel", Channel, Channel.IN_PERSON),
                                    ("how_it_went", HowItWent, ""),
                                    ("initiated_by", Initiative, "")):
        if field in data or (creating and field == "channel"):
            value = (data.get(field) or default).strip().lower().replace(" ", "-").replace("_", "-")
            # Empty means "not recorded" for the optional ones (how it went, who reached out).
            if value not in choices.values and not (value == "" and default == ""):
                errors[field] = (f"{data.get(field)!r} is not one of: "
                                 f"{', '.join(v for v in choices.values if v)}.")
            clean[field] = value
    if errors:
        raise Invalid(errors)
    return clean


def _check_people(workspace, people: list[Person]) -> list[Person]:
    if not people:
        raise Invalid(field="participants", message="A conversation needs at least one person.")
    for person in people:
        if person.workspace_id != workspace.pk:
            raise NotFound("person", f"#{person.pk}")
    return list({p.pk: p for p in people}.values())


@transaction.atomic
def log_conversation(workspace, people: list[Person], *, facts: list[dict] | None = None,
                     follow_up: dict | None = None, **data) -> Conversation:
    """Record a conversation with its participants, inline facts and an
    optional follow-up, and move every participant's last contact forward.

    ``facts``: ``[{"person": Person (default: the only participant), "kind", "text"}]``.
    ``follow_up``: ``{"action", "due_on", "person" (default: the first participant)}``.
    """
    from amity.followups.actions import create_follow_up
    from amity.people.actions import add_fact

    people = _check_people(workspace, people)
    clean = _clean(data, creating=True)
    conversation = Conversation.objects.create(workspace=workspace, **clean)
    Participation.objects.bulk_create(
        Participation(conversation=conversation, person=p) for p in people)
    touch_last_contact(people, conversation.happened_at)
    for i, fact in enumerate(facts or []):
        person = fact.get("person") or people[0]
        if person.pk not in {p.pk for p in people}:
            raise Invalid(field=f"facts[{i}].person",
                          message=f"{person.display_name} was not in this conversation.")
        try:
            add_fact(workspace, person, conversation=conversation,
                     kind=fact.get("kind"), text=fact.get("text"))
        except Invalid as exc:
            raise Invalid({f"facts[{i}].{k}": v for k, v in exc.errors.items()}) from None
    if follow_up and (follow_up.get("action") or "").strip():
        try:
            create_follow_up(workspace, follow_up.get("person") or people[0],
                             conversation=conversation, action=follow_up.get("action"),
                             due_on=follow_up.get("due_on"))
        except Invalid as exc:
            raise Invalid({f"follow_up.{k}": v for k, v in exc.errors.items()}) from None
    index.reindex_people(workspace, [p.pk for p in people])
    return conversation


def touch_last_contact(people: list[Person], when: datetime) -> None:
    """Move last contact forward only: a back-dated entry never moves it back.

    Compares with the stored rows (locked), not the caller's copies, which may
    be stale: another request may have logged a later conversation meanwhile.
    """
    stored = Person.objects.select_for_update().in_bulk([p.pk for p in people])
    for person in people:
        row = stored.get(person.pk, person)
        if row.last_contact_at is None or row.last_contact_at < when:
            row.last_contact_at = when
            row.refresh_checkin_due()
            row.save(update_fields=["last_contact_at", "checkin_due_on"])
        person.last_contact_at, person.checkin_due_on = row.last_contact_at, row.checkin_due_on


def recompute_last_contact(workspace, person_ids) -> None:
    """After an edit or a deletion, last contact is the latest conversation left."""
    latest = dict(Participation.objects.filter(person_id__in=person_ids)
                  .values("person_id").annotate(at=Max("conversation__happened_at"))
                  .values_list("person_id", "at"))
    for person in Person.objects.in_workspace(workspace).filter(pk__in=person_ids):
        person.last_contact_at = latest.get(person.pk)
        person.refresh_checkin_due()
        person.save(update_fields=["last_contact_at", "checkin_due_on"])


@transaction.atomic
def update_conversation(workspace, conversation: Conversation, *,
                        people: list[Person] | None = None, **data) -> Conversation:
    clean = _clean(data, creating=False)
    before = set(conversation.participations.values_list("person_id", flat=True))
    for field, value in clean.items():
        setattr(conversation, field, value)
    conversation.save()
    after = before
    if people is not None:
        people = _check_people(workspace, people)
        after = {p.pk for p in people}
        conversation.participations.exclude(person_id__in=after).delete()
        Participation.objects.bulk_create(
            Participation(conversation=conversation, person_id=pk) for pk in after - before)
    if people is not None or "happened_at" in clean:
        recompute_last_contact(workspace, before | after)
    index.reindex_people(workspace, list(before | after))
    return conversation


@transaction.atomic
def delete_conversation(workspace, conversation: Conversation) -> None:
    people = list(conversation.participations.values_list("person_id", flat=True))
    conversation.delete()
    recompute_last_contact(workspace, people)
    index.reindex_people(workspace, people)
