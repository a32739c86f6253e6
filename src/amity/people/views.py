"""Web pages for people: the list, the person page, and their forms.

Each view: guard -> fetch (scoped) -> validate -> one action call -> respond.
htmx requests get the named partial of the page they came from; everything
else gets a full page or a redirect with a message, so it all works without
JavaScript.
"""

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from importlib import import_module

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.timesince import timesince

from amity.conversations.models import Conversation
from amity.errors import Ambiguous, Invalid, NotFound
from amity.organisations.actions import add_affiliation, find_or_create_organisation
from amity.organisations.models import Affiliation
from amity.people import actions
from amity.people.forms import AffiliationForm, FactEditForm, FactForm, NewPersonForm, PersonForm
from amity.people.models import FactKind, Importance, Person, Tag
from amity.search.index import search_ids
from amity.web import apply_errors, member_required, paginate, post_only

PER_PAGE = 50
# A name filter ranks at most this many matches; past that, type more of the name.
MAX_NAME_MATCHES = 1000
RECENT_CONVERSATIONS = 20
# Someone without a cadence counts as "in touch" when contacted this recently.
DEFAULT_TOUCH_DAYS = 90


# -- shared helpers (the organisation pages use them too) --------------------

def last_contact_label(moment: datetime | None, today: date) -> str:
    """"never", "today", "yesterday" or "3 weeks ago"."""
    if moment is None:
        return "never"
    day = timezone.localdate(moment)
    if day >= today:
        return "today"
    if day == today - timedelta(days=1):
        return "yesterday"
    return f"{timesince(moment, timezone.now(), depth=1)} ago"


@dataclass
class CheckIn:
    state: str  # none | ok | due | overdue
    label: str
    badge: str  # css class of the badge


def checkin_state(person: Person, today: date) -> CheckIn:
    due = person.checkin_due_on
    if not person.cadence_days or due is None:
        return CheckIn("none", "no check-in cadence", "")
    days = (due - today).days
    if days > 0:
        return CheckIn("ok", f"check in within {days} day{'s' if days != 1 else ''}", "ok")
    if days == 0:
        return CheckIn("due", "check-in due today", "warn")
    return CheckIn("overdue", f"check-in overdue by {-days} day{'s' if days != -1 else ''}",
                   "danger")


def relationship_health(person: Person, today: date) -> CheckIn:
    """ok / due / overdue / never contacted, against their cadence or 90 days."""
    if person.last_contact_at is None:
        return CheckIn("never", "never contacted", "danger")
    days = person.cadence_days or DEFAULT_TOUCH_DAYS
    due = timezone.localdate(person.last_contact_at) + timedelta(days=days)
    if due > today:
        return CheckIn("ok", "in touch", "ok")
    if due == today:
        return CheckIn("due", "check-in due", "warn")
    return CheckIn("overdue", "overdue", "danger")


def in_touch_q(today: date, prefix: str = "") -> Q:
    """SQL twin of ``relationship_health`` in ("ok", "due")."""
    since = timezone.make_aware(datetime.combine(today - timedelta(days=DEFAULT_TOUCH_DAYS),
                                                 time.min))
    return Q(**{f"{prefix}last_contact_at__isnull": False}) & (
        Q(**{f"{prefix}cadence_days__isnull": False, f"{prefix}checkin_due_on__gte": today})
        | Q(**{f"{prefix}cadence_days__isnull": True, f"{prefix}last_contact_at__gte": since}))


def current_affiliation_q(today: date, prefix: str = "") -> Q:
    return Q(**{f"{prefix}end_on__isnull": True}) | Q(**{f"{prefix}end_on__gte": today})


def person_url(person: Person, anchor: str = "") -> str:
    return reverse("people:detail", args=[person.pk]) + (f"#{anchor}" if anchor else "")


# -- the list -----------------------------------------------------------------

def _list_filters(request, workspace):
    """The people queryset for the filters in the query string, and the filters."""
    params = request.GET
    people = Person.objects.in_workspace(workspace)
    show_archived = params.get("archived") == "1"
    if not show_archived:
        people = people.filter(archived_at__isnull=True)
    tag_name = (params.get("tag") or "").strip().lstrip("#")
    tag = None
    if tag_name:
        tag = Tag.objects.in_workspace(workspace).filter(name__iexact=tag_name).first()
        people = people.filter(tags=tag) if tag else people.none()
    importance = params.get("importance") or ""
    if importance in {str(v) for v in Importance.values}:
        people = people.filter(importance=int(importance))
    else:
        importance = ""
    filters = {"q": (params.get("q") or "").strip(), "tag": tag_name, "tag_obj": tag,
               "importance": importance, "archived": show_archived}
    return people, filters


