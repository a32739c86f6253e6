"""Every write to people, their contact details, tags and facts.

The web views, the API and the CLI all call these functions; each runs in
one transaction and keeps the search index in step explicitly.
"""

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.utils import timezone

from amity.errors import Ambiguous, Invalid, NotFound
from amity.parsing import (
    MAX_NAME,
    MAX_TEXT,
    clean_email,
    clean_phone,
    clean_text,
    clean_url,
    fold,
    parse_birthday,
    parse_date,
)
from amity.people.models import EmailAddress, Fact, FactKind, Importance, Person, PhoneNumber, Tag
from amity.search import index
from amity.workspaces.scoping import get_in_workspace

PERSON_TEXT_FIELDS = {
    # field: (limit, label)
    "given_name": (MAX_NAME, "given name"),
    "family_name": (MAX_NAME, "family name"),
    "nickname": (MAX_NAME, "nickname"),
    "pronouns": (40, "pronouns"),
    "location": (MAX_NAME, "location"),
    "met_where": (MAX_NAME, "where we met"),
    "met_event": (MAX_NAME, "event where we met"),
    "notes": (MAX_TEXT, "notes"),
}


# -- access ---------------------------------------------------------------

def access_person(workspace, pk) -> Person:
    return get_in_workspace(Person.objects, workspace, pk, "person")


def access_fact(workspace, pk) -> Fact:
    return get_in_workspace(Fact.objects, workspace, pk, "fact")


def resolve_person(workspace, ref: str, *, include_archived: bool = False) -> Person:
    """Find one person by id (``12`` or ``#12``) or by a fragment of a name.

    An ambiguous fragment raises ``Ambiguous`` with the candidates: never a guess.
    """
    ref = (ref or "").strip()
    if not ref:
        raise Invalid(field="person", message="Say which person (an id or part of a name).")
    if ref.lstrip("#").isdigit():
        return access_person(workspace, ref.lstrip("#"))
    people = Person.objects.in_workspace(workspace)
    if not include_archived:
        people = people.filter(archived_at__isnull=True)
    exact = [p for p in people.filter(display_name__iexact=ref)[:20]]
    if len(exact) == 1:
        return exact[0]
    candidates = index.find_people_by_name(workspace, ref, people, limit=21)
    if exact:
        candidates = exact
    if not candidates:
        raise NotFound("person", f"matching {ref!r}")
    if len(candidates) > 1:
        # An exact (accent-folded) full-name match wins over partial matches.
        folded = fold(ref)
        whole = [p for p in candidates if fold(p.display_name) == folded]
        if len(whole) == 1:
            return whole[0]
        raise Ambiguous(ref, candidates)
    return candidates[0]


# -- cleaning -------------------------------------------------------------

def _clean_person(data: dict, *, creating: bool) -> dict:
    """Validate the fields present in ``data``; collect every error at once."""
    clean: dict = {}
    errors: dict[str, str] = {}

    def attempt(field, fn):
        try:
            fn()
        except Invalid as exc:
            errors.update(exc.errors)

    if creating or "display_name" in data:
        def name():
            clean["display_name"] = clean_text("display_name", data.get("display_name"),
                                               limit=MAX_NAME, required=True, label="name")
        attempt("display_name", name)
    for field, (limit, label) in PERSON_TEXT_FIELDS.items():
        if field in data:
            attempt(field, lambda f=field, lim=limit, lab=label: clean.__setitem__(
                f, clean_text(f, data[f], limit=lim, label=lab)))
    for field in ("linkedin_url", "website"):
        if field in data:
            attempt(field, lambda f=field: clean.__setitem__(f, clean_url(f, data[f])))
    if "birthday" in data:
        def birthday():
            y, m, d = parse_birthday(data["birthday"])
            clean.update(birthday_year=y, birthday_month=m, birthday_day=d)
        attempt("birthday", birthday)
    if "met_on" in data:
        attempt("met_on", lambda: clean.__setitem__("met_on", parse_date(data["met_on"], "met_on")))
    if "importance" in data:
        def importance():
            value = data["importance"]
            if isinstance(value, str) and not value.isdigit():
                lookup = {fold(label): v for v, label in Importance.choices}
                lookup.update({"inner": 3, "regular": 2, "occasional": 1})
                value = lookup.get(fold(value))
            try:
                clean["importance"] = Importance(int(value))
            except (TypeError, ValueError):
                raise Invalid(field="importance", message=f"{data['importance']!r} is not an "
                              "importance (inner circle, regular or occasional).") from None
        attempt("importance", importance)
    if "cadence_days" in data:
        def cadence():
            value = data["cadence_days"]
            if value is None or (isinstance(value, str) and not value.strip()):
                clean["cadence_days"] = None  # empty: no keep-in-touch reminder
                return
            try:
                days = int(value)
            except (TypeError, ValueError):
                raise Invalid(field="cadence_days",
                              message=f"{value!r} is not a number of days.") from None
            # 0 is refused rather than read as "none": "every 0 days" is a typo,
            # and an empty value already means no cadence.
            if not 1 <= days <= 3650:
                raise Invalid(field="cadence_days", message="Keep-in-touch cadence must be "
                              "1 to 3650 days (leave it empty for none).")
            clean["cadence_days"] = days
        attempt("cadence_days", cadence)
    if "emails" in data:
        def emails():
            clean["emails"] = _unique(clean_email(e, "emails")
                                      for e in _as_list(data["emails"]) if (e or "").strip())
        attempt("emails", emails)
    if "phones" in data:
        def phones():
            clean["phones"] = _unique(clean_phone(p, "phones")
                                      for p in _as_list(data["phones"]) if (p or "").strip())
        attempt("phones", phones)
    if "tags" in data:
        def tags():
            names = [clean_text("tags", t, limit=60, label="tag") for t in _as_list(data["tags"])]
            clean["tags"] = _unique(t for t in (n.lstrip("#").strip() for n in names) if t)
        attempt("tags", tags)
    if errors:
        raise Invalid(errors)
    return clean


