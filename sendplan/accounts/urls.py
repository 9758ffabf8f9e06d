from django.contrib.auth import views as auth_views
from django.urls import path

from sendplan.accounts import views

urlpatterns = [
    path("sign-in/", auth_views.LoginView.as_view(), name="login"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("areas/<int:area_id>/members/", views.area_members, name="area_members"),
    path(
        "areas/<int:area_id>/members/<int:membership_id>/remove/",
        views.member_remove,
        name="member_remove",
    ),
]
