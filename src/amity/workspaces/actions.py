"""Workspaces, the first account, and API tokens."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from amity.errors import Invalid
from amity.parsing import clean_text
from amity.workspaces.models import ApiToken, Membership, Role, Workspace, hash_token

LOCAL_WORKSPACE_NAME = "My people"


def local_workspace() -> Workspace:
    """The workspace the CLI acts in on a single-user install: the first one,
    made on first use."""
    workspace = Workspace.objects.order_by("pk").first()
    if workspace is None:
        workspace = Workspace.objects.create(name=LOCAL_WORKSPACE_NAME)
    return workspace


def local_owner(workspace: Workspace):
    membership = (workspace.memberships.filter(role=Role.OWNER).select_related("user")
                  .order_by("pk").first())
    return membership.user if membership else None


def needs_setup() -> bool:
    return not get_user_model().objects.exists()


@transaction.atomic
def create_first_account(username: str, password: str, email: str = ""):
    """The first visit's account: owner of the local workspace (which the CLI
    may already have filled)."""
    User = get_user_model()
    if User.objects.exists():
        raise Invalid(field="username", message="This Amity already has an account; sign in.")
    username = clean_text("username", username, limit=150, required=True)
    user = User.objects.create_user(username=username, email=email, password=password)
    Membership.objects.create(workspace=local_workspace(), user=user, role=Role.OWNER)
    return user


def workspace_for_user(user, workspace_id=None) -> Workspace | None:
    memberships = Membership.objects.filter(user=user).select_related("workspace")
    if workspace_id:
        chosen = memberships.filter(workspace_id=workspace_id).first()
        if chosen:
            return chosen.workspace
    first = memberships.order_by("pk").first()
    return first.workspace if first else None


@transaction.atomic
def create_token(workspace: Workspace, user, name: str) -> tuple[ApiToken, str]:
    """Make a token; returns it with its raw value, which is never stored."""
    name = clean_text("name", name or "API token", limit=100, required=True)
    raw = ApiToken.new_raw_key()
    token = ApiToken.objects.create(workspace=workspace, user=user, name=name,
                                    key_hash=hash_token(raw), hint=raw[:12])
    return token, raw


@transaction.atomic
def revoke_token(workspace: Workspace, token: ApiToken) -> ApiToken:
    token.revoke()
    return token


def authenticate_token(raw: str) -> ApiToken | None:
    if not raw or not raw.startswith(ApiToken.PREFIX):
        return None
    token = (ApiToken.objects.select_related("workspace", "user")
             .filter(key_hash=hash_token(raw), revoked_at__isnull=True).first())
    if token is None:
        return None
    now = timezone.now()
    # Write last-used at most once a minute: a script's burst should not
    # turn every read into a write.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
    return token


def access_token(workspace: Workspace, pk) -> ApiToken:
    from amity.workspaces.scoping import get_in_workspace

    return get_in_workspace(ApiToken.objects.all(), workspace, pk, "token")
