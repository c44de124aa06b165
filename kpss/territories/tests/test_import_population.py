import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kpss.territories.models import Orp, PopulationStat
from kpss.territories.queries import population_of

from . import csu_files

pytestmark = pytest.mark.django_db

CENSUS_HEADER = "obec,pocet_obyvatel,vek_do17,vek_18_29,vek_30_39,vek_40_49,vek_50_59,vek_60_69,vek_70_79,vek_80avice"
CENSUS_ROWS = [
    "595209,20000,3000,2500,2700,2900,2800,2600,2000,1500",
    "596230,10000,1500,1250,1350,1450,1400,1300,1000,750",
    "585068,70000,11000,9000,9500,10000,9500,9000,7000,5000",
]
CZSO_HEADER = (
    "idhod,hodnota,stapro_kod,pohlavi_cis,pohlavi_kod,vek_cis,vek_kod,vuzemi_cis,vuzemi_kod,casref_do,"
    "pohlavi_txt,vek_txt,vuzemi_txt"
)
FIVE_TO_NINE = "5 až 10 (více nebo rovno 5 a méně než 10)"
NINETY_FIVE_PLUS = "95 a více (více nebo rovno 95)"
CZSO_ROWS = [
    f'1,1200,2409,102,1,7700,400005610010000,65,6114,2023-12-31,muž,"{FIVE_TO_NINE}",Žďár nad Sázavou',
    f'2,1100,2409,102,2,7700,400005610010000,65,6114,2023-12-31,žena,"{FIVE_TO_NINE}",Žďár nad Sázavou',
    f'3,40,2409,102,2,7700,400095000000000,65,6114,2023-12-31,žena,"{NINETY_FIVE_PLUS}",Žďár nad Sázavou',
    "4,52000,2409,,,,,65,6114,2023-12-31,,,Žďár nad Sázavou",
    "5,75000,2409,,,,,65,7213,2023-12-31,,,Zlín",
    "6,9999999,2409,,,,,97,19,2023-12-31,,,Česká republika",
]


@pytest.fixture
def territories(tmp_path):
    call_command("import_territories", str(csu_files.write(tmp_path / "csu")), verbosity=0, stdout=StringIO())


def write(path, header, rows):
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def run(path):
    out = StringIO()
    call_command("import_population", str(path), verbosity=0, stdout=out)
    return out.getvalue()


def count(level, code, age_from=0, age_to=None, sex="", date=datetime.date(2021, 3, 26)):
    return PopulationStat.objects.get(
        level=level, territory_code=code, age_from=age_from, age_to=age_to, sex=sex, reference_date=date
    ).count


def test_census_per_municipality_is_summed_up_to_orp_region_and_country(territories, tmp_path):
    run(write(tmp_path / "census.csv", CENSUS_HEADER, CENSUS_ROWS))

    assert count("municipality", "595209") == 20000
    assert count("municipality", "595209", 80, None) == 1500
    assert count("orp", "6114") == 30000
    assert count("orp", "6114", 0, 17) == 4500
    assert count("district", "40762") == 30000
    assert count("region", "3107") == 30000
    assert count("region", "3131") == 70000
    assert count("country", "CZ") == 100000


def test_the_age_structure_is_what_pages_show(territories, tmp_path):
    run(write(tmp_path / "census.csv", CENSUS_HEADER, CENSUS_ROWS))

    population = population_of(Orp.objects.get(code="6114"))

    assert population["total"] == 30000
    assert [label for label, _count, _share in population["bands"]] == [
        "0–17",
        "18–29",
        "30–39",
        "40–49",
        "50–59",
        "60–69",
        "70–79",
        "80+",
    ]
    assert population["bands"][-1][1:] == (2250, 0.075)


def test_importing_twice_changes_nothing(territories, tmp_path):
    path = write(tmp_path / "census.csv", CENSUS_HEADER, CENSUS_ROWS)
    run(path)
    first = set(PopulationStat.objects.values_list("level", "territory_code", "age_from", "age_to", "count"))
    run(path)
    assert set(PopulationStat.objects.values_list("level", "territory_code", "age_from", "age_to", "count")) == first
    assert PopulationStat.objects.count() == len(first)


