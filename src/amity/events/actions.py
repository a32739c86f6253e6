"""Every write to events and who was there: one transaction each; web, API and CLI call these."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from amity.errors import Invalid, NotFound
from amity.events.capture import Row, check_rows
from amity.events.models import Attendance, AttendanceStatus, Event, EventKind
from amity.parsing import MAX_NAME, MAX_TEXT, clean_text, clean_url, fold, parse_date
from amity.search import index as search_index
from amity.workspaces.scoping import get_in_workspace, resolve_named

FOLLOW_UP_AFTER_DAYS = 3  # "follow up within a few days" of meeting someone new
SAME_NAME = 10            # people of one name looked at when a row's name is ambiguous


def access_event(workspace, pk) -> Event:
    return get_in_workspace(Event.objects, workspace, pk, "event")


def resolve_event(workspace, ref: str) -> Event:
    """An event by id (``12`` or ``#12``) or by a fragment of its name; never a guess."""
    return resolve_named(Event.objects, workspace, ref, what="event",
                         order=("-starts_on", "-id"),
                         describe=lambda e: f"{e.name} on {e.starts_on:%d %b %Y} (#{e.pk})")


# -- events -------------------------------------------------------------------

def _clean(data: dict, *, creating: bool, current: Event | None = None) -> dict:
    clean, errors = {}, {}

    def attempt(fn):
        try:
            fn()
        except Invalid as exc:
            errors.update(exc.errors)

    if creating or "name" in data:
        attempt(lambda: clean.__setitem__("name", clean_text(
            "name", data.get("name"), limit=MAX_NAME, required=True, label="the event's name")))
    if creating or "starts_on" in data:
        def starts():
            day = parse_date(data.get("starts_on"), "starts_on")
            if day is None:
                raise Invalid(field="starts_on", message="An event needs a date.")
            clean["starts_on"] = day
        attempt(starts)
    if "ends_on" in data:
        attempt(lambda: clean.__setitem__("ends_on", parse_date(data["ends_on"], "ends_on")))
    if "kind" in data:
        def kind():
            value = fold(str(data["kind"] or (current.kind if current else EventKind.MEETUP)))
            value = value.strip()
            labels = {fold(label): v for v, label in EventKind.choices}
            value = labels.get(value, value)
            if value not in EventKind.values:
                raise Invalid(field="kind", message=f"{data['kind']!r} is not a kind of event "
                                                    f"(one of: {', '.join(EventKind.values)}).")
            clean["kind"] = value
        attempt(kind)
    if "place" in data:
        attempt(lambda: clean.__setitem__("place", clean_text(
            "place", data["place"], limit=MAX_NAME)))
    if "url" in data:
        attempt(lambda: clean.__setitem__("url", clean_url("url", data["url"])))
    if "notes" in data:
        attempt(lambda: clean.__setitem__("notes", clean_text(
            "notes", data["notes"], limit=MAX_TEXT)))
    starts = clean.get("starts_on") or (current.starts_on if current else None)
    ends = clean.get("ends_on", current.ends_on if current else None)
    if starts and ends and ends < starts and "starts_on" not in errors:
        errors["ends_on"] = "The event's end date is before its start date."
    if errors:
        raise Invalid(errors)
    return clean


@transaction.atomic
def create_event(workspace, **data) -> Event:
    return Event.objects.create(workspace=workspace, **_clean(data, creating=True))


@transaction.atomic
def update_event(workspace, event: Event, **data) -> Event:
    for name, value in _clean(data, creating=False, current=event).items():
        setattr(event, name, value)
    event.save()
    return event


@transaction.atomic
def delete_event(workspace, event: Event) -> None:
    """The event and its attendance go; the people met there and their
    follow-ups stay (they are your people now)."""
    event.delete()


# -- who you expect to see ------------------------------------------------------

def _check_same_workspace(workspace, event, person) -> None:
    if event.workspace_id != workspace.pk:
        raise NotFound("event", f"#{event.pk}")
    if person.workspace_id != workspace.pk:
        raise NotFound("person", f"#{person.pk}")


@transaction.atomic
def expect_person(workspace, event: Event, person) -> Attendance:
    """Note that you expect to see ``person`` there; someone already met there stays met."""
    _check_same_workspace(workspace, event, person)
    attendance, _ = Attendance.objects.get_or_create(
        event=event, person=person,
        defaults={"workspace": workspace, "status": AttendanceStatus.EXPECTED})
    return attendance


@transaction.atomic
def unexpect_person(workspace, event: Event, person) -> None:
    _check_same_workspace(workspace, event, person)
    attendance = Attendance.objects.filter(event=event, person=person).first()
    if attendance is None:
        raise NotFound("expected person", f"{person.display_name} at {event.name}")
    if attendance.status == AttendanceStatus.MET:
        raise Invalid(field="person", message=f"You met {person.display_name} at {event.name}; "
                                              "that stays on the record.")
    attendance.delete()


# -- who you met: quick capture --------------------------------------------------

@dataclass
class Met:
    """What the capture did for one row."""

    row: int
    person: object                      # people.Person
    created: bool                       # a new person, first met at this event
    organisation: object | None = None  # organisations.Organisation
    facts: list = field(default_factory=list)
    follow_up: object | None = None     # followups.FollowUp, for new people only
    already_met: bool = False           # recorded as met there before


def follow_up_due(event: Event, today=None):
    """A few days after the event ends; never in the past when captured late."""
    today = today or timezone.localdate()
    return max((event.ends_on or event.starts_on) + timedelta(days=FOLLOW_UP_AFTER_DAYS), today)


@transaction.atomic
def record_met(workspace, event: Event, entries) -> list[Met]:
    """Record the people you met at ``event``, one "Name, organisation, what matters"
    row each (a line of text or a mapping with name, organisation, what_matters).

    Someone whose name matches exactly (accents and case aside) is found, anyone
    else is added as a new person met at the event. Each row may name an
    organisation (found or created, with an affiliation) and what matters to
    them ("needs: ...", "offers: ...", "goal: ...", else an interest; several
    separated by ";"). New people get a follow-up a few days after the event.
    All rows or none: a bad row raises ``Invalid`` naming it and its field.
    """
    if event.workspace_id != workspace.pk:
        raise NotFound("event", f"#{event.pk}")
    rows = check_rows(entries)
    found = _find_people(workspace, rows)
    results = []
    # Each row touches its person several times (person, facts, affiliation):
    # their search documents are rebuilt once, at the end.
    with search_index.batched(workspace):
        for row in rows:
            try:
                results.append(_record_row(workspace, event, row, found.get(row.number)))
            except Invalid as exc:
                # A rule checked deeper down (e.g. by create_person): still name the row.
                raise Invalid({f"entries[{row.number - 1}].{_row_field(name)}":
                               f"Row {row.number}: {message}"
                               for name, message in exc.errors.items()}) from None
    return results


def _row_field(action_field: str) -> str:
    return {"display_name": "name", "organisation": "organisation",
            "name": "organisation"}.get(action_field, "what_matters")


def _find_people(workspace, rows: list[Row]) -> dict:
    """{row number: person} for rows naming someone already here (by ``#id`` or exact name)."""
    from amity.people.actions import access_person
    from amity.people.models import Person
    from amity.search import index

    people = Person.objects.in_workspace(workspace)
    found, errors = {}, {}
    for row in rows:
        where = f"entries[{row.number - 1}].name"
        if row.name.startswith("#") and row.name[1:].isdigit():
            try:
                found[row.number] = access_person(workspace, row.name[1:])
            except NotFound:
                errors[where] = f"Row {row.number}: there is no person {row.name}."
            continue
        folded = fold(row.name)
        # Exact name, accents and case aside: the name index narrows, Python decides.
        candidates = list(people.filter(display_name__iexact=row.name)[:SAME_NAME]) or \
            index.find_people_by_name(workspace, row.name, people, limit=20)
        same = [p for p in candidates if fold(p.display_name) == folded]
        current = [p for p in same if p.archived_at is None] or same
        if len(current) > 1:
            ids = ", ".join(f"#{p.pk}" for p in current[:5]) + (", …" if len(current) > 5 else "")
            many = f"{len(current)}" if len(current) < SAME_NAME else f"{SAME_NAME} or more"
            errors[where] = (f"Row {row.number}: {many} people are called {row.name} "
                             f"({ids}); write the id instead, e.g. #{current[0].pk}.")
        elif current:
            found[row.number] = current[0]
    if errors:
        raise Invalid(errors)
    return found


def _record_row(workspace, event: Event, row: Row, person) -> Met:
    from amity.followups.actions import create_follow_up
    from amity.people.actions import add_fact, create_person

    created = person is None
    if created:
        person = create_person(workspace, display_name=row.name, met_event=event.name,
                               met_on=event.starts_on, met_where=event.place)
    attendance = Attendance.objects.filter(event=event, person=person).first()
    already_met = attendance is not None and attendance.status == AttendanceStatus.MET
    if attendance is None:
        Attendance.objects.create(workspace=workspace, event=event, person=person,
                                  status=AttendanceStatus.MET, is_new=created)
    elif not already_met:
        attendance.status = AttendanceStatus.MET
        attendance.save(update_fields=["status"])
    met = Met(row=row.number, person=person, created=created, already_met=already_met)
    if row.organisation:
        met.organisation = _affiliate(workspace, person, row.organisation)
    known = set(person.facts.values_list("kind", "text")) if not created else set()
    for kind, text in row.facts:
        if (kind, text) not in known:
            met.facts.append(add_fact(workspace, person, kind=kind, text=text,
                                      learned_on=event.ends_on or event.starts_on))
    if created:
        first = person.given_name or person.display_name.split()[0]
        met.follow_up = create_follow_up(
            workspace, person, action=f"Follow up with {first} after {event.name}"[:300],
            due_on=follow_up_due(event))
    return met


def _affiliate(workspace, person, name: str):
    """The organisation, found or created, with a current affiliation for the person."""
    from django.db.models import Q

    from amity.organisations.actions import add_affiliation, find_or_create_organisation

    organisation = find_or_create_organisation(workspace, name)
    current = Q(end_on__isnull=True) | Q(end_on__gte=timezone.localdate())
    if not person.affiliations.filter(current, organisation=organisation).exists():
        add_affiliation(workspace, person, organisation)
    return organisation
