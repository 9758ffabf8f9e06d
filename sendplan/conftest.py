"""Fixtures shared by the whole suite: one small plan and a user for every role."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings

from sendplan.accounts.tests.oidc_provider import StandInProvider
from sendplan.test import PlanWorld, build_world


@pytest.fixture
def world(db: None) -> PlanWorld:
    return build_world()


@pytest.fixture(autouse=True)
def evidence_folder(tmp_path: Path) -> Iterator[Path]:
    """Evidence files uploaded by tests go to a throwaway folder."""
    with override_settings(EVIDENCE_ROOT=tmp_path / "evidence"):
        yield tmp_path / "evidence"


@pytest.fixture(autouse=True)
def reports_folder(tmp_path: Path) -> Iterator[Path]:
    """Documents made by tests are kept in a throwaway folder."""
    folder = tmp_path / "reports"
    configured: dict[str, Any] = settings.STORAGES
    storages = {
        **configured,
        "reports": {"BACKEND": configured["reports"]["BACKEND"], "OPTIONS": {"location": folder}},
    }
    with override_settings(STORAGES=storages):
        yield folder


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    """Each test starts with nothing cached: ids a rolled-back test used are used again."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def oidc_provider() -> Iterator[StandInProvider]:
    """Single sign-on turned on, through a stand-in OpenID Connect provider on this machine."""
    with StandInProvider() as provider, override_settings(**provider.settings()):
        yield provider
