"""Follow-ups: the list, adding and editing one, and the one-click actions
(done, reopen, snooze, reschedule, delete) used here and on the agenda.

The one-click actions answer an htmx request with the row they changed,
so the page updates in place; without JavaScript they redirect to ``next``.
"""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format

from amity.conversations.actions import access_conversation
from amity.errors import Ambiguous, Invalid, NotFound
from amity.followups import actions
from amity.followups.forms import FollowUpForm, RescheduleForm, SnoozeForm
from amity.followups.models import FollowUp
from amity.people.actions import access_person, resolve_person
from amity.web import apply_errors, member_required, paginate, post_only, safe_next

STATUSES = {"open": "Open", "overdue": "Overdue", "done": "Done"}
ROW = "followups/list.html#followup_row"


def day(value) -> str:
    """"Fri 5 Dec": strftime's %-d is not portable (Windows)."""
    return date_format(value, "D j M")


def mark_rows(follow_ups, today):
    """What a row shows about its date, computed once here rather than in the template."""
    for fu in follow_ups:
        fu.overdue_days = (today - fu.due_on).days if not fu.is_done and fu.due_on < today else 0
        fu.due_today = not fu.is_done and fu.due_on == today
    return follow_ups


@member_required
def follow_up_list(request):
    status = request.GET.get("status") if request.GET.get("status") in STATUSES else "open"
    today = timezone.localdate()
    follow_ups = FollowUp.objects.in_workspace(request.workspace).select_related("person")
    if status == "done":
        follow_ups = follow_ups.filter(done_at__isnull=False).order_by("-done_at", "-id")
    else:
        follow_ups = follow_ups.filter(done_at__isnull=True).order_by("due_on", "id")
        if status == "overdue":
            follow_ups = follow_ups.filter(due_on__lt=today)
    page = paginate(request, follow_ups)
    page.object_list = mark_rows(list(page.object_list), today)
    return render(request, "followups/list.html", {
        "page": page, "status": status, "statuses": STATUSES, "today": today,
        "next_url": request.get_full_path(), "nav": "followups"})


@member_required
def follow_up_new(request):
    person = (access_person(request.workspace, request.GET["person"])
              if request.GET.get("person") else None)
    # From a conversation's page: the follow-up links back to it.
    conversation = (access_conversation(request.workspace, request.GET["conversation"])
                    if request.GET.get("conversation") else None)
    form = FollowUpForm(request.POST or None, ask_person=person is None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            who = person or resolve_person(request.workspace, data["person"])
            follow_up = actions.create_follow_up(request.workspace, who, action=data["action"],
                                                 due_on=data["due_on"], conversation=conversation)
        except (Ambiguous, NotFound) as exc:
            form.add_error("person", str(exc))
        except Invalid as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, f"Follow-up added for {who.display_name}: "
                                      f"{follow_up.action} (due {day(follow_up.due_on)}).")
            return redirect(safe_next(request, reverse("followups:list")))
    return render(request, "followups/form.html", {
        "form": form, "person": person, "next_url": request.GET.get("next", ""),
        "nav": "followups"})


@member_required
def follow_up_edit(request, pk):
    follow_up = actions.access_follow_up(request.workspace, pk)
    initial = {"action": follow_up.action, "due_on": follow_up.due_on.isoformat()}
    form = FollowUpForm(request.POST or None, initial=initial, ask_person=False)
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_follow_up(request.workspace, follow_up, **form.cleaned_data)
        except Invalid as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Follow-up saved.")
            return redirect(safe_next(request, reverse("followups:list")))
    return render(request, "followups/form.html", {
        "form": form, "follow_up": follow_up, "person": follow_up.person,
        "next_url": request.GET.get("next", ""), "nav": "followups"})


def _one_click(request, pk, act, done_message):
    """Shared shape of the POST-only row actions: fetch (404 first, so another
    workspace's id looks missing whatever the method), act, answer."""
    follow_up = actions.access_follow_up(request.workspace, pk)
    if refused := post_only(request):
        return refused
    error = ""
    try:
        act(follow_up)
    except Invalid as exc:
        error = " ".join(exc.errors.values())
    if request.htmx:
        today = timezone.localdate()
        mark_rows([follow_up], today)
        response = render(request, ROW, {
            "fu": follow_up, "today": today, "compact": request.POST.get("compact") == "1",
            "next_url": safe_next(request, ""), "flash": error or done_message(follow_up),
            "flash_error": bool(error)})
        response["HX-Trigger"] = "followups-changed"
        return response
    if error:
        messages.error(request, error)
    else:
        messages.success(request, done_message(follow_up))
    return redirect(safe_next(request, reverse("followups:list")))


@member_required
def follow_up_complete(request, pk):
    return _one_click(request, pk, lambda fu: actions.complete_follow_up(request.workspace, fu),
                      lambda fu: f"Done: {fu.action}.")


@member_required
def follow_up_reopen(request, pk):
    return _one_click(request, pk, lambda fu: actions.reopen_follow_up(request.workspace, fu),
                      lambda fu: f"Reopened: {fu.action}.")


@member_required
def follow_up_snooze(request, pk):
    def snooze(fu):
        form = SnoozeForm(request.POST)
        if not form.is_valid():
            raise Invalid(field="days", message="Snooze for 1 to 365 days.")
        actions.snooze_follow_up(request.workspace, fu, form.cleaned_data["days"])

    return _one_click(request, pk, snooze,
                      lambda fu: f"Snoozed until {day(fu.due_on)}.")


@member_required
def follow_up_reschedule(request, pk):
    def reschedule(fu):
        form = RescheduleForm(request.POST)
        if not form.is_valid():
            raise Invalid(field="due_on", message="Give the new due date.")
        actions.reschedule_follow_up(request.workspace, fu, form.cleaned_data["due_on"])

    return _one_click(request, pk, reschedule,
                      lambda fu: f"Now due {day(fu.due_on)}.")


@member_required
def follow_up_delete(request, pk):
    follow_up = actions.access_follow_up(request.workspace, pk)
    if refused := post_only(request):
        return refused
    actions.delete_follow_up(request.workspace, follow_up)
    if request.htmx:
        # An empty body swaps the row away; the trigger lets counters refresh.
        return HttpResponse("", headers={"HX-Trigger": "followups-changed"})
    messages.success(request, f"Deleted the follow-up “{follow_up.action}”.")
    return redirect(safe_next(request, reverse("followups:list")))
