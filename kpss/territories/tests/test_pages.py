import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kpss.territories.models import District, Municipality, Orp, Pou, Region

from .factories import MunicipalityFactory, OrpFactory, RegionFactory, add_census, orp_with_municipalities

pytestmark = pytest.mark.django_db


@pytest.fixture
def vysocina():
    region = RegionFactory(code="3107", name="Kraj Vysočina", nuts_code="CZ063", ruian_code=108)
    orp = OrpFactory(code="6114", name="Žďár nad Sázavou", region=region)
    zdar = MunicipalityFactory(code="595209", name="Žďár nad Sázavou", orp=orp)
    MunicipalityFactory(code="596230", name="Nové Město na Moravě", orp=orp)
    OrpFactory(code="6102", name="Havlíčkův Brod", region=region)
    add_census(orp, per_band=2000)
    add_census(zdar, per_band=1250)
    return region


def czech(client, url):
    return client.get(url, HTTP_ACCEPT_LANGUAGE="cs").content.decode()


def test_home_lists_the_regions(client, vysocina):
    page = czech(client, reverse("core:home"))
    assert "Kraj Vysočina" in page
    assert vysocina.get_absolute_url() in page


def test_region_page_lists_its_orps(client, vysocina):
    page = czech(client, vysocina.get_absolute_url())
    assert "Havlíčkův Brod" in page and "Žďár nad Sázavou" in page
    assert "2 ORP" in page


def test_orp_page_shows_population_and_age_structure_in_czech_format(client, vysocina):
    page = czech(client, reverse("territories:orp", args=["6114"]))

    assert "16\xa0000" in page  # 8 bands × 2,000, Czech thousands separator
    assert "80+" in page and "12,5\xa0%" in page
    assert "Nové Město na Moravě" in page


def test_municipality_page_shows_its_population_and_its_orp(client, vysocina):
    page = czech(client, reverse("territories:municipality", args=["595209"]))

    assert "10\xa0000" in page
    assert "10\xa0000 obyvatel (sčítání k 26. března 2021)" in page
    assert reverse("territories:orp", args=["6114"]) in page


@pytest.mark.parametrize("query", ["zdar", "ŽĎÁR", "Žďár nad", "sazavou"])
def test_search_ignores_accents_and_case(client, vysocina, query):
    page = czech(client, reverse("territories:search") + f"?q={query}")
    assert "Žďár nad Sázavou" in page
    assert "Nové Město na Moravě" not in page


def test_search_lists_names_starting_with_the_query_first(client, vysocina):
    MunicipalityFactory(name="Dolní Žďár", orp=vysocina.orps.first())
    page = czech(client, reverse("territories:search") + "?q=zdar")
    assert page.index(">Žďár nad Sázavou</a>") < page.index(">Dolní Žďár</a>")


def test_search_without_matches_says_so(client, vysocina):
    page = czech(client, reverse("territories:search") + "?q=Atlantida")
    assert "0 obcí" in page


def test_unknown_codes_are_404(client):
    for name in ("territories:region", "territories:orp", "territories:municipality"):
        assert client.get(reverse(name, args=["0"])).status_code == 404


def test_english_translates_the_territory_pages(client, vysocina):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("territories:orp", args=["6114"])).content.decode()

    assert 'lang="en"' in page
    assert "Age structure" in page and "Population" in page
    assert "Věková struktura" not in page


@pytest.mark.parametrize(
    "url_for",
    [
        lambda orp, region: reverse("core:home"),
        lambda orp, region: region.get_absolute_url(),
        lambda orp, region: orp.get_absolute_url(),
        lambda orp, region: orp.municipalities.first().get_absolute_url(),
        lambda orp, region: reverse("territories:search") + "?q=obec",
    ],
    ids=["home", "region", "orp", "municipality", "search"],
)
def test_queries_per_page_do_not_grow_with_the_data(client, url_for):
    """The same page over a small and a ten-times larger territory costs the same queries."""
    region = RegionFactory()
    small, _ = orp_with_municipalities(3, region=region)
    with CaptureQueriesContext(connection) as queries_small:
        client.get(url_for(small, region))

    for _ in range(5):
        orp_with_municipalities(30, region=RegionFactory())
    large, _ = orp_with_municipalities(30, region=region)
    with CaptureQueriesContext(connection) as queries_large:
        assert client.get(url_for(large, region)).status_code == 200

    assert len(queries_large) == len(queries_small)


def test_czech_is_the_default_whatever_the_browser_prefers(client, vysocina):
    page = client.get(reverse("core:home"), HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content.decode()
    assert 'lang="cs"' in page and "Najít obec" in page


@pytest.mark.django_db
def test_the_real_region_page_of_vysocina_lists_its_15_orps(client):
    from io import StringIO

    from django.core.management import call_command

    call_command("import_territories", verbosity=0, stdout=StringIO())
    page = czech(client, "/regions/3107/")

    assert "15 ORP" in page
    for orp in ("Jihlava", "Třebíč", "Žďár nad Sázavou", "Pelhřimov", "Havlíčkův Brod", "Telč"):
        assert f">{orp}</a>" in page


def czech_interface_strings():
    """The Czech catalogue's translations that differ from English and contain no placeholder."""
    import polib

    from kpss.core.i18n_catalogues import catalogue_path

    return {
        entry.msgstr
        for entry in polib.pofile(str(catalogue_path("cs")))
        if entry.msgstr and entry.msgstr != entry.msgid and "%" not in entry.msgstr and len(entry.msgstr) > 3
    }


def test_the_english_switch_leaves_no_czech_interface_string_on_the_territory_pages(client, vysocina):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    czech_strings = czech_interface_strings()
    for url in ("/", vysocina.get_absolute_url(), "/orp/6114/", "/municipalities/595209/", "/municipalities/?q=zdar"):
        page = client.get(url).content.decode()
        assert 'lang="en"' in page
        for model in (Region, District, Orp, Pou, Municipality):  # names are data, not interface ("Kraj Vysočina")
            for name in model.objects.values_list("name", flat=True):
                page = page.replace(name, "")
        # Whole words only: the Czech "proces" is no leak in the English "processes".
        leaks = [text for text in czech_strings if re.search(rf"(?<!\w){re.escape(text)}(?!\w)", page)]
        assert leaks == [], url