def _page_of_people(request, workspace, people, filters):
    """A page of people: ranked by the search index for a name, else by name."""
    if not filters["q"]:
        return paginate(request, people, PER_PAGE), False
    hits = search_ids(workspace, filters["q"], limit=MAX_NAME_MATCHES, name_only=True,
                      include_archived=filters["archived"])
    allowed = set(people.filter(pk__in=hits.ids).values_list("pk", flat=True))
    page = Paginator([pk for pk in hits.ids if pk in allowed], PER_PAGE).get_page(
        request.GET.get("page"))
    found = people.in_bulk(list(page.object_list))
    page.object_list = [found[pk] for pk in page.object_list if pk in found]
    return page, hits.has_more


def _with_row_data(page):
    """Tags and current organisations for a page of people, in two queries."""
    today = timezone.localdate()
    rows = list(page.object_list)
    prefetch_related_objects(
        rows, "tags",
        Prefetch("affiliations",
                 queryset=Affiliation.objects.filter(current_affiliation_q(today))
                 .select_related("organisation"),
                 to_attr="current_affiliations"))
    for person in rows:
        person.last_contact_label = last_contact_label(person.last_contact_at, today)
        person.checkin = checkin_state(person, today)
    return rows


@member_required
def person_list(request):
    people, filters = _list_filters(request, request.workspace)
    page, more_matches = _page_of_people(request, request.workspace, people, filters)
    rows = _with_row_data(page)
    query = request.GET.copy()
    query.pop("page", None)
    template = "people/person_list.html#results" if request.htmx else "people/person_list.html"
    return render(request, template, {
        "nav": "people", "page": page, "people": rows, "filters": filters,
        "more_matches": more_matches, "max_matches": MAX_NAME_MATCHES,
        "importance_choices": Importance.choices, "query": query.urlencode(),
    })


# -- new and edit ---------------------------------------------------------------

def _resolve_introducer(workspace, ref: str):
    """The introducer for ``ref`` and no message, or no one and the message for the form."""
    try:
        return actions.resolve_person(workspace, ref), None
    except Ambiguous as exc:
        return None, str(exc)
    except NotFound:
        return None, f"No one called {ref!r} among your people."


def _write_all_or_nothing(errors: dict, write):
    """Run ``write`` in one transaction; with ``errors`` already found, roll it
    back so the form can show every problem at once and nothing is written."""
    try:
        with transaction.atomic():
            result = write()
            if errors:
                raise Invalid(errors)
    except Invalid as exc:
        raise Invalid({**exc.errors, **errors}) from None
    return result


@member_required
def person_new(request):
    form = NewPersonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person = _create_from_form(request.workspace, form)
        if person is not None:
            messages.success(request, f"Added {person.display_name}.")
            return redirect(person_url(person))
    return render(request, "people/person_form.html",
                  {"nav": "people", "form": form, "creating": True})


def _create_from_form(workspace, form) -> Person | None:
    errors, introducer = {}, None
    if ref := form.cleaned_data["introduced_by"].strip():
        introducer, message = _resolve_introducer(workspace, ref)
        if message:
            errors["introduced_by"] = message
    org_name, role = form.cleaned_data["organisation"], form.cleaned_data["role"]

    def write():
        person = actions.create_person(workspace, introduced_by=introducer, **form.action_data())
        if org_name.strip():
            add_affiliation(workspace, person, find_or_create_organisation(workspace, org_name),
                            role=role)
        return person

    try:
        return _write_all_or_nothing(errors, write)
    except Invalid as exc:
        apply_errors(form, exc)
        return None


@member_required
def person_edit(request, pk):
    person = actions.access_person(request.workspace, pk)
    initial = PersonForm.initial_for(person)
    form = PersonForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        introducer, message = _edited_introducer(request.workspace, form, initial["introduced_by"])
        errors = {"introduced_by": message} if message else {}
        try:
            _write_all_or_nothing(errors, lambda: actions.update_person(
                request.workspace, person, introduced_by=False if message else introducer,
                **form.action_data()))
        except Invalid as exc:
            apply_errors(form, exc)
            person.refresh_from_db()  # the page shows the stored name, not the rejected one
        else:
            messages.success(request, f"Saved {person.display_name}.")
            return redirect(person_url(person))
    return render(request, "people/person_form.html",
                  {"nav": "people", "form": form, "person": person, "creating": False})


