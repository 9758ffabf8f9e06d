from django.urls import URLPattern, path

from sendplan.reports import views
from sendplan.reports.catalogue import CATALOGUE

REPORTS = "plans/<int:plan_id>/reports/"


def _catalogue() -> list[URLPattern]:
    """Each report's page at reports/<key>/ and each of its files at reports/<key>.<extension>,
    named as the catalogue names them."""
    patterns = []
    for entry in CATALOGUE.values():
        if entry.page is not None:
            patterns.append(
                path(
                    f"{REPORTS}{entry.key}/",
                    views.report_page,
                    {"key": entry.key},
                    name=entry.url_name,
                )
            )
        for document in entry.documents:
            patterns.append(
                path(
                    f"{REPORTS}{entry.key}.{document.extension}",
                    views.report_download,
                    {"key": entry.key, "form": document.extension},
                    name=document.url_name,
                )
            )
    return patterns  # fmt: skip


urlpatterns = [
    path(REPORTS, views.index, name="reports"),
    *_catalogue(),
    # The evidence pack's page is its contents, and each of its parts a page of its own.
    path(
        f"{REPORTS}evidence/weaknesses/<int:weakness_id>/",
        views.evidence_weakness,
        name="evidence_weakness",
    ),
    path(f"{REPORTS}evidence/not-linked/", views.evidence_unlinked, name="evidence_unlinked"),
    # Each part as a PDF of its own, made in the background.
    path(
        f"{REPORTS}evidence/weaknesses/<int:weakness_id>.pdf",
        views.evidence_weakness_pdf,
        name="evidence_weakness_pdf",
    ),
    path(
        f"{REPORTS}evidence/not-linked.pdf",
        views.evidence_unlinked_pdf,
        name="evidence_unlinked_pdf",
    ),
    path(f"{REPORTS}files/<int:file_id>/", views.report_file, name="report_file"),
    path(
        f"{REPORTS}files/<int:file_id>/download",
        views.report_file_download,
        name="report_file_download",
    ),
    path(f"{REPORTS}files/<int:file_id>/again", views.report_file_retry, name="report_file_retry"),
    # Anything else under the reports: the reports page, saying there is no such report.
    path(f"{REPORTS}<path:name>", views.report_unknown),
]
