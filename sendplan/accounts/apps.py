from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "sendplan.accounts"
    label = "accounts"

    def ready(self) -> None:
        from sendplan.accounts import checks  # noqa: F401  (registers the checks)
