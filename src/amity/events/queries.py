"""Reads for the event pages, the panels, the API and the CLI: each bounded, a few queries."""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db.models import Count, Q
from django.utils import timezone

from amity.events.models import Attendance, AttendanceStatus, Event

PROMPT_DAYS = 14        # how long after an event the agenda keeps prompting
PROMPT_EVENTS = 5       # at most this many recent events on the agenda
PROMPT_PEOPLE = 8       # at most this many names per event on the agenda
PEOPLE_SHOWN = 200      # an event page lists at most this many per section


def upcoming(workspace, today):
    """Events not over yet, soonest first."""
    return (Event.objects.in_workspace(workspace)
            .filter(Q(starts_on__gte=today) | Q(ends_on__gte=today))
            .order_by("starts_on", "id"))


def past(workspace, today):
    """Events that are over, latest first."""
    return (Event.objects.in_workspace(workspace)
            .filter(starts_on__lt=today)
            .filter(Q(ends_on__isnull=True) | Q(ends_on__lt=today))
            .order_by("-starts_on", "-id"))


def with_counts(events):
    return events.annotate(
        expected_count=Count("attendances", filter=Q(
            attendances__status=AttendanceStatus.EXPECTED)),
        met_count=Count("attendances", filter=Q(attendances__status=AttendanceStatus.MET)),
        new_count=Count("attendances", filter=Q(attendances__status=AttendanceStatus.MET,
                                                attendances__is_new=True)))


def current_organisations(person_ids) -> dict[int, str]:
    """{person id: the name of one current organisation}, in one query."""
    from amity.organisations.models import Affiliation

    current = Q(end_on__isnull=True) | Q(end_on__gte=timezone.localdate())
    names: dict[int, str] = {}
    for person_id, name in (Affiliation.objects.filter(current, person_id__in=list(person_ids))
                            .order_by("-represents", "id")
                            .values_list("person_id", "organisation__name")):
        names.setdefault(person_id, name)
    return names


@dataclass
class EventPeople:
    expected: list = field(default_factory=list)    # Attendance, person loaded
    met: list = field(default_factory=list)
    expected_total: int = 0
    met_total: int = 0


def event_people(event: Event) -> EventPeople:
    """Who you expect there and whom you met, each with ``organisation`` set (three queries)."""
    rows = event.attendances.select_related("person").order_by("person__display_name", "id")
    expected = list(rows.filter(status=AttendanceStatus.EXPECTED)[:PEOPLE_SHOWN])
    met = list(rows.filter(status=AttendanceStatus.MET)[:PEOPLE_SHOWN])
    orgs = current_organisations(a.person_id for a in expected + met)
    for attendance in expected + met:
        attendance.organisation = orgs.get(attendance.person_id, "")
    result = EventPeople(expected=expected, met=met)
    result.expected_total = len(expected) if len(expected) < PEOPLE_SHOWN else \
        event.attendances.filter(status=AttendanceStatus.EXPECTED).count()
    result.met_total = len(met) if len(met) < PEOPLE_SHOWN else \
        event.attendances.filter(status=AttendanceStatus.MET).count()
    return result


def person_attendances(person, limit: int = 20) -> list:
    return list(Attendance.objects.filter(person=person).select_related("event")
                .order_by("-event__starts_on", "-id")[:limit])


@dataclass
class Prompt:
    """After an event: the new people met there not yet followed up."""

    event: Event
    people: list            # Person, up to PROMPT_PEOPLE
    waiting: int            # how many new people have had no conversation since
    new_total: int          # how many new people were met there


def after_the_event(event: Event) -> datetime:
    """The first moment after the event's last day: a conversation from then on is a follow-up."""
    last_day = event.ends_on or event.starts_on
    return timezone.make_aware(datetime.combine(last_day + timedelta(days=1), time.min))


def follow_up_prompts(workspace, today) -> list[Prompt]:
    """Events of the last ``PROMPT_DAYS`` days where you met people new to you who
    have had no conversation with you since (two queries, bounded)."""
    since = today - timedelta(days=PROMPT_DAYS)
    events = list(Event.objects.in_workspace(workspace)
                  .filter(starts_on__lte=today)
                  .filter(Q(ends_on__gte=since) | Q(ends_on__isnull=True, starts_on__gte=since))
                  .filter(attendances__is_new=True, attendances__status=AttendanceStatus.MET)
                  .distinct().order_by("-starts_on", "-id")[:PROMPT_EVENTS])
    if not events:
        return []
    by_event: dict[int, list] = {e.pk: [] for e in events}
    totals: dict[int, int] = dict.fromkeys(by_event, 0)
    rows = (Attendance.objects.filter(event__in=events, status=AttendanceStatus.MET, is_new=True,
                                      person__archived_at__isnull=True)
            .select_related("person").order_by("person__display_name", "id"))
    cutoffs = {e.pk: after_the_event(e) for e in events}
    for attendance in rows[:PROMPT_EVENTS * 500]:
        totals[attendance.event_id] += 1
        last = attendance.person.last_contact_at
        if last is None or last < cutoffs[attendance.event_id]:
            by_event[attendance.event_id].append(attendance.person)
    return [Prompt(event=e, people=by_event[e.pk][:PROMPT_PEOPLE],
                   waiting=len(by_event[e.pk]), new_total=totals[e.pk])
            for e in events if by_event[e.pk]]
