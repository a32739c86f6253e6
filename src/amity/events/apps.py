from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "amity.events"
    label = "events"
