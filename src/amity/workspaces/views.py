"""Settings: personal API tokens. A new token's raw value is shown once."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from amity.errors import Invalid
from amity.web import apply_errors, member_required, paginate, post_only
from amity.workspaces.actions import access_token, create_token, revoke_token
from amity.workspaces.forms import TokenForm
from amity.workspaces.models import ApiToken


@never_cache  # the page that shows a raw token must not be kept by the browser
@member_required
def tokens(request):
    form = TokenForm(request.POST or None)
    created = raw = None
    if request.method == "POST" and form.is_valid():
        try:
            created, raw = create_token(request.workspace, request.user, form.cleaned_data["name"])
        except Invalid as exc:
            apply_errors(form, exc)
        else:
            form = TokenForm()
    listed = ApiToken.objects.in_workspace(request.workspace).select_related("user")
    return render(request, "workspaces/tokens.html", {
        "form": form, "page": paginate(request, listed), "created": created, "raw": raw,
        "nav": "settings"})


@member_required
def revoke(request, pk):
    token = access_token(request.workspace, pk)
    if refused := post_only(request):
        return refused
    revoke_token(request.workspace, token)
    messages.success(request, f"Revoked “{token.name}”: it no longer opens the API.")
    return redirect("workspaces:tokens")
