"""Small helpers every web view shares: the guard, error mapping, paging."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponseNotAllowed
from django.utils.http import url_has_allowed_host_and_scheme

from amity.errors import Invalid, NotFound


def member_required(view):
    """Guard: a signed-in member with a workspace; ``request.workspace`` is set.

    ``NotFound`` raised anywhere below becomes a 404, so another workspace's
    id looks exactly like an id that does not exist.
    """

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.workspace is None:
            raise Http404("No workspace")
        try:
            return view(request, *args, **kwargs)
        except NotFound as exc:
            raise Http404(str(exc)) from None

    return wrapped


def apply_errors(form, exc: Invalid, field_map: dict[str, str] | None = None) -> None:
    """Show an action's ``Invalid`` on the form, on the field it names when the form has it."""
    field_map = field_map or {}
    for field, message in exc.errors.items():
        name = field_map.get(field, field)
        form.add_error(name if name in form.fields else None, message)


def paginate(request, queryset, per_page: int = 50):
    """A page of ``queryset`` from ``?page=``; a bad page number gives the nearest page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def post_only(request):
    """Call after the scoped fetch, so another workspace's id is a 404 for every method."""
    return None if request.method == "POST" else HttpResponseNotAllowed(["POST"])


def safe_next(request, default: str) -> str:
    """``next`` from the form or query string when it is a local URL, else ``default``."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return default
