"""Web pages for organisations: an organisation is the people in it.

Each view: guard -> fetch (scoped) -> validate -> one action call -> respond.
"""

from dataclasses import dataclass
from datetime import date

from django import forms
from django.contrib import messages
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from amity.errors import Ambiguous, Invalid, NotFound
from amity.organisations import actions
from amity.organisations.forms import AffiliationEditForm, OrganisationForm
from amity.organisations.models import Affiliation, Organisation, OrganisationKind
from amity.people.actions import resolve_person
from amity.people.models import Person
from amity.people.views import (
    DEFAULT_TOUCH_DAYS,
    current_affiliation_q,
    in_touch_q,
    last_contact_label,
    relationship_health,
)
from amity.web import apply_errors, member_required, paginate, post_only, safe_next

PER_PAGE = 50
PAST_SHOWN = 50


class AddPersonForm(forms.Form):
    person = forms.CharField(label="Person", required=False,
                             help_text="Part of their name, or #id.")
    role = forms.CharField(label="Role", required=False)
    represents = forms.BooleanField(
        label="Represents the organisation in our relationship", required=False)


def organisation_url(organisation: Organisation, anchor: str = "") -> str:
    url = reverse("organisations:detail", args=[organisation.pk])
    return url + (f"#{anchor}" if anchor else "")


# -- the list -----------------------------------------------------------------------

@member_required
def organisation_list(request):
    today = timezone.localdate()
    q = (request.GET.get("q") or "").strip()
    kind = request.GET.get("kind") or ""
    organisations = Organisation.objects.in_workspace(request.workspace)
    if q:
        organisations = organisations.filter(name__icontains=q)
    if kind in OrganisationKind.values:
        organisations = organisations.filter(kind=kind)
    else:
        kind = ""
    # A correlated count runs for the 50 rows of the page only, not for every
    # organisation the way a join-and-group would.
    people = (Affiliation.objects.filter(current_affiliation_q(today), organisation=OuterRef("pk"))
              .order_by().values("organisation")
              .annotate(n=Count("person", distinct=True)).values("n"))
    organisations = organisations.annotate(
        people_count=Coalesce(Subquery(people, output_field=IntegerField()), Value(0)))
    page = paginate(request, organisations, PER_PAGE)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "organisations/organisation_list.html", {
        "nav": "organisations", "page": page, "name_q": q, "kind": kind,
        "kinds": OrganisationKind.choices, "query": query.urlencode(),
    })


# -- new, edit, delete ------------------------------------------------------------------

@member_required
def organisation_new(request):
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = actions.create_organisation(request.workspace, **form.cleaned_data)
        except Invalid as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, f"Added {organisation.name}.")
            return redirect(organisation_url(organisation))
    return render(request, "organisations/organisation_form.html",
                  {"nav": "organisations", "form": form, "creating": True})


@member_required
def organisation_edit(request, pk):
    organisation = actions.access_organisation(request.workspace, pk)
    form = OrganisationForm(request.POST or None, initial={
        "name": organisation.name, "kind": organisation.kind,
        "website": organisation.website, "notes": organisation.notes})
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_organisation(request.workspace, organisation, **form.cleaned_data)
        except Invalid as exc:
            apply_errors(form, exc)
            organisation.refresh_from_db()
        else:
            messages.success(request, f"Saved {organisation.name}.")
            return redirect(organisation_url(organisation))
    return render(request, "organisations/organisation_form.html", {
        "nav": "organisations", "form": form, "organisation": organisation, "creating": False})


@member_required
def organisation_delete(request, pk):
    organisation = actions.access_organisation(request.workspace, pk)
    if request.method == "POST":
        actions.delete_organisation(request.workspace, organisation)
        messages.success(request, f"Deleted {organisation.name}.")
        return redirect("organisations:list")
    return render(request, "organisations/organisation_delete.html", {
        "nav": "organisations", "organisation": organisation,
        "affiliation_count": organisation.affiliations.count()})


# -- the organisation page ------------------------------------------------------------------

@dataclass
class Risk:
    """How much the relationship with an organisation rests on one person.

    The rule: among the people currently affiliated with the organisation
    and not archived, count those "in touch" (contacted within their own
    cadence, or within 90 days when they have none).

    - ``single``: exactly one such person: everything rests on them;
    - ``one_in_touch``: several people, but only one of them is in touch:
      in practice it still rests on that one person;
    - ``none_in_touch``: several people, none of them in touch;
    - ``nobody``: no current person at all.
    """

    kind: str  # "" when the relationship is spread over several people in touch
    total: int
    in_touch: int
    person: Person | None = None

    @property
    def warns(self) -> bool:
        return self.kind in {"single", "one_in_touch", "none_in_touch"}


