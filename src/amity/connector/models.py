from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from amity.workspaces.models import Workspace
from amity.workspaces.scoping import ScopedQuerySet


class RelationshipKind(models.TextChoices):
    KNOWS = "knows", "Know each other"
    COLLEAGUES = "colleagues", "Colleagues"
    FRIENDS = "friends", "Friends"
    FAMILY = "family", "Family"
    PARTNERS = "partners", "Work together"
    MENTOR = "mentor", "Mentor and mentee"
    INTRODUCED = "introduced", "Introduced by you"


class Relationship(models.Model):
    """Two of your people who know each other: an undirected edge, stored low id first."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    other = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=RelationshipKind.choices,
                            default=RelationshipKind.KNOWS)
    # 1 = acquaintances, 2 = know each other, 3 = close.
    strength = models.PositiveSmallIntegerField(default=2)
    notes = models.CharField(max_length=300, blank=True)
    introduction = models.ForeignKey("connector.Introduction", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(condition=Q(person__lt=F("other")),
                                   name="relationship_low_id_first"),
            models.UniqueConstraint(fields=["person", "other"], name="relationship_unique"),
        ]
        indexes = [models.Index(fields=["other"], name="relationship_other")]

    def __str__(self) -> str:
        return f"{self.person_id} — {self.other_id} ({self.kind})"


class IntroStatus(models.TextChoices):
    # Consent first: each side agrees before the two are put in touch.
    SUGGESTED = "suggested", "Suggested"
    ASKED_A = "asked_a", "Asked the first person"
    A_AGREED = "a_agreed", "First person agreed"
    ASKED_B = "asked_b", "Asked the second person"
    B_AGREED = "b_agreed", "Second person agreed"
    INTRODUCED = "introduced", "Introduced"
    DECLINED = "declined", "Declined"


class Outcome(models.TextChoices):
    NONE = "", "Not recorded"
    MET = "met", "They met"
    HELPED = "helped", "It helped"
    NOTHING = "nothing", "Nothing came of it"


class Introduction(models.Model):
    """You putting two of your people in touch, with both their consent."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    person_a = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    person_b = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=20, choices=IntroStatus.choices,
                              default=IntroStatus.SUGGESTED)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)
    reason = models.TextField(blank=True, help_text="Why these two should meet.")
    message = models.TextField(blank=True, help_text="The drafted introduction.")
    # Who said no ("a", "b" or "me"), when declined.
    declined_by = models.CharField(max_length=2, blank=True)
    follow_up = models.ForeignKey("followups.FollowUp", null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="+")
    introduced_on = models.DateField(null=True, blank=True)
    outcome_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(person_a=F("person_b")),
                                   name="introduction_two_people"),
        ]
        indexes = [
            models.Index(fields=["workspace", "status"], name="introduction_status"),
            models.Index(fields=["person_a"], name="introduction_a"),
            models.Index(fields=["person_b"], name="introduction_b"),
        ]

    def __str__(self) -> str:
        return f"Introduction #{self.pk}: {self.person_a_id} and {self.person_b_id}"


class IntroductionStep(models.Model):
    """The history of an introduction: each step taken, when, with a note."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    introduction = models.ForeignKey(Introduction, on_delete=models.CASCADE,
                                     related_name="steps")
    status = models.CharField(max_length=20, choices=IntroStatus.choices)
    note = models.CharField(max_length=300, blank=True)
    happened_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["happened_at", "id"]

    def __str__(self) -> str:
        return f"{self.introduction_id}: {self.status}"
