"""Initiatives: the list, one initiative with whom to invite, and one personal
invitation with its draft, its warnings and its status.

Each view: guard -> fetch (scoped) -> validate (form) -> one action -> respond.
The row actions answer htmx with the part of the page they changed; without
JavaScript they redirect back with a message.
"""

from django.contrib import messages
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from amity.errors import Ambiguous, Invalid, NotFound
from amity.initiatives import actions
from amity.initiatives.forms import (
    InitiativeForm,
    InviteByNameForm,
    InviteForm,
    MessageForm,
    ParticipantForm,
    StatusForm,
    needs_text,
)
from amity.initiatives.messages import generic_warnings
from amity.initiatives.models import Initiative, InitiativeStatus, InvitationStatus
from amity.initiatives.ranking import rank
from amity.people.actions import access_person, resolve_person
from amity.web import apply_errors, member_required, paginate, post_only, safe_next

FILTERS = {"open": "Open", "closed": "Closed", "all": "All"}
CANDIDATES, MORE_CANDIDATES = 10, 30
INVITATION_BODY = "initiatives/invitation.html#invitation_body"


@member_required
def initiative_list(request):
    shown = request.GET.get("status") if request.GET.get("status") in FILTERS else "open"
    initiatives = (Initiative.objects.in_workspace(request.workspace)
                   .annotate(participant_count=Count("participants", distinct=True),
                             invitation_count=Count("invitations", distinct=True))
                   .order_by("name", "id"))
    if shown == "open":
        initiatives = initiatives.exclude(status=InitiativeStatus.CLOSED)
    elif shown == "closed":
        initiatives = initiatives.filter(status=InitiativeStatus.CLOSED)
    return render(request, "initiatives/list.html", {
        "page": paginate(request, initiatives), "shown": shown, "filters": FILTERS,
        "nav": "initiatives"})


def _initiative_data(form) -> dict:
    return dict(form.cleaned_data)


@member_required
def initiative_new(request):
    form = InitiativeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            initiative = actions.create_initiative(request.workspace, **_initiative_data(form))
        except Invalid as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, f"Added {initiative.name}. Here is whom to invite.")
            return redirect("initiatives:detail", initiative.pk)
    return render(request, "initiatives/form.html", {"form": form, "nav": "initiatives"})


@member_required
def initiative_edit(request, pk):
    initiative = actions.access_initiative(request.workspace, pk)
    initial = {"name": initiative.name, "kind": initiative.kind, "status": initiative.status,
               "description": initiative.description, "needs": needs_text(initiative),
               "starts_on": initiative.starts_on.isoformat() if initiative.starts_on else "",
               "ends_on": initiative.ends_on.isoformat() if initiative.ends_on else ""}
    form = InitiativeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_initiative(request.workspace, initiative, **_initiative_data(form))
        except Invalid as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, f"Saved {initiative.name}.")
            return redirect("initiatives:detail", initiative.pk)
    return render(request, "initiatives/form.html", {
        "form": form, "initiative": initiative, "nav": "initiatives"})


@member_required
def initiative_detail(request, pk):
    initiative = actions.access_initiative(request.workspace, pk)
    more = request.GET.get("more") == "1"
    candidates = [] if initiative.is_closed else rank(
        request.workspace, initiative, limit=MORE_CANDIDATES if more else CANDIDATES)
    return render(request, "initiatives/detail.html", {
        "initiative": initiative,
        "needs": list(initiative.needs.all()),
        "participants": list(initiative.participants.select_related("person")
                             .order_by("person__display_name", "id")[:200]),
        "invitations": list(initiative.invitations.select_related("person")
                            .order_by("-created_at", "-id")[:200]),
        "candidates": candidates, "more": more, "limit": CANDIDATES,
        "participant_form": ParticipantForm(auto_id="participant_%s"),
        "invite_form": InviteByNameForm(auto_id="invite_%s"),
        "nav": "initiatives"})


@member_required
def initiative_close(request, pk):
    initiative = actions.access_initiative(request.workspace, pk)
    if refused := post_only(request):
        return refused
    try:
        actions.close_initiative(request.workspace, initiative)
    except Invalid as exc:
        messages.error(request, " ".join(exc.errors.values()))
    else:
        messages.success(request, f"Closed {initiative.name}.")
    return redirect("initiatives:detail", initiative.pk)


