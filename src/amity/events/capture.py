"""Reading the quick-capture rows typed after an event: "Name, organisation, what matters".

Pure parsing and checking, no writes: ``record_met`` in ``events.actions`` checks
every row with ``check_rows`` before it writes anything, so one bad row leaves
the database untouched.
"""

from dataclasses import dataclass, field

from amity.errors import Invalid
from amity.parsing import MAX_NAME, clean_text, fold

MAX_ROWS = 100          # one capture; a bigger list is an import, not a quick capture
MAX_FACT = 500          # as people.Fact.text
# "needs: a grant writer" -> a need fact; anything without a known prefix is an interest.
PREFIXES = {
    "need": "need", "needs": "need",
    "offer": "offer", "offers": "offer", "can offer": "offer",
    "goal": "goal", "goals": "goal",
    "value": "value", "values": "value",
    "interest": "interest", "interests": "interest",
    "challenge": "challenge", "challenges": "challenge",
    "avoid": "avoid",
}


@dataclass
class Row:
    number: int                 # 1-based, as the person typed them (blank rows counted)
    name: str
    organisation: str = ""
    facts: list[tuple[str, str]] = field(default_factory=list)   # (kind, text)


def split_line(line: str) -> dict:
    """ "Ana Ruiz, Food Bank, needs: a grant writer" -> the three parts.

    Only the first two commas separate: what matters may hold commas of its own.
    """
    parts = [p.strip() for p in (line or "").split(",", 2)]
    parts += [""] * (3 - len(parts))
    return {"name": parts[0], "organisation": parts[1], "what_matters": parts[2]}


def as_entry(entry) -> dict:
    """A row as a dict, whether it came as a line of text or as a mapping."""
    if isinstance(entry, str):
        return split_line(entry)
    return {key: str(entry.get(key) or "") for key in ("name", "organisation", "what_matters")}


def split_facts(text: str) -> list[tuple[str, str]]:
    """ "needs: a venue; offers: volunteers" -> [("need", "a venue"), ("offer", "volunteers")]."""
    facts = []
    for part in (text or "").split(";"):
        part = part.strip()
        if not part:
            continue
        prefix, sep, rest = part.partition(":")
        kind = PREFIXES.get(fold(prefix).strip()) if sep else None
        if kind and rest.strip():
            facts.append((kind, rest.strip()))
        else:
            facts.append(("interest", part))
    return facts


def check_rows(entries) -> list[Row]:
    """Every non-blank row, cleaned; ``Invalid`` naming each bad row and field."""
    entries = list(entries or [])
    if len(entries) > MAX_ROWS:
        raise Invalid(field="entries", message=f"{len(entries)} rows is more than one capture "
                                               f"takes ({MAX_ROWS} at most).")
    rows, errors = [], {}
    for index, raw in enumerate(entries):
        entry = as_entry(raw)
        if not any(v.strip() for v in entry.values()):
            continue  # an unused row of the form
        number = index + 1
        where = f"entries[{index}]"
        row = Row(number=number, name="")
        try:
            row.name = clean_text("name", entry["name"], limit=MAX_NAME, required=True,
                                  label=f"row {number}: the name")
        except Invalid as exc:
            errors[f"{where}.name"] = _sentence(exc)
        try:
            row.organisation = clean_text("organisation", entry["organisation"], limit=MAX_NAME,
                                          label=f"row {number}: the organisation")
        except Invalid as exc:
            errors[f"{where}.organisation"] = _sentence(exc)
        try:
            row.facts = [(kind, clean_text("what_matters", text, limit=MAX_FACT,
                                           label=f"row {number}: what matters"))
                         for kind, text in split_facts(entry["what_matters"])]
        except Invalid as exc:
            errors[f"{where}.what_matters"] = _sentence(exc)
        rows.append(row)
    if errors:
        raise Invalid(errors)
    if not rows:
        raise Invalid(field="entries", message="Write at least one person you met: "
                                               "“Name, organisation, what matters”.")
    return rows


def _sentence(exc: Invalid) -> str:
    return next(iter(exc.errors.values()))
