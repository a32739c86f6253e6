"""Deciding what a demo network holds, in Python, before a row is written.

``make_plan`` draws everything from one ``random.Random(seed)`` in a fixed
order, with dates relative to ``today``, so a seed gives the same network on
any database. People, organisations and conversations are referred to by
their index in the plan; the writer turns indexes into ids.

The maintained columns are computed here from the plan itself: a person's
last contact is the latest conversation they take part in (as the first
participant or as a guest in someone else's), and their check-in is due that
day (or the day they were added) plus their cadence, which is exactly what
``Person.compute_checkin_due`` says.
"""

import functools
import re
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from random import Random

from django.utils import timezone

from amity.demo import vocabulary as V
from amity.parsing import fold

HISTORY_DAYS = 365  # conversations spread over the past year
MINUTES = tuple(range(8 * 60, 20 * 60, 15))  # office hours, on the quarter hour

UNIQUE_NAMES_UP_TO = 2_000

# Importance: 1 occasional, 2 regular, 3 inner circle.
INNER, REGULAR, OCCASIONAL = 3, 2, 1


def _split_cultures():
    cultures = []
    for givens, families, order in V.CULTURES:
        cultures.append(([tuple(g.split(":")) for g in givens],
                         [tuple(f.split("|")) if "|" in f else (f, f) for f in families], order))
    return cultures


CULTURES = _split_cultures()


