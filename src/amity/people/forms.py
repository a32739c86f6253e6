"""Forms for the people pages: rendering and light parsing only.

Every field is optional here on purpose: the actions validate (so the web,
the API and the CLI give the same messages) and ``apply_errors`` puts their
``Invalid`` on the field it names. The form field names are the action's
field names, so no mapping is needed.
"""

import re

from django import forms

from amity.people.models import FactKind, Importance, Person

_LIST_SEPARATORS = re.compile(r"[\n\r,;]+")


def split_list(text: str) -> list[str]:
    """One value per line (commas and semicolons also separate)."""
    return [part.strip() for part in _LIST_SEPARATORS.split(text or "") if part.strip()]


def birthday_text(person: Person) -> str:
    """What the birthday field shows: 1990-04-15, or 04-15 without a year."""
    if not person.birthday_month or not person.birthday_day:
        return ""
    month_day = f"{person.birthday_month:02d}-{person.birthday_day:02d}"
    return f"{person.birthday_year:04d}-{month_day}" if person.birthday_year else month_day


def _text(label, help_text="", **attrs):
    return forms.CharField(label=label, required=False, help_text=help_text,
                           widget=forms.TextInput(attrs=attrs))


def _area(label, help_text="", rows=3):
    return forms.CharField(label=label, required=False, help_text=help_text, strip=False,
                           widget=forms.Textarea(attrs={"rows": rows}))


def _date(label, help_text=""):
    return forms.CharField(label=label, required=False, help_text=help_text,
                           widget=forms.DateInput(attrs={"type": "date"}))


def _choice(label, choices, **kwargs):
    # A plain field behind a select: an unknown value reaches the action, which
    # names what is allowed, instead of Django's generic "select a valid choice".
    return forms.CharField(label=label, required=False, widget=forms.Select(choices=choices),
                           **kwargs)


class PersonForm(forms.Form):
    display_name = _text("Name", "How you refer to them.", required=True, autocomplete="off")
    given_name = _text("Given name")
    family_name = _text("Family name")
    nickname = _text("Nickname")
    pronouns = _text("Pronouns", "For example she/her, they/them.")
    emails = _area("Email addresses", "One per line.", rows=2)
    phones = _area("Phone numbers", "One per line, with the country code (e.g. +44 20 7946 0958).",
                   rows=2)
    linkedin_url = _text("LinkedIn", inputmode="url")
    website = _text("Website", inputmode="url")
    location = _text("Location")
    birthday = _text("Birthday", "1990-04-15, or 04-15 if you do not know the year.")
    met_where = _text("Where we met")
    met_on = _date("When we met")
    met_event = _text("Event where we met")
    introduced_by = _text("Introduced by", "Part of their name, or #id.", autocomplete="off")
    tags = _text("Tags", "Separated by commas, e.g. funder, food bank.")
    importance = _choice("Importance", Importance.choices, initial=Importance.REGULAR)
    cadence_days = forms.CharField(
        label="Keep in touch every (days)", required=False,
        help_text="Leave empty for no check-in reminders.",
        widget=forms.NumberInput(attrs={"min": 1, "max": 3650}))
    notes = _area("Notes", rows=4)

    # The person fields the actions take as they are (lists are split below).
    SCALARS = ("display_name", "given_name", "family_name", "nickname", "pronouns",
               "linkedin_url", "website", "location", "birthday", "met_where", "met_on",
               "met_event", "importance", "cadence_days", "notes")

    def action_data(self) -> dict:
        """The keyword arguments for ``create_person``/``update_person``."""
        data = {name: self.cleaned_data.get(name, "") for name in self.SCALARS}
        data["emails"] = split_list(self.cleaned_data.get("emails"))
        data["phones"] = split_list(self.cleaned_data.get("phones"))
        data["tags"] = [t.strip() for t in (self.cleaned_data.get("tags") or "").split(",")
                        if t.strip()]
        return data

    @classmethod
    def initial_for(cls, person: Person) -> dict:
        initial = {name: getattr(person, name) for name in cls.SCALARS
                   if name not in ("birthday", "met_on", "cadence_days")}
        initial.update(
            birthday=birthday_text(person),
            met_on=person.met_on.isoformat() if person.met_on else "",
            cadence_days=person.cadence_days or "",
            emails="\n".join(e.email for e in person.emails.all()),
            phones="\n".join(p.number for p in person.phones.all()),
            tags=", ".join(t.name for t in person.tags.all()),
            introduced_by=person.introduced_by.display_name if person.introduced_by else "",
        )
        return initial


class NewPersonForm(PersonForm):
    organisation = _text("Organisation", "Where they work or what they represent (optional).")
    role = _text("Role")


class FactForm(forms.Form):
    kind = _choice("Kind", FactKind.choices)
    text = forms.CharField(label="What matters to them", required=False,
                           widget=forms.TextInput(attrs={"maxlength": 500}))


class FactEditForm(FactForm):
    learned_on = _date("Learned on")


class AffiliationForm(forms.Form):
    organisation = _text("Organisation", "An existing organisation's name, or a new one.")
    role = _text("Role")
    represents = forms.BooleanField(
        label="Represents the organisation in our relationship", required=False)
    start_on = _date("Since")
    end_on = _date("Until", "Leave empty while it is current.")
