from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "amity.organisations"
    label = "organisations"
