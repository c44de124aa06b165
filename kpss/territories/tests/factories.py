"""factory_boy factories for territories: whole small hierarchies with population figures."""

import datetime

import factory

from kpss.territories.models import District, Municipality, Orp, PopulationStat, Pou, Region

CENSUS_DATE = datetime.date(2021, 3, 26)
BANDS = [(0, 17), (18, 29), (30, 39), (40, 49), (50, 59), (60, 69), (70, 79), (80, None)]


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: str(3200 + n))
    name = factory.Sequence(lambda n: f"Kraj {n}")
    short_name = factory.LazyAttribute(lambda region: region.name)
    ruian_code = factory.Sequence(lambda n: 200 + n)
    # Five characters, unique for the first 65,536 regions of a test run (the column holds five).
    nuts_code = factory.Sequence(lambda n: f"Z{n:04X}")


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = District
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: str(41000 + n))
    name = factory.Sequence(lambda n: f"Okres {n}")
    region = factory.SubFactory(RegionFactory)
    nuts_code = factory.Sequence(lambda n: f"CZ{1000 + n}")


class OrpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Orp
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: str(8200 + n))
    name = factory.Sequence(lambda n: f"ORP {n}")
    region = factory.SubFactory(RegionFactory)
    ruian_code = factory.Sequence(lambda n: 9000 + n)


class PouFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pou
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: str(82000 + n))
    name = factory.LazyAttribute(lambda pou: pou.orp.name)
    orp = factory.SubFactory(OrpFactory)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: str(600000 + n))
    name = factory.Sequence(lambda n: f"Obec {n}")
    orp = factory.SubFactory(OrpFactory)
    pou = factory.SubFactory(PouFactory, orp=factory.SelfAttribute("..orp"))
    district = factory.SubFactory(DistrictFactory, region=factory.SelfAttribute("..orp.region"))


def add_census(territory, per_band=100):
    """Census figures for a territory: ``per_band`` people in each of the eight age bands, or a
    list of eight counts, one per band; the total is their sum."""
    counts = per_band if isinstance(per_band, list) else [per_band] * len(BANDS)
    bands = [*zip(BANDS, counts, strict=True), ((0, None), sum(counts))]
    PopulationStat.objects.bulk_create(
        PopulationStat(
            level=territory.level,
            territory_code=territory.code,
            reference_date=CENSUS_DATE,
            age_from=age_from,
            age_to=age_to,
            count=count,
            source="census2021",
        )
        for (age_from, age_to), count in bands
    )


def orp_with_municipalities(count, orp=None, **orp_fields):
    """An ORP with ``count`` municipalities, each and the ORP with census figures."""
    orp = orp or OrpFactory(**orp_fields)
    municipalities = MunicipalityFactory.create_batch(count, orp=orp)
    for municipality in municipalities:
        add_census(municipality)
    add_census(orp, per_band=100 * count)
    return orp, municipalities