@dataclass
class Plan:
    """The whole network by index; rows come out through ``demo.rows``."""

    seed: int
    today: date
    now: datetime
    tags: list[str] = field(default_factory=list)
    # (name, kind, website, notes, created_at)
    organisations: list[tuple] = field(default_factory=list)
    org_roles: list[tuple] = field(default_factory=list)
    people: list[dict] = field(default_factory=list)
    call_names: list[str] = field(default_factory=list)
    person_tags: list[tuple[int, int]] = field(default_factory=list)
    emails: list[tuple[int, str, str]] = field(default_factory=list)
    phones: list[tuple[int, str, str]] = field(default_factory=list)
    # (person, organisation, role, represents, start_on, end_on)
    affiliations: list[tuple] = field(default_factory=list)
    # Conversations: parallel arrays, plus guests for the few with several people.
    conv_person: array = field(default_factory=lambda: array("l"))
    conv_days: array = field(default_factory=lambda: array("H"))
    conv_minute: array = field(default_factory=lambda: array("H"))
    conv_guests: dict[int, tuple[int, ...]] = field(default_factory=dict)
    # (person, kind, text, learned_on, conversation or None, confirmed_on, created_at)
    facts: list[tuple] = field(default_factory=list)
    # (person, conversation or None, action, due_on, done_at, snoozed_times, created_at)
    follow_ups: list[tuple] = field(default_factory=list)
    _moments: dict[int, datetime] = field(default_factory=dict)

    @property
    def conversation_count(self) -> int:
        return len(self.conv_person)

    @property
    def participation_count(self) -> int:
        return len(self.conv_person) + sum(len(g) for g in self.conv_guests.values())

    def moment(self, days_ago: int, minute: int) -> datetime:
        """An aware datetime ``days_ago`` days before today at ``minute`` past
        midnight, local time; one shared object per moment."""
        key = days_ago * 1440 + minute
        found = self._moments.get(key)
        if found is None:
            day = self.today - timedelta(days=days_ago)
            found = timezone.make_aware(datetime.combine(day, time(minute // 60, minute % 60)))
            self._moments[key] = found
        return found

    def conversation_day(self, c: int) -> date:
        return self.today - timedelta(days=self.conv_days[c])

    def happened_at(self, c: int) -> datetime:
        return self.moment(self.conv_days[c], self.conv_minute[c])


# Letters that accent-folding keeps (they are letters of their own, not an
# accent on a Latin one); e-mail addresses spell them the usual way.
_ASCII = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "ı": "i",
                        "ð": "d", "þ": "th"})


@functools.cache
def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", fold(text).translate(_ASCII))


class _Planner:
    def __init__(self, people: int, seed: int, today: date, now: datetime):
        self.n = people
        self.rng = Random(seed)
        random = self.rng.random
        self.pick = lambda pool: pool[int(random() * len(pool))]
        # Each person's latest conversation so far: (sort key, conversation index).
        self.latest: list[tuple[int, int] | None] = [None] * people
        self.plan = Plan(seed=seed, today=today, now=now)
        self.email_seen: dict[str, int] = {}
        self.names_seen: set[str] = set()


    # -- organisations and tags ------------------------------------------

    def organisations(self) -> None:
        rng, plan = self.rng, self.plan
        places = list(V.LOCAL_PLACES)
        rng.shuffle(places)
        families = sorted({form for _, fams, _ in CULTURES for pair in fams for form in pair})
        rng.shuffle(families)
        templates = V.ORGANISATIONS
        cap = len(templates) * len(places)
        # Every kind once in a small network; about one organisation per 50 people after that.
        count = min(cap, max(len(templates), self.n // 50))
        seen = set()
        for r in range(cap):
            if len(plan.organisations) >= count:
                break
            template, kind, roles = templates[r % len(templates)]
            place = places[(r // len(templates) + r) % len(places)]
            name = template.format(place=place, family=families[r % len(families)])
            if name in seen:
                continue
            seen.add(name)
            website = f"https://{_slug(name)[:40]}.example.org"
            notes = "" if rng.random() < 0.6 else self.pick((
                "Long-standing partner of the coalition.", "Met them through the land trust.",
                "Funding cycle opens in March.", "Shares a warehouse with the food bank.",
                "New to the coalition this year."))
            created = plan.moment(400 + int(rng.random() * 700), self.pick(MINUTES))
            plan.organisations.append((name, kind, website, notes, created))
            plan.org_roles.append(roles)
        plan.tags = list(V.TAGS)

    # -- people ----------------------------------------------------------

    def person(self, i: int) -> dict:
        rng, pick = self.rng, self.pick
        # A small network has no two people of the same name (a large one does, as in life).
        for _ in range(8 if self.n <= UNIQUE_NAMES_UP_TO else 1):
            given, hint, family, order = self._name()
            display = f"{family} {given}" if order == "family" else f"{given} {family}"
            if display not in self.names_seen:
                break
        self.names_seen.add(display)
        nickname = V.NICKNAMES.get(given, "") if rng.random() < 0.5 else ""
        call = nickname or (given.split()[-1] if order == "family" else given)
        self.plan.call_names.append(call)
        roll = rng.random()
        if roll < 0.05:
            importance, cadence = INNER, 14 + int(rng.random() * 17)
        elif roll < 0.40:
            importance, cadence = REGULAR, pick((30, 45, 60, 60, 90))
        else:
            importance, cadence = OCCASIONAL, (180 if rng.random() < 0.4 else None)
        location = ""
        if rng.random() < 0.8:
            location = pick(V.LOCAL_PLACES) if rng.random() < 0.75 else pick(V.FAR_PLACES)
        year = month = day = None
        if rng.random() < 0.75:
            born = date(2001, 1, 1) + timedelta(days=int(rng.random() * 365))
            month, day = born.month, born.day
            year = None if rng.random() < 0.3 else 1950 + int(rng.random() * 50)
        met_where = pick(V.MET_WHERE) if rng.random() < 0.6 else ""
        introduced_by = int(rng.random() * i) if i and rng.random() < 0.1 else None
        self._contact_details(i, given, family)
        return {
            "display_name": display, "given_name": given, "family_name": family,
            "nickname": nickname,
            "pronouns": pick(V.PRONOUNS[hint]) if rng.random() < 0.45 else "",
            "location": location, "linkedin_url": "",
            "website": f"https://{_slug(given)}{_slug(family)}.example.net"
            if rng.random() < 0.1 else "",
            "birthday_year": year, "birthday_month": month, "birthday_day": day,
            "met_where": met_where, "met_on": None,
            "met_event": pick(V.MET_EVENTS) if met_where and rng.random() < 0.3 else "",
            "introduced_by": introduced_by,
            "notes": pick(V.PERSON_NOTES) if rng.random() < 0.15 else "",
            "importance": importance, "cadence_days": cadence,
            "last_contact_at": None, "checkin_due_on": None, "archived_at": None,
            "created_at": None, "updated_at": None,
        }

    def _name(self) -> tuple[str, str, str, str]:
        rng, pick = self.rng, self.pick
        givens, families, order = pick(CULTURES)
        given, hint = pick(givens)
        # Gendered family names (Ó Briain / Ní Bhriain) follow the given name.
        form = {"m": 0, "f": 1}.get(hint, int(rng.random() * 2))
        family = pick(families)[form]
        if order == "two" and rng.random() < 0.5:
            second = pick(families)[form]
            if second != family:
                family = f"{family} {second}"
        return given, hint, family, order

    def _contact_details(self, i: int, given: str, family: str) -> None:
        rng, plan = self.rng, self.plan
        local = f"{_slug(given)}.{_slug(family.split()[-1] if ' ' in family else family)}"
        plan.emails.append((i, self._unique_email(local, "example.org"), "home"))
        if rng.random() < 0.3:
            work = f"{_slug(given)[:1]}{_slug(family)}"
            plan.emails.append((i, self._unique_email(work, "example.net"), "work"))
        if rng.random() < 0.55:
            country, prefix, digits = self.pick(V.PHONE_PLANS)
            number = f"{int(rng.random() * 10 ** digits):0{digits}d}"
            if country == "+1":
                number = str(2 + int(rng.random() * 8)) + number[1:]  # no exchange 0xx/1xx
            plan.phones.append((i, f"{country}{prefix}{number}",
                                "mobile" if rng.random() < 0.7 else "work"))

    def _unique_email(self, local: str, domain: str) -> str:
        address = f"{local}@{domain}"
        seen = self.email_seen.get(address, 0)
        self.email_seen[address] = seen + 1
        return address if not seen else f"{local}{seen + 1}@{domain}"

    def affiliations_and_tags(self, i: int) -> None:
        rng, plan, pick = self.rng, self.plan, self.pick
        tags = set()
        if rng.random() < 0.65:
            o = int(rng.random() * len(plan.organisations))
            kind = plan.organisations[o][1]
            start = plan.today - timedelta(days=60 + int(rng.random() * 3000))
            plan.affiliations.append((i, o, pick(plan.org_roles[o]), rng.random() < 0.3,
                                      start, None))
            name = plan.organisations[o][0]
            tags.add({"funder": "funder"}.get(kind) or ("press" if "Courier" in name else
                     "city-council" if "Councillor" in name else
                     "housing" if "Tenants" in name else "food-justice"))
        if rng.random() < 0.15:
            o = int(rng.random() * len(plan.organisations))
            start = plan.today - timedelta(days=1500 + int(rng.random() * 2500))
            end = min(start + timedelta(days=300 + int(rng.random() * 1100)),
                      plan.today - timedelta(days=30))
            plan.affiliations.append((i, o, pick(plan.org_roles[o]), False, start, end))
        for _ in range(pick((0, 0, 1, 1, 2, 3))):
            tags.add(pick(plan.tags))
        plan.person_tags += [(i, plan.tags.index(t)) for t in sorted(tags)]

    # -- conversations ---------------------------------------------------

    def conversations(self, i: int, person: dict) -> int:
        """Plan person ``i``'s own conversations; returns how many.

        The latest one is placed so that the person ends up fine, due today or
        overdue for a check-in; the rest spread over the year before it."""
        rng, plan = self.rng, self.plan
        importance, cadence = person["importance"], person["cadence_days"]
        if importance == INNER:
            k = 20 + int(rng.random() * 21)
        elif importance == REGULAR:
            k = 8 + int(rng.random() * 13)
        else:
            k = 0 if rng.random() < 0.05 else 2 + int(rng.random() * 9)
        if not k:
            return 0
        if cadence:
            roll = rng.random()
            if roll < 0.55:
                gap = 1 + int(rng.random() * (cadence - 1))  # fine
            elif roll < 0.63:
                gap = cadence  # due today
            else:
                gap = cadence + 1 + int(rng.random() * max(7, cadence))  # overdue
        else:
            gap = 1 + int(rng.random() * 300)
        # The first is the latest: the others spread over the days before it.
        gap = min(gap, HISTORY_DAYS - 1)
        span = HISTORY_DAYS - gap
        random, n, guests, nm = rng.random, self.n, plan.conv_guests, len(MINUTES)
        start = len(plan.conv_person)
        plan.conv_person.extend([i] * k)
        plan.conv_days.append(gap)
        plan.conv_days.extend([gap + 1 + int(random() * span) for _ in range(k - 1)])
        plan.conv_minute.extend([MINUTES[int(random() * nm)] for _ in range(k)])
        self.latest[i] = (plan.conv_minute[start] - gap * 1440, start)
        if n > 1:
            for j, roll in enumerate([random() for _ in range(k)]):
                if roll < 0.75:
                    continue
                first = (i + 1 + int(random() * (n - 1))) % n
                second = (i + 1 + int(random() * (n - 1))) % n if roll >= 0.95 else first
                guests[start + j] = (first,) if second == first else (first, second)
        return k

    def maintained_columns(self) -> None:
        """Last contact (latest conversation, as first participant or guest)
        and check-in due date, from the planned conversations."""
        plan, latest = self.plan, self.latest
        days, minutes = plan.conv_days, plan.conv_minute
        for c, guests in plan.conv_guests.items():
            key = minutes[c] - days[c] * 1440
            for p in guests:
                if latest[p] is None or key > latest[p][0]:
                    latest[p] = (key, c)
        random, pick, today = self.rng.random, self.pick, plan.today
        for i, person in enumerate(plan.people):
            if latest[i] is None:  # never contacted: a newcomer, added in the past weeks
                created_days = 2 + int(random() * 60)
                since = today - timedelta(days=created_days)
            else:
                created_days = HISTORY_DAYS + 1 + int(random() * 700)
                c = latest[i][1]
                person["last_contact_at"] = plan.happened_at(c)
                since = plan.conversation_day(c)
            person["created_at"] = person["updated_at"] = plan.moment(created_days, pick(MINUTES))
            if person["met_where"] and random() < 0.5:
                person["met_on"] = today - timedelta(days=created_days + int(random() * 60))
            if person["cadence_days"]:
                person["checkin_due_on"] = since + timedelta(days=person["cadence_days"])

    # -- facts, follow-ups, birthdays ------------------------------------

    def facts(self, i: int, start: int, k: int) -> None:
        rng, plan, pick = self.rng, self.plan, self.pick
        importance = plan.people[i]["importance"]
        low = 4 if importance == INNER else 2 if importance == REGULAR else 1
        count = low + int(rng.random() * 4)
        for _ in range(count):
            kind = pick(V.FACT_KIND_WEIGHTS)
            if k and rng.random() < 0.6:
                c = start + int(rng.random() * k)
                learned, created = plan.conversation_day(c), plan.happened_at(c)
            else:
                c = None
                days = 30 + int(rng.random() * 700)
                learned, created = plan.today - timedelta(days=days), plan.moment(days, 12 * 60)
            confirmed = None
            if rng.random() < 0.15:
                since = (plan.today - learned).days
                confirmed = learned + timedelta(days=int(rng.random() * since))
            plan.facts.append((i, kind, pick(V.FACTS[kind]), learned, c, confirmed, created))

    def follow_ups(self, starts: list[int]) -> None:
        """Open follow-ups for one person in ten (at least three: overdue, due
        today and next week come first, so even a small network shows each);
        done ones for one in twenty-five, for history."""
        rng, plan, n = self.rng, self.plan, self.n
        opened = set(rng.sample(range(n), min(n, max(3, round(n * 0.10)))))
        done = set(rng.sample(range(n), round(n * 0.04)))
        first = ("overdue", "today", "week")
        later = ("overdue",) * 3 + ("today",) * 2 + ("week",) * 3 + ("later",) * 2
        count = 0
        for i in range(n):
            if i in opened:
                kind = first[count] if count < len(first) else self.pick(later)
                count += 1
                due = plan.today + timedelta(days={
                    "overdue": -1 - int(rng.random() * 21), "today": 0,
                    "week": 1 + int(rng.random() * 7),
                    "later": 8 + int(rng.random() * 40)}[kind])
                self._follow_up(i, starts[i], due, done=False)
            if i in done:
                self._follow_up(i, starts[i], plan.today - timedelta(
                    days=5 + int(rng.random() * 200)), done=True)

    def _follow_up(self, i: int, c: int | None, due: date, *, done: bool) -> None:
        rng, plan = self.rng, self.plan
        # A person's first planned conversation is their latest one.
        if c is not None and rng.random() < 0.3:
            c = None
        if c is not None and plan.conversation_day(c) > due:
            c = None  # a done follow-up older than the conversation: not from it
        created = plan.happened_at(c) if c is not None else plan.moment(
            max(1, (plan.today - due).days + 3 + int(rng.random() * 14)), 9 * 60)
        done_at = plan.moment(max(1, (plan.today - due).days), 17 * 60) if done else None
        action = self.pick(V.FOLLOW_UPS).replace("{first}", plan.call_names[i])
        snoozed = 1 if (not done and due < plan.today and rng.random() < 0.3) else 0
        plan.follow_ups.append((i, c, action, due, done_at, snoozed, created))

    def birthdays_this_week(self) -> None:
        """A few birthdays in the coming week, so the agenda shows them at once."""
        plan = self.plan
        for j in range(min(self.n, 3)):
            person = plan.people[int(self.rng.random() * self.n)]
            day = plan.today + timedelta(days=1 + 2 * j)
            person["birthday_month"], person["birthday_day"] = day.month, day.day
            if (day.month, day.day) == (2, 29):
                person["birthday_year"] = None


def make_plan(people: int, seed: int, today: date, now: datetime,
              on_person: Callable[[int], None] | None = None) -> Plan:
    """The whole network; ``on_person(done)`` is told every few thousand people."""
    planner = _Planner(people, seed, today, now)
    plan = planner.plan
    planner.organisations()
    starts: list[int | None] = []
    counts: list[int] = []
    for i in range(people):
        person = planner.person(i)
        plan.people.append(person)
        planner.affiliations_and_tags(i)
        start = len(plan.conv_person)
        k = planner.conversations(i, person)
        starts.append(start if k else None)
        counts.append(k)
        if on_person is not None and (i + 1) % 5000 == 0:
            on_person(i + 1)
    planner.maintained_columns()
    for i in range(people):
        planner.facts(i, starts[i] or 0, counts[i])
    planner.follow_ups(starts)
    planner.birthdays_this_week()
    if on_person is not None:
        on_person(people)
    return plan
