"""API shapes for organisations and affiliations."""

from datetime import date, datetime
from typing import Literal

from django.utils import timezone
from ninja import Field, Schema

from amity.organisations.models import OrganisationKind
from amity.people.schemas import DATE_HELP

OrganisationKindValue = Literal[tuple(OrganisationKind.values)]  # type: ignore[valid-type]


class OrganisationOut(Schema):
    id: int
    name: str
    kind: OrganisationKindValue
    website: str
    notes: str
    created_at: datetime


class OrganisationIn(Schema):
    name: str
    kind: OrganisationKindValue = "other"
    website: str = ""
    notes: str = ""


class OrganisationPatch(Schema):
    name: str | None = None
    kind: OrganisationKindValue | None = None
    website: str | None = None
    notes: str | None = None


class AffiliationOut(Schema):
    id: int
    person: int
    person_name: str
    organisation: int
    organisation_name: str
    role: str
    represents: bool = Field(description="Speaks for the organisation in your relationship.")
    start_on: date | None
    end_on: date | None
    current: bool = Field(description="No end date, or one today or later.")

    @staticmethod
    def resolve_person(obj) -> int:
        return obj.person_id

    @staticmethod
    def resolve_person_name(obj) -> str:
        return obj.person.display_name

    @staticmethod
    def resolve_organisation(obj) -> int:
        return obj.organisation_id

    @staticmethod
    def resolve_organisation_name(obj) -> str:
        return obj.organisation.name

    @staticmethod
    def resolve_current(obj) -> bool:
        return obj.end_on is None or obj.end_on >= timezone.localdate()


class AffiliationIn(Schema):
    person: int = Field(description="The person's id.")
    organisation: int = Field(description="The organisation's id.")
    role: str = ""
    represents: bool = False
    start_on: str | None = Field(None, description=DATE_HELP)
    end_on: str | None = Field(None, description=DATE_HELP)


class AffiliationPatch(Schema):
    role: str | None = None
    represents: bool | None = None
    start_on: str | None = Field(None, description=DATE_HELP + " Null clears it.")
    end_on: str | None = Field(None, description=DATE_HELP + " Null clears it (current again).")
