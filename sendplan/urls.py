from django.contrib import admin
from django.urls import include, path

from sendplan import help, search, views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", views.home, name="home"),
    path("help/", help.help_index, name="help"),
    path("search/", search.search_page, name="search"),
    path("help/<slug:role>/", help.help_role, name="help_role"),
    path("", include("sendplan.accounts.urls")),
    path("", include("sendplan.plans.urls")),
    path("", include("sendplan.monitoring.urls")),
    path("", include("sendplan.interchange.urls")),
    path("", include("sendplan.reports.urls")),
    path("", include("sendplan.indicators.urls")),
    path("", include("sendplan.oversight.urls")),
]
