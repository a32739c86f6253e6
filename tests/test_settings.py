"""Settings come from the environment and fail loudly, naming the variable.

Each case runs a fresh Python process, since settings are read once at import.
"""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

AMITY_VARIABLES = ("AMITY_DATA_DIR", "AMITY_DATABASE_URL", "AMITY_SECRET_KEY", "AMITY_DEBUG",
                   "AMITY_ALLOWED_HOSTS", "AMITY_FACT_STALE_DAYS", "AMITY_TEST_DATABASE_NAME",
                   "DJANGO_SETTINGS_MODULE")


def run_python(code: str, data_dir: Path, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in AMITY_VARIABLES}
    clean.update(AMITY_DATA_DIR=str(data_dir), **env)
    return subprocess.run([sys.executable, "-c", code], env=clean, capture_output=True,
                          text=True, timeout=120)


SHOW = ("import amity.settings as s; "
        "print(s.DEBUG, s.FACT_STALE_DAYS, s.DATABASES['default']['ENGINE'], s.ALLOWED_HOSTS)")


@pytest.mark.parametrize(("variable", "value"), [
    ("AMITY_DEBUG", "maybe"),
    ("AMITY_DEBUG", "2"),
    ("AMITY_FACT_STALE_DAYS", "abc"),
    ("AMITY_FACT_STALE_DAYS", "0"),
    ("AMITY_FACT_STALE_DAYS", "-30"),
    ("AMITY_FACT_STALE_DAYS", "1.5"),
    ("AMITY_DATABASE_URL", "mysql://x"),
    ("AMITY_DATABASE_URL", "not a url"),
])
def test_it_stops_on_a_bad_setting_naming_the_variable(tmp_path, variable, value):
    result = run_python("import amity.settings", tmp_path, **{variable: value})

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert variable in result.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize(("env", "shown"), [
    ({}, "False 365 django.db.backends.sqlite3 ['127.0.0.1', 'localhost']"),
    ({"AMITY_DEBUG": "yes", "AMITY_FACT_STALE_DAYS": "90",
      "AMITY_ALLOWED_HOSTS": "amity.example.org, 10.0.0.2 ,"},
     "True 90 django.db.backends.sqlite3 ['amity.example.org', '10.0.0.2']"),
    ({"AMITY_DEBUG": "OFF", "AMITY_DATABASE_URL": "postgresql://amity@db.example:5432/amity"},
     "False 365 django.db.backends.postgresql ['127.0.0.1', 'localhost']"),
    ({"AMITY_DEBUG": "", "AMITY_FACT_STALE_DAYS": ""},
     "False 365 django.db.backends.sqlite3 ['127.0.0.1', 'localhost']"),
])
def test_it_reads_good_settings_from_the_environment(tmp_path, env, shown):
    result = run_python(SHOW, tmp_path, **env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == shown


def test_it_keeps_the_database_and_secret_key_in_the_data_dir(tmp_path):
    data_dir = tmp_path / "nested" / "amity data"
    code = ("from amity.bootstrap import setup_django, ensure_database; "
            "setup_django(); ensure_database(); "
            "from django.conf import settings; print(settings.DATABASES['default']['NAME'])")

    first = run_python(code, data_dir)

    assert first.returncode == 0, first.stderr
    database = data_dir / "amity.sqlite3"
    assert first.stdout.strip() == str(database)
    assert database.is_file() and database.stat().st_size > 0
    key_file = data_dir / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = key_file.read_text()

    # A second start finds everything in place: same key, no migration to run.
    second = run_python(code + "; from amity.people.models import Person; "
                        "print(Person.objects.count())", data_dir)
    assert second.returncode == 0, second.stderr
    assert second.stdout.splitlines() == [str(database), "0"]
    assert key_file.read_text() == key


def test_it_uses_a_given_secret_key_without_writing_one(tmp_path):
    result = run_python("import amity.settings as s; print(s.SECRET_KEY)", tmp_path,
                        AMITY_SECRET_KEY="from-the-environment")

    assert result.stdout.strip() == "from-the-environment"
    assert not (tmp_path / "secret_key").exists()