def _edited_introducer(workspace, form, before: str):
    """``False`` (unchanged) when the field still shows the current introducer's
    name: two people may share it, and re-resolving must not guess."""
    ref = form.cleaned_data["introduced_by"].strip()
    if ref == before.strip() and ref:
        return False, None
    if not ref:
        return None, None
    return _resolve_introducer(workspace, ref)


# -- the person page ---------------------------------------------------------------

def _fact_groups(person: Person, stale_after_days: int, today: date):
    facts = list(person.facts.select_related("conversation"))
    groups = []
    for kind, label in FactKind.choices:
        items = [f for f in facts if f.kind == kind]
        for fact in items:
            fact.stale = fact.is_stale(stale_after_days, today)
        groups.append({"kind": kind, "label": label, "facts": items})
    return groups, len(facts)


def _facts_context(request, person, fact_form=None) -> dict:
    today = timezone.localdate()
    stale_days = request.workspace.stale_after_days
    groups, count = _fact_groups(person, stale_days, today)
    return {"person": person, "fact_groups": groups, "fact_count": count,
            "stale_after_days": stale_days,
            "fact_form": fact_form or FactForm(auto_id="fact_%s")}


def _header_context(person) -> dict:
    today = timezone.localdate()
    return {"person": person, "checkin": checkin_state(person, today),
            "last_contact": last_contact_label(person.last_contact_at, today)}


def birthday_label(person: Person) -> str:
    """"15 April 1990", or "15 April" when the year is unknown."""
    if not person.birthday_month or not person.birthday_day:
        return ""
    label = f"{person.birthday_day} {calendar.month_name[person.birthday_month]}"
    return f"{label} {person.birthday_year}" if person.birthday_year else label


def _detail_context(request, person, *, fact_form=None, affiliation_form=None) -> dict:
    today = timezone.localdate()
    affiliations = list(person.affiliations.select_related("organisation"))
    conversations = list(person.conversations.order_by("-happened_at", "-id")
                         .prefetch_related("participants")[:RECENT_CONVERSATIONS])
    for conversation in conversations:
        conversation.others = [p for p in conversation.participants.all() if p.pk != person.pk]
    context = {
        "nav": "people",
        **_header_context(person),
        **_facts_context(request, person, fact_form),
        "birthday": birthday_label(person),
        "emails": list(person.emails.all()),
        "phones": list(person.phones.all()),
        "tags": list(person.tags.all()),
        "current_affiliations": [a for a in affiliations if a.is_current],
        "past_affiliations": [a for a in affiliations if not a.is_current],
        "affiliation_form": affiliation_form or AffiliationForm(auto_id="aff_%s"),
        "conversations": conversations,
        "conversation_count": person.conversations.count(),
        "follow_ups": list(person.follow_ups.filter(done_at__isnull=True)
                           .order_by("due_on", "id")[:50]),
        "today": today,
        "panels": person_panels(request, person),
    }
    return context


# Apps that add a panel to the person page, in page order. Each has
# ``panels.person_panel(request, person) -> dict | None`` and
# ``templates/<app>/_person_panel.html``, rendered with that dict as ``panel``.
PERSON_PANELS = ("journey", "goals", "exchange", "connector", "initiatives", "events",
                 "questions")


def person_panels(request, person) -> list[tuple[str, dict]]:
    shown = []
    for app in PERSON_PANELS:
        module = import_module(f"amity.{app}.panels")
        panel = module.person_panel(request, person)
        if panel is not None:
            shown.append((f"{app}/_person_panel.html", panel))
    return shown


@member_required
def person_detail(request, pk):
    person = actions.access_person(request.workspace, pk)
    return render(request, "people/person_detail.html", _detail_context(request, person))


@member_required
def person_conversations(request, pk):
    """Every conversation with one person, newest first (the page shows 20)."""
    person = actions.access_person(request.workspace, pk)
    page = paginate(request, person.conversations.order_by("-happened_at", "-id")
                    .prefetch_related("participants"), PER_PAGE)
    for conversation in page.object_list:
        conversation.others = [p for p in conversation.participants.all() if p.pk != person.pk]
    return render(request, "people/person_conversations.html",
                  {"nav": "people", "person": person, "page": page, "query": ""})


# -- archive, unarchive, delete ------------------------------------------------------

