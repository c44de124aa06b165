"""Parsing population tables into counts per municipality (or the finest unit a file has).

Two formats are read:

* the 2021 census table per municipality (``obec, pocet_obyvatel, vek_do17, …, vek_80avice``),
  whose age bands add up to the total in every row;
* ČSÚ's yearly open-data CSV (``idhod, hodnota, stapro_kod, pohlavi_*, vek_*, vuzemi_*,
  casref_do``), where ``vuzemi_cis`` 43 is a municipality, 65 an ORP, 101 a district and 100 a
  region, ``pohlavi_kod`` 1 men and 2 women (empty: both), and ``vek_txt`` describes the band as
  "… (více nebo rovno 15 a méně než 20)" (empty: all ages).

The parser keeps only the finest level a file has; the import sums it up to the higher levels.
"""

import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .csv_files import DataFileError, decode, no_progress, read_rows, whole_number

CENSUS_DATE = datetime.date(2021, 3, 26)
CENSUS_BANDS = {
    "VEK_DO17": (0, 17),
    "VEK_18_29": (18, 29),
    "VEK_30_39": (30, 39),
    "VEK_40_49": (40, 49),
    "VEK_50_59": (50, 59),
    "VEK_60_69": (60, 69),
    "VEK_70_79": (70, 79),
    "VEK_80AVICE": (80, None),
}
TOTAL = (0, None)
CZSO_COLUMNS = ["HODNOTA", "STAPRO_KOD", "POHLAVI_KOD", "VEK_KOD", "VEK_TXT", "VUZEMI_CIS", "VUZEMI_KOD", "CASREF_DO"]
CZSO_LEVELS = {"43": "municipality", "65": "orp", "101": "district", "100": "region"}
CZSO_SEX = {"": "", "1": "m", "2": "f"}
LEVEL_ORDER = ["municipality", "orp", "district", "region"]
_BAND = re.compile(r"více nebo rovno (\d+)(?: a méně než (\d+))?")


@dataclass
class PopulationTable:
    """Counts keyed by (territory code, reference date, sex, age_from, age_to) at one level."""

    level: str
    source: str
    counts: dict


def detect_format(path):
    """``"census"``, ``"czso"`` or ``None`` for a file of neither format."""
    header = decode(path).split("\n", 1)[0].lower()
    if header.startswith("obec,") and "vek_80avice" in header:
        return "census"
    if "idhod" in header and "vuzemi_cis" in header:
        return "czso"
    return None


def parse(path, progress=None):
    progress = progress or no_progress
    kind = detect_format(path)
    if kind == "census":
        return _parse_census(path, progress)
    if kind == "czso":
        return _parse_czso(path, progress)
    raise DataFileError(path, _("is neither the census table nor a ČSÚ population file"), line=1)


def _parse_census(path, progress):
    counts = {}
    for line, row in progress(read_rows(path, ["OBEC", "POCET_OBYVATEL", *CENSUS_BANDS]), desc=path.name):
        code = str(whole_number(path, line, row, "OBEC"))
        total = whole_number(path, line, row, "POCET_OBYVATEL")
        bands = {band: whole_number(path, line, row, column) for column, band in CENSUS_BANDS.items()}
        if sum(bands.values()) != total:
            raise DataFileError(
                path,
                _("the age bands add up to %(sum)d, not to the total %(total)d")
                % {"sum": sum(bands.values()), "total": total},
                line,
            )
        for band, count in [(TOTAL, total), *bands.items()]:
            counts[(code, CENSUS_DATE, "", *band)] = count
    return PopulationTable("municipality", "census2021", counts)


def _parse_czso(path, progress):
    rows_by_level = {}
    indicators = set()
    for line, row in progress(read_rows(path, CZSO_COLUMNS), desc=path.name):
        level = CZSO_LEVELS.get(row["VUZEMI_CIS"])
        if level is None:
            continue  # the whole country (97) and other units: computed, not read
        indicators.add(row["STAPRO_KOD"])
        rows_by_level.setdefault(level, []).append((line, row))
    if not rows_by_level:
        raise DataFileError(path, _("has no rows for municipalities, ORPs, districts or regions"))
    if len(indicators) > 1:
        raise DataFileError(
            path, _("mixes several indicators (stapro_kod %(codes)s)") % {"codes": ", ".join(sorted(indicators))}
        )
    level = next(level for level in LEVEL_ORDER if level in rows_by_level)
    counts, lines = {}, {}
    for line, row in rows_by_level[level]:
        key = (
            str(whole_number(path, line, row, "VUZEMI_KOD")),
            _iso_date(path, line, row["CASREF_DO"]),
            _sex(path, line, row["POHLAVI_KOD"]),
            *_age_band(path, line, row),
        )
        if key in counts:
            raise DataFileError(path, _("repeats the figure of line %(line)d") % {"line": lines[key]}, line)
        counts[key], lines[key] = whole_number(path, line, row, "HODNOTA"), line
    return PopulationTable(level, f"czso:{indicators.pop()}", counts)


def _iso_date(path, line, value):
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        raise DataFileError(path, _("invalid date “%(value)s”") % {"value": value}, line) from None


def _sex(path, line, value):
    if value not in CZSO_SEX:
        raise DataFileError(path, _("unknown sex code “%(value)s”") % {"value": value}, line)
    return CZSO_SEX[value]


def _age_band(path, line, row):
    if not row["VEK_KOD"] and not row["VEK_TXT"]:
        return TOTAL
    match = _BAND.search(row["VEK_TXT"])
    if not match:
        raise DataFileError(path, _("unknown age band “%(value)s”") % {"value": row["VEK_TXT"]}, line)
    below = match.group(2)
    return int(match.group(1)), int(below) - 1 if below else None
