from django.apps import AppConfig


class ConversationsConfig(AppConfig):
    name = "amity.conversations"
    label = "conversations"
