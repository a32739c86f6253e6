"""A pytest plugin loaded with ``-p amity.testing_env`` before Django starts.

It points AMITY_DATA_DIR at a fresh temporary folder, so the test suite never
touches the user's real data folder (their secret key and database file).
Loaded as a plugin because pytest-django imports the settings before any
conftest.py runs.
"""

import os
import tempfile

os.environ.setdefault("AMITY_DATA_DIR", tempfile.mkdtemp(prefix="amity-test-"))
# Playwright's sync API runs an event loop in the test thread; Django's ORM
# refuses to run there unless told it is safe (it is: one thread drives both).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
