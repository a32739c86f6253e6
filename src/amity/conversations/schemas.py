"""API shapes for conversations, mirroring ``log_conversation``."""

from datetime import datetime
from typing import Literal

from ninja import Field, Schema

from amity.conversations.models import Channel, HowItWent, Initiative
from amity.people.schemas import DATE_HELP, FactKindValue, PersonRef

ChannelValue = Literal[tuple(Channel.values)]  # type: ignore[valid-type]
# "" is "not recorded" (the field may be blank; it is not one of the choices).
HowItWentValue = Literal[("", *HowItWent.values)]  # type: ignore[valid-type]
InitiativeValue = Literal[tuple(Initiative.values)]  # type: ignore[valid-type]
WHEN_HELP = ("When it happened: an ISO date-time (2026-03-02T14:30), or a date in any form "
             "the follow-up due dates take (a bare date means noon that day). Default: now. "
             "Not in the future.")


class ConversationOut(Schema):
    id: int
    happened_at: datetime
    channel: ChannelValue
    summary: str
    notes: str
    how_it_went: HowItWentValue = Field(description='"great", "good", "neutral", "difficult" '
                                                    'or "" (not recorded).')
    their_mood: str
    initiated_by: InitiativeValue = Field(
        description='Who reached out: "me", "them", "mutual" or "" (not recorded).')
    participants: list[PersonRef]
    facts: list[int] = Field(description="Ids of the facts heard in this conversation.")
    follow_ups: list[int] = Field(description="Ids of the follow-ups it led to.")
    created_at: datetime

    @staticmethod
    def resolve_participants(obj) -> list:
        return list(obj.participants.all())

    @staticmethod
    def resolve_facts(obj) -> list[int]:
        return [f.pk for f in obj.facts.all()]

    @staticmethod
    def resolve_follow_ups(obj) -> list[int]:
        return [f.pk for f in obj.follow_ups.all()]


class InlineFactIn(Schema):
    person: int | None = Field(None, description="A participant's id (default: the only one).")
    kind: FactKindValue
    text: str


class InlineFollowUpIn(Schema):
    action: str = Field(description="The next step.")
    due_on: str = Field(description=DATE_HELP)
    person: int | None = Field(None, description="A person's id (default: the first participant).")


class ConversationIn(Schema):
    participants: list[int] = Field(max_length=200, description="Ids of the people (at least one).")
    happened_at: str | None = Field(None, description=WHEN_HELP)
    channel: ChannelValue = "in-person"
    summary: str = Field(description="What it was about, in a line.")
    notes: str = ""
    how_it_went: HowItWentValue = ""
    their_mood: str = Field("", description="What they seemed to feel.")
    initiated_by: InitiativeValue = ""
    facts: list[InlineFactIn] = Field(default_factory=list, max_length=100,
                                      description="What you heard that matters to them.")
    follow_up: InlineFollowUpIn | None = Field(None, description="The next step it led to.")


class ConversationPatch(Schema):
    participants: list[int] | None = Field(None, max_length=200,
                                           description="Replaces the participants.")
    happened_at: str | None = Field(None, description=WHEN_HELP)
    channel: ChannelValue | None = None
    summary: str | None = None
    notes: str | None = None
    how_it_went: HowItWentValue | None = None
    their_mood: str | None = None
    initiated_by: InitiativeValue | None = None
