"""What people type, turned into clean values (amity.parsing).

Every surface (web, API, CLI) goes through these functions, so a message
that names the field here is the message the user sees everywhere.
"""

import unicodedata
from datetime import UTC, date, datetime

import pytest
import time_machine
from hypothesis import given
from hypothesis import strategies as st

from amity.errors import Invalid
from amity.parsing import (
    MAX_TEXT,
    add_months,
    clean_email,
    clean_phone,
    clean_text,
    fold,
    format_birthday,
    parse_birthday,
    parse_date,
)

# A Tuesday.
TUESDAY = date(2026, 3, 10)


# -- fold ---------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "folded"), [
    ("José", "jose"),
    ("ÉQUIPE Verte", "equipe verte"),
    ("Straße", "strasse"),
    ("Zoë Ñúñez", "zoe nunez"),
    ("Łukasz Søren", "lukasz soren"),
    ("Æsa Œuvre Þór Đorđe", "aesa oeuvre thor dorde"),
    ("", ""),
    (None, ""),
])
def test_it_folds_case_and_accents_away(typed, folded):
    assert fold(typed) == folded


@given(st.text())
def test_it_folds_idempotently(text):
    assert fold(fold(text)) == fold(text)


@given(st.text())
def test_it_folds_to_text_without_upper_case_or_combining_marks(text):
    folded = fold(text)
    assert folded == folded.casefold()
    assert not any(unicodedata.combining(c) for c in folded)


# -- text ---------------------------------------------------------------------

def test_it_strips_text_and_keeps_unicode():
    assert clean_text("location", "  Łódź \n") == "Łódź"


def test_it_refuses_empty_required_text_naming_the_field():
    with pytest.raises(Invalid) as caught:
        clean_text("display_name", "   ", required=True, label="name")
    assert caught.value.errors == {"display_name": "Name cannot be empty."}


def test_it_refuses_text_over_the_limit_saying_the_limit():
    with pytest.raises(Invalid) as caught:
        clean_text("notes", "x" * (MAX_TEXT + 1), limit=MAX_TEXT)
    assert "20,000" in caught.value.errors["notes"]


def test_it_accepts_text_exactly_at_the_limit():
    assert clean_text("notes", "x" * MAX_TEXT, limit=MAX_TEXT) == "x" * MAX_TEXT


def test_it_refuses_a_nul_character():
    with pytest.raises(Invalid) as caught:
        clean_text("summary", "Coffee\x00with Ana")
    assert "NUL" in caught.value.errors["summary"]


# -- email and phone ----------------------------------------------------------

def test_it_normalises_an_email_address_with_email_validator():
    assert clean_email("  ana.ruiz@EXAMPLE.ORG ") == "ana.ruiz@example.org"


@pytest.mark.parametrize("typed", ["ana", "ana@", "@example.org", "ana@@example.org",
                                   "ana ruiz@example.org", ""])
def test_it_refuses_an_invalid_email_naming_the_field(typed):
    with pytest.raises(Invalid) as caught:
        clean_email(typed, "emails")
    assert list(caught.value.errors) == ["emails"]


@pytest.mark.parametrize(("typed", "e164"), [
    ("+44 20 7946 0958", "+442079460958"),
    ("+44 (0)20 7946-0958", "+442079460958"),
    ("+1 (212) 555-0100", "+12125550100"),
    ("0044 20 7946 0958", None),  # needs a region to read the 00 prefix
])
def test_it_normalises_phones_to_e164(typed, e164):
    if e164 is None:
        with pytest.raises(Invalid):
            clean_phone(typed)
    else:
        assert clean_phone(typed) == e164


def test_it_reads_a_national_phone_number_with_a_region():
    assert clean_phone("020 7946 0958", region="GB") == "+442079460958"


@pytest.mark.parametrize("typed", ["020 7946 0958", "call me", "+44 12", ""])
def test_it_refuses_a_phone_it_cannot_read_naming_the_field(typed):
    with pytest.raises(Invalid) as caught:
        clean_phone(typed, "phones")
    assert list(caught.value.errors) == ["phones"]


# -- dates --------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "expected"), [
    ("today", TUESDAY),
    ("Today", TUESDAY),
    ("tomorrow", date(2026, 3, 11)),
    ("yesterday", date(2026, 3, 9)),
    ("+7d", date(2026, 3, 17)),
    ("7d", date(2026, 3, 17)),
    ("3 days", date(2026, 3, 13)),
    ("+2w", date(2026, 3, 24)),
    ("+1m", date(2026, 4, 10)),
    ("+12m", date(2027, 3, 10)),
    ("friday", date(2026, 3, 13)),
    ("next friday", date(2026, 3, 13)),
    ("monday", date(2026, 3, 16)),
    ("tuesday", date(2026, 3, 17)),  # today's weekday means next week, never today
    (" 2026-12-01 ", date(2026, 12, 1)),
])
def test_it_parses_the_date_forms_people_type(typed, expected):
    assert parse_date(typed, today=TUESDAY) == expected


