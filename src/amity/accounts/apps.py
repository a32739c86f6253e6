from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "amity.accounts"
    label = "accounts"
