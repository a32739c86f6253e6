"""Web forms for events: rendering and light parsing; the actions validate."""

from django import forms

from amity.conversations.forms import DATE_HELP
from amity.events.models import EventKind

DEFAULT_ROWS = 5
MAX_FORM_ROWS = 30


class EventForm(forms.Form):
    name = forms.CharField(label="Name", required=False,
                           help_text="e.g. Food justice meetup, City climate conference.")
    kind = forms.ChoiceField(label="Kind", choices=EventKind.choices, initial=EventKind.MEETUP)
    starts_on = forms.CharField(label="Date", required=False, help_text=DATE_HELP)
    ends_on = forms.CharField(label="Until", required=False,
                              help_text="The last day, for an event of several days.")
    place = forms.CharField(label="Place", required=False)
    url = forms.CharField(label="Web address", required=False)
    notes = forms.CharField(label="Notes", required=False,
                            widget=forms.Textarea(attrs={"rows": 3}))


class ExpectForm(forms.Form):
    person = forms.CharField(label="Someone you expect to see there",
                             help_text="A name or an id (e.g. Ana Ruiz or #12).")


def rows_wanted(value, default: int = DEFAULT_ROWS) -> int:
    """How many capture rows to show: ``?rows=10``, bounded."""
    try:
        return max(1, min(int(value), MAX_FORM_ROWS))
    except (TypeError, ValueError):
        return default


def _input(placeholder: str, row: int):
    return forms.TextInput(attrs={"placeholder": placeholder} if row else {})


class MetForm(forms.Form):
    """Rows of "name, organisation, what matters": blank rows are ignored."""

    rows = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, rows: int = DEFAULT_ROWS, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            rows = rows_wanted(self.data.get("rows"), rows)
        self.row_count = rows
        self.fields["rows"].initial = rows
        for i in range(rows):
            # Rows after the first show placeholders; their labels stay for screen readers.
            self.fields[f"name_{i}"] = forms.CharField(
                label="Name", required=False, widget=_input("Name", i))
            self.fields[f"organisation_{i}"] = forms.CharField(
                label="Organisation", required=False, widget=_input("Organisation", i))
            self.fields[f"what_matters_{i}"] = forms.CharField(
                label="What matters", required=False, widget=_input("What matters to them", i),
                help_text="e.g. needs: a venue for the spring fair; offers: volunteers"
                if i == 0 else "")

    def row_fields(self):
        """(number, (name, organisation, what-matters bound fields)) per row."""
        return [(i + 1, (self[f"name_{i}"], self[f"organisation_{i}"], self[f"what_matters_{i}"]))
                for i in range(self.row_count)]

    def entries(self) -> list[dict]:
        data = self.cleaned_data
        return [{"name": data.get(f"name_{i}", ""),
                 "organisation": data.get(f"organisation_{i}", ""),
                 "what_matters": data.get(f"what_matters_{i}", "")}
                for i in range(self.row_count)]

    @staticmethod
    def field_map(count: int) -> dict[str, str]:
        """The action's ``entries[2].name`` is this form's ``name_2``."""
        return {f"entries[{i}].{part}": f"{part}_{i}" for i in range(count)
                for part in ("name", "organisation", "what_matters")}
