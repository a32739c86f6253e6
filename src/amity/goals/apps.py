from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "amity.goals"
    label = "goals"
