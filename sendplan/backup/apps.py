from django.apps import AppConfig


class BackupConfig(AppConfig):
    name = "sendplan.backup"
    label = "backup"
