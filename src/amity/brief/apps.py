from django.apps import AppConfig


class BriefConfig(AppConfig):
    name = "amity.brief"
    label = "brief"
