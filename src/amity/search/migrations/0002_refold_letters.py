"""Re-index every workspace once: folding now maps Ł, ø, æ, œ, ð, þ, đ … to
plain letters, and documents indexed before that still hold the old forms."""

from django.db import migrations


def refold(apps, schema_editor):
    # The live index code, not a historical model: the index is derived data,
    # rebuilt from the rows as they are now.
    from amity.search import index

    Workspace = apps.get_model("workspaces", "Workspace")
    for workspace_id in Workspace.objects.values_list("pk", flat=True):
        index.rebuild(workspace_id)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("people", "0002_person_stage_pin_person_stage_pinned_at"),
    ]
    operations = [migrations.RunPython(refold, migrations.RunPython.noop)]
