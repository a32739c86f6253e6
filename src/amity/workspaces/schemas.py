"""API shapes shared by every router: errors, pages, and the workspace's tokens."""

from datetime import datetime

from ninja import Field, Schema


class ErrorOut(Schema):
    """401 and 404 answers: ``{"detail": "No person #12"}``."""

    detail: str


class FieldErrorOut(Schema):
    type: str
    loc: list[str | int] = Field(description='Where the problem is, e.g. ["body", "emails"].')
    msg: str


class ValidationErrorOut(Schema):
    """422 answers, the shape of django-ninja's own validation errors."""

    detail: list[FieldErrorOut]


# The error answers an operation can give, for the OpenAPI document: every
# operation needs auth and validates its input; those that take an id (in
# the path, the query or the body) can also answer 404.
ERRORS = {401: ErrorOut, 422: ValidationErrorOut}
ERRORS_404 = {**ERRORS, 404: ErrorOut}


class TokenOut(Schema):
    """A personal API token, without its secret (only its first characters)."""

    id: int
    name: str
    hint: str = Field(description="The first characters of the token, to recognise it.")
    created_at: datetime
    last_used_at: datetime | None
    revoked: bool
    revoked_at: datetime | None

    @staticmethod
    def resolve_revoked(obj) -> bool:
        return obj.revoked_at is not None
