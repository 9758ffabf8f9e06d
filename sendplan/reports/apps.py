from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "sendplan.reports"
    label = "reports"