def relationship_risk(workspace, organisation: Organisation, today: date) -> Risk:
    people = Person.objects.in_workspace(workspace).filter(
        archived_at__isnull=True,
        pk__in=organisation.affiliations.filter(current_affiliation_q(today)).values("person_id"))
    counts = people.aggregate(total=Count("pk"), in_touch=Count("pk", filter=in_touch_q(today)))
    total, in_touch = counts["total"], counts["in_touch"]
    if total == 0:
        return Risk("nobody", 0, 0)
    if total == 1:
        return Risk("single", 1, in_touch, people.first())
    if in_touch == 1:
        return Risk("one_in_touch", total, 1, people.filter(in_touch_q(today)).first())
    if in_touch == 0:
        return Risk("none_in_touch", total, 0)
    return Risk("", total, in_touch)


def _with_health(affiliations, today: date) -> list[Affiliation]:
    rows = list(affiliations)
    for affiliation in rows:
        affiliation.health = relationship_health(affiliation.person, today)
        affiliation.last_contact = last_contact_label(affiliation.person.last_contact_at, today)
    return rows


@member_required
def organisation_detail(request, pk):
    organisation = actions.access_organisation(request.workspace, pk)
    return _render_detail(request, organisation)


def _render_detail(request, organisation, add_form=None):
    today = timezone.localdate()
    affiliations = organisation.affiliations.select_related("person")
    current = affiliations.filter(current_affiliation_q(today)).order_by(
        "-represents", "person__display_name", "id")
    page = paginate(request, current, PER_PAGE)
    past = affiliations.exclude(current_affiliation_q(today)).order_by("-end_on", "id")
    past_rows = _with_health(past[:PAST_SHOWN], today)
    past_count = past.count()
    return render(request, "organisations/organisation_detail.html", {
        "nav": "organisations", "organisation": organisation, "page": page,
        "current": _with_health(page.object_list, today),
        "past": past_rows,
        "past_more": past_count - len(past_rows),
        "risk": relationship_risk(request.workspace, organisation, today),
        "touch_days": DEFAULT_TOUCH_DAYS,
        "add_form": add_form or AddPersonForm(auto_id="add_%s"),
        "here": organisation_url(organisation),
    })


@member_required
def affiliation_add(request, pk):
    """Link one of your people to this organisation, found by name or #id."""
    organisation = actions.access_organisation(request.workspace, pk)
    if refused := post_only(request):
        return refused
    form = AddPersonForm(request.POST, auto_id="add_%s")
    form.is_valid()
    data = dict(form.cleaned_data)
    ref = data.pop("person").strip()
    try:
        person = resolve_person(request.workspace, ref)
        actions.add_affiliation(request.workspace, person, organisation, **data)
    except NotFound:
        form.add_error("person", f"No one called {ref!r} among your people.")
    except Ambiguous as exc:
        form.add_error("person", str(exc))
    except Invalid as exc:
        apply_errors(form, exc)
    if form.errors:
        return _render_detail(request, organisation, add_form=form)
    messages.success(request, f"Linked {person.display_name} to {organisation.name}.")
    return redirect(organisation_url(organisation, "people"))


# -- affiliations ------------------------------------------------------------------------------

def _org_affiliation(workspace, pk, aff_pk):
    organisation = actions.access_organisation(workspace, pk)
    affiliation = actions.access_affiliation(workspace, aff_pk)
    if affiliation.organisation_id != organisation.pk:
        raise NotFound("affiliation", f"#{aff_pk}")
    return organisation, affiliation


@member_required
def affiliation_edit(request, pk, aff_pk):
    organisation, affiliation = _org_affiliation(request.workspace, pk, aff_pk)
    form = AffiliationEditForm(request.POST or None, initial={
        "role": affiliation.role, "represents": affiliation.represents,
        "start_on": affiliation.start_on.isoformat() if affiliation.start_on else "",
        "end_on": affiliation.end_on.isoformat() if affiliation.end_on else ""})
    back = safe_next(request, organisation_url(organisation, "people"))
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_affiliation(request.workspace, affiliation, **form.cleaned_data)
        except Invalid as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Saved.")
            return redirect(back)
    return render(request, "organisations/affiliation_form.html", {
        "nav": "organisations", "form": form, "organisation": organisation,
        "affiliation": affiliation, "person": affiliation.person, "back": back})


@member_required
def affiliation_end(request, pk, aff_pk):
    organisation, affiliation = _org_affiliation(request.workspace, pk, aff_pk)
    if refused := post_only(request):
        return refused
    try:
        actions.end_affiliation(request.workspace, affiliation)
    except Invalid as exc:  # it started after today: ending it today would be before it began
        messages.error(request, "; ".join(exc.errors.values()))
    else:
        messages.success(request, f"{affiliation.person.display_name} is no longer at "
                                  f"{organisation.name} (from today).")
    return redirect(safe_next(request, organisation_url(organisation, "people")))


@member_required
def affiliation_delete(request, pk, aff_pk):
    organisation, affiliation = _org_affiliation(request.workspace, pk, aff_pk)
    if refused := post_only(request):
        return refused
    actions.delete_affiliation(request.workspace, affiliation)
    messages.success(request, f"Removed {affiliation.person.display_name} from "
                              f"{organisation.name}.")
    return redirect(safe_next(request, organisation_url(organisation, "people")))