@pytest.mark.parametrize(("today", "expected"), [
    (date(2026, 1, 31), date(2026, 2, 28)),
    (date(2024, 1, 31), date(2024, 2, 29)),  # a leap year
    (date(2026, 3, 31), date(2026, 4, 30)),
    (date(2026, 12, 15), date(2027, 1, 15)),
])
def test_it_adds_a_month_keeping_to_the_end_of_short_months(today, expected):
    assert parse_date("+1m", today=today) == expected


def test_it_adds_and_subtracts_months_across_years():
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2026, 1, 31), -2) == date(2025, 11, 30)
    assert add_months(date(2026, 5, 31), 25) == date(2028, 6, 30)


def test_it_reads_relative_dates_from_the_real_today():
    with time_machine.travel(datetime(2026, 3, 10, 9, 0, tzinfo=UTC), tick=False):
        assert parse_date("+7d") == date(2026, 3, 17)
        assert parse_date("today") == TUESDAY


def test_it_counts_today_in_amitys_time_zone_not_the_machines(settings):
    settings.TIME_ZONE = "Pacific/Auckland"
    # 22:00 in London and on a UTC server is already 11:00 tomorrow in Auckland.
    with time_machine.travel(datetime(2026, 3, 10, 22, 0, tzinfo=UTC), tick=False):
        assert parse_date("today") == date(2026, 3, 11)
        assert parse_date("tomorrow") == date(2026, 3, 12)
        assert parse_birthday("2026-03-11") == (2026, 3, 11)


def test_it_passes_dates_through_and_treats_empty_as_no_date():
    assert parse_date(TUESDAY) == TUESDAY
    assert parse_date(datetime(2026, 3, 10, 18, 30, tzinfo=UTC)) == TUESDAY
    assert parse_date(None) is None
    assert parse_date("") is None


@pytest.mark.parametrize("typed", ["someday", "2026-02-30", "2026-13-01", "+d", "next week",
                                   "31/12/2026", "+99999d", 42])
def test_it_refuses_a_date_it_does_not_understand_naming_the_field(typed):
    with pytest.raises(Invalid) as caught:
        parse_date(typed, "due_on", today=TUESDAY)
    assert list(caught.value.errors) == ["due_on"]
    assert "+7d" in caught.value.errors["due_on"]  # says which forms work


# -- birthdays ----------------------------------------------------------------

@pytest.mark.parametrize(("typed", "parts"), [
    ("1990-04-15", (1990, 4, 15)),
    ("19900415", (1990, 4, 15)),
    ("04-15", (None, 4, 15)),
    ("--04-15", (None, 4, 15)),
    ("--0415", (None, 4, 15)),
    ("02-29", (None, 2, 29)),  # a leap-day birthday with no year is a real birthday
    ("2000-02-29", (2000, 2, 29)),
    ("", (None, None, None)),
    (None, (None, None, None)),
])
def test_it_parses_birthdays_with_and_without_a_year(typed, parts):
    assert parse_birthday(typed) == parts


@pytest.mark.parametrize("typed", ["1990-02-29", "13-01", "04-31", "1990-4-15", "15/04/1990",
                                   "April 15", "0000-04-15", "99-04-15"])
def test_it_refuses_a_birthday_that_is_not_a_date_naming_the_field(typed):
    with pytest.raises(Invalid) as caught:
        parse_birthday(typed)
    assert list(caught.value.errors) == ["birthday"]


def test_it_refuses_a_birthday_in_the_future():
    with time_machine.travel(datetime(2026, 3, 10, 12, 0, tzinfo=UTC), tick=False):
        assert parse_birthday("2026-03-10") == (2026, 3, 10)
        with pytest.raises(Invalid) as caught:
            parse_birthday("2026-03-11")
    assert "future" in caught.value.errors["birthday"]


def test_it_formats_birthdays_the_way_it_reads_them():
    assert format_birthday(1990, 4, 15) == "1990-04-15"
    assert format_birthday(None, 4, 15) == "--04-15"
    assert format_birthday(None, None, None) == ""


@st.composite
def birthdays(draw):
    year = draw(st.none() | st.integers(min_value=1, max_value=2025))
    born = draw(st.dates(min_value=date(2000 if year is None else year, 1, 1),
                         max_value=date(2000 if year is None else year, 12, 31)))
    return year, born.month, born.day


@given(birthdays())
def test_it_round_trips_every_birthday_through_format_and_parse(parts):
    assert parse_birthday(format_birthday(*parts)) == parts


@given(st.text(max_size=20))
def test_it_either_parses_a_birthday_or_raises_invalid(text):
    try:
        parts = parse_birthday(text)
    except Invalid as exc:
        assert list(exc.errors) == ["birthday"]
    else:
        assert parse_birthday(format_birthday(*parts)) == parts
