from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "amity.search"
    label = "search"
