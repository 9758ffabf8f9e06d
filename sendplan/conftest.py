"""Fixtures shared by the whole suite: one small plan and a user for every role."""

import pytest

from sendplan.test import PlanWorld, build_world


@pytest.fixture
def world(db: None) -> PlanWorld:
    return build_world()
