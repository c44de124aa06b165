"""Loading the catalogue's codelists: the shared CSVs, then optionally the registry's own JSON files.

The CSVs in ``KPSS_DATA_DIR/social_services`` are hand-compiled and some of their ids are inferred.
The registry publishes its codelists as JSON (data.mpsv.cz/od/soubory/ciselniky/…). We have no copy
of them, so their shape is ASSUMED from the registry's other open data::

    {"polozky": [{"id": "DruhSocialniSluzby/13", "nazev": {"cs": "domovy pro seniory"}}, …]}

(``nazev`` may also be a plain string). When such files are given, their names and ids win: an item
is matched to a stored entry by its folded name, else by its id, and the entry takes the registry's
name and id for good (``from_registry_file``); a later load of the CSVs alone no longer changes them.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from kpss.core.text import fold
from kpss.territories.csv_files import DataFileError, read_rows

from .models import AgeGroup, CapacityType, RelatedServiceType, ServiceCategory, ServiceForm, ServiceType, TargetGroup

FORM_CODES = {
    "pobytova": ServiceForm.Code.RESIDENTIAL,
    "ambulantni": ServiceForm.Code.OUTPATIENT,
    "terenni": ServiceForm.Code.FIELD,
}
CATEGORIES = {"§ 37": ServiceCategory.COUNSELLING, "§ 38": ServiceCategory.CARE, "§ 53": ServiceCategory.PREVENTION}
REGISTRY_FILES = {
    "druhy-socialni-sluzby.json": ServiceType,
    "cilove-skupiny-osoby.json": TargetGroup,
    "formy-soc-sluzby.json": ServiceForm,
    "typy-kapacity-socialni-sluzby.json": CapacityType,
}
# Related services (doprovodné služby) a catalogue usually lists; names are Czech data, like the registry's.
RELATED_SERVICE_TYPES = [
    ("meals-on-wheels", "Dovážka obědů"),
    ("transport", "Doprava (senior taxi)"),
    ("debt-counselling", "Dluhové poradenství"),
    ("home-health-care", "Domácí zdravotní péče"),
    ("palliative-care", "Paliativní a hospicová péče"),
    ("aids-rental", "Půjčovna kompenzačních pomůcek"),
    ("self-help-groups", "Svépomocné skupiny"),
    ("day-activities", "Volnočasové aktivity"),
    ("housing", "Bydlení"),
    ("legal-aid", "Právní pomoc"),
    ("psychological-help", "Psychologická pomoc"),
    ("addiction-services", "Adiktologické služby"),
    ("employment", "Podpora zaměstnávání"),
    ("education", "Vzdělávání a poradenství pro rodiny"),
    ("other", "Jiné doprovodné služby"),
]
AGE_RANGE = re.compile(r"\((\d+)\s*[–-]\s*(\d+)")
AGE_ABOVE = re.compile(r"nad\s+(\d+)")


@dataclass
class Entry:
    """One codelist entry as read from a file: what identifies it and what to store."""

    key: dict
    fields: dict
    forms: list = field(default_factory=list)


def default_directory():
    return Path(settings.KPSS_DATA_DIR) / "social_services"


@transaction.atomic
def load_codelists(directory=None, registry_directory=None):
    """Upsert every codelist; return {model verbose name: {"added": n, "updated": n, …}}.

    Every file is read and checked before the first write, and all writes share one transaction, so a
    bad file changes nothing. Running it again changes nothing.
    """
    directory = Path(directory) if directory else default_directory()
    parsed = {
        ServiceForm: _forms(directory / "formy_socialnich_sluzeb.csv"),
        ServiceType: _types(directory / "druhy_socialnich_sluzeb.csv"),
        CapacityType: _capacity_types(directory / "typy_kapacity.csv"),
        TargetGroup: _target_groups(directory / "cilove_skupiny.csv"),
        AgeGroup: _age_groups(directory / "vekove_skupiny.csv"),
    }
    registry = read_registry_files(registry_directory) if registry_directory else {}
    report = {model: _upsert(model, entries) for model, entries in parsed.items()}
    for model, items in registry.items():
        report[model].update(_apply_registry(model, items))
    report[RelatedServiceType] = _seed_related_types()
    return {str(model._meta.verbose_name_plural): counts for model, counts in report.items()}


def _forms(path):
    return [
        Entry(
            key={"code": _choice(path, line, FORM_CODES, row["KOD_ZAKON"])},
            fields={
                "name": row["NAZEV"],
                "api_id": _optional_int(path, line, row["MPSV_API_FORMA_ID"]),
                "registry_id": row["MPSV_OPENDATA_ID"] or None,
                "is_inferred": False,
            },
        )
        for line, row in read_rows(path, ["kod_zakon", "nazev", "mpsv_api_forma_id", "mpsv_opendata_id"])
    ]


def _types(path):
    entries = []
    columns = ["paragraf", "nazev", "kategorie_paragraf", "formy_dle_zakona", "mpsv_api_druh_id"]
    for order, (line, row) in enumerate(read_rows(path, [*columns, "mpsv_opendata_id_overeno"]), start=1):
        registry_id, *remark = row["MPSV_OPENDATA_ID_OVERENO"].split(maxsplit=1) or [None]
        forms = [_choice(path, line, FORM_CODES, fold(name)) for name in row["FORMY_DLE_ZAKONA"].split("|") if name]
        entries.append(
            Entry(
                key={"api_id": _optional_int(path, line, row["MPSV_API_DRUH_ID"])},
                fields={
                    "name": row["NAZEV"],
                    "paragraph": row["PARAGRAF"],
                    "category": CATEGORIES.get(row["KATEGORIE_PARAGRAF"], ""),
                    "order": order,
                    "registry_id": registry_id,
                    # "DruhSocialniSluzby/11 (nepřímo)": taken indirectly, not confirmed.
                    "is_inferred": bool(remark),
                },
                forms=forms,
            )
        )
    return entries


def _capacity_types(path):
    return [
        Entry(key={"registry_id": row["MPSV_OPENDATA_ID"]}, fields={"name": row["VYZNAM"], "is_inferred": False})
        for line, row in read_rows(path, ["mpsv_opendata_id", "vyznam"])
    ]


def _target_groups(path):
    return [
        Entry(
            key={"registry_id": row["MPSV_OPENDATA_ID"]},
            fields={"name": row["NAZEV"], "is_inferred": "odvozeno" in fold(row["STAV_OVERENI"])},
        )
        for line, row in read_rows(path, ["mpsv_opendata_id", "nazev", "stav_overeni"])
        if not row["NAZEV"].startswith("(")  # "(neznámé)": an id nobody has seen a name for
    ]


def _age_groups(path):
    entries = []
    for order, (line, row) in enumerate(read_rows(path, ["nazev", "stav_overeni"]), start=1):
        age_from, age_to = _ages(path, line, row["NAZEV"])
        fields = {
            "age_from": age_from,
            "age_to": age_to,
            "order": order,
            "is_inferred": "overit" in fold(row["STAV_OVERENI"]),
        }
        entries.append(Entry(key={"name": row["NAZEV"]}, fields=fields))
    return entries


def _ages(path, line, label):
    """(0, 1) from "novorozenci (0–1 rok)", (80, None) from "starší senioři (nad 80 let)"."""
    if match := AGE_RANGE.search(label):
        return int(match[1]), int(match[2])
    if match := AGE_ABOVE.search(label):
        return int(match[1]), None
    raise DataFileError(path, _("no age range in “%(label)s”") % {"label": label}, line)


def _choice(path, line, choices, value):
    if value not in choices:
        raise DataFileError(path, _("unknown value “%(value)s”") % {"value": value}, line)
    return choices[value]


def _optional_int(path, line, value):
    if not value:
        return None
    if not (value.isascii() and value.isdigit()):
        raise DataFileError(path, _("“%(value)s” is not a whole number") % {"value": value}, line)
    return int(value)


def _upsert(model, entries):
    """Insert or update ``entries`` of a codelist; rows confirmed by the registry keep name and id."""
    counts = {"added": 0, "updated": 0, "unchanged": 0}
    rows = list(model.objects.all())
    taken_ids = {row.registry_id for row in rows if row.from_registry_file and row.registry_id}
    for entry in entries:
        row = _find(rows, entry)
        fields = {**entry.key, **entry.fields}
        if row is not None and row.from_registry_file:
            for name in ("name", "registry_id", "is_inferred"):
                fields.pop(name, None)
        elif fields.get("registry_id") in taken_ids:
            fields["registry_id"] = None  # the registry gave this id to another entry
        if row is None:
            row = model(**fields)
            row.save()
            rows.append(row)
            counts["added"] += 1
        elif _assign(row, fields):
            row.save()
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
        if model is ServiceType:
            _set_forms(row, entry.forms)
    return counts


def _find(rows, entry):
    """The stored row of ``entry``: by its key, else by folded name, else by registry id."""
    for test in (
        lambda row: entry.key and all(getattr(row, name) == value for name, value in entry.key.items()),
        lambda row: fold(row.name) == fold(entry.fields.get("name", entry.key.get("name", ""))),
        lambda row: entry.fields.get("registry_id") and row.registry_id == entry.fields["registry_id"],
    ):
        found = [row for row in rows if test(row)]
        if found:
            return found[0]
    return None


def _assign(row, fields):
    changed = [name for name, value in fields.items() if getattr(row, name) != value]
    for name in changed:
        setattr(row, name, fields[name])
    return bool(changed)


def _set_forms(service_type, codes):
    wanted = set(ServiceForm.objects.filter(code__in=codes).values_list("id", flat=True))
    if set(service_type.allowed_forms.values_list("id", flat=True)) != wanted:
        service_type.allowed_forms.set(wanted)


def read_registry_files(directory):
    """{model: [(registry id, name), …]} from the registry's codelist files present in ``directory``."""
    directory = Path(directory)
    if not directory.is_dir():
        raise DataFileError(directory, _("folder not found"))
    found = {
        model: _registry_items(directory / name)
        for name, model in REGISTRY_FILES.items()
        if (directory / name).exists()
    }
    if not found:
        raise DataFileError(directory, _("none of the files %(names)s") % {"names": ", ".join(REGISTRY_FILES)})
    return found


