"""Turning what people type into clean values, with messages that name the field.

Shared by the actions (so the web, API and CLI agree) and by the CLI's
friendlier date forms ("+7d", "tomorrow", "friday").
"""

import calendar
import re
import unicodedata
from datetime import date, datetime, timedelta

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from amity.errors import Invalid

MAX_NAME = 200
MAX_SHORT = 300
MAX_TEXT = 20_000

_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_RELATIVE = re.compile(r"^\+?(\d{1,4})\s*(d|day|days|w|week|weeks|m|month|months)$")


def local_today() -> date:
    """Today in Amity's time zone (AMITY_TIME_ZONE), as the agenda counts it;
    the machine's own date only when Django is not set up."""
    from django.conf import settings

    if settings.configured:
        from django.utils import timezone

        return timezone.localdate()
    return date.today()


# Letters that carry no combining mark to strip, so NFKD leaves them alone:
# "Łukasz" must still be found by "lukasz", "Søren" by "soren".
UNMARKED_LETTERS = str.maketrans({
    "ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ı": "i", "ð": "d", "þ": "th", "đ": "d",
    "ħ": "h", "ŀ": "l", "ŧ": "t", "ĸ": "k", "ŋ": "n",
})


def fold(text: str) -> str:
    """Lower-case and strip accents, so "José" and "jose" compare equal."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return stripped.translate(UNMARKED_LETTERS)


def clean_text(field: str, value: str | None, *, limit: int = MAX_SHORT, required: bool = False,
               label: str | None = None) -> str:
    text = (value or "").strip()
    label = label or field.replace("_", " ")
    if required and not text:
        raise Invalid(field=field, message=f"{label.capitalize()} cannot be empty.")
    if len(text) > limit:
        raise Invalid(field=field, message=f"{label.capitalize()} is {len(text):,} characters; "
                                           f"the limit is {limit:,}.")
    if "\x00" in text:
        raise Invalid(field=field, message=f"{label.capitalize()} contains a NUL character.")
    return text


def clean_email(value: str, field: str = "email") -> str:
    raw = (value or "").strip()
    try:
        result = validate_email(raw, check_deliverability=False)
    except EmailNotValidError as exc:
        raise Invalid(field=field, message=f"{raw!r} is not a valid email address: {exc}") from None
    return result.normalized


def clean_phone(value: str, field: str = "phone", region: str | None = None) -> str:
    """Normalise to E.164. Numbers without a country code need a region."""
    raw = (value or "").strip()
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        raise Invalid(field=field, message=f"{raw!r} is not a phone number (write it with "
                                           "its country code, e.g. +44 20 7946 0958).") from None
    if not phonenumbers.is_possible_number(number):
        raise Invalid(field=field, message=f"{raw!r} is not a possible phone number.")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def parse_date(value: str | date | None, field: str = "date", *,
               today: date | None = None) -> date | None:
    """ISO dates plus the forms people type: today, tomorrow, yesterday, +7d, +2w, +1m, friday."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    # str(): a JSON number or other stray type gets the same clear message as bad text.
    text = str(value).strip().lower()
    today = today or local_today()
    if text == "today":
        return today
    if text == "tomorrow":
        return today + timedelta(days=1)
    if text == "yesterday":
        return today - timedelta(days=1)
    match = _RELATIVE.match(text)
    if match:
        n, unit = int(match.group(1)), match.group(2)[0]
        if unit == "d":
            return today + timedelta(days=n)
        if unit == "w":
            return today + timedelta(weeks=n)
        return add_months(today, n)
    if text in _WEEKDAYS or text.removeprefix("next ") in _WEEKDAYS:
        target = _WEEKDAYS[text.removeprefix("next ")]
        ahead = (target - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Invalid(field=field, message=f"{value!r} is not a date I understand (use "
                                           "2026-12-01, today, tomorrow, +7d, +2w, +1m or a "
                                           "weekday).") from None


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def parse_birthday(value: str | None,
                   field: str = "birthday") -> tuple[int | None, int | None, int | None]:
    """Birthdays with or without a year: 1990-04-15, 04-15, --04-15, --0415.

    Returns (year, month, day); all None when empty.
    """
    text = (value or "").strip()
    if not text:
        return None, None, None
    match = re.fullmatch(r"(?:(\d{4})|-)?-?(\d{2})-?(\d{2})", text)
    if match:
        year = int(match.group(1)) if match.group(1) else None
        month, day = int(match.group(2)), int(match.group(3))
        try:
            # 2000 is a leap year: 29 February is allowed when the year is unknown.
            # (Not ``year or 2000``: year 0000 must fail here, not pass as "no year".)
            born = date(2000 if year is None else year, month, day)
        except ValueError:
            pass
        else:
            if year is not None and born > local_today():
                raise Invalid(field=field, message=f"{value!r} is in the future.")
            return year, month, day
    raise Invalid(field=field, message=f"{value!r} is not a birthday "
                                       "(use 1990-04-15, or 04-15 without the year).")


def format_birthday(year: int | None, month: int | None, day: int | None) -> str:
    if not month or not day:
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def clean_url(field: str, value: str | None) -> str:
    """A web address; "example.org/x" gets https:// in front."""
    text = clean_text(field, value, limit=MAX_SHORT)
    if not text:
        return ""
    if "://" not in text:
        text = "https://" + text
    if not text.startswith(("http://", "https://")) or " " in text or "." not in text:
        raise Invalid(field=field, message=f"{value!r} is not a web address.")
    return text
