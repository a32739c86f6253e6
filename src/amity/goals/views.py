"""Goals and the focus list: the list (goals and your focus), adding, editing and
closing a goal, its page (the people aligned with it, with the reasons), and
the focus actions used here, on the person page and on the agenda.

Each view: guard -> fetch (scoped) -> validate (form) -> one action -> respond.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from amity.errors import Ambiguous, Invalid, NotFound
from amity.goals import actions, queries
from amity.goals.alignment import aligned_people
from amity.goals.forms import FocusForm, GoalForm, OfferForm
from amity.goals.models import FOCUS_LIMIT, Goal, GoalStatus
from amity.people.actions import access_person, resolve_person
from amity.web import apply_errors, member_required, paginate, post_only, safe_next

ALIGNED_SHOWN = 20


@member_required
def goal_list(request):
    workspace = request.workspace
    closed = paginate(request, Goal.objects.in_workspace(workspace)
                      .exclude(status=GoalStatus.ACTIVE).order_by("-created_at", "-id"), 20)
    focus = queries.focus_list(workspace)
    return render(request, "goals/list.html", {
        "goals": list(queries.active_goals(workspace)[:100]),
        "closed": closed,
        "focus": focus,
        "focus_full": len(focus) >= FOCUS_LIMIT,
        "limit": FOCUS_LIMIT,
        "focus_form": FocusForm(),
        "nav": "goals",
    })


def _goal_data(form) -> dict:
    return {k: v for k, v in form.cleaned_data.items() if k in ("title", "description",
                                                                 "due_on", "status")}


@member_required
def goal_new(request):
    form = GoalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            goal = actions.create_goal(request.workspace, **_goal_data(form))
        except Invalid as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, f"Added the goal “{goal.title}”. Here is who is aligned "
                                      "with it.")
            return redirect("goals:detail", goal.pk)
    return render(request, "goals/form.html", {"form": form, "nav": "goals"})


@member_required
def goal_edit(request, pk):
    goal = actions.access_goal(request.workspace, pk)
    initial = {"title": goal.title, "description": goal.description, "status": goal.status,
               "due_on": goal.due_on.isoformat() if goal.due_on else ""}
    form = GoalForm(request.POST or None, initial=initial, creating=False)
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_goal(request.workspace, goal, **_goal_data(form))
        except Invalid as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, "Goal saved.")
            return redirect("goals:detail", goal.pk)
    return render(request, "goals/form.html", {"form": form, "goal": goal, "nav": "goals"})


@member_required
def goal_close(request, pk):
    """Mark a goal achieved or dropped (``status``), or active again."""
    goal = actions.access_goal(request.workspace, pk)
    if refused := post_only(request):
        return refused
    status = request.POST.get("status", GoalStatus.ACHIEVED)
    try:
        if status == GoalStatus.ACTIVE:
            actions.reopen_goal(request.workspace, goal)
        else:
            actions.close_goal(request.workspace, goal, status)
    except Invalid as exc:
        messages.error(request, " ".join(exc.errors.values()))
    else:
        messages.success(request, f"“{goal.title}” is {goal.get_status_display().lower()}.")
    return redirect(safe_next(request, reverse("goals:detail", args=[goal.pk])))


@member_required
def goal_delete(request, pk):
    goal = actions.access_goal(request.workspace, pk)
    if refused := post_only(request):
        return refused
    actions.delete_goal(request.workspace, goal)
    messages.success(request, f"Deleted the goal “{goal.title}”.")
    return redirect("goals:list")


@member_required
def goal_detail(request, pk):
    goal = actions.access_goal(request.workspace, pk)
    in_focus = queries.focus_ids(request.workspace)
    return render(request, "goals/detail.html", {
        "goal": goal,
        "aligned": aligned_people(request.workspace, goal, limit=ALIGNED_SHOWN),
        "in_focus": in_focus,
        "focus_full": len(in_focus) >= FOCUS_LIMIT,
        "full_message": actions.FULL_MESSAGE,
        "limit": FOCUS_LIMIT,
        "nav": "goals",
    })


@member_required
def focus_add(request):
    """Add a person (``person``: a name or an id) to the focus list, optionally for
    a goal (``goal``: an id) and with what you can offer them (``offer``)."""
    if refused := post_only(request):
        return refused
    form = FocusForm(request.POST)
    back = safe_next(request, reverse("goals:list"))
    if not form.is_valid():
        messages.error(request, "Say whom to add to your focus list.")
        return redirect(back)
    data = form.cleaned_data
    try:
        person = resolve_person(request.workspace, data["person"])
        goal = actions.access_goal(request.workspace, data["goal"]) if data["goal"] else None
        actions.add_focus(request.workspace, person, goal=goal, offer=data["offer"])
    except NotFound as exc:
        if data["person"].lstrip("#").isdigit() or exc.what == "goal":
            raise  # an id from the page that is not in this workspace: 404
        messages.error(request, f"{exc}.")
    except (Ambiguous, Invalid) as exc:
        messages.error(request, " ".join(exc.errors.values()) if isinstance(exc, Invalid)
                       else str(exc))
    else:
        messages.success(request, f"{person.display_name} is in your focus list.")
    return redirect(back)


@member_required
def focus_remove(request):
    if refused := post_only(request):
        return refused
    person = access_person(request.workspace, request.POST.get("person"))
    actions.remove_focus(request.workspace, person)
    messages.success(request, f"{person.display_name} is no longer in your focus list.")
    return redirect(safe_next(request, reverse("goals:list")))


@member_required
def focus_offer(request, person_pk):
    """Say what you can offer someone in your focus list."""
    person = access_person(request.workspace, person_pk)
    entry = actions.access_focus(request.workspace, person)
    if refused := post_only(request):
        return refused
    form = OfferForm(request.POST)
    try:
        if not form.is_valid():
            raise Invalid(field="offer", message="What you can offer them is 300 characters "
                                                 "at most.")
        actions.update_focus(request.workspace, entry, offer=form.cleaned_data["offer"])
    except Invalid as exc:
        messages.error(request, " ".join(exc.errors.values()))
    else:
        messages.success(request, f"Saved what you can offer {person.display_name}.")
    return redirect(safe_next(request, reverse("goals:list")))
