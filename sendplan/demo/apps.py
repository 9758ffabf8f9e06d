from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "sendplan.demo"
    label = "demo"
