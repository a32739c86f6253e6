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

Each person is first given a *tier*: how far along the Relationship Journey
their evidence is planned to take them (``journey.rules`` derives the stage
from it). The tier shapes how many conversations they have and who started
them, what is known about them, and what was given and asked; ``demo.craft``
adds who knows whom, introductions, initiatives, events, goals and the focus
list on top, and working together there makes some of them collaborators.
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
from amity.demo.tiers import (
    CONNECTED,
    FACT_COUNTS,
    FIRST,
    FIRST_STARTS,
    LATER_STARTS,
    LISTENING,
    ME,
    NEW_AT_EVENT,
    NOTICED,
    RAPPORT,
    RECENT_CAP,
    RECENT_WEEKS,
    SHARED_OPENLY,
    TIER_DRAW,
    TIER_MINIMUM,
    TIER_MINIMUM_FROM,
    TRUSTED,
    WHAT_MATTERS,
)
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
    # Journey tier by person; who started each conversation (INITIATED_BY codes);
    # (channel, summary, notes) of the few conversations written by hand.
    tiers: bytearray = field(default_factory=bytearray)
    conv_init: bytearray = field(default_factory=bytearray)
    conv_text: dict[int, tuple[str, str, str]] = field(default_factory=dict)
    # Needs and offers by topic (vocabulary.NEEDS_AND_OFFERS): [(person, text)].
    needs_by_topic: list[list[tuple[int, str]]] = field(default_factory=list)
    offers_by_topic: list[list[tuple[int, str]]] = field(default_factory=list)
    # The craft (demo.craft), by index like everything else:
    # (person, other, kind, strength, notes, introduction or None, created_at)
    relationships: list[tuple] = field(default_factory=list)
    # (a, b, status, outcome, reason, message, declined_by, follow-up or None,
    #  introduced_on, outcome_on, created_at, updated_at)
    introductions: list[tuple] = field(default_factory=list)
    intro_steps: list[tuple] = field(default_factory=list)  # (intro, status, note, at)
    # (name, kind, description, status, starts_on, ends_on, created_at)
    initiatives: list[tuple] = field(default_factory=list)
    needs: list[tuple] = field(default_factory=list)  # (initiative, kind, text)
    # (initiative, person, status, message, reason, sent_on, answered_on, follow-up, created_at)
    invitations: list[tuple] = field(default_factory=list)
    participants: list[tuple] = field(default_factory=list)  # (initiative, person, role, joined)
    # (person, direction, kind, description, occurred_on, intro, invitation, created_at)
    ledger: list[tuple] = field(default_factory=list)
    # (name, kind, starts_on, ends_on, place, url, notes, created_at)
    events: list[tuple] = field(default_factory=list)
    # (event, person, status, is_new, notes, created_at)
    attendances: list[tuple] = field(default_factory=list)
    goals: list[tuple] = field(default_factory=list)  # (title, description, status, due, created)
    focus: list[tuple] = field(default_factory=list)  # (person, goal or None, offer, added_at)
    # (person, curated question key, fact index, answer, asked_on): demo.asking
    asked: list[tuple] = field(default_factory=list)
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
        self.tiers = self.plan.tiers
        self.plan.needs_by_topic = [[] for _ in V.NEEDS_AND_OFFERS]
        self.plan.offers_by_topic = [[] for _ in V.NEEDS_AND_OFFERS]
        # Person -> days ago they were first met, at the past week's event.
        self.met_at_event: dict[int, int] = {}

    # -- journey tiers -----------------------------------------------------

    def journey_tiers(self, event_days: int) -> None:
        """Draw everyone's tier first: guests in a conversation are chosen
        among people whose tier allows them (never someone only noticed)."""
        random, n = self.rng.random, self.n
        tiers = self.tiers
        tiers.extend(TIER_DRAW[int(random() * 100)] for _ in range(n))
        if n >= TIER_MINIMUM_FROM:
            for tier, least in TIER_MINIMUM.items():
                while tiers.count(tier) < least:
                    donor = max(range(6), key=lambda t: (tiers.count(t), -t))
                    members = [i for i in range(n) if tiers[i] == donor]
                    tiers[members[int(random() * len(members))]] = tier
        firsts = [i for i in range(n) if tiers[i] == FIRST]
        for i in firsts[: min(NEW_AT_EVENT, len(firsts) - 1)]:
            self.met_at_event[i] = event_days


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
        tier, roll = self.tiers[i], rng.random()
        if tier <= FIRST or (tier == LISTENING and roll < 0.7) or (
                tier == CONNECTED and roll < 0.55):
            importance, cadence = OCCASIONAL, (180 if rng.random() < 0.4 else None)
        elif (tier == TRUSTED and roll < 0.4) or (tier == RAPPORT and roll < 0.1):
            importance, cadence = INNER, 14 + int(rng.random() * 17)
        else:
            importance, cadence = REGULAR, pick((30, 45, 60, 60, 90))
        location = ""
        if rng.random() < 0.8:
            location = pick(V.LOCAL_PLACES) if rng.random() < 0.75 else pick(V.FAR_PLACES)
        year = month = day = None
        if rng.random() < 0.75:
            born = date(2001, 1, 1) + timedelta(days=int(rng.random() * 365))
            month, day = born.month, born.day
            year = None if rng.random() < 0.3 else 1950 + int(rng.random() * 50)
        met_where = pick(V.MET_WHERE) if rng.random() < 0.6 else ""
        # Someone introduced to you is already a first contact: not for the noticed.
        introduced_by = int(rng.random() * i) if i and rng.random() < 0.1 else None
        if tier == NOTICED:
            introduced_by = None
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
        overdue for a check-in; the rest spread over the year before it, with a
        few in the recent weeks for the tiers that need regular contact."""
        rng, plan = self.rng, self.plan
        tier, cadence = self.tiers[i], person["cadence_days"]
        random = rng.random
        k = (0, 1, 2 + int(random() * 3), 3 + int(random() * 8), 8 + int(random() * 13),
             15 + int(random() * 21))[tier]
        if not k:
            return 0
        if cadence:
            roll = random()
            if roll < 0.55:
                gap = 1 + int(random() * (cadence - 1))  # fine
            elif roll < 0.63:
                gap = cadence  # due today
            else:
                gap = cadence + 1 + int(random() * max(7, cadence))  # overdue
        else:
            gap = 1 + int(random() * 300)
        gap = min(gap, RECENT_CAP.get(tier, HISTORY_DAYS - 1), HISTORY_DAYS - 1)
        if i in self.met_at_event:
            k, gap = 1, self.met_at_event[i]
        # The first is the latest: the others spread over the days before it.
        span = HISTORY_DAYS - gap
        days = [gap]
        if tier in RECENT_WEEKS:  # a week apart each, on the same weekday
            offset = int(random() * 6)
            days += [gap + weeks + offset for weeks in RECENT_WEEKS[tier]]
        if tier == TRUSTED:  # known for a while: one conversation months ago
            days.append(200 + int(random() * (HISTORY_DAYS - 200)))
        days += [gap + 1 + int(random() * span) for _ in range(k - len(days))]
        n, guests, nm = self.n, plan.conv_guests, len(MINUTES)
        start = len(plan.conv_person)
        plan.conv_person.extend([i] * k)
        plan.conv_days.extend(days)
        plan.conv_minute.extend([MINUTES[int(random() * nm)] for _ in range(k)])
        later = LATER_STARTS.get(tier, (ME,))
        plan.conv_init.extend(FIRST_STARTS[tier][:k])
        plan.conv_init.extend([later[int(random() * len(later))] for _ in range(k - 2)])
        self.latest[i] = (plan.conv_minute[start] - gap * 1440, start)
        if n > 1 and tier >= CONNECTED:
            for j, roll in enumerate([random() for _ in range(k)]):
                if roll < 0.75:
                    continue
                first = self._guest(i, (i + 1 + int(random() * (n - 1))) % n)
                second = first
                if roll >= 0.95:
                    second = self._guest(i, (i + 1 + int(random() * (n - 1))) % n)
                if first is None:
                    continue
                guests[start + j] = (first,) if second in (first, None) else (first, second)
        return k

    def _guest(self, i: int, g: int) -> int | None:
        """``g``, or the next person after it who is at least connected: the
        noticed, first contacts and listening ones keep their evidence their own."""
        tiers, n = self.tiers, self.n
        for _ in range(n):
            if g != i and tiers[g] >= CONNECTED:
                return g
            g = g + 1 if g + 1 < n else 0
        return None

    def extra_conversation(self, i: int, days_ago: int, minute: int, initiated: int,
                           text: tuple[str, str, str]) -> int:
        """One more conversation of person ``i`` (at an event), written by hand."""
        plan = self.plan
        c = len(plan.conv_person)
        plan.conv_person.append(i)
        plan.conv_days.append(days_ago)
        plan.conv_minute.append(minute)
        plan.conv_init.append(initiated)
        plan.conv_text[c] = text
        key = minute - days_ago * 1440
        if self.latest[i] is None or key > self.latest[i][0]:
            self.latest[i] = (key, c)
        return c

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
            added = plan.moment(created_days, pick(MINUTES))
            if i in self.met_at_event:  # added the evening they were met
                added = plan.happened_at(latest[i][1])
            person["created_at"] = person["updated_at"] = added
            if person["met_where"] and random() < 0.5 and i not in self.met_at_event:
                person["met_on"] = today - timedelta(days=created_days + int(random() * 60))
            if person["cadence_days"]:
                person["checkin_due_on"] = since + timedelta(days=person["cadence_days"])

    # -- facts, follow-ups, birthdays ------------------------------------

    def facts(self, i: int, start: int, k: int) -> None:
        """What is known about person ``i``: little about the noticed and first
        contacts, something that matters to everyone listened to (a need or
        a challenge for the trusted), more the further along they are."""
        rng, plan, pick = self.rng, self.plan, self.pick
        random, tier = rng.random, self.tiers[i]
        low, spread = FACT_COUNTS[tier]
        count = low + int(random() * spread)
        added = plan.people[i]["created_at"]
        new = i in self.met_at_event  # one thing heard the evening they were met
        if new:
            count = 1
        said: set = set()  # texts and topics already used for this person
        for n in range(count):
            kind = pick(V.FACT_KIND_WEIGHTS)
            if n == 0 and tier >= LISTENING:
                kind = pick(SHARED_OPENLY if tier == TRUSTED else WHAT_MATTERS)
            elif new:  # what they said when you met: the quick capture's "what matters"
                kind = pick(("interest", "need", "offer", "goal"))
            if k and (new or random() < 0.6):
                c = start + int(random() * k)
                learned, created = plan.conversation_day(c), plan.happened_at(c)
            else:
                c = None
                days = 30 + int(random() * 700)
                if not k:  # never met: noticed since they were added
                    days = int(random() * max(1, (plan.today - added.date()).days))
                learned, created = plan.today - timedelta(days=days), plan.moment(days, 12 * 60)
            confirmed = None
            if random() < 0.15:
                since = (plan.today - learned).days
                confirmed = learned + timedelta(days=int(random() * since))
            plan.facts.append((i, kind, self.fact_text(i, kind, said), learned, c, confirmed,
                               created))

    def fact_text(self, i: int, kind: str, said: set) -> str:
        """A fact's words, none twice for one person, and never a need and an
        offer of the same topic; needs and offers are filed by topic for the craft."""
        if kind not in ("need", "offer"):
            text = self.pick(V.FACTS[kind])
            for _ in range(3):
                if text not in said:
                    break
                text = self.pick(V.FACTS[kind])
            said.add(text)
            return text
        topic = int(self.rng.random() * len(V.NEEDS_AND_OFFERS))
        for _ in range(3):
            if topic not in said:
                break
            topic = int(self.rng.random() * len(V.NEEDS_AND_OFFERS))
        said.add(topic)
        _, needs, offers = V.NEEDS_AND_OFFERS[topic]
        text = self.pick(needs if kind == "need" else offers)
        (self.plan.needs_by_topic if kind == "need" else self.plan.offers_by_topic)[topic].append(
            (i, text))
        return text

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
    from amity.demo import craft

    planner = _Planner(people, seed, today, now)
    plan = planner.plan
    planner.organisations()
    planner.journey_tiers(craft.recent_event_days())
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
    gathered = craft.recent_event(planner, starts)  # conversations of its own
    planner.maintained_columns()
    for i in range(people):
        planner.facts(i, starts[i] or 0, counts[i])
    planner.follow_ups(starts)
    craft.plan_craft(planner, starts, counts, gathered)
    planner.birthdays_this_week()
    if on_person is not None:
        on_person(people)
    return plan
