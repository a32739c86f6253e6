from django.apps import AppConfig


class InitiativesConfig(AppConfig):
    name = "amity.initiatives"
    label = "initiatives"
