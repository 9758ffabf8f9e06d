from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("sendplan.accounts.urls")),
    path("", include("sendplan.plans.urls")),
    path("", include("sendplan.monitoring.urls")),
    path("", include("sendplan.interchange.urls")),
    path("", include("sendplan.reports.urls")),
]
