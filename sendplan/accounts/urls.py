from django.contrib.auth import views as auth_views
from django.urls import path

from sendplan.accounts import views
from sendplan.accounts.middleware import two_factor_not_required

urlpatterns = [
    path("sign-in/", views.SignInView.as_view(), name="login"),
    path("sign-out/", two_factor_not_required(auth_views.LogoutView.as_view()), name="logout"),
    path("sign-in/sso/", views.SSOStartView.as_view(), name="sso_start"),
    path("sign-in/sso/callback/", views.SSOCallbackView.as_view(), name="sso_callback"),
    path("sign-in/code/", views.two_factor_verify, name="two_factor_verify"),
    path("sign-in/recovery-code/", views.two_factor_recovery, name="two_factor_recovery"),
    path("two-factor/", views.two_factor_manage, name="two_factor_manage"),
    path("two-factor/set-up/", views.two_factor_set_up, name="two_factor_set_up"),
    path("two-factor/recovery-codes/", views.two_factor_codes, name="two_factor_codes"),
    path("two-factor/recovery-codes/new/", views.two_factor_codes_new, name="two_factor_codes_new"),
    path("password/forgotten/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password/forgotten/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("password/change/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("areas/<int:area_id>/members/", views.area_members, name="area_members"),
    path("areas/<int:area_id>/edit/", views.area_edit, name="area_edit"),
    path(
        "areas/<int:area_id>/members/<int:membership_id>/remove/",
        views.member_remove,
        name="member_remove",
    ),
    path("areas/<int:area_id>/invitations/new/", views.invitation_new, name="invitation_new"),
    path(
        "areas/<int:area_id>/invitations/<int:invitation_id>/resend/",
        views.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "areas/<int:area_id>/invitations/<int:invitation_id>/withdraw/",
        views.invitation_withdraw,
        name="invitation_withdraw",
    ),
    path(
        "areas/<int:area_id>/people/<int:person_id>/account/",
        views.person_account,
        name="person_account",
    ),
]
