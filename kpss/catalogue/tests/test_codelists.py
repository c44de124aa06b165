import json
import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from kpss.catalogue.codelists import default_directory
from kpss.catalogue.models import (
    AgeGroup,
    CapacityType,
    RelatedServiceType,
    ServiceCategory,
    ServiceForm,
    ServiceType,
    TargetGroup,
)

pytestmark = pytest.mark.django_db
CODELISTS = (ServiceForm, ServiceType, CapacityType, TargetGroup, AgeGroup, RelatedServiceType)


def load(*args):
    out = StringIO()
    call_command("load_codelists", *args, stdout=out)
    return out.getvalue()


def snapshot():
    """Every stored field of every codelist entry, with the forms each type allows."""
    rows = {model.__name__: sorted(map(repr, model.objects.values())) for model in CODELISTS}
    rows["allowed_forms"] = sorted(
        ServiceType.allowed_forms.through.objects.values_list("servicetype__name", "serviceform__code")
    )
    return rows


@pytest.fixture
def data_dir(tmp_path):
    """A copy of the shared CSVs that a test may break."""
    return shutil.copytree(default_directory(), tmp_path / "social_services")


def write_registry(directory, name, items):
    directory.mkdir(exist_ok=True)
    (directory / name).write_text(json.dumps({"polozky": items}, ensure_ascii=False), encoding="utf-8")
    return directory


def test_loads_the_shared_codelists():
    report = load()

    assert ServiceType.objects.count() == 34
    assert ServiceForm.objects.count() == 3
    assert CapacityType.objects.count() == 5
    assert TargetGroup.objects.count() == 27
    assert AgeGroup.objects.count() == 9
    assert RelatedServiceType.objects.filter(slug="meals-on-wheels").exists()
    assert "druhy služeb: added 34" in report

    homes = ServiceType.objects.get(paragraph="§ 49")
    assert (homes.name, homes.category, homes.api_id) == ("Domovy pro seniory", ServiceCategory.CARE, 3847)
    assert (homes.registry_id, homes.is_inferred) == ("DruhSocialniSluzby/13", False)
    assert [form.code for form in homes.allowed_forms.all()] == [ServiceForm.Code.RESIDENTIAL]
    weekly = ServiceType.objects.get(paragraph="§ 47")
    assert (weekly.registry_id, weekly.is_inferred) == ("DruhSocialniSluzby/11", True)
    home_care = ServiceType.objects.get(paragraph="§ 40")
    assert {form.code for form in home_care.allowed_forms.all()} == {"field", "outpatient"}
    assert ServiceType.objects.get(paragraph="§ 37").category == ServiceCategory.COUNSELLING
    assert ServiceType.objects.get(paragraph="§ 69").category == ServiceCategory.PREVENTION
    mental_health = ServiceType.objects.get(name="Centrum duševního zdraví")
    assert (mental_health.paragraph, mental_health.category, mental_health.api_id) == ("", "", 11078)
    assert list(ServiceType.objects.values_list("paragraph", flat=True)[:2]) == ["§ 37", "§ 39"]

    residential = ServiceForm.objects.get(code=ServiceForm.Code.RESIDENTIAL)
    assert (residential.name, residential.api_id, residential.registry_id) == (
        "Pobytová",
        3883,
        "FormaSocialniSluzby/pob",
    )
    assert ServiceForm.objects.get(code="field").registry_id is None

    assert not TargetGroup.objects.filter(name__startswith="(").exists()
    assert not TargetGroup.objects.get(registry_id="CilovaSkupinaOsoby/24").is_inferred
    assert TargetGroup.objects.get(registry_id="CilovaSkupinaOsoby/2").is_inferred
    assert CapacityType.objects.get(registry_id="TypKapacitySocialniSluzby/luzka").name == "počet lůžek"

    ages = list(AgeGroup.objects.values_list("age_from", "age_to"))
    assert ages == [(0, 1), (1, 7), (7, 12), (13, 15), (16, 18), (19, 26), (27, 64), (65, 80), (80, None)]
    assert AgeGroup.objects.get(age_from=0).is_inferred
    assert not AgeGroup.objects.get(age_from=80).is_inferred


