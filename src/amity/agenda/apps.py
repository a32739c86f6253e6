from django.apps import AppConfig


class AgendaConfig(AppConfig):
    name = "amity.agenda"
    label = "agenda"
