"""API shapes for initiatives, their participants and personal invitations."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from amity.initiatives.models import InitiativeKind, InitiativeStatus, InvitationStatus, NeedKind
from amity.people.schemas import DATE_HELP, PersonRef

KindValue = Literal[tuple(InitiativeKind.values)]  # type: ignore[valid-type]
StatusValue = Literal[tuple(InitiativeStatus.values)]  # type: ignore[valid-type]
NeedKindValue = Literal[tuple(NeedKind.values)]  # type: ignore[valid-type]
InvitationStatusValue = Literal[tuple(InvitationStatus.values)]  # type: ignore[valid-type]
NEEDS_HELP = ('What it needs, one per item: "grant writing". Start an item with its kind to '
              'say which: "interest: food security", "role: treasurer" (default: skill).')


class NeedOut(Schema):
    id: int
    kind: NeedKindValue
    text: str


class InitiativeRef(Schema):
    id: int
    name: str


class InitiativeOut(Schema):
    id: int
    name: str
    kind: KindValue
    description: str
    status: StatusValue
    starts_on: date | None
    ends_on: date | None
    needs: list[NeedOut]
    created_at: datetime

    @staticmethod
    def resolve_needs(obj) -> list:
        return list(obj.needs.all())


class InitiativeIn(Schema):
    name: str
    kind: KindValue = InitiativeKind.PROJECT
    description: str = ""
    status: StatusValue = InitiativeStatus.PLANNING
    starts_on: str | None = Field(None, description=DATE_HELP)
    ends_on: str | None = Field(None, description=DATE_HELP)
    needs: list[str] = Field(default_factory=list, description=NEEDS_HELP)


class InitiativePatch(Schema):
    name: str | None = None
    kind: KindValue | None = None
    description: str | None = None
    status: StatusValue | None = None
    starts_on: str | None = Field(None, description=DATE_HELP + " Empty clears it.")
    ends_on: str | None = Field(None, description=DATE_HELP + " Empty clears it.")
    needs: list[str] | None = Field(None, description=NEEDS_HELP + " Replaces the whole list.")


class CandidateOut(Schema):
    person: PersonRef
    score: float = Field(description="How well they fit: about 1 per need fully met.")
    reason: str = Field(description='In plain words: "offers grant writing; cares about ..."')
    needs_met: list[str]
    stage: str = Field(description="Their journey stage.")
    stage_label: str
    flag: str | None = Field(description="Set when inviting them now would be premature "
                                         "(you have only just noticed or met them).")

    @staticmethod
    def resolve_flag(obj) -> str | None:
        return obj.flag or None


class InvitationSummaryOut(Schema):
    id: int
    initiative: InitiativeRef
    person: PersonRef
    status: InvitationStatusValue
    sent_on: date | None
    answered_on: date | None
    created_at: datetime


class InvitationOut(InvitationSummaryOut):
    message: str
    reason: str = Field(description="Why they fit the initiative.")
    follow_up: int | None = Field(description='The "no answer yet?" follow-up, once sent.')
    warnings: list[str] = Field(description="What makes the message generic (no name, nothing "
                                            "that matters to them, no shared history); empty "
                                            "when it is personal.")

    @staticmethod
    def resolve_follow_up(obj) -> int | None:
        return obj.follow_up_id

    @staticmethod
    def resolve_warnings(obj) -> list[str]:
        from amity.initiatives.messages import generic_warnings

        return generic_warnings(obj.message, obj.person)


class InvitationIn(Schema):
    person_id: int = Field(description="Whom to invite: a person in your workspace.")


class InvitationPatch(Schema):
    message: str = Field(description="The message, as you will send it.")


class InvitationStatusIn(Schema):
    status: Literal["sent", "accepted", "declined", "no_answer"] = Field(
        description="drafted -> sent -> accepted, declined or no_answer; after no_answer, a "
                    "late accepted or declined.")
    role: str = Field("", description="With accepted: their role in the initiative.")


class ParticipantOut(Schema):
    id: int
    initiative: int
    person: PersonRef
    role: str
    joined_on: date

    @staticmethod
    def resolve_initiative(obj) -> int:
        return obj.initiative_id


class ParticipantIn(Schema):
    person_id: int
    role: str = ""
