"""Browser tests: Debian's Chromium, driven by Playwright, against the live server.

Helpers for the tests live here; the fixtures are in conftest.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.urls import reverse
from playwright.sync_api import Page

from sendplan.test import PASSWORD

AXE_JS = settings.PROJECT_DIR / "node_modules" / "axe-core" / "axe.min.js"

# WCAG 2.2 AA, as the public sector accessibility regulations ask.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Run axe-core on the page as it stands and return what it found wrong."""
    # Evaluated through the browser's debugging connection, which the page's
    # Content-Security-Policy does not govern; a <script> tag written into the page would be
    # refused by it, as it should be.
    page.evaluate(Path(AXE_JS).read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return list(result["violations"])


def describe_violations(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"  - {json.dumps(node['target'])}: {node['html']}")
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    """Fail with axe-core's findings, each with the elements at fault, if there are any."""
    violations = axe_violations(page)
    assert not violations, f"Accessibility problems on {page.url}:\n" + describe_violations(
        violations
    )


def sign_in(page: Page, username: str, password: str = PASSWORD, next_url: str = "") -> None:
    """Sign in through the real sign-in form, as a person would."""
    url = reverse("login") + (f"?next={next_url}" if next_url else "")
    page.goto(url)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    with page.expect_navigation():
        # Exactly, for the single sign-on button may say "Sign in with ..." too.
        page.get_by_role("button", name="Sign in", exact=True).click()
    assert page.locator(".govuk-error-summary").count() == 0, f"{username} could not sign in"
