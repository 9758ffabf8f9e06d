from django.apps import AppConfig


class InterchangeConfig(AppConfig):
    name = "sendplan.interchange"
    label = "interchange"
