"""``python -m amity.bootstrap_check``: fail when a model change lacks its migration.

CI runs it so that migrations are always written and reviewed by a person.
"""

import os
import sys
import tempfile


def main() -> int:
    os.environ.setdefault("AMITY_DATA_DIR", tempfile.mkdtemp(prefix="amity-check-"))
    from amity.bootstrap import setup_django

    setup_django()
    from django.core.management import call_command

    try:
        call_command("makemigrations", "--check", "--dry-run", verbosity=1)
    except SystemExit as exc:
        if exc.code:
            print("Model changes without a migration: run "
                  "`django-admin makemigrations --settings amity.settings`.")
            return 1
    call_command("check", fail_level="WARNING")
    return 0


if __name__ == "__main__":
    sys.exit(main())
