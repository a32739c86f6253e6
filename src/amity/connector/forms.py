"""Web forms of the connector: starting an introduction, taking a step,
recording that two people know each other, finding a warm path."""

from django import forms

from amity.connector.models import RelationshipKind
from amity.connector.workflow import DECLINED_BY

PERSON_HELP = "A name or an id (e.g. Ana Ruiz or #12)."


class StartForm(forms.Form):
    person_a = forms.CharField(label="Introduce", max_length=200, help_text=PERSON_HELP)
    person_b = forms.CharField(label="to", max_length=200, help_text=PERSON_HELP)
    reason = forms.CharField(label="Why they should meet", required=False, max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}),
                             help_text="Leave empty to use what you know about them.")


class StepForm(forms.Form):
    step = forms.CharField(label="Step", max_length=20)
    note = forms.CharField(label="Note", required=False, max_length=300)
    by = forms.ChoiceField(label="Who declined", required=False,
                           choices=[("", "—"), *DECLINED_BY.items()])


class RelationshipForm(forms.Form):
    person = forms.CharField(label="Person", max_length=200, help_text=PERSON_HELP)
    other = forms.CharField(label="knows", max_length=200, help_text=PERSON_HELP)
    kind = forms.ChoiceField(label="How", choices=RelationshipKind.choices,
                             initial=RelationshipKind.KNOWS)
    strength = forms.TypedChoiceField(label="How well", coerce=int, initial=2, choices=[
        (1, "Acquaintances"), (2, "Know each other"), (3, "Close")])
