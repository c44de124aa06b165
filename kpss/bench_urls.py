"""URLs of the benchmark server only (kpss.settings.bench): the site plus a floor view."""

from django.http import HttpResponse
from django.urls import include, path


def floor(request):
    """The benchmark's floor: the cost of the middleware stack alone (no database, no template)."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/floor/", floor), path("", include("kpss.urls"))]
