"""Forms for the organisation pages: rendering and light parsing only.

The actions validate; ``apply_errors`` shows their ``Invalid`` on the field
it names (the form fields carry the actions' names).
"""

from django import forms

from amity.organisations.models import OrganisationKind


def _date(label, help_text=""):
    return forms.CharField(label=label, required=False, help_text=help_text,
                           widget=forms.DateInput(attrs={"type": "date"}))


class OrganisationForm(forms.Form):
    name = forms.CharField(label="Name", required=False,
                           widget=forms.TextInput(attrs={"required": True}))
    # A plain field behind a select: the action names what is allowed.
    kind = forms.CharField(label="Kind", required=False, initial=OrganisationKind.OTHER,
                           widget=forms.Select(choices=OrganisationKind.choices))
    website = forms.CharField(label="Website", required=False,
                              widget=forms.TextInput(attrs={"inputmode": "url"}))
    notes = forms.CharField(label="Notes", required=False, strip=False,
                            widget=forms.Textarea(attrs={"rows": 4}))


class AffiliationEditForm(forms.Form):
    role = forms.CharField(label="Role", required=False)
    represents = forms.BooleanField(
        label="Represents the organisation in our relationship", required=False)
    start_on = _date("Since")
    end_on = _date("Until", "Leave empty while it is current.")
