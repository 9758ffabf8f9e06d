"""An email backend that sends through GOV.UK Notify, which many councils already use.

Set SENDPLAN_EMAIL_BACKEND=notify, SENDPLAN_NOTIFY_API_KEY and SENDPLAN_NOTIFY_TEMPLATE_ID: a
Notify email template whose subject is ((subject)) and whose body is ((body)). Needs the
optional dependency: pip install 'sendplan[notify]'.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage


class NotifyEmailBackend(BaseEmailBackend):
    def __init__(self, fail_silently: bool = False, **kwargs: Any) -> None:
        super().__init__(fail_silently=fail_silently, **kwargs)
        if not settings.NOTIFY_API_KEY or not settings.NOTIFY_TEMPLATE_ID:
            raise ImproperlyConfigured(
                "Sending through GOV.UK Notify needs SENDPLAN_NOTIFY_API_KEY and "
                "SENDPLAN_NOTIFY_TEMPLATE_ID"
            )
        try:
            from notifications_python_client.notifications import NotificationsAPIClient
        except ImportError as error:
            raise ImproperlyConfigured(
                "Install the Notify client to send through GOV.UK Notify: "
                "pip install 'sendplan[notify]'"
            ) from error
        self.client = NotificationsAPIClient(
            settings.NOTIFY_API_KEY, base_url=settings.NOTIFY_BASE_URL
        )

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        sent = 0
        for message in email_messages:
            try:
                for recipient in message.recipients():
                    self.client.send_email_notification(
                        email_address=recipient,
                        template_id=settings.NOTIFY_TEMPLATE_ID,
                        personalisation={"subject": message.subject, "body": message.body},
                    )
            except Exception:
                if not self.fail_silently:
                    raise
            else:
                sent += 1
        return sent
