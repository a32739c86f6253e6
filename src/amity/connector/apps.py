from django.apps import AppConfig


class ConnectorConfig(AppConfig):
    name = "amity.connector"
    label = "connector"
