"""A region built like Vysočina in 2005 (15 ORP, 26 POÚ of which 15 are the ORP towns), its
officers, and a programme run by one of them."""

import datetime
from types import SimpleNamespace

import pytest

from kpss.accounts.models import SiteRole
from kpss.processes.tests.factories import OrganisationFactory, UserFactory
from kpss.regional import services
from kpss.territories.tests.factories import OrpFactory, PouFactory, RegionFactory

ORP_TOWNS = [
    "Bystřice nad Pernštejnem", "Havlíčkův Brod", "Humpolec", "Chotěboř", "Jihlava", "Moravské Budějovice",
    "Náměšť nad Oslavou", "Nové Město na Moravě", "Pacov", "Pelhřimov", "Světlá nad Sázavou", "Telč",
    "Třebíč", "Velké Meziříčí", "Žďár nad Sázavou",
]  # fmt: skip
OTHER_POU = [
    ("Jihlava", "Polná"), ("Jihlava", "Třešť"), ("Pelhřimov", "Kamenice nad Lipou"), ("Pelhřimov", "Počátky"),
    ("Havlíčkův Brod", "Ledeč nad Sázavou"), ("Třebíč", "Hrotovice"), ("Třebíč", "Jemnice"),
    ("Telč", "Dačice"), ("Chotěboř", "Přibyslav"), ("Žďár nad Sázavou", "Nové Veselí"), ("Pacov", "Černovice"),
]  # fmt: skip


@pytest.fixture
def officer_of():
    def make(region, **fields):
        user = UserFactory(**fields)
        SiteRole.objects.create(user=user, kind=SiteRole.Kind.REGIONAL_OFFICER, region=region)
        return user

    return make


@pytest.fixture
def vysocina(db, officer_of):
    region = RegionFactory(name="Kraj Vysočina", short_name="Vysočina")
    orps = {name: OrpFactory(name=name, region=region) for name in ORP_TOWNS}
    for orp in orps.values():
        PouFactory(orp=orp, name=orp.name)  # the ORP town is also a POÚ
    pous = {name: PouFactory(orp=orps[orp], name=name) for orp, name in OTHER_POU}
    officer = officer_of(region, email="referentka@kr-vysocina.example")
    programme = services.create_programme(
        officer,
        name="Příprava Komunitního plánu sociálních služeb kraje Vysočina",
        region=region,
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2026, 10, 31),
        realiser=OrganisationFactory(name="Agora Central Europe"),
        contact_email="socialni@kr-vysocina.example",
        contact_phone="564 602 111",
    )
    return SimpleNamespace(
        region=region,
        orps=orps,
        pous=pous,
        officer=officer,
        colleague=officer_of(region, email="kolega@kr-vysocina.example"),
        programme=programme,
        outsider=UserFactory(email="obcan@example.cz"),
    )
