"""Site-wide pages. Every view here is public: anyone, signed in or not, may use it."""

from django.conf import settings
from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from kpss.territories.queries import regions_with_counts


def home(request):
    return render(request, "core/home.html", {"regions": regions_with_counts()})


def accessibility(request):
    return render(
        request,
        "core/accessibility.html",
        {
            "breadcrumbs": [(None, _("Accessibility statement"))],
            "contact_url": reverse("core:contact"),
        },
    )


def contact(request):
    return render(
        request,
        "core/contact.html",
        {
            "breadcrumbs": [(None, _("Contact"))],
            "operator_email": settings.KPSS_OPERATOR_EMAIL,
        },
    )


@never_cache
def healthz(request):
    """For load balancers and monitoring: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return JsonResponse({"status": "error", "database": "unavailable", "detail": str(exc)}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def bench_floor(request):
    """The benchmark's floor: the cost of the middleware stack alone (no database, no template)."""
    return HttpResponse("ok", content_type="text/plain")
