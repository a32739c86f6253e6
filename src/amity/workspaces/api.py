"""Who is calling the API, in which workspace, and the workspace's tokens.

Two ways in, tried in this order:

1. ``Authorization: Bearer amity_...``: a personal API token (made in the
   web settings or with the CLI); the token's workspace is the workspace.
2. The browser's session cookie, with Django's CSRF check on unsafe methods
   (as django-ninja requires for cookie auth); the workspace is the one the
   workspace middleware chose for the signed-in member.

Either sets ``request.workspace``; endpoints read it with ``current_workspace``.
"""

from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.errors import AuthenticationError
from ninja.pagination import PageNumberPagination, paginate
from ninja.security import HttpBearer, SessionAuth

from amity.workspaces.actions import authenticate_token, workspace_for_user
from amity.workspaces.models import ApiToken, Workspace
from amity.workspaces.schemas import ERRORS, TokenOut

PAGINATION_HELP = (
    "Paginated by page number: `?page=1&page_size=50` (page_size at most 100). "
    'The answer is `{"items": [...], "count": <all matching rows>}`.'
)


class BearerToken(HttpBearer):
    """``Authorization: Bearer <token>``; a revoked or unknown token is refused (401)."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        api_token = authenticate_token(token)
        if api_token is None:
            return None
        request.workspace = api_token.workspace
        return api_token


class BrowserSession(SessionAuth):
    """The signed-in member's session (with the CSRF check on unsafe methods)."""

    def __call__(self, request: HttpRequest):
        # No session: answer 401 rather than a CSRF 403 for a request that
        # never claimed to be a browser (e.g. a script with a revoked token).
        if not request.user.is_authenticated:
            return None
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, key: str | None):
        workspace = getattr(request, "workspace", None) or workspace_for_user(
            request.user, request.session.get("workspace_id"))
        if workspace is None:
            return None
        request.workspace = workspace
        return request.user


AUTH = [BearerToken(), BrowserSession()]


def current_workspace(request: HttpRequest) -> Workspace:
    """The workspace every query of this request is scoped to (set by ``AUTH``)."""
    workspace = getattr(request, "workspace", None)
    if workspace is None:
        # Fail closed: an endpoint reached without auth must not see anything.
        raise AuthenticationError()
    return workspace


class PageInput(Schema):
    page: int = Field(1, ge=1, le=10_000_000)
    page_size: int | None = Field(None, ge=1, description="At most 100 (more is read as 100).")


class Pages(PageNumberPagination):
    """django-ninja's page-number pagination, with the page number bounded so
    a huge one is a 422 rather than an OFFSET the database cannot take."""

    Input = PageInput


router = Router(tags=["tokens"])


@router.get("", response={200: list[TokenOut], **ERRORS}, summary="List API tokens",
            description="The workspace's personal API tokens, newest first; the secret itself "
                        "is never shown again after it is made (in the web settings or the CLI). "
                        + PAGINATION_HELP)
@paginate(Pages)
def list_tokens(request):
    return ApiToken.objects.in_workspace(current_workspace(request))
