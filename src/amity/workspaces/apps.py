from django.apps import AppConfig


class WorkspacesConfig(AppConfig):
    name = "amity.workspaces"
    label = "workspaces"
