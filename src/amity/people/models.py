from datetime import date, timedelta

from django.db import models
from django.utils import timezone

from amity.journey.stages import Stage
from amity.parsing import format_birthday
from amity.workspaces.models import Workspace
from amity.workspaces.scoping import ScopedQuerySet


class Importance(models.IntegerChoices):
    # The value doubles as the agenda's weight: an inner-circle check-in
    # that is as late (relative to its cadence) ranks above a regular one.
    OCCASIONAL = 1, "Occasional"
    REGULAR = 2, "Regular"
    INNER = 3, "Inner circle"


class Tag(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=60)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["workspace", "name"], name="tag_unique")]

    def __str__(self) -> str:
        return self.name


class Person(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    display_name = models.CharField(max_length=200)
    given_name = models.CharField(max_length=200, blank=True)
    family_name = models.CharField(max_length=200, blank=True)
    nickname = models.CharField(max_length=200, blank=True)
    pronouns = models.CharField(max_length=40, blank=True)
    location = models.CharField(max_length=200, blank=True)
    linkedin_url = models.URLField(max_length=300, blank=True)
    website = models.URLField(max_length=300, blank=True)
    birthday_year = models.PositiveSmallIntegerField(null=True, blank=True)
    birthday_month = models.PositiveSmallIntegerField(null=True, blank=True)
    birthday_day = models.PositiveSmallIntegerField(null=True, blank=True)
    # How we met.
    met_where = models.CharField(max_length=200, blank=True)
    met_on = models.DateField(null=True, blank=True)
    met_event = models.CharField(max_length=200, blank=True)
    introduced_by = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="introduced")
    notes = models.TextField(blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="people")
    importance = models.PositiveSmallIntegerField(choices=Importance.choices,
                                                  default=Importance.REGULAR)
    cadence_days = models.PositiveIntegerField(null=True, blank=True)
    # Maintained by actions (never computed from conversations at read time):
    # the agenda ranks 100,000 people with an index on checkin_due_on.
    last_contact_at = models.DateTimeField(null=True, blank=True)
    checkin_due_on = models.DateField(null=True, blank=True)
    archived_at = models.DateTimeField(null=True, blank=True)
    # A stage set by hand overrides the one derived from evidence until cleared.
    stage_pin = models.CharField(max_length=20, choices=Stage.choices, blank=True)
    stage_pinned_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["display_name", "id"]
        indexes = [
            models.Index(fields=["workspace", "archived_at", "checkin_due_on"],
                         name="person_agenda"),
            models.Index(fields=["workspace", "display_name"], name="person_name"),
            models.Index(fields=["workspace", "birthday_month", "birthday_day"],
                         name="person_birthday"),
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    @property
    def birthday(self) -> str:
        return format_birthday(self.birthday_year, self.birthday_month, self.birthday_day)

    def compute_checkin_due(self) -> date | None:
        """Last contact (or, never contacted, the day they were added) plus the cadence."""
        if not self.cadence_days:
            return None
        since = self.last_contact_at or self.created_at
        return timezone.localdate(since) + timedelta(days=self.cadence_days)

    def refresh_checkin_due(self) -> None:
        self.checkin_due_on = self.compute_checkin_due()

    def archive(self) -> None:
        if self.archived_at is None:
            self.archived_at = timezone.now()
            self.save(update_fields=["archived_at"])

    def unarchive(self) -> None:
        if self.archived_at is not None:
            self.archived_at = None
            self.save(update_fields=["archived_at"])


class EmailAddress(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="emails")
    email = models.CharField(max_length=254)
    label = models.CharField(max_length=40, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["workspace", "email"], name="email_lookup")]

    def __str__(self) -> str:
        return self.email


class PhoneNumber(models.Model):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="phones")
    number = models.CharField(max_length=32, help_text="E.164, e.g. +442079460958")
    label = models.CharField(max_length=40, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["workspace", "number"], name="phone_lookup")]

    def __str__(self) -> str:
        return self.number


class FactKind(models.TextChoices):
    INTEREST = "interest", "Interest"
    VALUE = "value", "Value"
    GOAL = "goal", "Goal"
    NEED = "need", "Need"
    OFFER = "offer", "Offer"
    CHALLENGE = "challenge", "Challenge"
    AVOID = "avoid", "Topic to avoid"


class Fact(models.Model):
    """One typed thing that matters to a person, with where we learned it."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="facts")
    kind = models.CharField(max_length=20, choices=FactKind.choices)
    text = models.CharField(max_length=500)
    learned_on = models.DateField(default=timezone.localdate)
    conversation = models.ForeignKey("conversations.Conversation", null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="facts")
    confirmed_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "-learned_on", "id"]
        indexes = [models.Index(fields=["workspace", "kind"], name="fact_kind")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text}"

    @property
    def checked_on(self) -> date:
        return self.confirmed_on or self.learned_on

    def is_stale(self, stale_after_days: int, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return (today - self.checked_on).days > stale_after_days

    def confirm(self, on: date | None = None) -> None:
        self.confirmed_on = on or timezone.localdate()
        self.save(update_fields=["confirmed_on"])
