from django.db import models
from django.db.models import Q
from django.utils import timezone

from amity.journey.stages import Stage
from amity.people.models import FactKind
from amity.workspaces.models import Workspace
from amity.workspaces.scoping import ScopedQuerySet


class Purpose(models.TextChoices):
    GETTING_TO_KNOW = "getting_to_know", "Getting to know"
    DISCOVERING_NEEDS = "discovering_needs", "Discovering needs"
    DEEPENING = "deepening", "Deepening"
    REFLECTING = "reflecting", "Reflecting"


class Question(models.Model):
    """An open question in the workspace's question bank (curated ones are copied in)."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    text = models.CharField(max_length=300)
    stage = models.CharField(max_length=20, choices=Stage.choices, blank=True,
                             help_text="The stage it fits; blank for any stage.")
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    # What kind of fact an answer usually becomes.
    fact_kind = models.CharField(max_length=20, choices=FactKind.choices, blank=True)
    # Set on curated questions so seeding is idempotent and a user's edits survive it.
    builtin_key = models.CharField(max_length=60, blank=True)
    retired_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "builtin_key"],
                                    condition=~Q(builtin_key=""), name="question_builtin_once"),
        ]

    def __str__(self) -> str:
        return self.text


class AskedQuestion(models.Model):
    """A question asked of one person, and what they answered (often kept as a fact)."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="asked")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE,
                               related_name="asked_questions")
    asked_on = models.DateField(default=timezone.localdate)
    answer = models.TextField(blank=True)
    fact = models.ForeignKey("people.Fact", null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-asked_on", "-id"]
        indexes = [models.Index(fields=["person", "question"], name="asked_person")]

    def __str__(self) -> str:
        return f"asked {self.person_id}: {self.question_id}"
