"""Site-wide pages. Every view here is public: anyone, signed in or not, may use it."""

import datetime
import logging

from django.conf import settings
from django.db import connection
from django.db.utils import DatabaseError
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from kpss.territories.queries import regions_with_counts

logger = logging.getLogger(__name__)

# Update the review date whenever the statement is checked again (Act 99/2019 Sb., § 7).
ACCESSIBILITY_STATEMENT_PREPARED = datetime.date(2026, 11, 23)
ACCESSIBILITY_STATEMENT_REVIEWED = datetime.date(2026, 11, 23)


def home(request):
    return render(request, "core/home.html", {"regions": regions_with_counts()})


def accessibility(request):
    return render(
        request,
        "core/accessibility.html",
        {
            "breadcrumbs": [(None, _("Accessibility statement"))],
            "contact_url": reverse("core:contact"),
            "statement_prepared": ACCESSIBILITY_STATEMENT_PREPARED,
            "statement_reviewed": ACCESSIBILITY_STATEMENT_REVIEWED,
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
    except DatabaseError:
        logger.exception("health check: the database does not answer")
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
