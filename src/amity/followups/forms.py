from django import forms

from amity.conversations.forms import DATE_HELP


class FollowUpForm(forms.Form):
    person = forms.CharField(label="Person", required=False,
                             help_text="A name or an id (e.g. Ana Ruiz or #12).")
    action = forms.CharField(label="Next step", max_length=300,
                             help_text="Concrete: coffee, send the article, make the intro.")
    due_on = forms.CharField(label="Due", help_text=DATE_HELP)

    def __init__(self, *args, ask_person=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not ask_person:
            del self.fields["person"]
        else:
            self.fields["person"].required = True


class RescheduleForm(forms.Form):
    due_on = forms.CharField(label="New due date", help_text=DATE_HELP)


class SnoozeForm(forms.Form):
    days = forms.IntegerField(min_value=1, max_value=365)
