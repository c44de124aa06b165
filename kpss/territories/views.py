"""The public territory browser: region → ORP → municipality, and a municipality search.

Every view here is public (territories are public data); none of them writes.
"""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from . import queries
from .models import Municipality, Orp, Region

SEARCH_PAGE_SIZE = 50


def region_detail(request, code):
    region = get_object_or_404(Region, code=code)
    return render(
        request,
        "territories/region_detail.html",
        {
            "region": region,
            "breadcrumbs": [(None, region.name)],
            "orps": queries.orps_of(region),
            "population": queries.population_of(region),
        },
    )


def orp_detail(request, code):
    orp = get_object_or_404(Orp.objects.select_related("region"), code=code)
    return render(
        request,
        "territories/orp_detail.html",
        {
            "orp": orp,
            "breadcrumbs": [
                (orp.region.get_absolute_url(), orp.region.name),
                (None, orp.title),
            ],
            "municipalities": queries.municipalities_of(orp),
            "population": queries.population_of(orp),
        },
    )


def municipality_detail(request, code):
    municipality = get_object_or_404(Municipality.objects.select_related("pou", "orp__region", "district"), code=code)
    return render(
        request,
        "territories/municipality_detail.html",
        {
            "municipality": municipality,
            "breadcrumbs": [
                (municipality.orp.region.get_absolute_url(), municipality.orp.region.name),
                (municipality.orp.get_absolute_url(), municipality.orp.title),
                (None, municipality.name),
            ],
            "population": queries.population_of(municipality),
        },
    )


def municipality_search(request):
    query = request.GET.get("q", "").strip()[:100]
    page = Paginator(queries.search_municipalities(query), SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "territories/search.html",
        {
            "query": query,
            "page": page,
            "breadcrumbs": [(None, _("Find a municipality"))],
        },
    )
