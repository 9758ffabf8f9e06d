from django.urls import path

from sendplan.monitoring import views

P = "plans/<int:plan_id>/"

urlpatterns = [
    path("my-actions/", views.my_actions, name="my_actions"),
    path(P + "periods/open/", views.period_open, name="period_open"),
    path(P + "periods/<int:period_id>/", views.period_detail, name="period"),
    path(P + "periods/<int:period_id>/sign-off/", views.period_sign_off, name="period_sign_off"),
    path(P + "periods/<int:period_id>/remind/", views.period_remind, name="period_remind"),
    path(P + "actions/<int:action_id>/updates/add/", views.update_add, name="update_add"),
    path(P + "actions/<int:action_id>/due-date/", views.due_change_propose, name="due_change"),
    path(P + "due-dates/<int:change_id>/", views.due_change_decide, name="due_change_decide"),
    path(P + "updates/<int:update_id>/review/", views.update_review, name="update_review"),
    path(P + "updates/<int:update_id>/correct/", views.update_correct, name="update_correct"),
    path(P + "forum/", views.forum_comment_add, name="forum_comment_add"),
    path(P + "evidence/<int:file_id>/", views.evidence_download, name="evidence_download"),
    path(P + "evidence/<int:file_id>/remove/", views.evidence_remove, name="evidence_remove"),
]
