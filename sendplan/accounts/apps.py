from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sendplan.accounts"
    label = "accounts"
