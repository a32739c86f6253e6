"""Web views: pin a stage or clear the pin, refresh the journey panel, and say
thank you from the agenda.

Each answers an htmx request with the piece of page it changed, and anything
else with a redirect and a message, so the page works without JavaScript.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from amity.errors import Invalid
from amity.exchange.actions import record_entry
from amity.exchange.models import Direction, EntryKind
from amity.journey import actions
from amity.journey.forms import PinForm, ThankForm
from amity.journey.panels import person_context
from amity.journey.stages import Stage
from amity.people.actions import access_person
from amity.web import member_required, post_only, safe_next

PANEL = "journey/_person_panel.html"


def _panel(request, person, flash: str = "", error: bool = False):
    return render(request, PANEL, {"person": person, "flash": flash, "flash_error": error,
                                   "panel": person_context(request.workspace, person)})


def _answer(request, person, flash: str, error: bool):
    if request.htmx:
        return _panel(request, person, flash, error)
    (messages.error if error else messages.success)(request, flash)
    return redirect(safe_next(request, reverse("people:detail", args=[person.pk]) + "#journey"))


@member_required
def panel(request, pk):
    """The journey panel alone: htmx reloads it when the ledger changes."""
    return _panel(request, access_person(request.workspace, pk))


@member_required
def pin(request, pk):
    person = access_person(request.workspace, pk)
    if refused := post_only(request):
        return refused
    form = PinForm(request.POST)
    if not form.is_valid():
        return _answer(request, person, "Choose one of the seven stages to pin.", True)
    try:
        actions.pin_stage(request.workspace, person, form.cleaned_data["stage"])
    except Invalid as exc:
        return _answer(request, person, " ".join(exc.errors.values()), True)
    label = Stage(person.stage_pin).label.lower()
    return _answer(request, person, f"{person.display_name} is pinned at {label}.", False)


@member_required
def clear_pin(request, pk):
    person = access_person(request.workspace, pk)
    if refused := post_only(request):
        return refused
    actions.clear_stage_pin(request.workspace, person)
    return _answer(request, person, "Pin cleared: the stage follows the evidence again.", False)


@member_required
def thank(request, pk):
    """Record a thank-you in the ledger, from an appreciation prompt on the agenda."""
    person = access_person(request.workspace, pk)
    if refused := post_only(request):
        return refused
    form = ThankForm(request.POST)
    error, done = "", ""
    if not form.is_valid():
        error = "Say what you thanked them for."
    else:
        try:
            record_entry(request.workspace, person, direction=Direction.TO_THEM,
                         kind=EntryKind.APPRECIATION,
                         description=form.cleaned_data["description"])
        except Invalid as exc:
            error = " ".join(exc.errors.values())
        else:
            done = f"Thank-you to {person.display_name} noted in the ledger."
    if request.htmx:
        return render(request, "journey/_agenda_panel.html#thanked",
                      {"person": person, "flash": error or done, "flash_error": bool(error)})
    (messages.error if error else messages.success)(request, error or done)
    return redirect(safe_next(request, reverse("agenda:home")))
