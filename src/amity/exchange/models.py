from django.db import models
from django.utils import timezone

from amity.workspaces.models import Workspace
from amity.workspaces.scoping import ScopedQuerySet


class Direction(models.TextChoices):
    # Seen from the user: something went to the person, or came from them.
    TO_THEM = "to_them", "You → them"
    FROM_THEM = "from_them", "Them → you"


class EntryKind(models.TextChoices):
    INTRODUCTION = "introduction", "Introduction"
    INFORMATION = "information", "Information or a resource"
    HELP = "help", "Help"
    SUPPORT = "support", "Support"
    APPRECIATION = "appreciation", "Appreciation"
    INVITATION = "invitation", "Invitation"
    # An ask is a request, not a gift: to_them = you asked them; from_them = they asked you.
    ASK = "ask", "Ask"


class LedgerEntry(models.Model):
    """One thing given, received or asked, with one person: the give-first ledger."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="ledger")
    direction = models.CharField(max_length=10, choices=Direction.choices)
    kind = models.CharField(max_length=20, choices=EntryKind.choices)
    description = models.CharField(max_length=300)
    occurred_on = models.DateField(default=timezone.localdate)
    # Written by the introduction and invitation workflows, so their entries can be traced.
    introduction = models.ForeignKey("connector.Introduction", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="ledger_entries")
    invitation = models.ForeignKey("initiatives.Invitation", null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="ledger_entries")
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_on", "-id"]
        indexes = [
            models.Index(fields=["person", "-occurred_on"], name="ledger_person"),
            # The workspace's ledger page, newest first, without sorting it all.
            models.Index(fields=["workspace", "-occurred_on", "-id"], name="ledger_when"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_direction_display()}): {self.description}"
