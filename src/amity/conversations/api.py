"""JSON API for conversations: logging one moves its people's last contact.

Each endpoint: guard (the API's auth) -> fetch (scoped with ``access_*``) ->
one action call -> respond; errors are mapped once, in ``amity.api``.
"""

from django.db.models import Prefetch, prefetch_related_objects
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from amity.conversations import actions
from amity.conversations.actions import access_conversation
from amity.conversations.models import Conversation
from amity.conversations.schemas import ConversationIn, ConversationOut, ConversationPatch
from amity.followups.models import FollowUp
from amity.people.actions import access_person
from amity.people.models import Fact, Person
from amity.workspaces.api import PAGINATION_HELP, Pages, current_workspace
from amity.workspaces.schemas import ERRORS_404

router = Router(tags=["conversations"])


def _details() -> list:
    """Participants, fact ids and follow-up ids: three queries for any number of conversations."""
    return [Prefetch("participants", queryset=Person.objects.only("id", "display_name")),
            Prefetch("facts", queryset=Fact.objects.only("id", "conversation_id")),
            Prefetch("follow_ups", queryset=FollowUp.objects.only("id", "conversation_id"))]


def _with_details(conversation: Conversation) -> Conversation:
    prefetch_related_objects([conversation], *_details())
    return conversation


class ConversationsFilter(Schema):
    person: int | None = Field(None, description="Only conversations with this person.")


@router.get("", response={200: list[ConversationOut], **ERRORS_404},
            summary="List conversations",
            description="Newest first. " + PAGINATION_HELP)
@paginate(Pages)
def list_conversations(request, filters: Query[ConversationsFilter]):
    workspace = current_workspace(request)
    conversations = Conversation.objects.in_workspace(workspace)
    if filters.person is not None:
        person = access_person(workspace, filters.person)
        conversations = conversations.filter(participations__person=person)
    return conversations.prefetch_related(*_details())


@router.post("", response={201: ConversationOut, **ERRORS_404}, summary="Log a conversation",
             description="Records it with its participants, any facts you heard and an optional "
                         "follow-up, all or nothing, and moves each participant's last contact "
                         "forward. Every id must be one of your people.")
def log_conversation(request, payload: ConversationIn):
    workspace = current_workspace(request)
    people = [access_person(workspace, pk) for pk in payload.participants]
    facts = [{"person": access_person(workspace, f.person) if f.person is not None else None,
              "kind": f.kind, "text": f.text} for f in payload.facts]
    follow_up = None
    if payload.follow_up is not None:
        follow_up = payload.follow_up.dict()
        if follow_up["person"] is not None:
            follow_up["person"] = access_person(workspace, follow_up["person"])
    data = payload.dict(exclude={"participants", "facts", "follow_up"})
    conversation = actions.log_conversation(workspace, people, facts=facts, follow_up=follow_up,
                                            **data)
    return Status(201, _with_details(conversation))


@router.get("/{id}", response={200: ConversationOut, **ERRORS_404}, summary="Get a conversation")
def get_conversation(request, id: int):
    return _with_details(access_conversation(current_workspace(request), id))


@router.patch("/{id}", response={200: ConversationOut, **ERRORS_404},
              summary="Change a conversation",
              description="Only the fields sent change; `participants` replaces the people. "
                          "Last-contact dates follow the change.")
def update_conversation(request, id: int, payload: ConversationPatch):
    workspace = current_workspace(request)
    conversation = access_conversation(workspace, id)
    data = payload.dict(exclude_unset=True)
    ids = data.pop("participants", None)
    people = [access_person(workspace, pk) for pk in ids] if ids is not None else None
    conversation = actions.update_conversation(workspace, conversation, people=people, **data)
    return _with_details(conversation)


@router.delete("/{id}", response={204: None, **ERRORS_404}, summary="Delete a conversation",
               description="Its facts stay with their people; last-contact dates are "
                           "recomputed.")
def delete_conversation(request, id: int):
    workspace = current_workspace(request)
    actions.delete_conversation(workspace, access_conversation(workspace, id))
    return Status(204, None)