@member_required
def initiative_invite(request, pk):
    """Draft a personal invitation for one person (by id from the ranked list,
    or by name) and open it for editing."""
    initiative = actions.access_initiative(request.workspace, pk)
    if refused := post_only(request):
        return refused
    back = safe_next(request, reverse("initiatives:detail", args=[initiative.pk]))
    by_id = InviteForm(request.POST)
    try:
        if by_id.is_valid():
            person = access_person(request.workspace, by_id.cleaned_data["person"])
        else:
            by_name = InviteByNameForm(request.POST)
            if not by_name.is_valid():
                raise Invalid(field="person", message="Say whom to invite.")
            person = resolve_person(request.workspace, by_name.cleaned_data["person"])
        invitation = actions.draft_invitation(request.workspace, initiative, person)
    except NotFound:
        if by_id.is_valid():
            raise  # another workspace's id: a 404, like any id that is not yours
        messages.error(request, f"Nobody matches {request.POST.get('person', '')!r}.")
        return redirect(back)
    except (Invalid, Ambiguous) as exc:
        text = " ".join(exc.errors.values()) if isinstance(exc, Invalid) else str(exc)
        messages.error(request, text)
        return redirect(back)
    messages.success(request, f"Drafted an invitation for {person.display_name}: make it "
                              "yours, then send it yourself and mark it sent.")
    return redirect("initiatives:invitation", invitation.pk)


def _invitation_context(request, invitation, form=None, flash="") -> dict:
    return {
        "invitation": invitation, "initiative": invitation.initiative,
        "person": invitation.person,
        "form": form or MessageForm(initial={"message": invitation.message}),
        "warnings": generic_warnings(invitation.message, invitation.person),
        "next_statuses": [(s, InvitationStatus(s).label) for s in
                          sorted(actions.TRANSITIONS[invitation.status])],
        "editable": invitation.status == InvitationStatus.DRAFTED,
        "flash": flash, "nav": "initiatives"}


@member_required
def invitation_detail(request, pk):
    """The draft, its warnings and its status; POST saves the message."""
    invitation = actions.access_invitation(request.workspace, pk)
    form = MessageForm(request.POST or None, initial={"message": invitation.message})
    flash = ""
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_invitation(request.workspace, invitation,
                                      message=form.cleaned_data["message"])
        except Invalid as exc:
            apply_errors(form, exc)
        else:
            if not request.htmx:
                messages.success(request, "Message saved.")
                return redirect("initiatives:invitation", invitation.pk)
            flash = "Message saved."
            form = None
    context = _invitation_context(request, invitation, form, flash)
    template = INVITATION_BODY if request.htmx else "initiatives/invitation.html"
    return render(request, template, context)


@member_required
def invitation_status(request, pk):
    invitation = actions.access_invitation(request.workspace, pk)
    if refused := post_only(request):
        return refused
    form = StatusForm(request.POST)
    error = done = ""
    try:
        if not form.is_valid():
            raise Invalid(field="status", message="Choose sent, accepted, declined or no answer.")
        actions.set_status(request.workspace, invitation, form.cleaned_data["status"],
                           role=form.cleaned_data["role"])
    except Invalid as exc:
        error = " ".join(exc.errors.values())
        invitation.refresh_from_db()
    else:
        done = (f"Marked {invitation.get_status_display().lower()}."
                + (" A follow-up is set for a week from now in case no answer comes."
                   if invitation.status == InvitationStatus.SENT else ""))
    if request.htmx:
        return render(request, INVITATION_BODY,
                      _invitation_context(request, invitation, flash=error or done))
    if error:
        messages.error(request, error)
    else:
        messages.success(request, done)
    return redirect(safe_next(request, reverse("initiatives:invitation", args=[invitation.pk])))


@member_required
def participant_add(request, pk):
    initiative = actions.access_initiative(request.workspace, pk)
    if refused := post_only(request):
        return refused
    form = ParticipantForm(request.POST)
    try:
        if not form.is_valid():
            raise Invalid(field="person", message="Say who takes part.")
        person = resolve_person(request.workspace, form.cleaned_data["person"])
        participant = actions.add_participant(request.workspace, initiative, person,
                                              role=form.cleaned_data["role"])
    except (Invalid, Ambiguous, NotFound) as exc:
        messages.error(request, " ".join(exc.errors.values()) if isinstance(exc, Invalid)
                       else str(exc))
    else:
        messages.success(request, f"{participant.person.display_name} takes part in "
                                  f"{initiative.name}.")
    return redirect(reverse("initiatives:detail", args=[initiative.pk]) + "#participants")


@member_required
def participant_remove(request, pk):
    participant = actions.access_participant(request.workspace, pk)
    if refused := post_only(request):
        return refused
    actions.remove_participant(request.workspace, participant)
    if request.htmx:
        return HttpResponse("")
    messages.success(request, f"{participant.person.display_name} no longer takes part in "
                              f"{participant.initiative.name}.")
    return redirect(reverse("initiatives:detail", args=[participant.initiative_id])
                    + "#participants")
