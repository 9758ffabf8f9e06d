from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "sendplan.indicators"
    label = "indicators"
