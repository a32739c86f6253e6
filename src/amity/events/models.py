from django.db import models
from django.utils import timezone

from amity.workspaces.models import Workspace
from amity.workspaces.scoping import ScopedQuerySet


class EventKind(models.TextChoices):
    MEETUP = "meetup", "Meetup"
    CONFERENCE = "conference", "Conference"
    ONLINE = "online", "Online group"
    OTHER = "other", "Other"


class Event(models.Model):
    """Somewhere people gather: go where people are."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=EventKind.choices, default=EventKind.MEETUP)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    place = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=300, blank=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-id"]
        indexes = [models.Index(fields=["workspace", "starts_on"], name="event_when")]

    def __str__(self) -> str:
        return self.name


class AttendanceStatus(models.TextChoices):
    EXPECTED = "expected", "Expected there"
    MET = "met", "Met there"


class Attendance(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE,
                               related_name="attendances")
    status = models.CharField(max_length=10, choices=AttendanceStatus.choices,
                              default=AttendanceStatus.EXPECTED)
    # True when the person was first added to Amity at this event ("new people").
    is_new = models.BooleanField(default=False)
    notes = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["event", "person"],
                                               name="attendance_unique")]
        indexes = [models.Index(fields=["person"], name="attendance_person")]

    def __str__(self) -> str:
        return f"{self.person_id} at {self.event_id} ({self.status})"
