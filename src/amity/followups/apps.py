from django.apps import AppConfig


class FollowupsConfig(AppConfig):
    name = "amity.followups"
    label = "followups"
