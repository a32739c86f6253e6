"""Web forms for goals and the focus list: rendering and light parsing; the actions validate."""

from django import forms

from amity.conversations.forms import DATE_HELP
from amity.goals.models import GoalStatus


class GoalForm(forms.Form):
    title = forms.CharField(label="Goal", required=False,
                            help_text="What you are working towards, e.g. funding for the "
                                      "spring programme.")
    description = forms.CharField(label="More about it", required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}),
                                  help_text="Its words find the people aligned with it: what "
                                            "they offer, aim for, care about, where they work.")
    due_on = forms.CharField(label="By when", required=False, help_text=DATE_HELP)
    status = forms.ChoiceField(label="Status", choices=GoalStatus.choices,
                               initial=GoalStatus.ACTIVE)

    def __init__(self, *args, creating: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if creating:
            del self.fields["status"]


class FocusForm(forms.Form):
    person = forms.CharField(label="Person", help_text="A name or an id (e.g. Ana Ruiz or #12).")
    goal = forms.CharField(label="For the goal", required=False)
    offer = forms.CharField(label="What you can offer them", required=False, max_length=300)


class OfferForm(forms.Form):
    offer = forms.CharField(label="What you can offer them", required=False, max_length=300)
