"""The plan as rows, table by table, in an order that respects foreign keys.

Each ``Table`` names its model, its fields (by attname: ``person_id``) and an
iterator of tuples in that order; both writers (the ORM one for small
networks, the DB-API one for large ones) consume the same tables, so a seed
gives the same network whichever path writes it.

Conversation text comes from a random stream of its own (seeded from the
plan's seed), generated while it is written: a million conversations are
never all in memory at once.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from random import Random

from amity.connector.models import Introduction, IntroductionStep, Relationship
from amity.conversations.models import Conversation, Participation
from amity.demo import vocabulary as V
from amity.demo.plan import Plan
from amity.demo.tiers import INITIATED_BY
from amity.events.models import Attendance, Event
from amity.exchange.models import LedgerEntry
from amity.followups.models import FollowUp
from amity.goals.models import FocusEntry, Goal
from amity.initiatives.models import Initiative, Invitation, Need, Participant
from amity.organisations.models import Affiliation, Organisation
from amity.people.models import EmailAddress, Fact, Person, PhoneNumber, Tag
from amity.questions.models import AskedQuestion

PERSON_FIELDS = (
    "display_name", "given_name", "family_name", "nickname", "pronouns", "location",
    "linkedin_url", "website", "birthday_year", "birthday_month", "birthday_day", "met_where",
    "met_on", "met_event", "introduced_by", "notes", "importance", "cadence_days",
    "last_contact_at", "checkin_due_on", "archived_at", "created_at", "updated_at",
    "stage_pin", "stage_pinned_at",
)
# Columns the plan may leave out, and what they hold then.
BLANK = {"stage_pin": "", "stage_pinned_at": None}
INTRODUCED_BY = PERSON_FIELDS.index("introduced_by")  # a plan index, written as an id

CHANNELS = ("in-person",) * 6 + ("call",) * 4 + ("video",) * 3 + ("email",) * 4 + \
    ("message",) * 2 + ("event",)
HOW_IT_WENT = ("great",) * 2 + ("good",) * 5 + ("neutral",) * 2 + ("difficult",) + ("",) * 3
# How often a conversation on each channel leaves notes worth keeping.
WITH_NOTES = {"in-person": 0.65, "call": 0.55, "video": 0.55, "email": 0.2, "message": 0.1,
              "event": 0.4}


@dataclass
class Table:
    model: type
    fields: tuple[str, ...]  # attnames, in the order of each row
    rows: Callable[[], Iterator[tuple]]
    count: int
    stage: str


@dataclass
class Ids:
    """Ids by plan index: people, organisations, tags (plan order), conversations,
    and the rows of the craft that others point at."""

    people: "list[int] | range"
    organisations: "list[int] | range"
    tags: list[int]
    conversations: "list[int] | range"
    new_tags: list[int]  # plan indexes of the tags that do not exist yet
    follow_ups: "list[int] | range" = ()
    introductions: "list[int] | range" = ()
    initiatives: "list[int] | range" = ()
    invitations: "list[int] | range" = ()
    events: "list[int] | range" = ()
    goals: "list[int] | range" = ()
    facts: "list[int] | range" = ()
    # The workspace's bank, read after ensure_bank: curated key -> question id
    # (retired questions left out: the demo does not ask them).
    questions: dict[str, int] = field(default_factory=dict)


# The craft's tables whose rows others point at: the plan's list, and the Ids field.
WITH_IDS = ((FollowUp, "follow_ups"), (Introduction, "introductions"),
            (Initiative, "initiatives"), (Invitation, "invitations"), (Event, "events"),
            (Goal, "goals"), (Fact, "facts"))


def tables(plan: Plan, ids: Ids, workspace_id: int) -> list[Table]:
    ws = workspace_id
    P, G, T, C = ids.people, ids.organisations, ids.tags, ids.conversations

    def tags():
        for t in ids.new_tags:
            yield (T[t], ws, plan.tags[t])

    def organisations():
        for o, (name, kind, website, notes, created) in enumerate(plan.organisations):
            yield (G[o], ws, name, kind, website, notes, created)

    def people():
        for i, person in enumerate(plan.people):
            row = [person.get(f, BLANK.get(f)) for f in PERSON_FIELDS]
            if person["introduced_by"] is not None:
                row[INTRODUCED_BY] = P[person["introduced_by"]]
            yield (P[i], ws, *row)

    def person_tags():
        for i, t in plan.person_tags:
            yield (P[i], T[t])

    def emails():
        for i, email, label in plan.emails:
            yield (ws, P[i], email, label)

    def phones():
        for i, number, label in plan.phones:
            yield (ws, P[i], number, label)

    def affiliations():
        for i, o, role, represents, start, end in plan.affiliations:
            yield (ws, P[i], G[o], role, represents, start, end)

    def participations():
        guests = plan.conv_guests
        for c, p in enumerate(plan.conv_person):
            yield (C[c], P[p])
            for g in guests.get(c, ()):
                yield (C[c], P[g])

    def facts():
        for f, (i, kind, text, learned, c, confirmed, created) in enumerate(plan.facts):
            yield (ids.facts[f], ws, P[i], kind, text, learned, None if c is None else C[c],
                   confirmed, created)

    def follow_ups():
        F = ids.follow_ups
        for f, (i, c, action, due, done_at, snoozed, created) in enumerate(plan.follow_ups):
            yield (F[f], ws, P[i], None if c is None else C[c], action, due, done_at, snoozed,
                   created)

    through = Person.tags.through
    return [
        Table(Tag, ("id", "workspace_id", "name"), tags, len(ids.new_tags), "tags"),
        Table(Organisation, ("id", "workspace_id", "name", "kind", "website", "notes",
                             "created_at"), organisations, len(plan.organisations),
              "organisations"),
        Table(Person, ("id", "workspace_id", *PERSON_FIELDS[:INTRODUCED_BY], "introduced_by_id",
                       *PERSON_FIELDS[INTRODUCED_BY + 1:]), people, len(plan.people), "people"),
        Table(through, ("person_id", "tag_id"), person_tags, len(plan.person_tags), "tags"),
        Table(EmailAddress, ("workspace_id", "person_id", "email", "label"), emails,
              len(plan.emails), "contact details"),
        Table(PhoneNumber, ("workspace_id", "person_id", "number", "label"), phones,
              len(plan.phones), "contact details"),
        Table(Affiliation, ("workspace_id", "person_id", "organisation_id", "role",
                            "represents", "start_on", "end_on"), affiliations,
              len(plan.affiliations), "affiliations"),
        Table(Conversation, ("id", "workspace_id", "happened_at", "channel", "summary", "notes",
                             "how_it_went", "their_mood", "initiated_by", "created_at"),
              lambda: conversations(plan, C, ws), plan.conversation_count, "conversations"),
        Table(Participation, ("conversation_id", "person_id"), participations,
              plan.participation_count, "participants"),
        Table(Fact, ("id", "workspace_id", "person_id", "kind", "text", "learned_on",
                     "conversation_id", "confirmed_on", "created_at"), facts, len(plan.facts),
              "facts"),
        Table(FollowUp, ("id", "workspace_id", "person_id", "conversation_id", "action",
                         "due_on", "done_at", "snoozed_times", "created_at"), follow_ups,
              len(plan.follow_ups), "follow-ups"),
        *craft_tables(plan, ids, ws),
    ]


def _at(ids, i):
    return None if i is None else ids[i]


def craft_tables(plan: Plan, ids: Ids, ws: int) -> list[Table]:
    """Who knows whom, introductions, initiatives, the ledger, events, goals, focus."""
    P, F, X = ids.people, ids.follow_ups, ids.introductions
    N, INV, E, G = ids.initiatives, ids.invitations, ids.events, ids.goals

    def introductions():
        for x, (a, b, status, outcome, reason, message, declined_by, f, introduced_on,
                outcome_on, created, updated) in enumerate(plan.introductions):
            yield (X[x], ws, P[a], P[b], status, outcome, reason, message, declined_by,
                   _at(F, f), introduced_on, outcome_on, created, updated)

    def steps():
        for x, status, note, at in plan.intro_steps:
            yield (ws, X[x], status, note, at)

    def relationships():
        # Stored low id first, whatever order the ids were drawn in.
        for a, b, kind, strength, notes, x, created in plan.relationships:
            low, high = sorted((P[a], P[b]))
            yield (ws, low, high, kind, strength, notes, _at(X, x), created)

    def initiatives():
        for x, row in enumerate(plan.initiatives):
            yield (N[x], ws, *row)

    def needs():
        for x, kind, text in plan.needs:
            yield (ws, N[x], kind, text)

    def invitations():
        for v, (x, i, status, message, reason, sent_on, answered_on, f,
                created) in enumerate(plan.invitations):
            yield (INV[v], ws, N[x], P[i], status, message, reason, sent_on, answered_on,
                   _at(F, f), created)

    def participants():
        for x, i, role, joined in plan.participants:
            yield (ws, N[x], P[i], role, joined)

    def ledger():
        for i, direction, kind, text, on, x, v, created in plan.ledger:
            yield (ws, P[i], direction, kind, text, on, _at(X, x), _at(INV, v), created)

    def events():
        for e, row in enumerate(plan.events):
            yield (E[e], ws, *row)

    def attendances():
        for e, i, status, new, notes, created in plan.attendances:
            yield (ws, E[e], P[i], status, new, notes, created)

    def goals():
        for g, row in enumerate(plan.goals):
            yield (G[g], ws, *row)

    def focus():
        for i, g, offer, added in plan.focus:
            yield (ws, P[i], _at(G, g), offer, added)

    # Only questions the bank has (a curated one may be retired in this workspace).
    Q, FACT = ids.questions, ids.facts
    asked = [(ws, Q[key], P[i], on, answer, FACT[f])
             for i, key, f, answer, on in plan.asked if key in Q]

    return [
        Table(Introduction, ("id", "workspace_id", "person_a_id", "person_b_id", "status",
                             "outcome", "reason", "message", "declined_by", "follow_up_id",
                             "introduced_on", "outcome_on", "created_at", "updated_at"),
              introductions, len(plan.introductions), "introductions"),
        Table(IntroductionStep, ("workspace_id", "introduction_id", "status", "note",
                                 "happened_at"), steps, len(plan.intro_steps), "introductions"),
        Table(Relationship, ("workspace_id", "person_id", "other_id", "kind", "strength",
                             "notes", "introduction_id", "created_at"), relationships,
              len(plan.relationships), "relationships"),
        Table(Initiative, ("id", "workspace_id", "name", "kind", "description", "status",
                           "starts_on", "ends_on", "created_at"), initiatives,
              len(plan.initiatives), "initiatives"),
        Table(Need, ("workspace_id", "initiative_id", "kind", "text"), needs, len(plan.needs),
              "initiatives"),
        Table(Invitation, ("id", "workspace_id", "initiative_id", "person_id", "status",
                           "message", "reason", "sent_on", "answered_on", "follow_up_id",
                           "created_at"), invitations, len(plan.invitations), "initiatives"),
        Table(Participant, ("workspace_id", "initiative_id", "person_id", "role", "joined_on"),
              participants, len(plan.participants), "initiatives"),
        Table(LedgerEntry, ("workspace_id", "person_id", "direction", "kind", "description",
                            "occurred_on", "introduction_id", "invitation_id", "created_at"),
              ledger, len(plan.ledger), "ledger"),
        Table(Event, ("id", "workspace_id", "name", "kind", "starts_on", "ends_on", "place",
                      "url", "notes", "created_at"), events, len(plan.events), "events"),
        Table(Attendance, ("workspace_id", "event_id", "person_id", "status", "is_new", "notes",
                           "created_at"), attendances, len(plan.attendances), "events"),
        Table(Goal, ("id", "workspace_id", "title", "description", "status", "due_on",
                     "created_at"), goals, len(plan.goals), "goals"),
        Table(FocusEntry, ("workspace_id", "person_id", "goal_id", "offer", "added_at"), focus,
              len(plan.focus), "goals"),
        Table(AskedQuestion, ("workspace_id", "question_id", "person_id", "asked_on", "answer",
                              "fact_id"), lambda: iter(asked), len(asked), "questions"),
    ]


def conversations(plan: Plan, C, ws: int) -> Iterator[tuple]:
    """Conversation rows, with summaries and notes that read like real ones."""
    rng = Random(plan.seed * 7919 + 17)
    random = rng.random
    names, topics, moods = plan.call_names, V.TOPICS, V.MOODS
    n_topics, n_channels, n_how = len(topics), len(CHANNELS), len(HOW_IT_WENT)
    days, minutes, person = plan.conv_days, plan.conv_minute, plan.conv_person
    initiated, by_hand = plan.conv_init, plan.conv_text
    moment = plan.moment
    openers = V.OPENERS
    for c in range(len(person)):
        first = names[person[c]]
        channel = CHANNELS[int(random() * n_channels)]
        subjects, sentences = topics[int(random() * n_topics)]
        opener = openers[channel]
        summary = (f"{opener[int(random() * len(opener))]}: "
                   f"{subjects[int(random() * len(subjects))]}").replace("{first}", first)
        roll = random()
        if roll >= WITH_NOTES[channel]:
            notes = ""  # a quick email or message leaves nothing to note
        else:
            notes = sentences[int(random() * len(sentences))]
            if roll < 0.12:
                other = sentences[int(random() * len(sentences))]
                if other != notes:
                    notes = f"{notes} {other}"
            notes = notes.replace("{first}", first)
        when = moment(days[c], minutes[c])
        if c in by_hand:
            channel, summary, notes = by_hand[c]
        yield (C[c], ws, when, channel, summary, notes,
               HOW_IT_WENT[int(random() * n_how)],
               moods[int(random() * len(moods))] if random() < 0.2 else "",
               INITIATED_BY[initiated[c]], when)


def date_columns(table: Table) -> tuple[list[int], list[int]]:
    """Positions of the datetime and date fields of a table's rows."""
    from django.db import models

    datetimes, dates = [], []
    for pos, name in enumerate(table.fields):
        f = table.model._meta.get_field(name)
        if isinstance(f, models.DateTimeField):
            datetimes.append(pos)
        elif isinstance(f, models.DateField):
            dates.append(pos)
    return datetimes, dates

