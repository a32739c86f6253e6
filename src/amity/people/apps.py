from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "amity.people"
    label = "people"