def test_czso_yearly_file_by_orp_with_sex_and_age_bands(territories, tmp_path):
    run(write(tmp_path / "130142.csv", CZSO_HEADER, CZSO_ROWS))
    date = datetime.date(2023, 12, 31)

    assert count("orp", "6114", 5, 9, sex="m", date=date) == 1200
    assert count("orp", "6114", 5, 9, sex="f", date=date) == 1100
    assert count("orp", "6114", 95, None, sex="f", date=date) == 40
    assert count("orp", "6114", date=date) == 52000
    assert count("region", "3107", date=date) == 52000
    assert count("country", "CZ", date=date) == 127000  # the sum of the ORPs, not the file's own row
    assert not PopulationStat.objects.filter(level="municipality").exists()


def test_figures_of_two_sources_for_the_same_date_live_side_by_side(territories, tmp_path):
    run(write(tmp_path / "130142.csv", CZSO_HEADER, CZSO_ROWS))
    run(write(tmp_path / "130181.csv", CZSO_HEADER, [row.replace(",2409,", ",2410,") for row in CZSO_ROWS]))

    totals = PopulationStat.objects.filter(level="country", age_to=None, age_from=0, sex="")
    assert sorted(totals.values_list("source", "count")) == [("czso:2409", 127000), ("czso:2410", 127000)]


def test_unknown_territories_are_skipped_and_reported(territories, tmp_path):
    output = run(write(tmp_path / "census.csv", CENSUS_HEADER, [*CENSUS_ROWS, "999999,5,1,1,1,1,1,0,0,0"]))

    assert "999999" in output
    assert count("country", "CZ") == 100000


@pytest.mark.parametrize(
    ("header", "rows", "line", "message"),
    [
        (
            CENSUS_HEADER,
            [CENSUS_ROWS[0], "596230,10000,1500,1250,1350,1450,1400,1300,1000,751"],
            3,
            "dávají dohromady 10001, ne celkový počet 10000",
        ),
        (
            CENSUS_HEADER,
            [CENSUS_ROWS[0], "596230,deset,1500,1250,1350,1450,1400,1300,1000,750"],
            3,
            "sloupec pocet_obyvatel: „deset“ není celé číslo",
        ),
        (CZSO_HEADER, [CZSO_ROWS[0], CZSO_ROWS[1].replace("2023-12-31", "31.12.2023")], 3, "neplatné datum"),
        (CZSO_HEADER, [CZSO_ROWS[0].replace(FIVE_TO_NINE, "pět až deset")], 2, "neznámá věková skupina"),
        (
            CZSO_HEADER,
            [CZSO_ROWS[0], CZSO_ROWS[1], CZSO_ROWS[0].replace("1,1200", "7,1200")],
            4,
            "opakuje údaj z řádku 2",
        ),
    ],
)
def test_a_malformed_file_names_its_line_and_changes_nothing(territories, tmp_path, header, rows, line, message):
    run(write(tmp_path / "good.csv", CENSUS_HEADER, CENSUS_ROWS))
    before = set(PopulationStat.objects.values_list("level", "territory_code", "age_from", "age_to", "count"))

    with pytest.raises(CommandError) as error:
        run(write(tmp_path / "bad.csv", header, rows))

    assert f"bad.csv:{line}" in str(error.value)
    assert message in str(error.value)
    assert set(PopulationStat.objects.values_list("level", "territory_code", "age_from", "age_to", "count")) == before


def test_a_file_of_another_kind_is_refused(territories, tmp_path):
    with pytest.raises(CommandError, match="není tabulkou ze sčítání ani souborem ČSÚ"):
        run(write(tmp_path / "other.csv", "a,b", ["1,2"]))


def test_the_real_census_adds_up_to_the_official_national_total():
    call_command("import_territories", verbosity=0, stdout=StringIO())
    call_command("import_population", verbosity=0, stdout=StringIO())

    assert count("country", "CZ") == 10_524_167
    assert count("municipality", "554782") == 1_301_432  # Praha
    assert count("municipality", "582786") == 398_510  # Brno
    regions = PopulationStat.objects.filter(level="region", age_from=0, age_to=None)
    assert sum(regions.values_list("count", flat=True)) == 10_524_167
