"""The give-first ledger on the web: the workspace's ledger, one person's
ledger, and logging, editing and deleting entries.

Logging from the person page answers htmx with the refreshed ledger panel (and
an ``HX-Trigger: ledger-changed`` so the journey panel refreshes too); without
JavaScript it redirects back with a message.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from amity.errors import Invalid
from amity.exchange import actions
from amity.exchange.forms import EditEntryForm, EntryForm
from amity.exchange.models import Direction, EntryKind
from amity.exchange.panels import back_to, ledger_context
from amity.exchange.queries import history
from amity.people.actions import access_person
from amity.web import apply_errors, member_required, paginate, post_only, safe_next

SHOWS = {"all": "Everything", "gives": "You gave", "received": "You received", "asks": "Asks"}


def _person_url(person) -> str:
    return reverse("exchange:person", args=[person.pk])


@member_required
def ledger_list(request):
    """Every entry of the workspace, newest first, optionally one sort of entry."""
    show = request.GET.get("show") if request.GET.get("show") in SHOWS else "all"
    entries = history(request.workspace)
    if show == "asks":
        entries = entries.filter(kind=EntryKind.ASK)
    elif show in ("gives", "received"):
        direction = Direction.TO_THEM if show == "gives" else Direction.FROM_THEM
        entries = entries.exclude(kind=EntryKind.ASK).filter(direction=direction)
    return render(request, "exchange/list.html", {
        "page": paginate(request, entries), "show": show, "shows": SHOWS, "nav": "people"})


def _person_page(request, person, bound=None):
    return render(request, "exchange/person.html", {
        "person": person, "panel": ledger_context(request.workspace, person, bound=bound,
                                                  next_url=_person_url(person)),
        "page": paginate(request, history(request.workspace, person)),
        "next_url": _person_url(person), "nav": "people"})


@member_required
def person_ledger(request, pk):
    return _person_page(request, access_person(request.workspace, pk))


@member_required
def entry_add(request, pk):
    person = access_person(request.workspace, pk)
    if refused := post_only(request):
        return refused
    form = EntryForm(request.POST, mode=EntryForm.mode_of(request.POST))
    entry = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            entry = actions.record_typed(request.workspace, person,
                                         entry_type=data["entry_type"], kind=data.get("kind"),
                                         description=data["description"],
                                         occurred_on=data["occurred_on"])
        except Invalid as exc:
            apply_errors(form, exc)
    flash = _logged(person, entry) if entry else ""
    if request.htmx:
        response = render(request, "exchange/_person_panel.html", {
            "person": person, "flash": flash,
            "panel": ledger_context(request.workspace, person, bound=None if entry else form,
                                    next_url=back_to(person))})
        if entry is not None:
            response["HX-Trigger"] = "ledger-changed"
        return response
    if entry is None:
        return _person_page(request, person, bound=form)
    messages.success(request, flash)
    return redirect(safe_next(request, _person_url(person)))


def _logged(person, entry) -> str:
    if entry.kind == EntryKind.ASK:
        if entry.direction == Direction.TO_THEM:
            return f"Noted your ask of {person.display_name}: {entry.description}."
        return f"Noted {person.display_name}'s ask: {entry.description}."
    if entry.direction == Direction.TO_THEM:
        return f"Noted: you gave {person.display_name} {entry.description}."
    return f"Noted: {person.display_name} gave you {entry.description}."


@member_required
def entry_edit(request, pk):
    entry = actions.access_entry(request.workspace, pk)
    initial = {"direction": entry.direction, "kind": entry.kind,
               "description": entry.description, "occurred_on": entry.occurred_on.isoformat()}
    form = EditEntryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.edit_entry(request.workspace, entry, **form.cleaned_data)
        except Invalid as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Ledger entry saved.")
            return redirect(safe_next(request, _person_url(entry.person)))
    return render(request, "exchange/edit.html", {
        "form": form, "entry": entry, "person": entry.person,
        "next_url": safe_next(request, ""), "nav": "people"})


@member_required
def entry_delete(request, pk):
    entry = actions.access_entry(request.workspace, pk)
    if refused := post_only(request):
        return refused
    person = entry.person
    actions.delete_entry(request.workspace, entry)
    messages.success(request, f"Deleted the ledger entry “{entry.description}”.")
    return redirect(safe_next(request, _person_url(person)))
