"""The stages of the Relationship Journey, in order.

Kept free of model imports so ``people.models`` can use the choices for the pin.
"""

from django.db import models


class Stage(models.TextChoices):
    NOTICED = "noticed", "Noticed"
    FIRST_CONTACT = "first_contact", "First contact"
    LISTENING = "listening", "Listening"
    CONNECTED = "connected", "Connected"
    RAPPORT = "rapport", "Rapport"
    TRUSTED = "trusted", "Trusted"
    COLLABORATING = "collaborating", "Collaborating"


ORDER = [stage.value for stage in Stage]


def rank(stage: str) -> int:
    """0 for noticed … 6 for collaborating."""
    return ORDER.index(stage)
