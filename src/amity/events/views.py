"""Events: the list, adding and editing one, its page (who you expect there,
whom you met, and the quick-capture form), and the POST actions.

Each view: guard -> fetch (scoped) -> validate (form) -> one action -> respond
(an htmx partial when asked, otherwise a redirect with a message).
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from amity.errors import Ambiguous, Invalid, NotFound
from amity.events import actions, queries
from amity.events.forms import EventForm, ExpectForm, MetForm, rows_wanted
from amity.people.actions import access_person, resolve_person
from amity.web import apply_errors, member_required, paginate, post_only, safe_next

PER_PAGE = 20
MET_SECTION = "events/detail.html#met_section"
EXPECTED_SECTION = "events/detail.html#expected_section"


@member_required
def event_list(request):
    today = timezone.localdate()
    # Two lists on one page, each with its own page number (?upcoming= and ?page=).
    soon = Paginator(queries.with_counts(queries.upcoming(request.workspace, today)),
                     PER_PAGE).get_page(request.GET.get("upcoming"))
    done = paginate(request, queries.with_counts(queries.past(request.workspace, today)),
                    PER_PAGE)
    return render(request, "events/list.html", {
        "upcoming": soon, "past": done, "today": today, "nav": "events"})


def _event_data(form) -> dict:
    return {k: form.cleaned_data[k] for k in ("name", "kind", "starts_on", "ends_on", "place",
                                              "url", "notes")}


@member_required
def event_new(request):
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            event = actions.create_event(request.workspace, **_event_data(form))
        except Invalid as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, f"Added the event “{event.name}”.")
            return redirect("events:detail", event.pk)
    return render(request, "events/form.html", {"form": form, "nav": "events"})


@member_required
def event_edit(request, pk):
    event = actions.access_event(request.workspace, pk)
    initial = {"name": event.name, "kind": event.kind, "starts_on": event.starts_on.isoformat(),
               "ends_on": event.ends_on.isoformat() if event.ends_on else "",
               "place": event.place, "url": event.url, "notes": event.notes}
    form = EventForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_event(request.workspace, event, **_event_data(form))
        except Invalid as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Event saved.")
            return redirect("events:detail", event.pk)
    return render(request, "events/form.html", {"form": form, "event": event, "nav": "events"})


@member_required
def event_delete(request, pk):
    event = actions.access_event(request.workspace, pk)
    if request.method == "POST":
        actions.delete_event(request.workspace, event)
        messages.success(request, f"Deleted the event “{event.name}”. The people you met there "
                                  "stay in Amity.")
        return redirect("events:list")
    return render(request, "events/delete.html", {"event": event, "nav": "events"})


def _detail_context(request, event, *, met_form=None, expect_form=None, met=None) -> dict:
    rows = rows_wanted(request.GET.get("rows"))
    return {
        "event": event,
        "people": queries.event_people(event),
        "met_form": met_form or MetForm(rows=rows),
        "more_rows": min(max(rows, 5) + 5, 30),
        "expect_form": expect_form or ExpectForm(),
        "recorded": met or [],
        "today": timezone.localdate(),
        "nav": "events",
    }


@member_required
def event_detail(request, pk):
    event = actions.access_event(request.workspace, pk)
    return render(request, "events/detail.html", _detail_context(request, event))


@member_required
def event_met(request, pk):
    """The quick capture: every row or none."""
    event = actions.access_event(request.workspace, pk)
    if refused := post_only(request):
        return refused
    form = MetForm(request.POST)
    met = None
    if form.is_valid():
        try:
            met = actions.record_met(request.workspace, event, form.entries())
        except Invalid as exc:
            apply_errors(form, exc, MetForm.field_map(form.row_count))
    if met is not None:
        text = _met_message(met)
        if not request.htmx:
            messages.success(request, text)
            return redirect(reverse("events:detail", args=[event.pk]) + "#met-title")
        context = _detail_context(request, event, met=met)
        context["flash"] = text
        return render(request, MET_SECTION, context)
    context = _detail_context(request, event, met_form=form)
    if request.htmx:
        return render(request, MET_SECTION, context)
    return render(request, "events/detail.html", context, status=422)


def _met_message(met) -> str:
    new = [m.person.display_name for m in met if m.created]
    known = [m.person.display_name for m in met if not m.created]
    parts = []
    if new:
        parts.append(f"Added {', '.join(new)}, with a follow-up in a few days")
    if known:
        parts.append(f"marked {', '.join(known)} as met")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:] + "."


@member_required
def event_expect(request, pk):
    """Add someone you expect to see there (``person``: a name or an id), or take
    them off the list (``remove``: a person id)."""
    event = actions.access_event(request.workspace, pk)
    if refused := post_only(request):
        return refused
    if request.POST.get("remove"):
        person = access_person(request.workspace, request.POST["remove"])
        try:
            actions.unexpect_person(request.workspace, event, person)
        except Invalid as exc:
            return _expected_answer(request, event, " ".join(exc.errors.values()), error=True)
        return _expected_answer(request, event, f"{person.display_name} is no longer expected "
                                                "there.")
    form = ExpectForm(request.POST)
    if form.is_valid():
        try:
            person = resolve_person(request.workspace, form.cleaned_data["person"])
            actions.expect_person(request.workspace, event, person)
        except (Ambiguous, NotFound) as exc:
            form.add_error("person", str(exc))
        except Invalid as exc:
            apply_errors(form, exc)
        else:
            return _expected_answer(request, event,
                                    f"You expect to see {person.display_name} there.")
    context = _detail_context(request, event, expect_form=form)
    if request.htmx:
        return render(request, EXPECTED_SECTION, context)
    return render(request, "events/detail.html", context, status=422)


def _expected_answer(request, event, text: str, *, error: bool = False):
    if request.htmx:
        context = _detail_context(request, event)
        context.update(expect_flash=text, expect_flash_error=error)
        return render(request, EXPECTED_SECTION, context)
    (messages.error if error else messages.success)(request, text)
    return redirect(safe_next(request, reverse("events:detail", args=[event.pk])))
