"""The connector on the web: suggested introductions, the introductions and
their steps, who knows whom, and warm paths ("who can introduce me?").

Step buttons answer an htmx request with the part of the page they changed;
without JavaScript every form posts and redirects.
"""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse

from amity.connector import actions, workflow
from amity.connector.forms import RelationshipForm, StartForm, StepForm
from amity.connector.matching import suggest
from amity.connector.models import Introduction, IntroductionStep, IntroStatus
from amity.connector.paths import warm_paths
from amity.connector.scoring import short_names
from amity.errors import Ambiguous, Invalid, NotFound
from amity.organisations.actions import access_organisation
from amity.people.actions import access_person, resolve_person
from amity.web import member_required, paginate, post_only, safe_next

SUGGESTIONS = 30       # shown at first; "Show more" adds as many again
MAX_SUGGESTIONS = 300  # the most one page will rank and show
STATUS_FILTERS = {"open": "Under way", "introduced": "Introduced", "declined": "Declined",
                  "all": "All"}
WORKFLOW = "connector/introduction.html#workflow"
ROW = "connector/_parts.html#intro_row"


def person_ref(workspace, ref: str, field: str = "person"):
    """A person by id (another workspace's id: NotFound, so 404) or by name
    (Invalid with a message when no one or several people match)."""
    ref = (ref or "").strip()
    if ref.lstrip("#").isdigit():
        return access_person(workspace, ref.lstrip("#"))
    try:
        return resolve_person(workspace, ref)
    except (Ambiguous, NotFound) as exc:
        raise Invalid(field=field, message=f"{exc}") from None


def decorate(intro):
    """What a row or the detail page shows about an introduction, computed once."""
    a_name, b_name = short_names(intro.person_a, intro.person_b)
    intro.next_actions = workflow.next_actions(intro, a_name, b_name)
    intro.waiting_on = workflow.waiting_on(intro, a_name, b_name)
    intro.is_open = intro.status in workflow.OPEN
    intro.a_name, intro.b_name = a_name, b_name
    return intro


@member_required
def index(request):
    raw = request.GET.get("show", "")
    shown = min(max(int(raw), SUGGESTIONS), MAX_SUGGESTIONS) if raw.isdigit() else SUGGESTIONS
    suggestions = suggest(request.workspace, limit=shown)
    more = shown + SUGGESTIONS if len(suggestions) == shown < MAX_SUGGESTIONS else None
    return render(request, "connector/index.html", {
        "suggestions": suggestions, "more": more, "start_form": StartForm(auto_id="start_%s"),
        "relationship_form": RelationshipForm(auto_id="knows_%s"),
        "next_url": request.get_full_path(), "nav": "connector"})


@member_required
def introductions(request):
    status = request.GET.get("status") if request.GET.get("status") in STATUS_FILTERS else "open"
    intros = Introduction.objects.in_workspace(request.workspace).select_related(
        "person_a", "person_b")
    if status == "open":
        intros = intros.filter(status__in=workflow.OPEN)
    elif status != "all":
        intros = intros.filter(status=status)
    page = paginate(request, intros.order_by("-updated_at", "-id"))
    page.object_list = [decorate(i) for i in page.object_list]
    return render(request, "connector/introductions.html", {
        "page": page, "status": status, "statuses": STATUS_FILTERS,
        "start_form": StartForm(auto_id="start_%s"), "next_url": request.get_full_path(),
        "nav": "connector"})


def _workflow_context(request, intro, **extra) -> dict:
    decorate(intro)
    steps = list(IntroductionStep.objects.in_workspace(request.workspace)
                 .filter(introduction=intro).order_by("happened_at", "id"))
    follow_up = intro.follow_up if intro.follow_up_id else None
    return {"intro": intro, "steps": steps, "follow_up": follow_up,
            "declined_by": workflow.DECLINED_BY, **extra}


@member_required
def introduction(request, pk):
    intro = actions.access_introduction(request.workspace, pk)
    return render(request, "connector/introduction.html", {
        **_workflow_context(request, intro), "nav": "connector"})


