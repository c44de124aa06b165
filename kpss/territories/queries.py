"""Reads of territories used by more than one view. Each returns in a constant number of queries."""

from django.db.models import Case, Count, Value, When

from kpss.core.text import fold

from .models import Municipality, PopulationStat, Region


def regions_with_counts():
    return Region.objects.annotate(orp_count=Count("orps", distinct=True)).order_by("name")


def orps_of(region):
    return region.orps.annotate(municipality_count=Count("municipalities")).order_by("name")


def municipalities_of(orp):
    return orp.municipalities.order_by("name")


def search_municipalities(query):
    """Municipalities whose name contains ``query``, ignoring case and diacritics.

    Exact names come first, then names that start with the query, then the rest, each by name.
    """
    folded = fold(query)
    if not folded:
        return Municipality.objects.none()
    return (
        Municipality.objects.filter(search_name__contains=folded)
        .annotate(
            rank=Case(
                When(search_name=folded, then=Value(0)),
                When(search_name__startswith=folded, then=Value(1)),
                default=Value(2),
            )
        )
        .select_related("orp__region")
        .order_by("rank", "name")
    )


def population_of(territory):
    """The latest population figures of a territory (both sexes): its total and its age bands.

    Returns ``None`` when there are none, else ``{"date", "is_census", "total", "bands": [(label,
    count, share)]}``. Figures of one source and date only: sources differ in their age bands.
    """
    rows = list(
        PopulationStat.objects.filter(level=territory.level, territory_code=territory.code, sex="").order_by(
            "-reference_date", "source", "age_from", "age_to"
        )
    )
    if not rows:
        return None
    latest = rows[0]
    rows = [row for row in rows if (row.reference_date, row.source) == (latest.reference_date, latest.source)]
    total = next((row.count for row in rows if row.is_total), sum(row.count for row in rows))
    bands = [(row.age_band, row.count, row.count / total if total else 0) for row in rows if not row.is_total]
    return {"date": latest.reference_date, "is_census": latest.is_census, "total": total, "bands": bands}
