"""Reads of territories used by more than one view. Each returns in a constant number of queries."""

import datetime

from django.db.models import Count

from kpss.core.text import fold

from .models import Municipality, Orp, PopulationStat, Region

CENSUS_2021 = datetime.date(2021, 3, 26)


def regions_with_counts():
    return Region.objects.annotate(orp_count=Count("orps", distinct=True)).order_by("name")


def orps_of(region):
    return region.orps.annotate(municipality_count=Count("municipalities")).order_by("name")


def municipalities_of(orp):
    return orp.municipalities.select_related("pou").order_by("name")


def search_municipalities(query):
    """Municipalities whose name contains ``query``, ignoring case and diacritics."""
    folded = fold(query)
    if not folded:
        return Municipality.objects.none()
    return Municipality.objects.filter(search_name__contains=folded).select_related("orp__region").order_by("name")


def population_of(level, code):
    """The latest population figures of a territory (both sexes): its total and its age bands.

    Returns ``None`` when there are none, else ``{"date", "total", "bands": [(label, count, share)]}``.
    """
    rows = list(
        PopulationStat.objects.filter(level=level, territory_code=code, sex="").order_by(
            "-reference_date", "age_from", "age_to"
        )
    )
    if not rows:
        return None
    latest = rows[0].reference_date
    rows = [row for row in rows if row.reference_date == latest]
    total = next((row.count for row in rows if row.is_total), sum(row.count for row in rows))
    bands = [(row.age_band, row.count, row.count / total if total else 0) for row in rows if not row.is_total]
    return {"date": latest, "total": total, "bands": bands}


def orp_by_code(code):
    return Orp.objects.select_related("region").get(code=code)