def _archive_toggle(request, pk, archive: bool):
    person = actions.access_person(request.workspace, pk)
    if refused := post_only(request):
        return refused
    if archive:
        actions.archive_person(request.workspace, person)
    else:
        actions.unarchive_person(request.workspace, person)
    if request.htmx:
        return render(request, "people/person_detail.html#header", _header_context(person))
    messages.success(request, f"{'Archived' if archive else 'Restored'} {person.display_name}.")
    return redirect(person_url(person))


@member_required
def person_archive(request, pk):
    return _archive_toggle(request, pk, archive=True)


@member_required
def person_unarchive(request, pk):
    return _archive_toggle(request, pk, archive=False)


@member_required
def person_delete(request, pk):
    person = actions.access_person(request.workspace, pk)
    if request.method == "POST":
        actions.delete_person(request.workspace, person)
        messages.success(request, f"Deleted {person.display_name}.")
        return redirect("people:list")
    alone = (Conversation.objects.in_workspace(request.workspace)
             .filter(participations__person=person)
             .exclude(participations__person__in=Person.objects.in_workspace(request.workspace)
                      .exclude(pk=person.pk)))
    return render(request, "people/person_delete.html", {
        "nav": "people", "person": person, "alone_count": alone.count(),
        "conversation_count": person.conversations.count(),
        "fact_count": person.facts.count(),
        "follow_up_count": person.follow_ups.count(),
    })


# -- facts ------------------------------------------------------------------------------

def _person_fact(workspace, pk, fact_pk):
    person = actions.access_person(workspace, pk)
    fact = actions.access_fact(workspace, fact_pk)
    if fact.person_id != person.pk:
        raise NotFound("fact", f"#{fact_pk}")
    return person, fact


def _facts_response(request, person, message: str, fact_form=None):
    if request.htmx:
        return render(request, "people/person_detail.html#facts",
                      _facts_context(request, person, fact_form))
    messages.success(request, message)
    return redirect(person_url(person, "facts"))


@member_required
def fact_add(request, pk):
    person = actions.access_person(request.workspace, pk)
    if refused := post_only(request):
        return refused
    form = FactForm(request.POST, auto_id="fact_%s")
    form.is_valid()
    try:
        fact = actions.add_fact(request.workspace, person, kind=form.cleaned_data["kind"],
                                text=form.cleaned_data["text"])
    except Invalid as exc:
        apply_errors(form, exc)
        if request.htmx:
            return render(request, "people/person_detail.html#facts",
                          _facts_context(request, person, form))
        return render(request, "people/person_detail.html",
                      _detail_context(request, person, fact_form=form))
    return _facts_response(request, person, f"Noted: {fact.get_kind_display().lower()} "
                                            f"“{fact.text}”.")


@member_required
def fact_edit(request, pk, fact_pk):
    person, fact = _person_fact(request.workspace, pk, fact_pk)
    form = FactEditForm(request.POST or None, initial={
        "kind": fact.kind, "text": fact.text, "learned_on": fact.learned_on.isoformat()})
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_fact(request.workspace, fact, **form.cleaned_data)
        except Invalid as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Saved.")
            return redirect(person_url(person, "facts"))
    return render(request, "people/fact_form.html",
                  {"nav": "people", "form": form, "person": person, "fact": fact})


@member_required
def fact_delete(request, pk, fact_pk):
    person, fact = _person_fact(request.workspace, pk, fact_pk)
    if refused := post_only(request):
        return refused
    actions.delete_fact(request.workspace, fact)
    return _facts_response(request, person, f"Deleted “{fact.text}”.")


@member_required
def fact_confirm(request, pk, fact_pk):
    person, fact = _person_fact(request.workspace, pk, fact_pk)
    if refused := post_only(request):
        return refused
    actions.confirm_fact(request.workspace, fact)
    return _facts_response(request, person, f"Confirmed “{fact.text}” is still true.")


# -- affiliations -------------------------------------------------------------------------

@member_required
def affiliation_add(request, pk):
    person = actions.access_person(request.workspace, pk)
    form = AffiliationForm(request.POST or None, auto_id="aff_%s",
                           initial={"organisation": request.GET.get("organisation", "")})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        org_name = data.pop("organisation")
        try:
            # Finding (or making) the organisation and linking them is one change.
            with transaction.atomic():
                organisation = find_or_create_organisation(request.workspace, org_name)
                add_affiliation(request.workspace, person, organisation, **data)
        except Invalid as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, f"{person.display_name} is now linked to "
                                      f"{organisation.name}.")
            return redirect(person_url(person, "affiliations"))
    return render(request, "people/affiliation_form.html",
                  {"nav": "people", "form": form, "person": person})