def _registry_items(path):
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(path, _("cannot be read (%(reason)s)") % {"reason": exc}) from exc
    except json.JSONDecodeError as exc:
        raise DataFileError(path, _("not valid JSON: %(reason)s") % {"reason": exc.msg}, exc.lineno) from exc
    if not isinstance(data, dict) or not isinstance(data.get("polozky"), list):
        raise DataFileError(path, _("the key “polozky” with a list of items is missing"))
    items = []
    for number, item in enumerate(data["polozky"], start=1):
        name = item.get("nazev") if isinstance(item, dict) else None
        if isinstance(name, dict):
            name = name.get("cs")
        registry_id = item.get("id") if isinstance(item, dict) else None
        if not (isinstance(registry_id, str) and registry_id.strip() and isinstance(name, str) and name.strip()):
            raise DataFileError(
                path, _("item %(number)d: an “id” and a Czech “nazev” are required") % {"number": number}
            )
        items.append((registry_id.strip(), name.strip()))
    return items


def _apply_registry(model, items):
    """Let the registry's names and ids win; new entries are added (forms are only matched: they need a code)."""
    counts = {"confirmed": 0, "unmatched": 0}
    rows = list(model.objects.all())
    for registry_id, name in items:
        row = _find(rows, Entry(key={}, fields={"name": name, "registry_id": registry_id}))
        if row is None and model is ServiceForm:
            counts["unmatched"] += 1
            continue
        # An inferred id held by another entry was wrong: that entry loses it.
        model.objects.filter(registry_id=registry_id).exclude(pk=getattr(row, "pk", None)).update(registry_id=None)
        for other in rows:
            if other is not row and other.registry_id == registry_id:
                other.registry_id = None
        if row is None:
            row = model(name=name)
            rows.append(row)
        _assign(row, {"name": name, "registry_id": registry_id, "is_inferred": False, "from_registry_file": True})
        row.save()
        counts["confirmed"] += 1
    return counts


def _seed_related_types():
    counts = {"added": 0, "unchanged": 0}
    for order, (slug, name) in enumerate(RELATED_SERVICE_TYPES, start=1):
        _, created = RelatedServiceType.objects.get_or_create(slug=slug, defaults={"name": name, "order": order})
        counts["added" if created else "unchanged"] += 1
    return counts
