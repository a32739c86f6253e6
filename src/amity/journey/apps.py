from django.apps import AppConfig


class JourneyConfig(AppConfig):
    name = "amity.journey"
    label = "journey"