@member_required
def start(request):
    if refused := post_only(request):
        return refused
    form = StartForm(request.POST)
    back = safe_next(request, reverse("connector:index"))
    if not form.is_valid():
        messages.error(request, "Say whom to introduce to whom.")
        return redirect(back)
    data = form.cleaned_data
    try:
        a = person_ref(request.workspace, data["person_a"])
        b = person_ref(request.workspace, data["person_b"])
        intro = actions.start_introduction(request.workspace, a, b, reason=data["reason"])
    except Invalid as exc:
        messages.error(request, _message(exc))
        return redirect(back)
    messages.success(request, f"Introduction of {a.display_name} and {b.display_name} started: "
                              f"ask {a.display_name} first.")
    return redirect("connector:introduction", intro.pk)


def _message(exc: Invalid) -> str:
    return " ".join(exc.errors.values())


@member_required
def step(request, pk):
    intro = actions.access_introduction(request.workspace, pk)
    if refused := post_only(request):
        return refused
    form = StepForm(request.POST)
    error = done = ""
    if not form.is_valid():
        error = "Say which step was taken."
    else:
        data = form.cleaned_data
        try:
            if workflow.normalise_step(data["step"]) == IntroStatus.DECLINED and data["by"]:
                intro = actions.decline(request.workspace, intro, by=data["by"], note=data["note"])
            else:
                intro = actions.advance(request.workspace, intro, data["step"], note=data["note"])
        except Invalid as exc:
            error = _message(exc)
        else:
            done = _done_message(intro)
    if request.htmx:
        intro = actions.access_introduction(request.workspace, pk)
        flash = {"flash": error or done, "flash_error": bool(error)}
        if request.POST.get("row") == "1":
            return render(request, ROW, {"intro": decorate(intro), "compact": True,
                                         "next_url": safe_next(request, ""), **flash})
        return render(request, WORKFLOW, _workflow_context(request, intro, **flash))
    if error:
        messages.error(request, error)
    else:
        messages.success(request, done)
    return redirect(safe_next(request, reverse("connector:introduction", args=[pk])))


def _done_message(intro) -> str:
    a, b = intro.person_a.display_name, intro.person_b.display_name
    if intro.status == IntroStatus.DECLINED:
        return f"Introduction of {a} and {b}: declined."
    if intro.outcome:
        return f"Introduction of {a} and {b}: {intro.get_outcome_display().lower()}."
    return f"Introduction of {a} and {b}: {intro.get_status_display().lower()}."


@member_required
def path(request):
    from amity.organisations.models import Organisation
    from amity.people.models import Person
    from amity.search.index import find_people_by_name

    workspace = request.workspace
    q = (request.GET.get("q") or "").strip()[:200]
    target, people, organisations = None, [], []
    if request.GET.get("person"):
        target = access_person(workspace, request.GET["person"])
    elif request.GET.get("organisation"):
        target = access_organisation(workspace, request.GET["organisation"])
    elif q:
        people = find_people_by_name(workspace, q, Person.objects.in_workspace(workspace)
                                     .filter(archived_at__isnull=True), limit=10)
        organisations = list(Organisation.objects.in_workspace(workspace)
                             .filter(name__icontains=q).order_by("name", "id")[:10])
        if len(people) + len(organisations) == 1:
            target = (people or organisations)[0]
    paths = warm_paths(workspace, target) if target is not None else []
    return render(request, "connector/path.html", {
        "q": q if target is None else "", "target": target, "paths": paths,
        "is_organisation": isinstance(target, Organisation), "people": people,
        "organisations": organisations, "searched": bool(q), "nav": "connector"})


@member_required
def relationship_add(request):
    if refused := post_only(request):
        return refused
    form = RelationshipForm(request.POST)
    back = safe_next(request, reverse("connector:index"))
    if not form.is_valid():
        messages.error(request, "Say who knows whom, and how.")
        return redirect(back)
    data = form.cleaned_data
    try:
        a = person_ref(request.workspace, data["person"])
        b = person_ref(request.workspace, data["other"])
        edge = actions.add_relationship(request.workspace, a, b, kind=data["kind"],
                                        strength=data["strength"])
    except Invalid as exc:
        messages.error(request, _message(exc))
    else:
        messages.success(request, f"Noted: {a.display_name} and {b.display_name} "
                                  f"({edge.get_kind_display().lower()}).")
    return redirect(back)


@member_required
def relationship_remove(request, pk):
    edge = actions.access_relationship(request.workspace, pk)
    if refused := post_only(request):
        return refused
    actions.remove_relationship(request.workspace, edge)
    messages.success(request, f"Removed: {edge.person.display_name} and "
                              f"{edge.other.display_name} know each other.")
    return redirect(safe_next(request, reverse("connector:index")))
