"""The one NinjaAPI: each app adds its Router here."""

from ninja import NinjaAPI

api = NinjaAPI(title="Amity API", version="1", urls_namespace="api")
