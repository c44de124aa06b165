from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kpss.territories.models import District, Municipality, Orp, Pou, Region

from . import csu_files

pytestmark = pytest.mark.django_db


def import_from(directory):
    call_command("import_territories", str(directory), verbosity=0, stdout=StringIO())


def snapshot():
    """Every stored field of every unit, to prove a failed import changed nothing."""
    return {
        model.__name__: sorted(tuple(row.items()) for row in model.objects.values())
        for model in (Region, District, Orp, Pou, Municipality)
    }


def test_imports_units_with_links_and_codes(tmp_path):
    import_from(csu_files.write(tmp_path))

    assert Region.objects.count() == 2  # Extra-Regio is not a region
    zdar = Municipality.objects.select_related("pou", "orp__region", "district").get(code="595209")
    assert zdar.orp.name == "Žďár nad Sázavou"
    assert zdar.pou.code == "61141"
    assert zdar.district.nuts_code == "CZ0635"
    assert zdar.orp.region.nuts_code == "CZ063"
    assert zdar.orp.region.ruian_code == 108
    assert zdar.search_name == "zdar nad sazavou"
    assert Orp.objects.get(code="7213").ruian_code == 1465


def test_reads_windows_1250_and_comma_separated_files(tmp_path):
    files = csu_files.lines()
    files["CIS0043"] = [line.replace(";", ",") for line in files["CIS0043"]]
    import_from(csu_files.write(tmp_path, files, encoding="cp1250", prefix=""))

    assert Municipality.objects.get(code="500011").name == "Želechovice nad Dřevnicí"


def test_is_idempotent_and_updates_names(tmp_path):
    import_from(csu_files.write(tmp_path))
    first = snapshot()
    import_from(tmp_path)
    assert snapshot() == first

    renamed = [(c, "Zlín-město" if c == "585068" else n, *rest) for c, n, *rest in csu_files.MUNICIPALITIES]
    import_from(csu_files.write(tmp_path, csu_files.lines(renamed)))
    zlin = Municipality.objects.get(code="585068")
    assert (zlin.name, zlin.search_name) == ("Zlín-město", "zlin-mesto")
    assert Municipality.objects.count() == len(csu_files.MUNICIPALITIES)


@pytest.mark.parametrize(
    ("stem", "line_number", "broken_line", "message"),
    [
        ("CIS0043", 3, '"CS";"CISOB";43;"596230";"Nové Město"', "očekáváno 8 hodnot, nalezeno 5"),
        (
            "CIS0065",
            2,
            '"CS","CISORP",65,"61x4","Žďár","Žďár","01.01.2003","09.09.9999","6114"',
            "sloupec chodnota: „61x4“ není celé číslo",
        ),
        ("CIS0100", 3, '"CS";"KRAJ_NUTS";100;"3107";"V";"V";"31.02.2001";"no date";"CZ063";"108";""', "neplatné datum"),
        ("VAZ0043_0065", 4, '"CS";"E";"CISOB";43;"568414";"HB";"X";65;"9999";""', "neznámá ORP 9999"),
    ],
)
def test_a_malformed_file_names_file_and_line_in_czech_and_changes_nothing(
    tmp_path, stem, line_number, broken_line, message
):
    import_from(csu_files.write(tmp_path / "good"))
    before = snapshot()
    files = csu_files.lines()
    files[stem][line_number - 1] = broken_line

    with pytest.raises(CommandError) as error:
        import_from(csu_files.write(tmp_path / "bad", files))

    assert f"csu_{stem}_CS.csv:{line_number}" in str(error.value)
    assert message in str(error.value)
    assert snapshot() == before


def test_a_municipality_linked_twice_is_refused(tmp_path):
    files = csu_files.lines()
    files["VAZ0043_0065"].append(files["VAZ0043_0065"][1].replace('"6114"', '"6102"'))

    with pytest.raises(CommandError, match=r"csu_VAZ0043_0065_CS.csv:7: kód 595209 má dvě vazby \(také na řádku 2\)"):
        import_from(csu_files.write(tmp_path, files))


def test_codes_not_yet_or_no_longer_valid_are_left_out(tmp_path):
    files = csu_files.lines()
    files["CIS0065"].append('"CS","CISORP",65,"6199","Budoucí","Budoucí","01.01.2999","09.09.9999","6199"')
    files["CIS0065"].append('"CS","CISORP",65,"6198","Zrušená","Zrušená","01.01.2003","31.12.2006","6198"')
    import_from(csu_files.write(tmp_path, files))

    assert set(Orp.objects.values_list("code", flat=True)) == {"6114", "6102", "7213"}


def test_a_missing_file_is_named(tmp_path):
    directory = csu_files.write(tmp_path)
    (directory / "csu_VAZ0043_0061_CS.csv").unlink()

    with pytest.raises(CommandError, match="VAZ0043_0061"):
        import_from(directory)
    assert not Municipality.objects.exists()


def test_a_municipality_without_a_link_is_reported(tmp_path):
    files = csu_files.lines()
    files["VAZ0043_0101"].pop()  # Želechovice loses its district

    with pytest.raises(
        CommandError, match=r"csu_VAZ0043_0101_CS.csv: obec 500011 \(csu_CIS0043_CS.csv, řádek 6\) nemá vazbu"
    ):
        import_from(csu_files.write(tmp_path, files))


def test_without_a_directory_reads_the_shared_data(settings):
    """The real ČSÚ codelists: every region, ORP and municipality of the country."""
    if not (settings.KPSS_DATA_DIR / "territories").is_dir():
        pytest.fail(f"shared data missing at {settings.KPSS_DATA_DIR}")
    call_command("import_territories", verbosity=0, stdout=StringIO())

    assert Region.objects.count() == 14
    assert Orp.objects.count() == 206
    assert Municipality.objects.count() == 6258
    assert Region.objects.get(name="Kraj Vysočina").orps.count() == 15
    assert not Orp.objects.filter(region__isnull=True).exists()


def test_downloads_the_files_over_http_when_asked(tmp_path, live_server_files):
    """``csu.download`` fetches each file by URL; here from a local HTTP server holding them."""
    from kpss.territories import csu

    source = csu_files.write(tmp_path / "served", prefix="")
    urls = {stem: f"{live_server_files(source)}/{stem}_CS.csv" for stem in csu.FILES}
    import_from(csu.download(tmp_path / "downloaded", urls))

    assert Municipality.objects.count() == len(csu_files.MUNICIPALITIES)
