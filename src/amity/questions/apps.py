from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "amity.questions"
    label = "questions"
