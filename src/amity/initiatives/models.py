from django.db import models
from django.utils import timezone

from amity.workspaces.models import Workspace
from amity.workspaces.scoping import ScopedQuerySet


class InitiativeKind(models.TextChoices):
    COALITION = "coalition", "Coalition effort"
    WORKING_GROUP = "working_group", "Working group"
    CAMPAIGN = "campaign", "Campaign"
    PROJECT = "project", "Project"
    EVENT = "event", "Event you organise"


class InitiativeStatus(models.TextChoices):
    PLANNING = "planning", "Planning"
    ACTIVE = "active", "Active"
    CLOSED = "closed", "Closed"


class Initiative(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=InitiativeKind.choices,
                            default=InitiativeKind.PROJECT)
    description = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=InitiativeStatus.choices,
                              default=InitiativeStatus.PLANNING)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["workspace", "status"], name="initiative_status")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_closed(self) -> bool:
        return self.status == InitiativeStatus.CLOSED


class NeedKind(models.TextChoices):
    SKILL = "skill", "Skill"
    INTEREST = "interest", "Interest"
    ROLE = "role", "Role"


class Need(models.Model):
    """One thing an initiative needs: matched against people's offers, interests and goals."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="needs")
    kind = models.CharField(max_length=10, choices=NeedKind.choices, default=NeedKind.SKILL)
    text = models.CharField(max_length=200)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text


class InvitationStatus(models.TextChoices):
    DRAFTED = "drafted", "Drafted"
    SENT = "sent", "Sent"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    NO_ANSWER = "no_answer", "No answer"


class Invitation(models.Model):
    """One personal invitation to one person: never a bulk send."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE,
                                   related_name="invitations")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE,
                               related_name="invitations")
    status = models.CharField(max_length=10, choices=InvitationStatus.choices,
                              default=InvitationStatus.DRAFTED)
    message = models.TextField(blank=True)
    reason = models.CharField(max_length=500, blank=True, help_text="Why they fit.")
    sent_on = models.DateField(null=True, blank=True)
    answered_on = models.DateField(null=True, blank=True)
    follow_up = models.ForeignKey("followups.FollowUp", null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["initiative", "person"],
                                               name="invitation_unique")]
        indexes = [models.Index(fields=["person"], name="invitation_person")]

    def __str__(self) -> str:
        return f"Invitation of {self.person_id} to {self.initiative_id}"


class Participant(models.Model):
    """Someone taking part in an initiative, with their role: collaboration on the journey."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE,
                                   related_name="participants")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE,
                               related_name="participations_in_initiatives")
    role = models.CharField(max_length=200, blank=True)
    joined_on = models.DateField(default=timezone.localdate)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["joined_on", "id"]
        constraints = [models.UniqueConstraint(fields=["initiative", "person"],
                                               name="participant_unique")]
        indexes = [models.Index(fields=["person"], name="participant_person")]

    def __str__(self) -> str:
        return f"{self.person_id} in {self.initiative_id} as {self.role or 'participant'}"