def _as_list(value) -> list:
    """A list of values; one bare string is one value, never a list of its letters."""
    if not value:
        return []
    return [value] if isinstance(value, str) else list(value)


def _unique(values: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for v in values:
        seen.setdefault(v, None)
    return list(seen)


# -- people ---------------------------------------------------------------

SCALAR_FIELDS = (
    {"display_name", "linkedin_url", "website", "birthday_year", "birthday_month", "birthday_day",
     "met_on", "importance", "cadence_days"} | set(PERSON_TEXT_FIELDS)
)


def _split_name(display_name: str) -> tuple[str, str]:
    given, _, family = display_name.partition(" ")
    return given, family


@transaction.atomic
def create_person(workspace, *, introduced_by: Person | None = None, **data) -> Person:
    """Create a person. ``data`` holds the fields of ``Person`` plus
    ``emails``, ``phones``, ``tags`` (lists) and ``birthday`` (text)."""
    clean = _clean_person(data, creating=True)
    person = Person(workspace=workspace, introduced_by=introduced_by,
                    **{k: v for k, v in clean.items() if k in SCALAR_FIELDS})
    if not person.given_name and not person.family_name:
        person.given_name, person.family_name = _split_name(person.display_name)
    person.refresh_checkin_due()
    person.save()
    _replace_contacts(person, clean)
    index.reindex_people(workspace, [person.pk])
    return person


@transaction.atomic
def update_person(workspace, person: Person, *, introduced_by: Person | None | bool = False,
                  **data) -> Person:
    """Change the given fields only (a partial update)."""
    clean = _clean_person(data, creating=False)
    # Given and family names made from the old name follow a rename, or the
    # old surname would still be found by search (and shown) after it.
    rederive = ("display_name" in clean and not {"given_name", "family_name"} & set(clean)
                and (person.given_name, person.family_name) == _split_name(person.display_name))
    for field, value in clean.items():
        if field in SCALAR_FIELDS:
            setattr(person, field, value)
    if rederive:
        person.given_name, person.family_name = _split_name(person.display_name)
    if introduced_by is not False:
        if introduced_by is not None and introduced_by.pk == person.pk:
            raise Invalid(field="introduced_by", message="A person cannot introduce themselves.")
        person.introduced_by = introduced_by
    person.refresh_checkin_due()
    person.updated_at = timezone.now()
    person.save()
    _replace_contacts(person, clean)
    index.reindex_people(workspace, [person.pk])
    return person


def _replace_contacts(person: Person, clean: dict) -> None:
    ws = person.workspace_id
    if "emails" in clean:
        person.emails.all().delete()
        EmailAddress.objects.bulk_create(
            EmailAddress(workspace_id=ws, person=person, email=e) for e in clean["emails"])
    if "phones" in clean:
        person.phones.all().delete()
        PhoneNumber.objects.bulk_create(
            PhoneNumber(workspace_id=ws, person=person, number=p) for p in clean["phones"])
    if "tags" in clean:
        person.tags.set(_get_or_create_tags(person.workspace, clean["tags"]))


def _get_or_create_tags(workspace, names: list[str]) -> list[Tag]:
    existing = {t.name.casefold(): t for t in Tag.objects.in_workspace(workspace)
                .filter(name__in=names)}
    # Same tag typed in another case: reuse it rather than make a twin. Compared
    # in Python because SQLite's iexact folds ASCII only ("économie" would miss
    # "Économie"); a workspace has hundreds of tags, not millions.
    if any(n.casefold() not in existing for n in names):
        for t in Tag.objects.in_workspace(workspace):
            existing.setdefault(t.name.casefold(), t)
    tags = []
    for name in names:
        tag = existing.get(name.casefold())
        if tag is None:
            tag = Tag.objects.create(workspace=workspace, name=name)
            existing[name.casefold()] = tag
        tags.append(tag)
    return tags


@transaction.atomic
def archive_person(workspace, person: Person) -> Person:
    person.archive()
    return person


@transaction.atomic
def unarchive_person(workspace, person: Person) -> Person:
    person.unarchive()
    return person


@transaction.atomic
def delete_person(workspace, person: Person) -> None:
    """Delete a person with their facts, follow-ups, contact details and
    the conversations in which they were the only participant."""
    from amity.conversations.models import Conversation

    alone = (Conversation.objects.in_workspace(workspace)
             .filter(participations__person=person)
             .exclude(participations__person__in=Person.objects.exclude(pk=person.pk)
                      .filter(workspace=workspace)))
    Conversation.objects.filter(pk__in=list(alone.values_list("pk", flat=True))).delete()
    index.remove_people(workspace, [person.pk])
    person.delete()


# -- facts ----------------------------------------------------------------

def _clean_fact(data: dict, *, creating: bool) -> dict:
    clean: dict = {}
    errors: dict[str, str] = {}
    if creating or "kind" in data:
        kind = fold(str(data.get("kind") or "")).strip()
        aliases = {"topic to avoid": "avoid", "avoid topic": "avoid", "needs": "need",
                   "offers": "offer", "interests": "interest", "values": "value", "goals": "goal"}
        kind = aliases.get(kind, kind)
        if kind not in FactKind.values:
            errors["kind"] = (f"{data.get('kind')!r} is not a kind of fact (one of: "
                              f"{', '.join(FactKind.values)}).")
        clean["kind"] = kind
    if creating or "text" in data:
        try:
            clean["text"] = clean_text("text", data.get("text"), limit=500, required=True,
                                       label="fact")
        except Invalid as exc:
            errors.update(exc.errors)
    for field in ("learned_on", "confirmed_on"):
        if field in data:
            try:
                clean[field] = parse_date(data[field], field)
            except Invalid as exc:
                errors.update(exc.errors)
    if errors:
        raise Invalid(errors)
    if creating and not clean.get("learned_on"):
        clean["learned_on"] = timezone.localdate()
    return clean


@transaction.atomic
def add_fact(workspace, person: Person, *, conversation=None, **data) -> Fact:
    clean = _clean_fact(data, creating=True)
    if person.workspace_id != workspace.pk:
        raise NotFound("person", f"#{person.pk}")
    if conversation is not None and conversation.workspace_id != workspace.pk:
        raise NotFound("conversation", f"#{conversation.pk}")
    if conversation is not None and "learned_on" not in data:
        clean["learned_on"] = timezone.localdate(conversation.happened_at)
    fact = Fact.objects.create(workspace=workspace, person=person, conversation=conversation,
                               **clean)
    index.reindex_people(workspace, [person.pk])
    return fact


@transaction.atomic
def update_fact(workspace, fact: Fact, **data) -> Fact:
    clean = _clean_fact(data, creating=False)
    for field, value in clean.items():
        setattr(fact, field, value)
    if fact.learned_on is None:
        raise Invalid(field="learned_on", message="When you learned it cannot be empty.")
    fact.save()
    index.reindex_people(workspace, [fact.person_id])
    return fact


@transaction.atomic
def confirm_fact(workspace, fact: Fact, on: date | None = None) -> Fact:
    fact.confirm(on)
    return fact


@transaction.atomic
def delete_fact(workspace, fact: Fact) -> None:
    person_id = fact.person_id
    fact.delete()
    index.reindex_people(workspace, [person_id])
