import pytest

from sendplan.reports.tests import ReportWorld, build_report_world
from sendplan.test import PlanWorld


@pytest.fixture
def reports(world: PlanWorld) -> ReportWorld:
    return build_report_world(world)
