from django.db import models
from django.utils import timezone

from amity.workspaces.models import Workspace
from amity.workspaces.scoping import ScopedQuerySet


class OrganisationKind(models.TextChoices):
    PARTNER = "partner", "Partner"
    MEMBER = "member", "Member"
    FUNDER = "funder", "Funder"
    EMPLOYER = "employer", "Employer"
    OTHER = "other", "Other"


class Organisation(models.Model):
    """A partner, member, funder or employer. An organisation is the people in it."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=OrganisationKind.choices,
                            default=OrganisationKind.OTHER)
    website = models.URLField(max_length=300, blank=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        indexes = [models.Index(fields=["workspace", "name"], name="organisation_name")]

    def __str__(self) -> str:
        return self.name


class Affiliation(models.Model):
    """A person's role at an organisation over time; history survives moves."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE,
                               related_name="affiliations")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE,
                                     related_name="affiliations")
    role = models.CharField(max_length=200, blank=True)
    represents = models.BooleanField(default=False,
                                     help_text="Speaks for the organisation in our relationship.")
    start_on = models.DateField(null=True, blank=True)
    end_on = models.DateField(null=True, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["end_on", "-start_on", "id"]
        indexes = [
            models.Index(fields=["organisation", "end_on"], name="affiliation_org"),
            models.Index(fields=["person", "end_on"], name="affiliation_person"),
        ]

    def __str__(self) -> str:
        return f"{self.role or 'Affiliated'} at {self.organisation_id}"

    @property
    def is_current(self) -> bool:
        return self.end_on is None or self.end_on >= timezone.localdate()
