from django.urls import path

from sendplan.interchange import views

urlpatterns = [
    path("import/", views.import_new, name="import_new"),
    path("import/samples/<slug:slug>.<slug:extension>", views.import_sample, name="import_sample"),
    path("plans/<int:plan_id>/export.json", views.export_json, name="plan_export_json"),
    path("plans/<int:plan_id>/import/", views.import_into_plan, name="import_into_plan"),
    path("imports/<uuid:pending_id>/", views.import_check, name="import_check"),
    path("imports/<uuid:pending_id>/tables/<int:number>/", views.import_table, name="import_table"),
    path("imports/<uuid:pending_id>/lists/", views.import_lists, name="import_lists"),
    path(
        "imports/<uuid:pending_id>/actions/<int:number>/",
        views.import_action,
        name="import_action",
    ),
    path("imports/<uuid:pending_id>/plan/", views.import_target, name="import_target"),
    path("imports/<uuid:pending_id>/cancel/", views.import_cancel, name="import_cancel"),
]
