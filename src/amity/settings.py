"""Amity's one settings file.

Everything a deployment changes comes from environment variables, read here
and checked loudly: a bad value stops the program with a message naming the
variable, instead of running with a surprise.

- ``AMITY_DATA_DIR``      folder for the SQLite database and the secret key
                          (default: the per-user data folder of the platform)
- ``AMITY_DATABASE_URL``  a database URL, e.g. postgresql://postgres@127.0.0.1:5432/test
                          (default: sqlite in AMITY_DATA_DIR)
- ``AMITY_SECRET_KEY``    (default: generated once and kept in AMITY_DATA_DIR)
- ``AMITY_DEBUG``         true/false (default false)
- ``AMITY_ALLOWED_HOSTS`` comma-separated (default 127.0.0.1,localhost)
- ``AMITY_FACT_STALE_DAYS`` age after which a fact is flagged "ask again" (default 365)
"""

import os
import secrets
from pathlib import Path

import dj_database_url
import platformdirs
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent


def _env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def _env_int(name: str, default: int, minimum: int = 1) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}")
    return value


DATA_DIR = Path(os.environ.get("AMITY_DATA_DIR") or platformdirs.user_data_dir("amity"))


def _secret_key() -> str:
    key = os.environ.get("AMITY_SECRET_KEY")
    if key:
        return key
    # A local install has no administrator to set a key: make one on first
    # run and keep it beside the database so sessions survive restarts.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = _env_bool("AMITY_DEBUG", False)
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("AMITY_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]
FACT_STALE_DAYS = _env_int("AMITY_FACT_STALE_DAYS", 365)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "amity.accounts",
    "amity.workspaces",
    "amity.people",
    "amity.organisations",
    "amity.conversations",
    "amity.followups",
    "amity.agenda",
    "amity.search",
    "amity.journey",
    "amity.exchange",
    "amity.connector",
    "amity.initiatives",
    "amity.events",
    "amity.goals",
    "amity.questions",
    "amity.brief",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "amity.workspaces.middleware.WorkspaceMiddleware",
]

ROOT_URLCONF = "amity.urls"
WSGI_APPLICATION = "amity.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _database() -> dict:
    url = os.environ.get("AMITY_DATABASE_URL", "").strip()
    if not url:
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{DATA_DIR / 'amity.sqlite3'}"
    try:
        config = dj_database_url.parse(url, conn_max_age=60)
    except Exception as exc:  # dj-database-url raises plain ValueError/KeyError
        raise ImproperlyConfigured(f"AMITY_DATABASE_URL is not a usable URL: {exc}") from None
    engine = config["ENGINE"]
    if engine == "django.db.backends.sqlite3":
        config["CONN_MAX_AGE"] = 0
        config["OPTIONS"] = {
            # WAL lets the web app read while the CLI writes; IMMEDIATE takes
            # the write lock at BEGIN so two writers queue instead of failing
            # half-way; secure_delete makes erased text leave the file.
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
                "PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON; PRAGMA busy_timeout=10000;"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 10,
        }
    elif engine not in {"django.db.backends.postgresql"}:
        raise ImproperlyConfigured(
            f"AMITY_DATABASE_URL must be sqlite:// or postgresql://, not {engine}"
        )
    # Several test runs may share one PostgreSQL server: each can name its own test database.
    test_name = os.environ.get("AMITY_TEST_DATABASE_NAME", "").strip()
    if test_name:
        config["TEST"] = {"NAME": test_name}
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "agenda:home"
LOGOUT_REDIRECT_URL = "accounts:login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = os.environ.get("AMITY_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Assets ship inside the package; WhiteNoise serves them straight from the
# package folders through the finders, so no collectstatic step is needed.
# A server that prefers collected files sets AMITY_STATIC_ROOT.
STATIC_ROOT = os.environ.get("AMITY_STATIC_ROOT") or None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}

NINJA_PAGINATION_PER_PAGE = 50
