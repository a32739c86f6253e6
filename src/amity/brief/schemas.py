"""The brief as JSON: one explicit shape for the API and ``amity brief --json``."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from amity.people.schemas import FactKindValue, PersonRef
from amity.questions.schemas import StageValue, SuggestedQuestionOut


class BriefOrganisationOut(Schema):
    id: int = Field(description="The organisation's id.")
    name: str
    role: str
    represents: bool


class HowMetOut(Schema):
    where: str
    on: date | None
    event: str
    introduced_by: PersonRef | None


class StageOut(Schema):
    stage: StageValue
    label: str
    derived: StageValue = Field(description="The stage the evidence gives, even when pinned.")
    pinned: bool = Field(description="Set by hand.")
    evidence: list[str] = Field(description="Why this stage, in plain words.")
    next_action: str


class BriefFactOut(Schema):
    id: int
    text: str
    learned_on: date
    confirmed_on: date | None
    stale: bool = Field(description="Not confirmed for longer than the workspace's 'ask again' "
                                    "age: worth asking about again.")


class FactGroupOut(Schema):
    kind: FactKindValue
    label: str
    facts: list[BriefFactOut]


class BriefConversationOut(Schema):
    id: int
    happened_at: datetime
    channel: str
    summary: str
    how_it_went: str = Field(description='great, good, neutral, difficult, or "".')
    their_mood: str = Field(description="What they seemed to feel.")
    others: list[PersonRef] = Field(description="Who else was there.")


class BriefFollowUpOut(Schema):
    id: int
    action: str
    due_on: date
    overdue: bool


class OpenAskOut(Schema):
    id: int = Field(description="The ledger entry's id.")
    description: str
    occurred_on: date


class OpenAsksOut(Schema):
    from_them: list[OpenAskOut] = Field(description="They asked you; nothing given back since.")
    to_them: list[OpenAskOut] = Field(description="You asked them; nothing received since.")


class LastGiveOut(Schema):
    id: int
    description: str
    occurred_on: date


class BalanceOut(Schema):
    given: int = Field(description="Gifts from you to them (asks excluded).")
    received: int = Field(description="Gifts from them to you (asks excluded).")
    asks_made: int = Field(description="You asked them.")
    asks_received: int = Field(description="They asked you.")
    net: int = Field(description="given - received.")
    last_given: LastGiveOut | None


class AskedBeforeOut(Schema):
    id: int
    question: str
    asked_on: date
    answer: str
    fact_kind: FactKindValue | Literal[""] = Field(description='The fact it was kept as, or "".')


class PersonToMeetOut(Schema):
    person: PersonRef
    reason: str
    score: float


class BriefOut(Schema):
    """Everything worth knowing before you meet someone."""

    id: int
    display_name: str
    pronouns: str
    location: str
    organisations: list[BriefOrganisationOut] = Field(description="Current ones.")
    how_met: HowMetOut
    last_contact_at: datetime | None
    stage: StageOut
    what_matters: list[FactGroupOut] = Field(description="Facts by kind; only kinds with "
                                                         "facts.")
    stale_facts: int
    conversations: list[BriefConversationOut] = Field(description="The last three, newest "
                                                                  "first.")
    follow_ups: list[BriefFollowUpOut] = Field(description="Your open follow-ups with them.")
    more_follow_ups: bool
    open_asks: OpenAsksOut
    balance: BalanceOut
    suggested_questions: list[SuggestedQuestionOut]
    asked_before: list[AskedBeforeOut]
    people_to_meet: list[PersonToMeetOut]
    generated_on: date


def _ref(person) -> dict | None:
    return {"id": person.pk, "display_name": person.display_name} if person else None


def _entry(e) -> dict:
    return {"id": e.pk, "description": e.description, "occurred_on": e.occurred_on}


def brief_data(brief) -> dict:
    """The brief as a dict in the shape of ``BriefOut``."""
    p, a, b = brief.person, brief.assessment, brief.balance
    return {
        "id": p.pk, "display_name": p.display_name, "pronouns": p.pronouns,
        "location": p.location,
        "organisations": [{"id": x.organisation_id, "name": x.organisation.name, "role": x.role,
                           "represents": x.represents} for x in brief.organisations],
        "how_met": {"where": p.met_where, "on": p.met_on, "event": p.met_event,
                    "introduced_by": _ref(brief.introduced_by)},
        "last_contact_at": p.last_contact_at,
        "stage": {"stage": a.stage, "label": a.label, "derived": a.derived, "pinned": a.pinned,
                  "evidence": list(a.evidence), "next_action": a.next_action},
        "what_matters": [
            {"kind": g.kind, "label": g.label,
             "facts": [{"id": f.pk, "text": f.text, "learned_on": f.learned_on,
                        "confirmed_on": f.confirmed_on, "stale": f.stale} for f in g.facts]}
            for g in brief.fact_groups if g.facts],
        "stale_facts": brief.stale_count,
        "conversations": [
            {"id": c.pk, "happened_at": c.happened_at, "channel": c.channel,
             "summary": c.summary, "how_it_went": c.how_it_went, "their_mood": c.their_mood,
             "others": [_ref(o) for o in c.others]} for c in brief.conversations],
        "follow_ups": [{"id": f.pk, "action": f.action, "due_on": f.due_on,
                        "overdue": f.due_on < brief.today} for f in brief.follow_ups],
        "more_follow_ups": brief.more_follow_ups,
        "open_asks": {"from_them": [_entry(e) for e in brief.open_asks.from_them],
                      "to_them": [_entry(e) for e in brief.open_asks.to_them]},
        "balance": {"given": b.given, "received": b.received, "asks_made": b.asks_made,
                    "asks_received": b.asks_received, "net": b.net,
                    "last_given": _entry(b.last_given) if b.last_given else None},
        # Question rows, each with its ``reason``: SuggestedQuestionOut reads them.
        "suggested_questions": list(brief.suggested_questions),
        "asked_before": [{"id": x.pk, "question": x.question.text, "asked_on": x.asked_on,
                          "answer": x.answer, "fact_kind": x.fact.kind if x.fact else ""}
                         for x in brief.asked_before],
        "people_to_meet": [{"person": _ref(s.person_b), "reason": s.reason,
                            "score": float(s.score)} for s in brief.people_to_meet],
        "generated_on": brief.today,
    }
