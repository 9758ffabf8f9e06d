import logging
import sys

from django.apps import AppConfig

logger = logging.getLogger(__name__)


def is_worker(argv: list[str]) -> bool:
    """Whether this process is the background worker, `sendplan db_worker`."""
    return len(argv) > 1 and argv[1] == "db_worker"


class ReportsConfig(AppConfig):
    name = "sendplan.reports"
    label = "reports"

    def ready(self) -> None:
        # The worker makes the PDFs: it loads WeasyPrint once, when it starts, so that the
        # first document it is asked for does not pay for it (renderers.warm_up).
        if is_worker(sys.argv):
            from sendplan.reports.renderers import warm_up

            try:
                warm_up()
            except Exception:  # the Word documents are still made; each PDF says why it failed
                logger.exception("Could not load WeasyPrint when the worker started")
