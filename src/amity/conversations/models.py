from django.db import models
from django.utils import timezone

from amity.workspaces.models import Workspace
from amity.workspaces.scoping import ScopedQuerySet


class Channel(models.TextChoices):
    IN_PERSON = "in-person", "In person"
    CALL = "call", "Call"
    VIDEO = "video", "Video"
    EMAIL = "email", "Email"
    MESSAGE = "message", "Message"
    EVENT = "event", "At an event"
    OTHER = "other", "Other"


class HowItWent(models.TextChoices):
    GREAT = "great", "Great"
    GOOD = "good", "Good"
    NEUTRAL = "neutral", "Neutral"
    DIFFICULT = "difficult", "Difficult"


class Initiative(models.TextChoices):
    # Who reached out: the journey (two-way contact) needs to know.
    ME = "me", "I reached out"
    THEM = "them", "They reached out"
    MUTUAL = "mutual", "Mutual / planned"
    UNKNOWN = "", "Not recorded"


class Conversation(models.Model):
    """Any interaction, on any channel, with one or more people."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    happened_at = models.DateTimeField(default=timezone.now)
    channel = models.CharField(max_length=20, choices=Channel.choices, default=Channel.IN_PERSON)
    summary = models.CharField(max_length=300, help_text="What it was about, in a line.")
    notes = models.TextField(blank=True, help_text="What was talked about; what you heard.")
    how_it_went = models.CharField(max_length=20, choices=HowItWent.choices, blank=True)
    their_mood = models.CharField(max_length=300, blank=True,
                                  help_text="What they seemed to feel.")
    initiated_by = models.CharField(max_length=10, choices=Initiative.choices, blank=True,
                                    default=Initiative.UNKNOWN)
    participants = models.ManyToManyField("people.Person", through="Participation",
                                          related_name="conversations")
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-happened_at", "-id"]
        indexes = [models.Index(fields=["workspace", "-happened_at"], name="conversation_when")]

    def __str__(self) -> str:
        return self.summary


class Participation(models.Model):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE,
                                     related_name="participations")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE,
                               related_name="participations")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "conversation"], name="participation_unique"),
        ]

    def __str__(self) -> str:
        return f"person {self.person_id} in conversation {self.conversation_id}"
