"""Forms for the question bank: rendering and light parsing only.

The actions validate (so the web, the API and the CLI give the same messages);
``apply_errors`` puts their ``Invalid`` on the field it names.
"""

from django import forms

from amity.journey.stages import Stage
from amity.people.models import FactKind
from amity.questions.models import Purpose

STAGE_CHOICES = [("", "Any stage"), *Stage.choices]
KIND_CHOICES = [("", "Not kept as a fact"), *FactKind.choices]


def _choice(label, choices, help_text=""):
    # A plain field behind a select: an unknown value reaches the action, which
    # names what is allowed.
    return forms.CharField(label=label, required=False, help_text=help_text,
                           widget=forms.Select(choices=choices))


class QuestionForm(forms.Form):
    text = forms.CharField(label="Question", required=False, max_length=300,
                           help_text="An open question: one that cannot be answered yes or no.",
                           widget=forms.TextInput(attrs={"autocomplete": "off"}))
    purpose = _choice("Purpose", Purpose.choices)
    stage = _choice("Stage", STAGE_CHOICES, "The journey stage it fits best.")
    fact_kind = _choice("An answer usually becomes", KIND_CHOICES,
                        "What kind of fact to keep when you note their answer.")


class AskForm(forms.Form):
    question = forms.IntegerField(required=False)
    answer = forms.CharField(required=False, strip=False, max_length=6000)
    fact_kind = forms.CharField(required=False)
    person = forms.IntegerField(required=False)
