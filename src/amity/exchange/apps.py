from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "amity.exchange"
    label = "exchange"
