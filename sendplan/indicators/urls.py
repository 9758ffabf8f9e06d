from django.urls import path

from sendplan.indicators import views

urlpatterns = [
    path("plans/<int:plan_id>/indicators/", views.indicator_list, name="indicators"),
    path("plans/<int:plan_id>/indicators/add/", views.indicator_add, name="indicator_add"),
    path(
        "plans/<int:plan_id>/indicators/library/", views.indicator_library, name="indicator_library"
    ),
    path(
        "plans/<int:plan_id>/indicators/library/<slug:key>/add/",
        views.indicator_library_add,
        name="indicator_library_add",
    ),
    path(
        "plans/<int:plan_id>/indicators/<int:indicator_id>/",
        views.indicator_detail,
        name="indicator",
    ),
    path(
        "plans/<int:plan_id>/indicators/<int:indicator_id>/edit/",
        views.indicator_edit,
        name="indicator_edit",
    ),
    path(
        "plans/<int:plan_id>/indicators/<int:indicator_id>/targets/",
        views.indicator_trajectory,
        name="indicator_trajectory",
    ),
    path(
        "plans/<int:plan_id>/indicators/<int:indicator_id>/record/",
        views.indicator_record,
        name="indicator_record",
    ),
    path(
        "plans/<int:plan_id>/indicators/<int:indicator_id>/figures/<int:point_id>/review/",
        views.figure_review,
        name="figure_review",
    ),
    path(
        "plans/<int:plan_id>/indicators/<int:indicator_id>/figures/<int:point_id>/correct/",
        views.figure_correct,
        name="figure_correct",
    ),
    path(
        "plans/<int:plan_id>/indicators/<int:indicator_id>/load/",
        views.indicator_load,
        name="indicator_load",
    ),
]
