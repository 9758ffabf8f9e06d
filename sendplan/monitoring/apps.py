from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    name = "sendplan.monitoring"
    label = "monitoring"
