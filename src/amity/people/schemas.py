"""API shapes for people and facts.

Inputs carry plain values; the actions clean and check them (the same rules
as the web forms and the CLI), so a bad value answers 422 naming the field.
"""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from amity.people.models import FactKind, Importance

ImportanceLabel = Literal["inner", "regular", "occasional"]
IMPORTANCE_LABELS: dict[int, str] = {
    Importance.INNER: "inner", Importance.REGULAR: "regular", Importance.OCCASIONAL: "occasional",
}
IMPORTANCE_HELP = ("How much this relationship matters now: inner (inner circle), regular or "
                   "occasional. It weighs the check-ins on the agenda.")
FactKindValue = Literal[tuple(FactKind.values)]  # type: ignore[valid-type]

DATE_HELP = "An ISO date (2026-12-01), or today, tomorrow, yesterday, +7d, +2w, +1m, a weekday."
BIRTHDAY_HELP = 'With the year ("1990-04-15") or without it ("04-15" or "--04-15").'


class PersonRef(Schema):
    id: int
    display_name: str


class PersonSummaryOut(Schema):
    """A person in a search result or on the agenda: no related rows."""

    id: int
    display_name: str
    location: str
    importance: ImportanceLabel = Field(description=IMPORTANCE_HELP)
    cadence_days: int | None
    last_contact_at: datetime | None
    checkin_due_on: date | None
    archived: bool

    @staticmethod
    def resolve_importance(obj) -> str:
        return IMPORTANCE_LABELS[obj.importance]

    @staticmethod
    def resolve_archived(obj) -> bool:
        return obj.archived_at is not None


class CurrentOrganisationOut(Schema):
    id: int = Field(description="The organisation's id.")
    name: str
    role: str
    represents: bool
    affiliation: int = Field(description="The affiliation's id.")


class PersonOut(PersonSummaryOut):
    given_name: str
    family_name: str
    nickname: str
    pronouns: str
    linkedin_url: str
    website: str
    birthday: str = Field(description='"1990-04-15", "--04-15" without the year, or "".')
    met_where: str
    met_on: date | None
    met_event: str
    introduced_by: int | None = Field(description="The id of the person who introduced you.")
    notes: str
    emails: list[str]
    phones: list[str] = Field(description="E.164, e.g. +442079460958.")
    tags: list[str]
    archived_at: datetime | None
    organisations: list[CurrentOrganisationOut] = Field(
        description="Current affiliations (no end date, or one in the future).")
    created_at: datetime
    updated_at: datetime

    @staticmethod
    def resolve_introduced_by(obj) -> int | None:
        return obj.introduced_by_id

    @staticmethod
    def resolve_emails(obj) -> list[str]:
        return [e.email for e in obj.emails.all()]

    @staticmethod
    def resolve_phones(obj) -> list[str]:
        return [p.number for p in obj.phones.all()]

    @staticmethod
    def resolve_tags(obj) -> list[str]:
        return [t.name for t in obj.tags.all()]

    @staticmethod
    def resolve_organisations(obj) -> list[dict]:
        # ``current_affiliations`` is prefetched by the people API (see people/api.py).
        return [{"id": a.organisation_id, "name": a.organisation.name, "role": a.role,
                 "represents": a.represents, "affiliation": a.pk}
                for a in obj.current_affiliations]


class PersonIn(Schema):
    display_name: str = Field(description="The name you use for them.")
    given_name: str = ""
    family_name: str = ""
    nickname: str = ""
    pronouns: str = ""
    location: str = ""
    linkedin_url: str = ""
    website: str = ""
    birthday: str = Field("", description=BIRTHDAY_HELP)
    met_where: str = ""
    met_on: str | None = Field(None, description=DATE_HELP)
    met_event: str = ""
    introduced_by: int | None = Field(None, description="The id of the person who introduced you.")
    notes: str = ""
    emails: list[str] = Field(default_factory=list, max_length=50)
    phones: list[str] = Field(default_factory=list, max_length=50,
                              description="With the country code, e.g. +44 20 7946 0958.")
    tags: list[str] = Field(default_factory=list, max_length=100)
    importance: ImportanceLabel = Field("regular", description=IMPORTANCE_HELP)
    cadence_days: int | None = Field(None, description="Keep in touch every N days (1 to 3650); "
                                                       "null for no cadence.")


class PersonPatch(Schema):
    """Only the fields sent are changed; lists (emails, phones, tags) are replaced whole."""

    display_name: str | None = None
    given_name: str | None = None
    family_name: str | None = None
    nickname: str | None = None
    pronouns: str | None = None
    location: str | None = None
    linkedin_url: str | None = None
    website: str | None = None
    birthday: str | None = Field(None, description=BIRTHDAY_HELP + " Null or \"\" clears it.")
    met_where: str | None = None
    met_on: str | None = Field(None, description=DATE_HELP)
    met_event: str | None = None
    introduced_by: int | None = Field(None, description="A person's id; null clears it.")
    notes: str | None = None
    emails: list[str] | None = Field(None, max_length=50)
    phones: list[str] | None = Field(None, max_length=50)
    tags: list[str] | None = Field(None, max_length=100)
    importance: ImportanceLabel | None = Field(None, description=IMPORTANCE_HELP)
    cadence_days: int | None = Field(None, description="1 to 3650; null for no cadence.")


class FactOut(Schema):
    id: int
    person: int
    kind: FactKindValue
    text: str
    learned_on: date
    confirmed_on: date | None
    conversation: int | None = Field(description="The conversation where you heard it.")
    stale: bool = Field(description="Not confirmed for longer than the workspace's "
                                    "'ask again' age: worth asking about again.")
    created_at: datetime

    @staticmethod
    def resolve_person(obj) -> int:
        return obj.person_id

    @staticmethod
    def resolve_conversation(obj) -> int | None:
        return obj.conversation_id

    @staticmethod
    def resolve_stale(obj, context) -> bool:
        return obj.is_stale(context["request"].workspace.stale_after_days)


class FactIn(Schema):
    person: int = Field(description="The person's id.")
    kind: FactKindValue
    text: str
    learned_on: str | None = Field(None, description=DATE_HELP + " Default: today, or the day "
                                                                 "of the conversation.")
    conversation: int | None = Field(None, description="The conversation where you heard it.")


class FactPatch(Schema):
    kind: FactKindValue | None = None
    text: str | None = None
    learned_on: str | None = Field(None, description=DATE_HELP)
    confirmed_on: str | None = Field(None, description=DATE_HELP + " Null clears it.")
