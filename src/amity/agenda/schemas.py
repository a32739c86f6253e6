"""API shape of today's agenda."""

from datetime import date

from ninja import Field, Schema

from amity.followups.schemas import FollowUpOut
from amity.people.schemas import PersonSummaryOut


class CheckInOut(Schema):
    person: PersonSummaryOut
    days_since: int | None = Field(description="Days since the last contact; null: never.")
    days_late: int = Field(description="Days past the check-in date (last contact + cadence).")
    score: float = Field(description="The rank: lateness relative to the cadence, times "
                                     "importance (inner 3, regular 2, occasional 1).")


class BirthdayOut(Schema):
    person: PersonSummaryOut
    on: date
    turns: int | None = Field(description="The age they turn; null when the year is unknown.")


class AgendaOut(Schema):
    today: date
    follow_ups: list[FollowUpOut] = Field(description="Overdue or due today, oldest first.")
    follow_ups_total: int
    check_ins: list[CheckInOut] = Field(description="People due a check-in, most pressing first.")
    check_ins_total: int
    birthdays: list[BirthdayOut] = Field(description="In the coming week.")
    upcoming: list[FollowUpOut] = Field(description="Follow-ups due in the coming week.")
