from django.db import models
from django.utils import timezone

from amity.workspaces.models import Workspace
from amity.workspaces.scoping import ScopedQuerySet

FOCUS_LIMIT = 3  # by design: a focus list of more than three is not a focus


class GoalStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    ACHIEVED = "achieved", "Achieved"
    DROPPED = "dropped", "Dropped"


class Goal(models.Model):
    """Something you are working towards, e.g. "funding for the spring programme"."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=GoalStatus.choices,
                              default=GoalStatus.ACTIVE)
    due_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["status", "due_on", "id"]

    def __str__(self) -> str:
        return self.title


class FocusEntry(models.Model):
    """One of at most three people you are focusing on now, and what you can offer them."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    goal = models.ForeignKey(Goal, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="focus_entries")
    offer = models.CharField(max_length=300, blank=True,
                             help_text="What you can offer them.")
    added_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [models.UniqueConstraint(fields=["workspace", "person"],
                                               name="focus_unique")]

    def __str__(self) -> str:
        return f"focus on {self.person_id}"