def test_a_second_run_changes_nothing():
    load()
    before = snapshot()
    report = load()

    assert snapshot() == before
    assert "druhy služeb: added 0, updated 0, unchanged 34" in report


def test_the_registry_codelists_win_over_inferred_ids_and_names(tmp_path):
    load()
    registry = write_registry(
        tmp_path / "registry",
        "cilove-skupiny-osoby.json",
        [
            # The CSV inferred /1 and /2 the other way round; the registry also writes the name in capitals.
            {"id": "CilovaSkupinaOsoby/1", "nazev": {"cs": "Etnické menšiny"}},
            {
                "id": "CilovaSkupinaOsoby/2",
                "nazev": {"cs": "děti a mládež ve věku od 6 do 26 let ohrožené společensky nežádoucími jevy"},
            },
            {"id": "CilovaSkupinaOsoby/25", "nazev": {"cs": "osoby v nouzi"}},
        ],
    )
    write_registry(
        registry, "druhy-socialni-sluzby.json", [{"id": "DruhSocialniSluzby/12", "nazev": {"cs": "týdenní stacionáře"}}]
    )

    load("--codelists", str(registry))

    minorities = TargetGroup.objects.get(registry_id="CilovaSkupinaOsoby/1")
    assert (minorities.name, minorities.is_inferred, minorities.from_registry_file) == ("Etnické menšiny", False, True)
    assert TargetGroup.objects.get(registry_id="CilovaSkupinaOsoby/2").name.startswith("děti a mládež")
    assert TargetGroup.objects.get(registry_id="CilovaSkupinaOsoby/25").name == "osoby v nouzi"
    assert TargetGroup.objects.count() == 28
    weekly = ServiceType.objects.get(paragraph="§ 47")
    assert (weekly.registry_id, weekly.name, weekly.is_inferred) == (
        "DruhSocialniSluzby/12",
        "týdenní stacionáře",
        False,
    )
    # The type that wrongly held /12 keeps its name but loses the id.
    assert ServiceType.objects.get(paragraph="§ 48").registry_id is None

    confirmed = snapshot()
    load("--codelists", str(registry))
    assert snapshot() == confirmed
    load()  # the CSVs alone do not undo what the registry confirmed
    assert snapshot() == confirmed


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("cilove-skupiny-osoby.json", '{"polozky": [', "cilove-skupiny-osoby.json:1"),
        ("cilove-skupiny-osoby.json", '{"items": []}', "polozky"),
        ("formy-soc-sluzby.json", '{"polozky": [{"id": "FormaSocialniSluzby/pob"}]}', "položka 1"),
    ],
)
def test_a_broken_registry_file_changes_nothing(tmp_path, name, content, message):
    load()
    registry = write_registry(
        tmp_path / "registry", "druhy-socialni-sluzby.json", [{"id": "DruhSocialniSluzby/12", "nazev": "x"}]
    )
    (registry / name).write_text(content, encoding="utf-8")
    before = snapshot()

    with pytest.raises(CommandError, match=message):
        load("--codelists", str(registry))
    assert snapshot() == before


def test_a_folder_without_registry_files_is_refused(tmp_path):
    with pytest.raises(CommandError, match="druhy-socialni-sluzby.json"):
        load("--codelists", str(tmp_path))
    assert not ServiceType.objects.exists()


@pytest.mark.parametrize(
    ("file", "line", "broken", "message"),
    [
        ("druhy_socialnich_sluzeb.csv", 12, "§ 49,Domovy pro seniory,x,§ 38,pobytová,38x7,,", "38x7"),
        ("druhy_socialnich_sluzeb.csv", 12, "§ 49,Domovy pro seniory,x,§ 38,lůžková,3847,,", "luzkova"),
        ("vekove_skupiny.csv", 10, "starší senioři,potvrzeno", "starší senioři"),
        ("formy_socialnich_sluzeb.csv", 3, "ambulantni,Ambulantní", "expected 6 values"),
    ],
)
def test_a_broken_csv_names_file_and_line_and_changes_nothing(data_dir, file, line, broken, message):
    load()
    before = snapshot()
    path = data_dir / file
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[line - 1] = broken
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    with translation.override("en"), pytest.raises(CommandError, match=message) as error:
        load("--data", str(data_dir))
    assert f"{file}:{line}" in str(error.value)
    assert snapshot() == before
