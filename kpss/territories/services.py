"""Writes to the territories: each function is one transaction."""

from django.db import transaction

from kpss.core.text import fold

from . import csu, population
from .models import District, Municipality, Orp, PopulationStat, Pou, Region


@transaction.atomic
def import_territories(directory, progress=None):
    """Load the ČSÚ codelists in ``directory``; return the number of units of each kind.

    Parsing finishes before the first write, and the writes share one transaction, so a bad file
    leaves the database as it was. Running it again updates names and links in place.
    """
    data = csu.parse(directory, progress=progress)
    regions = _upsert(Region, data.regions, {})
    districts = _upsert(District, data.districts, {"region": regions})
    orps = _upsert(Orp, data.orps, {"region": regions})
    pous = _upsert(Pou, data.pous, {"orp": orps})
    _upsert(Municipality, data.municipalities, {"pou": pous, "orp": orps, "district": districts})
    return {
        "regions": len(data.regions),
        "districts": len(data.districts),
        "orps": len(data.orps),
        "pous": len(data.pous),
        "municipalities": len(data.municipalities),
    }


def _upsert(model, records, parents):
    """Insert or update ``records`` ({code: fields}) in a few bulk statements; return {code: id}.

    ``parents`` maps a foreign-key field to the {code: id} of the model it points to.
    """
    objects = []
    for code, fields in records.items():
        plain = {name: value for name, value in fields.items() if name not in parents}
        links = {f"{name}_id": ids[fields[name]] for name, ids in parents.items()}
        objects.append(model(code=code, search_name=fold(fields["name"]), **plain, **links))
    if objects:
        update_fields = [name for name in next(iter(records.values())) if name != "code"] + ["search_name"]
        model.objects.bulk_create(
            objects,
            batch_size=1000,
            update_conflicts=True,
            unique_fields=["code"],
            update_fields=update_fields,
        )
    return dict(model.objects.values_list("code", "id"))


@transaction.atomic
def import_population(paths, progress=None):
    """Load population tables from ``paths`` and sum them up to ORPs, districts, regions, country.

    Every file is parsed before the first write, and all writes share one transaction. Figures of
    the same source and reference date are replaced, so running it again changes nothing.
    Returns ``{"stored": n, "unknown": sorted codes of territories not in the database}``.
    """
    tables = [population.parse(path, progress=progress) for path in paths]
    parents = _parents_by_level()
    stored, unknown = 0, set()
    for table in tables:
        counts = _sum_up(table, parents, unknown)
        dates = {key[2] for key in counts}
        PopulationStat.objects.filter(source=table.source, reference_date__in=dates).delete()
        PopulationStat.objects.bulk_create(
            (
                PopulationStat(
                    level=level,
                    territory_code=code,
                    reference_date=date,
                    sex=sex,
                    age_from=age_from,
                    age_to=age_to,
                    count=count,
                    source=table.source,
                )
                for (level, code, date, sex, age_from, age_to), count in counts.items()
            ),
            batch_size=2000,
        )
        stored += len(counts)
    return {"stored": stored, "unknown": sorted(unknown)}


def _parents_by_level():
    """For each level, {code: [(higher level, its code), …]} up to the whole country."""
    country = [(PopulationStat.Level.COUNTRY, PopulationStat.COUNTRY_CODE)]
    orp_region = dict(Orp.objects.values_list("code", "region__code"))
    return {
        "municipality": {
            code: [("orp", orp), ("district", district), ("region", orp_region[orp]), *country]
            for code, orp, district in Municipality.objects.values_list("code", "orp__code", "district__code")
        },
        "orp": {code: [("region", region), *country] for code, region in orp_region.items()},
        "district": {
            code: [("region", region), *country]
            for code, region in District.objects.values_list("code", "region__code")
        },
        "region": dict.fromkeys(Region.objects.values_list("code", flat=True), country),
    }


def _sum_up(table, parents, unknown):
    """The table's counts at its own level plus their sums at every higher level."""
    totals = {}
    for (code, *rest), count in table.counts.items():
        if code not in parents[table.level]:
            unknown.add(code)
            continue
        for level, territory in [(table.level, code), *parents[table.level][code]]:
            key = (level, territory, *rest)
            totals[key] = totals.get(key, 0) + count
    return totals
