from django.urls import path

from sendplan.oversight import views

urlpatterns = [
    path("areas/", views.areas, name="oversight"),
]
