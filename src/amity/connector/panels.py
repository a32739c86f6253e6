"""What this app adds to the person page and to the agenda (wired in people/agenda views).

Each function returns a template context dict, or None to show nothing.
"""


def person_panel(request, person) -> dict | None:
    return None


def agenda_panel(request) -> dict | None:
    return None
