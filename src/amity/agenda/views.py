"""Today: the agenda read from ``amity.agenda.queries.build_agenda``."""

from importlib import import_module

from django.shortcuts import render

from amity.agenda.queries import build_agenda
from amity.conversations.forms import ConversationForm
from amity.followups.views import mark_rows
from amity.web import member_required

PER_SECTION = 25


def _offset(request) -> int:
    raw = request.GET.get("checkins", "0")
    return min(int(raw), 1_000_000) if raw.isdigit() else 0


@member_required
def home(request):
    offset = _offset(request)
    agenda = build_agenda(request.workspace, limit=PER_SECTION, check_in_offset=offset)
    # Panels read the agenda already built (e.g. next steps for the first check-ins)
    # instead of ranking the check-ins a second time.
    request.agenda = agenda if not offset else None
    mark_rows(agenda.follow_ups, agenda.today)
    mark_rows(agenda.upcoming, agenda.today)
    more = offset + PER_SECTION
    context = {
        "agenda": agenda,
        "today": agenda.today,
        # One blank quick-log form serves every check-in row (ids differ per row).
        "quick_form": ConversationForm(workspace=request.workspace, with_extras=False),
        "previous_checkins": max(offset - PER_SECTION, 0) if offset else None,
        "next_checkins": more if more < agenda.check_ins_total else None,
        "checkin_offset": offset,
        "checkins_last": offset + len(agenda.check_ins),
        "next_url": request.get_full_path(),
        "nav": "agenda",
        "panels": agenda_panels(request),
    }
    return render(request, "agenda/home.html", context)


# Apps that add a panel to the agenda, in page order (the focus list first). Each has
# ``panels.agenda_panel(request) -> dict | None`` and ``templates/<app>/_agenda_panel.html``.
AGENDA_PANELS = ("goals", "journey", "connector", "initiatives", "events")


def agenda_panels(request) -> list[tuple[str, dict]]:
    shown = []
    for app in AGENDA_PANELS:
        panel = import_module(f"amity.{app}.panels").agenda_panel(request)
        if panel is not None:
            shown.append((f"{app}/_agenda_panel.html", panel))
    return shown
