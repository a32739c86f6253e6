"""Web forms: they check what was typed; every write happens in ``actions``."""

from django import forms

from amity.conversations.forms import DATE_HELP
from amity.initiatives.models import InitiativeKind, InitiativeStatus, InvitationStatus, NeedKind

NEEDS_HELP = ("What it needs, separated by commas: skills, interests or roles. Start one with "
              "its kind to say which, e.g. “grant writing, interest: food security, role: "
              "treasurer”.")


class InitiativeForm(forms.Form):
    name = forms.CharField(label="Name", max_length=200)
    kind = forms.ChoiceField(label="Kind", choices=InitiativeKind.choices,
                             initial=InitiativeKind.PROJECT)
    status = forms.ChoiceField(label="Status", choices=InitiativeStatus.choices,
                               initial=InitiativeStatus.PLANNING)
    description = forms.CharField(label="Description", required=False,
                                  widget=forms.Textarea(attrs={"rows": 4}),
                                  help_text="What it is for, in a few sentences.")
    needs = forms.CharField(label="What it needs", required=False, help_text=NEEDS_HELP,
                            widget=forms.Textarea(attrs={"rows": 2}))
    need_kind = forms.ChoiceField(label="Needs without a kind are", choices=NeedKind.choices,
                                  initial=NeedKind.SKILL)
    starts_on = forms.CharField(label="Starts", required=False, help_text=DATE_HELP)
    ends_on = forms.CharField(label="Ends", required=False, help_text=DATE_HELP)


def needs_text(initiative) -> str:
    """The needs as they are typed back into the form: kinds other than skill spelled out."""
    return ", ".join(n.text if n.kind == NeedKind.SKILL else f"{n.kind}: {n.text}"
                     for n in initiative.needs.all())


class InviteForm(forms.Form):
    person = forms.IntegerField(label="Person", widget=forms.HiddenInput)


class InviteByNameForm(forms.Form):
    person = forms.CharField(label="Invite someone else", max_length=200,
                             help_text="A name or an id (e.g. Ana Ruiz or #12).")


class MessageForm(forms.Form):
    message = forms.CharField(label="Message", required=False,
                              widget=forms.Textarea(attrs={"rows": 14}),
                              help_text="Write it as you would to them alone.")


ANSWERS = [(s, label) for s, label in InvitationStatus.choices if s != InvitationStatus.DRAFTED]


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="Status", choices=ANSWERS)
    role = forms.CharField(label="Their role", max_length=200, required=False)


class ParticipantForm(forms.Form):
    person = forms.CharField(label="Person", max_length=200,
                             help_text="A name or an id (e.g. Ana Ruiz or #12).")
    role = forms.CharField(label="Role", max_length=200, required=False,
                           help_text="e.g. treasurer, grant writer, host.")
