from django.shortcuts import redirect
from django.urls import reverse

from amity.workspaces.actions import needs_setup, workspace_for_user


class WorkspaceMiddleware:
    """Puts the signed-in member's current workspace on ``request.workspace``,
    and sends the very first visit to the account set-up page."""

    OPEN_PREFIXES = ("/static/", "/api/", "/setup/", "/accounts/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.workspace = None
        if request.user.is_authenticated:
            request.workspace = workspace_for_user(request.user,
                                                   request.session.get("workspace_id"))
        elif not request.path.startswith(self.OPEN_PREFIXES) and needs_setup():
            return redirect(reverse("accounts:setup"))
        return self.get_response(request)
