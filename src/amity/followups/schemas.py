"""API shapes for follow-ups."""

from datetime import date, datetime

from django.utils import timezone
from ninja import Field, Schema

from amity.people.schemas import DATE_HELP, PersonRef


class FollowUpOut(Schema):
    id: int
    person: PersonRef
    conversation: int | None = Field(description="The conversation it came from.")
    action: str = Field(description="The next step.")
    due_on: date
    done: bool
    done_at: datetime | None
    overdue: bool = Field(description="Not done and due before today.")
    snoozed_times: int
    created_at: datetime

    @staticmethod
    def resolve_conversation(obj) -> int | None:
        return obj.conversation_id

    @staticmethod
    def resolve_done(obj) -> bool:
        return obj.done_at is not None

    @staticmethod
    def resolve_overdue(obj) -> bool:
        return obj.is_overdue(timezone.localdate())


class FollowUpIn(Schema):
    person: int = Field(description="The person's id.")
    action: str = Field(description="The next step, e.g. 'Send her the grant report'.")
    due_on: str = Field(description=DATE_HELP)
    conversation: int | None = Field(None, description="The conversation it came from.")


class FollowUpPatch(Schema):
    action: str | None = None
    due_on: str | None = Field(None, description=DATE_HELP)


class SnoozeIn(Schema):
    days: int = Field(1, description="1 to 365: pushed back from today, or from the due date "
                                     "if that is later.")


class RescheduleIn(Schema):
    due_on: str = Field(description=DATE_HELP)
