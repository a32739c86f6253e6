from datetime import date, timedelta

from django.db import models
from django.utils import timezone

from amity.workspaces.models import Workspace
from amity.workspaces.scoping import ScopedQuerySet


class FollowUp(models.Model):
    """A concrete next step with a due date."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE,
                               related_name="follow_ups")
    conversation = models.ForeignKey("conversations.Conversation", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="follow_ups")
    action = models.CharField(max_length=300)
    due_on = models.DateField()
    done_at = models.DateTimeField(null=True, blank=True)
    snoozed_times = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["workspace", "done_at", "due_on"], name="followup_due")]

    def __str__(self) -> str:
        return self.action

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def is_overdue(self, today: date | None = None) -> bool:
        return not self.is_done and self.due_on < (today or timezone.localdate())

    def complete(self) -> None:
        if self.done_at is None:
            self.done_at = timezone.now()
            self.save(update_fields=["done_at"])

    def reopen(self) -> None:
        if self.done_at is not None:
            self.done_at = None
            self.save(update_fields=["done_at"])

    def snooze(self, days: int = 1, today: date | None = None) -> None:
        """Push it back from today (or from its due date if that is later)."""
        today = today or timezone.localdate()
        self.due_on = max(today, self.due_on) + timedelta(days=days)
        self.snoozed_times += 1
        self.save(update_fields=["due_on", "snoozed_times"])

    def reschedule(self, due_on: date) -> None:
        self.due_on = due_on
        self.save(update_fields=["due_on"])
