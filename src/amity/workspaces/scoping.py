"""Scoping every query to one workspace.

Models that belong to a workspace use ``ScopedQuerySet``; each app exposes
one ``access_<thing>(workspace, pk)`` helper built on ``get_in_workspace``,
so another workspace's id answers "not found" the same way everywhere.
"""

from django.db import models

from amity.errors import NotFound


class ScopedQuerySet(models.QuerySet):
    def in_workspace(self, workspace):
        if workspace is None:
            # Fail closed: a query with no workspace in scope is a bug, never "everything".
            raise ValueError("A workspace is required to query workspace data.")
        return self.filter(workspace=workspace)


def get_in_workspace(queryset, workspace, pk, what: str):
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise NotFound(what, pk) from None
    obj = queryset.in_workspace(workspace).filter(pk=pk).first()
    if obj is None:
        raise NotFound(what, f"#{pk}")
    return obj


def resolve_named(queryset, workspace, ref, *, what: str, field: str = "name",
                  order: tuple[str, ...] = ("id",), describe=None, prefer=None):
    """One object by id (``12`` or ``#12``) or by part of its name; never a guess.

    An exact (case-insensitive) name wins; then a fragment; then, because
    ``icontains`` ignores accents only for ASCII on SQLite, an accent-folded
    fragment over a bounded set. ``prefer(obj)`` narrows several matches (e.g.
    to active goals). Several left: ``Invalid`` listing them, ``describe(obj)``
    each. None: ``NotFound``.
    """
    from amity.errors import Invalid
    from amity.parsing import fold

    word = "title" if field == "title" else "name"
    ref = str(ref or "").strip()
    if not ref:
        raise Invalid(field=what, message=f"Say which {what} (an id or part of its {word}).")
    if ref.lstrip("#").isdigit():
        return get_in_workspace(queryset, workspace, ref.lstrip("#"), what)
    rows = queryset.in_workspace(workspace)
    exact = list(rows.filter(**{f"{field}__iexact": ref})[:2])
    if len(exact) == 1:
        return exact[0]
    found = exact or list(rows.filter(**{f"{field}__icontains": ref}).order_by(*order)[:11])
    if not found:
        folded = fold(ref)
        found = [obj for obj in rows.order_by(*order)[:2000]
                 if folded in fold(getattr(obj, field))][:11]
    if prefer is not None and len(found) > 1:
        found = [obj for obj in found if prefer(obj)] or found
    if not found:
        raise NotFound(what, f"matching {ref!r}")
    if len(found) > 1:
        whole = [obj for obj in found if fold(getattr(obj, field)) == fold(ref)]
        if len(whole) == 1:
            return whole[0]
        describe = describe or (lambda obj: f"{getattr(obj, field)} (#{obj.pk})")
        listed = ", ".join(describe(obj) for obj in found[:10])
        more = " and more" if len(found) > 10 else ""
        raise Invalid(field=what, message=f"{ref!r} matches several {what}s: {listed}{more}. "
                                          f"Use the id or more of the {word}.")
    return found[0]
