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
