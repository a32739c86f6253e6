"""Web forms."""

from django import forms

from amity.journey.stages import Stage


class PinForm(forms.Form):
    stage = forms.ChoiceField(label="Pin the stage", choices=Stage.choices,
                              help_text="Set it by hand when you know better than the evidence.")


class ThankForm(forms.Form):
    description = forms.CharField(label="Thank-you", max_length=300)
