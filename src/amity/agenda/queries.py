"""Today's agenda: what to do for your relationships, most pressing first.

1. follow-ups that are overdue or due today (oldest first);
2. people due a check-in (last contact + cadence <= today), ranked by how
   late they are relative to their cadence, weighted by importance;
3. birthdays in the coming week.

Every part is a bounded number of indexed queries, whatever the size of the
network: the check-in ranking runs in SQL over the ``person_agenda`` index.
"""

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import connection
from django.db.models import ExpressionWrapper, F, FloatField, Q
from django.db.models.expressions import RawSQL
from django.utils import timezone

from amity.followups.models import FollowUp
from amity.people.models import Person

BIRTHDAY_DAYS = 7


@dataclass
class CheckIn:
    person: Person
    days_since: int | None  # None: never contacted
    days_late: int
    score: float


@dataclass
class Birthday:
    person: Person
    on: date
    turns: int | None


@dataclass
class Agenda:
    today: date
    follow_ups: list[FollowUp] = field(default_factory=list)
    follow_ups_total: int = 0
    upcoming: list[FollowUp] = field(default_factory=list)
    check_ins: list[CheckIn] = field(default_factory=list)
    check_ins_total: int = 0
    birthdays: list[Birthday] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.follow_ups or self.check_ins or self.birthdays)


def _days_late_sql(today: date) -> RawSQL:
    if connection.vendor == "postgresql":
        return RawSQL("(%s::date - people_person.checkin_due_on)", [today])
    return RawSQL("CAST(julianday(%s) - julianday(people_person.checkin_due_on) AS INTEGER)",
                  [today.isoformat()])


def due_follow_ups(workspace, today: date):
    return (FollowUp.objects.in_workspace(workspace)
            .filter(done_at__isnull=True, due_on__lte=today, person__archived_at__isnull=True)
            .select_related("person").order_by("due_on", "id"))


def check_ins_due(workspace, today: date):
    """People due a check-in, best first, with ``days_late`` and ``score`` annotated."""
    days_late = _days_late_sql(today)
    # Lateness relative to cadence: 10 days late on a 7-day cadence is more
    # pressing than 10 days late on a 90-day one. Importance multiplies it.
    score = ExpressionWrapper(
        (days_late + F("cadence_days")) * 1.0 / F("cadence_days") * F("importance"),
        output_field=FloatField())
    return (Person.objects.in_workspace(workspace)
            .filter(archived_at__isnull=True, checkin_due_on__lte=today,
                    cadence_days__isnull=False)
            .annotate(days_late=days_late, score=score)
            .order_by("-score", "checkin_due_on", "id"))


def _celebrated_on(day: date) -> list[tuple[int, int]]:
    """The (month, day) birthdays celebrated on ``day``: outside leap years,
    29 February birthdays are kept on the 28th (else they would never show)."""
    if (day.month, day.day) == (2, 28) and not calendar.isleap(day.year):
        return [(2, 28), (2, 29)]
    return [(day.month, day.day)]


def upcoming_birthdays(workspace, today: date, days: int = BIRTHDAY_DAYS) -> list[Birthday]:
    window = [today + timedelta(days=i) for i in range(days + 1)]
    by_month: dict[int, set[int]] = {}
    for day in window:
        for month, day_of_month in _celebrated_on(day):
            by_month.setdefault(month, set()).add(day_of_month)
    # One range per month (at most two), each term carrying the workspace, so
    # the database answers every term from the person_birthday index instead
    # of scanning everyone (a week-long window is contiguous within a month).
    match = Q()
    for month, days_of_month in by_month.items():
        match |= Q(workspace=workspace, birthday_month=month,
                   birthday_day__gte=min(days_of_month), birthday_day__lte=max(days_of_month))
    people = Person.objects.filter(match, archived_at__isnull=True)
    result = []
    for person in people:
        on = next(d for d in window
                  if (person.birthday_month, person.birthday_day) in _celebrated_on(d))
        turns = on.year - person.birthday_year if person.birthday_year else None
        result.append(Birthday(person, on, turns))
    return sorted(result, key=lambda b: (b.on, b.person.display_name))


def build_agenda(workspace, today: date | None = None, *, limit: int = 25,
                 check_in_offset: int = 0) -> Agenda:
    today = today or timezone.localdate()
    agenda = Agenda(today=today)
    follow_ups = due_follow_ups(workspace, today)
    agenda.follow_ups = list(follow_ups[:limit])
    agenda.follow_ups_total = (len(agenda.follow_ups) if len(agenda.follow_ups) < limit
                               else follow_ups.count())
    agenda.upcoming = list(
        FollowUp.objects.in_workspace(workspace)
        .filter(done_at__isnull=True, due_on__gt=today, due_on__lte=today + timedelta(days=7),
                person__archived_at__isnull=True)
        .select_related("person").order_by("due_on", "id")[:limit])
    check_ins = check_ins_due(workspace, today)
    rows = list(check_ins[check_in_offset:check_in_offset + limit])
    agenda.check_ins = [
        CheckIn(person=p,
                days_since=(today - timezone.localdate(p.last_contact_at)).days
                if p.last_contact_at else None,
                days_late=int(p.days_late), score=float(p.score))
        for p in rows]
    agenda.check_ins_total = (check_in_offset + len(rows) if len(rows) < limit
                              else check_ins.count())
    agenda.birthdays = upcoming_birthdays(workspace, today)
    return agenda
