"""Web forms for the ledger: one small form per thing that happened (a give,
something received, an ask), and one to edit an entry."""

from django import forms

from amity.exchange.actions import GIFT_KINDS
from amity.exchange.models import Direction, EntryKind

WHEN_HELP = "today, yesterday or a date (2026-03-01)."
GIFT_CHOICES = [(k, EntryKind(k).label) for k in GIFT_KINDS]
MODES = {  # mode -> (legend, label of what, button)
    "give": ("Log a give", "What you gave", "Log the give"),
    "received": ("Log something received", "What they gave you", "Log it"),
    "ask": ("Log an ask", "What was asked", "Log the ask"),
}


class EntryForm(forms.Form):
    entry_type = forms.ChoiceField(label="Who asked", choices=[
        ("ask", "You asked them"), ("their_ask", "They asked you")])
    kind = forms.ChoiceField(label="Kind", choices=GIFT_CHOICES, initial=EntryKind.INFORMATION)
    description = forms.CharField(label="What", max_length=300)
    occurred_on = forms.CharField(label="When", required=False, help_text=WHEN_HELP,
                                  initial="today")

    def __init__(self, *args, mode: str = "give", **kwargs):
        kwargs.setdefault("auto_id", f"{mode}_%s")
        super().__init__(*args, **kwargs)
        self.mode = mode
        self.legend, self.fields["description"].label, self.button = MODES[mode]
        if mode == "ask":
            del self.fields["kind"]
        else:
            self.fields["entry_type"] = forms.CharField(widget=forms.HiddenInput, initial=mode)

    @staticmethod
    def mode_of(data) -> str:
        entry_type = data.get("entry_type", "")
        return "ask" if entry_type in ("ask", "their_ask") else (
            entry_type if entry_type in MODES else "give")


class EditEntryForm(forms.Form):
    direction = forms.ChoiceField(label="Direction", choices=Direction.choices)
    kind = forms.ChoiceField(label="Kind", choices=EntryKind.choices)
    description = forms.CharField(label="What was given or asked", max_length=300)
    occurred_on = forms.CharField(label="When", help_text=WHEN_HELP)
