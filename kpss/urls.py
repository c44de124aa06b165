from django.contrib import admin
from django.urls import include, path

from kpss.core import views as core_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("kpss.core.urls")),
    path("", include("kpss.territories.urls")),
    path("accounts/", include("kpss.accounts.urls")),
    path("processes/", include("kpss.processes.urls")),
    path("meetings/", include("kpss.meetings.urls")),
    path("suggestions/", include("kpss.feedback.urls")),
    path("regional/", include("kpss.regional.urls")),
]
