from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Browser, Page, sync_playwright
from pytest_django.live_server_helper import LiveServer

from sendplan.test import make_user

CHROMIUM = Path("/usr/bin/chromium")

# Root needs --no-sandbox; the rest stop Chromium reaching for Google's servers, which a
# closed network refuses over and over.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: run bin/test, which installs Debian's chromium package",
            pytrace=False,
        )
    # Playwright's synchronous API keeps an event loop running on this thread, which Django
    # would otherwise take for async code and refuse the ORM calls that tests make.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def page(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    """A fresh browser tab, with no cookies, whose relative URLs go to the live server.

    A test fails if the browser refused anything under the Content-Security-Policy (a script
    or style written inside a page, or fetched from elsewhere), since a user would lose it."""
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    refused: list[str] = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    context.close()
    assert not refused, "The browser refused what the page asked for:\n" + "\n".join(refused)


@pytest.fixture
def user(db: None) -> User:
    """Someone with an account and no roles yet."""
    return make_user("alex", first_name="Alex", last_name="Officer")
