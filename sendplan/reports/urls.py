from django.urls import path

from sendplan.reports import views

urlpatterns = [
    path("plans/<int:plan_id>/reports/", views.index, name="reports"),
    path("plans/<int:plan_id>/reports/board/", views.board, name="board_report"),
    path("plans/<int:plan_id>/reports/board.pdf", views.board_pdf, name="board_report_pdf"),
    path("plans/<int:plan_id>/reports/board.docx", views.board_docx, name="board_report_docx"),
    path("plans/<int:plan_id>/reports/evidence/", views.evidence, name="evidence_pack"),
    path("plans/<int:plan_id>/reports/evidence.pdf", views.evidence_pdf, name="evidence_pack_pdf"),
    path(
        "plans/<int:plan_id>/reports/evidence.docx", views.evidence_docx, name="evidence_pack_docx"
    ),
    path("plans/<int:plan_id>/reports/plan/", views.plan_document, name="plan_document"),
    path("plans/<int:plan_id>/reports/plan.pdf", views.plan_pdf, name="plan_document_pdf"),
    path("plans/<int:plan_id>/reports/plan.docx", views.plan_docx, name="plan_document_docx"),
    path("plans/<int:plan_id>/reports/files/<int:file_id>/", views.report_file, name="report_file"),
    path(
        "plans/<int:plan_id>/reports/files/<int:file_id>/download",
        views.report_file_download,
        name="report_file_download",
    ),
    path(
        "plans/<int:plan_id>/reports/files/<int:file_id>/again",
        views.report_file_retry,
        name="report_file_retry",
    ),
    path("plans/<int:plan_id>/reports/timeline/", views.timeline, name="timeline"),
    path("plans/<int:plan_id>/reports/tracker.xlsx", views.tracker, name="tracker_xlsx"),
    path("plans/<int:plan_id>/reports/actions.csv", views.actions_csv, name="actions_csv"),
    path("plans/<int:plan_id>/reports/updates.csv", views.updates_csv, name="updates_csv"),
    path("plans/<int:plan_id>/reports/figures.csv", views.figures_csv, name="figures_csv"),
]
