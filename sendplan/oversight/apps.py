from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "sendplan.oversight"
    label = "oversight"
