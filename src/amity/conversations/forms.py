"""Forms for logging and editing conversations.

Forms check what a person typed and resolve names to people (reads only);
every write happens in ``amity.conversations.actions``.
"""

from django import forms
from django.utils import timezone

from amity.conversations.actions import parse_when
from amity.conversations.models import Channel, HowItWent, Initiative
from amity.errors import Ambiguous, Invalid, NotFound
from amity.parsing import fold, parse_date
from amity.people.actions import resolve_person
from amity.people.models import FactKind

FACT_ROWS = (1, 2, 3)
DATE_HELP = "A date (2026-12-01) or tomorrow, +7d, +2w, friday."


def resolve_names(workspace, text: str) -> tuple[list, list[str]]:
    """People for a comma-separated list of names or ids, and a message per
    name that matched nobody or several people (never a guess)."""
    people, problems = [], []
    for ref in (part.strip() for part in (text or "").split(",")):
        if not ref:
            continue
        try:
            people.append(resolve_person(workspace, ref))
        except (Ambiguous, NotFound) as exc:
            problems.append(str(exc))
        except Invalid as exc:
            problems.extend(exc.errors.values())
    return people, problems


def local_input(moment) -> str:
    """A datetime as a datetime-local input wants it, in the local time zone."""
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


class ConversationForm(forms.Form):
    happened_at = forms.CharField(
        label="When", required=False, help_text="Leave empty for now.",
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    channel = forms.ChoiceField(choices=Channel.choices, initial=Channel.IN_PERSON)
    person = forms.TypedMultipleChoiceField(label="People", coerce=int, required=False,
                                            widget=forms.CheckboxSelectMultiple)
    people = forms.CharField(
        label="People", required=False,
        help_text="Names or ids, separated by commas (e.g. Ana Ruiz, #12).")
    summary = forms.CharField(label="What it was about", max_length=300,
                              help_text="In a line.")
    notes = forms.CharField(required=False, widget=forms.Textarea,
                            help_text="What was talked about; what you heard.")
    how_it_went = forms.ChoiceField(label="How it went", required=False,
                                    choices=[("", "—"), *HowItWent.choices])
    their_mood = forms.CharField(label="What they seemed to feel", required=False,
                                 max_length=300)
    initiated_by = forms.ChoiceField(label="Who reached out", required=False,
                                     choices=Initiative.choices)
    follow_up_action = forms.CharField(label="Next step", required=False, max_length=300,
                                       help_text="e.g. Send her the grant report.")
    follow_up_due = forms.CharField(label="Due", required=False, help_text=DATE_HELP)

    def __init__(self, *args, workspace, offered=(), with_extras=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.workspace = workspace
        self.offered = {p.pk: p for p in offered}
        self.fields["person"].choices = [(p.pk, p.display_name) for p in offered]
        if not offered:
            del self.fields["person"]
        else:
            self.fields["people"].label = "Anyone else"
        if with_extras:
            for row in FACT_ROWS:
                self.fields[f"fact_kind_{row}"] = forms.ChoiceField(
                    label="Kind", required=False, choices=[("", "—"), *FactKind.choices])
                self.fields[f"fact_text_{row}"] = forms.CharField(
                    label="What I learned", required=False, max_length=500)
                self.fields[f"fact_about_{row}"] = forms.CharField(
                    label="About", required=False,
                    help_text="Whom it is about, if several people were there.")
        else:
            del self.fields["follow_up_action"], self.fields["follow_up_due"]
        self.with_extras = with_extras

    def fact_rows(self):
        return [(self[f"fact_kind_{r}"], self[f"fact_text_{r}"], self[f"fact_about_{r}"])
                for r in FACT_ROWS] if self.with_extras else []

    def clean(self):
        data = super().clean()
        participants = [self.offered[pk] for pk in data.get("person") or []]
        found, problems = resolve_names(self.workspace, data.get("people", ""))
        for problem in problems:
            self.add_error("people", problem)
        participants += found
        data["participants"] = list({p.pk: p for p in participants}.values())
        self._check_dates(data)
        if self.with_extras:
            self._clean_facts(data)
            if data.get("follow_up_due") and not data.get("follow_up_action"):
                self.add_error("follow_up_action", "Say what the next step is, or clear the date.")
        return data

    def _check_dates(self, data):
        """Read the dates with the actions' own parsers now, so a typo shows at
        once beside the other errors (the action checks them again when it writes)."""
        checks = [("happened_at", parse_when)]
        if self.with_extras:
            checks.append(("follow_up_due", parse_date))
        for name, parse in checks:
            if data.get(name):
                try:
                    parse(data[name], name)
                except Invalid as exc:
                    self.add_error(name, " ".join(exc.errors.values()))

    def _clean_facts(self, data):
        data["facts"], data["fact_rows"] = [], []
        for row in FACT_ROWS:
            kind, text = data.get(f"fact_kind_{row}"), data.get(f"fact_text_{row}", "").strip()
            if not kind and not text:
                continue
            if not kind:
                self.add_error(f"fact_kind_{row}", "Choose what kind of thing this is.")
                continue
            if not text:
                self.add_error(f"fact_text_{row}", "Write what you learned, or clear the kind.")
                continue
            fact = {"kind": kind, "text": text}
            about = data.get(f"fact_about_{row}", "").strip()
            if about:
                person = self._among_participants(about, data["participants"])
                if person is None:
                    self.add_error(f"fact_about_{row}",
                                   f"{about!r} is not exactly one of the people in this "
                                   "conversation.")
                    continue
                fact["person"] = person
            data["facts"].append(fact)
            data["fact_rows"].append(row)

    @staticmethod
    def _among_participants(ref, participants):
        if ref.lstrip("#").isdigit():
            matches = [p for p in participants if p.pk == int(ref.lstrip("#"))]
        else:
            wanted = fold(ref).split()
            matches = [p for p in participants
                       if all(w in fold(p.display_name) for w in wanted)]
        return matches[0] if len(matches) == 1 else None

    def field_map(self) -> dict[str, str]:
        """Where each error an action names goes on this form."""
        mapping = {"participants": "people", "follow_up.action": "follow_up_action",
                   "follow_up.due_on": "follow_up_due", "follow_up.person": "people"}
        for i, row in enumerate(self.cleaned_data.get("fact_rows", [])):
            mapping.update({f"facts[{i}].kind": f"fact_kind_{row}",
                            f"facts[{i}].text": f"fact_text_{row}",
                            f"facts[{i}].person": f"fact_about_{row}"})
        return mapping

    def action_fields(self) -> dict:
        """The conversation's own fields, as ``log_conversation`` takes them."""
        data = self.cleaned_data
        fields = {name: data.get(name, "") for name in
                  ("channel", "summary", "notes", "how_it_went", "their_mood", "initiated_by")}
        if data.get("happened_at") or self.with_extras:
            # Editing: an empty "when" keeps the time it had; logging: it means now.
            fields["happened_at"] = data.get("happened_at", "")
        return fields
