from django.conf import settings
from django.db import migrations, models


def writers_from_the_audit_trail(apps, schema_editor):
    """Drafts saved before writers were kept: everyone the audit trail says saved them."""
    UpdateDraft = apps.get_model("monitoring", "UpdateDraft")
    AuditEvent = apps.get_model("audit", "AuditEvent")
    for draft in UpdateDraft.objects.all():
        events = AuditEvent.objects.filter(
            object_type="updatedraft", object_id=str(draft.pk), actor__isnull=False
        )
        draft.writers.set(set(events.values_list("actor_id", flat=True)))


def files_of_drafts_out_of_the_action_history(apps, schema_editor):
    """A file attached to a draft was recorded in its action's history, which everyone reads.
    Those still on a draft, or removed from one, move to the draft's own trail."""
    EvidenceFile = apps.get_model("monitoring", "EvidenceFile")
    AuditEvent = apps.get_model("audit", "AuditEvent")
    on_updates = EvidenceFile.objects.filter(update__isnull=False).values_list("pk", flat=True)
    submitted = {str(pk) for pk in on_updates}
    events = AuditEvent.objects.filter(object_type="evidencefile", scope__startswith="action:")
    for event in events.exclude(object_id__in=submitted):
        action_id = event.scope.removeprefix("action:")
        AuditEvent.objects.filter(pk=event.pk).update(scope=f"draft:{action_id}")


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
        ("monitoring", "0002_monitoring_cycle"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="updatedraft",
            name="writers",
            field=models.ManyToManyField(
                blank=True,
                help_text="Everyone who saved it",
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RunPython(writers_from_the_audit_trail, migrations.RunPython.noop),
        migrations.RunPython(files_of_drafts_out_of_the_action_history, migrations.RunPython.noop),
    ]
