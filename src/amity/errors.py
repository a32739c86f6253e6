"""Domain errors raised by actions, mapped once per surface.

The web view turns them into form errors, the API into a 404 or a 422 naming
the field, the CLI into a one-line message and exit code 2.
"""


class AmityError(Exception):
    """Base class of the errors a user can cause and fix."""


class Invalid(AmityError):
    """One or more fields hold a value that cannot be stored.

    ``errors`` maps a field name to its message, so every surface can say
    which field is wrong.
    """

    def __init__(self, errors: dict[str, str] | None = None, *, field: str = "", message: str = ""):
        self.errors = dict(errors or {})
        if field:
            self.errors[field] = message
        super().__init__("; ".join(f"{k}: {v}" for k, v in self.errors.items()))


class NotFound(AmityError):
    """The object does not exist in this workspace (or is not yours to see)."""

    def __init__(self, what: str, ref: object = ""):
        self.what = what
        self.ref = ref
        super().__init__(f"No {what} {ref!s}".strip() if ref != "" else f"No such {what}")


class Ambiguous(AmityError):
    """A name fragment matches several people: never guess, list them."""

    def __init__(self, ref: str, candidates: list):
        self.ref = ref
        self.candidates = candidates
        names = ", ".join(f"{c.display_name} (#{c.pk})" for c in candidates[:10])
        more = f" and {len(candidates) - 10} more" if len(candidates) > 10 else ""
        super().__init__(
            f"{ref!r} matches several people: {names}{more}. Use the id or more of the name.")
