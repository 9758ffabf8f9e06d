from django.urls import path

from sendplan.plans import views
from sendplan.plans.health_views import plan_health_page

urlpatterns = [
    path("plans/new/", views.plan_add, name="plan_add"),
    path("plans/<int:plan_id>/", views.plan_overview, name="plan"),
    path("plans/<int:plan_id>/edit/", views.plan_edit, name="plan_edit"),
    path("plans/<int:plan_id>/health/", plan_health_page, name="plan_health"),
    path("plans/<int:plan_id>/history/", views.plan_history, name="plan_history"),
    path("plans/<int:plan_id>/people/", views.people_list, name="people"),
    path("plans/<int:plan_id>/people/add/", views.person_add, name="person_add"),
    path("plans/<int:plan_id>/people/<int:person_id>/edit/", views.person_edit, name="person_edit"),
    path("plans/<int:plan_id>/glossary/", views.glossary, name="glossary"),
    path("plans/<int:plan_id>/inspection/", views.inspection, name="inspection"),
    path(
        "plans/<int:plan_id>/inspection/<int:key_date_id>/delete/",
        views.key_date_delete,
        name="key_date_delete",
    ),
    path("plans/<int:plan_id>/weaknesses/", views.weaknesses, name="weaknesses"),
    path("plans/<int:plan_id>/statuses/", views.status_scale_edit, name="status_scale"),
    path(
        "plans/<int:plan_id>/statuses/<int:level_id>/edit/",
        views.status_level_edit,
        name="status_level_edit",
    ),
    path(
        "plans/<int:plan_id>/statuses/<int:level_id>/delete/",
        views.status_level_delete,
        name="status_level_delete",
    ),
    path("plans/<int:plan_id>/periods/", views.periods_edit, name="periods"),
    path(
        "plans/<int:plan_id>/periods/<int:period_id>/edit/", views.period_edit, name="period_edit"
    ),
    path(
        "plans/<int:plan_id>/periods/<int:period_id>/delete/",
        views.period_delete,
        name="period_delete",
    ),
    path("plans/<int:plan_id>/sections/add/", views.section_add, name="section_add"),
    path("plans/<int:plan_id>/sections/<int:section_id>/", views.section_detail, name="section"),
    path(
        "plans/<int:plan_id>/sections/<int:section_id>/edit/",
        views.section_edit,
        name="section_edit",
    ),
    path(
        "plans/<int:plan_id>/sections/<int:section_id>/move/",
        views.section_move,
        name="section_move",
    ),
    path(
        "plans/<int:plan_id>/sections/<int:section_id>/delete/",
        views.section_delete,
        name="section_delete",
    ),
    path("plans/<int:plan_id>/actions/add/", views.action_add, name="action_add"),
    path("plans/<int:plan_id>/actions/<int:action_id>/", views.action_detail, name="action"),
    path(
        "plans/<int:plan_id>/actions/<int:action_id>/edit/", views.action_edit, name="action_edit"
    ),
    path(
        "plans/<int:plan_id>/actions/<int:action_id>/delete/",
        views.action_delete,
        name="action_delete",
    ),
]
