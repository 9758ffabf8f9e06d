"""`sendplan remind`: leads are reminded before the deadline and chased after it, managers get
a digest, and running it again sends nothing twice."""

from __future__ import annotations

import datetime as dt
import json
import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from io import StringIO
from typing import Any

import jwt
import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import override_settings

from sendplan.monitoring import services as monitoring
from sendplan.monitoring.models import Reminder
from sendplan.monitoring.reminders import send_reminders
from sendplan.plans import services as plans
from sendplan.test import PlanWorld, open_period

DEADLINE = dt.date(2018, 10, 7)


@pytest.fixture
def emails(world: PlanWorld) -> PlanWorld:
    """The world with email addresses: the lead's on their account, the manager's too."""
    lead_user = world.users["lead_officer"]
    lead_user.email = "helen.hill@testshire.gov.uk"
    lead_user.save()
    manager = world.users["programme_manager"]
    manager.email = "pm@testshire.gov.uk"
    manager.save()
    plans.person_update(actor=None, person=world.plan.people.get(key="PW"), email="")
    plans.action_update(
        actor=None, action=world.other_action, leads=[world.plan.people.get(key="PW")]
    )
    open_period(world)
    return world


def run(today: dt.date) -> str:
    out = StringIO()
    call_command("remind", today=today.isoformat(), stdout=out)
    return out.getvalue()


def test_it_reminds_leads_before_the_deadline_and_sends_the_manager_a_digest(
    emails: PlanWorld,
) -> None:
    assert "0 reminders sent" in run(DEADLINE - dt.timedelta(days=10))
    output = run(DEADLINE - dt.timedelta(days=2))
    assert "2 reminders sent" in output
    lead_mail, digest = mail.outbox
    assert lead_mail.to == ["helen.hill@testshire.gov.uk"]
    assert lead_mail.subject == "Updates for Sep 18 are due by 7 October 2018"
    assert "1.1.1 Confirm the Terms of Reference" in lead_mail.body
    assert "1.1.2" not in lead_mail.body
    assert "do not name any child" in lead_mail.body
    assert digest.to == ["pm@testshire.gov.uk"]
    assert "2 updates for Sep 18 due soon" in digest.subject
    # PW has no email address: the manager is told, so they can chase by other means.
    assert "Designated Clinical Officer (no email address, so not reminded)" in digest.body


def test_it_never_sends_the_same_reminder_twice(emails: PlanWorld) -> None:
    run(DEADLINE - dt.timedelta(days=2))
    assert "0 reminders sent" in run(DEADLINE - dt.timedelta(days=1))
    assert len(mail.outbox) == 2
    # After the deadline comes the overdue chase, once.
    run(DEADLINE + dt.timedelta(days=1))
    run(DEADLINE + dt.timedelta(days=1))
    assert len(mail.outbox) == 4
    assert mail.outbox[2].subject == "Your updates for Sep 18 are overdue"
    kinds = sorted(Reminder.objects.values_list("kind", flat=True))
    assert kinds == ["digest_due_soon", "digest_overdue", "due_soon", "overdue"]


def test_it_does_not_chase_what_has_been_submitted(emails: PlanWorld) -> None:
    period = emails.plan.periods.get(label="Sep 18")
    draft = monitoring.draft_save(
        actor=None, action=emails.action, period=period, version=None, status="G"
    )
    monitoring.draft_submit(actor=None, draft=draft)
    run(DEADLINE + dt.timedelta(days=1))
    assert [m.to for m in mail.outbox] == [["pm@testshire.gov.uk"]]
    assert "1.1.1" not in mail.outbox[0].body and "1.1.2" in mail.outbox[0].body


def test_it_tries_again_next_time_when_sending_fails(emails: PlanWorld) -> None:
    class Broken:
        def send_messages(self, messages: Any) -> int:
            raise OSError("mail server down")

    result = send_reminders(today=DEADLINE, connection=Broken())  # type: ignore[arg-type]
    assert result.failed == [
        "helen.hill@testshire.gov.uk: mail server down",
        "pm@testshire.gov.uk: mail server down",
    ]
    assert not result.sent and not Reminder.objects.exists()
    run(DEADLINE)
    assert len(mail.outbox) == 2


def test_it_explains_a_date_it_cannot_read() -> None:
    with pytest.raises(CommandError, match="--today must be a date as YYYY-MM-DD"):
        call_command("remind", today="31/03/2026")


class FakeNotify(BaseHTTPRequestHandler):
    received: list[tuple[dict[str, str], dict[str, Any]]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeNotify.received.append((dict(self.headers), body))
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(json.dumps({"id": str(uuid.uuid4())}).encode())

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def notify_server() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), FakeNotify)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeNotify.received = []
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_it_can_send_through_gov_uk_notify(emails: PlanWorld, notify_server: str) -> None:
    service, secret = uuid.uuid4(), uuid.uuid4()
    template = str(uuid.uuid4())
    with override_settings(
        EMAIL_BACKEND="sendplan.monitoring.notify.NotifyEmailBackend",
        NOTIFY_API_KEY=f"sendplan_test-{service}-{secret}",
        NOTIFY_TEMPLATE_ID=template,
        NOTIFY_BASE_URL=notify_server,
    ):
        run(DEADLINE - dt.timedelta(days=2))
    assert len(FakeNotify.received) == 2
    headers, body = FakeNotify.received[0]
    assert body["email_address"] == "helen.hill@testshire.gov.uk"
    assert body["template_id"] == template
    assert body["personalisation"]["subject"] == "Updates for Sep 18 are due by 7 October 2018"
    token = headers["Authorization"].removeprefix("Bearer ")
    claims = jwt.decode(token, str(secret), algorithms=["HS256"])
    assert claims["iss"] == str(service)
