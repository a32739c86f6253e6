"""Conversations: the list, logging one (full form or the agenda's quick
form), its page, editing and deleting. Writes go through the actions."""

from django.contrib import messages
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from amity.conversations.actions import (
    access_conversation,
    delete_conversation,
    log_conversation,
    update_conversation,
)
from amity.conversations.forms import ConversationForm, local_input
from amity.conversations.models import Conversation
from amity.errors import Invalid
from amity.people.models import Person
from amity.web import apply_errors, member_required, paginate, safe_next

PER_PAGE = 25


def _offered_people(request) -> list[Person]:
    """People named by ``?person=`` (repeatable); another workspace's id is a 404."""
    given = [i.strip() for i in request.GET.getlist("person") if i.strip()]
    if not all(i.isdigit() for i in given):
        raise Http404("Bad person id")
    ids = {int(i) for i in given}
    people = list(Person.objects.in_workspace(request.workspace).filter(pk__in=ids))
    if len(people) != len(ids):
        raise Http404("No such person")
    return people


@member_required
def conversation_list(request):
    conversations = (Conversation.objects.in_workspace(request.workspace)
                     .prefetch_related(Prefetch(
                         "participants", queryset=Person.objects.only("pk", "display_name"))))
    page = paginate(request, conversations, PER_PAGE)
    return render(request, "conversations/list.html", {"page": page, "nav": "conversations"})


@member_required
def conversation_new(request):
    offered = _offered_people(request)
    initial = {"person": [p.pk for p in offered], "happened_at": local_input(None)}
    form = ConversationForm(request.POST or None, initial=initial, workspace=request.workspace,
                            offered=offered)
    # The agenda's inline form, sent by htmx: answer with a fragment of the row.
    quick = bool(request.htmx and request.POST.get("quick") and offered)
    if request.method == "POST" and form.is_valid():
        try:
            conversation = log_conversation(
                request.workspace, form.cleaned_data["participants"],
                facts=form.cleaned_data["facts"],
                follow_up={"action": form.cleaned_data["follow_up_action"],
                           "due_on": form.cleaned_data["follow_up_due"]},
                **form.action_fields())
        except Invalid as exc:
            apply_errors(form, exc, form.field_map())
        else:
            if quick:
                return _quick_logged(request, conversation, offered[0])
            messages.success(request, f"Logged “{conversation.summary}”.")
            return redirect(safe_next(request, reverse("conversations:detail",
                                                       args=[conversation.pk])))
    if quick:
        return render(request, "conversations/form.html#quick_form",
                      {"form": form, "person": offered[0], "next_url": request.POST.get("next")})
    return render(request, "conversations/form.html",
                  {"form": form, "nav": "conversations",
                   "next_url": request.POST.get("next") or request.GET.get("next", "")})


def _quick_logged(request, conversation, person):
    """The whole check-in row becomes "logged", not just the form in it."""
    response = render(request, "conversations/form.html#quick_logged",
                      {"conversation": conversation, "person": person})
    response["HX-Retarget"] = f"#checkin-{person.pk}"
    response["HX-Reswap"] = "outerHTML"
    return response


@member_required
def conversation_detail(request, pk):
    conversation = access_conversation(request.workspace, pk)
    context = {
        "conversation": conversation,
        "participants": list(conversation.participants.only("pk", "display_name")),
        "facts": list(conversation.facts.select_related("person")),
        "follow_ups": list(conversation.follow_ups.select_related("person")),
        "nav": "conversations",
    }
    return render(request, "conversations/detail.html", context)


@member_required
def conversation_edit(request, pk):
    conversation = access_conversation(request.workspace, pk)
    current = list(conversation.participants.all())
    offered = list({p.pk: p for p in current + _offered_people(request)}.values())
    initial = {name: getattr(conversation, name) for name in
               ("channel", "summary", "notes", "how_it_went", "their_mood", "initiated_by")}
    initial.update(person=[p.pk for p in offered],
                   happened_at=local_input(conversation.happened_at))
    form = ConversationForm(request.POST or None, initial=initial, workspace=request.workspace,
                            offered=offered, with_extras=False)
    if request.method == "POST" and form.is_valid():
        try:
            update_conversation(request.workspace, conversation,
                                people=form.cleaned_data["participants"], **form.action_fields())
        except Invalid as exc:
            apply_errors(form, exc, form.field_map())
        else:
            messages.success(request, "Conversation saved.")
            return redirect("conversations:detail", pk=conversation.pk)
    return render(request, "conversations/form.html",
                  {"form": form, "conversation": conversation, "nav": "conversations"})


@member_required
def conversation_delete(request, pk):
    conversation = access_conversation(request.workspace, pk)
    if request.method == "POST":
        delete_conversation(request.workspace, conversation)
        messages.success(request, f"Deleted “{conversation.summary}”.")
        return redirect(safe_next(request, reverse("conversations:list")))
    return render(request, "conversations/delete.html",
                  {"conversation": conversation, "nav": "conversations"})
