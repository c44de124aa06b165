"""Parsing the ČSÚ territorial codelists (číselníky) and their link files (vazby).

The files are those ČSÚ publishes at https://apl.czso.cz/iSMS/ (see ``DOWNLOADS``):
CIS0100 regions, CIS0101 districts, CIS0065 ORPs, CIS0043 municipalities, and the links
municipality → POU (VAZ0043_0061), → ORP (VAZ0043_0065), → district (VAZ0043_0101) and
district → region (VAZ0100_0101). POUs have no codelist of their own here: their codes and names
come from the municipality → POU link. An ORP's or POU's region and ORP follow from its
municipalities, and the parser checks that each lies in exactly one.
"""

import datetime
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from .csv_files import DataFileError, find_file, no_progress, read_rows, whole_number

CODELIST_COLUMNS = ["CHODNOTA", "TEXT", "ADMNEPO"]
LINK_COLUMNS = ["CHODNOTA1", "TEXT1", "CHODNOTA2", "TEXT2"]

FILES = {
    "CIS0100": CODELIST_COLUMNS + ["ZKRTEXT", "CZNUTS", "KOD_RUIAN"],
    "CIS0101": CODELIST_COLUMNS + ["CZNUTS", "KOD_RUIAN"],
    "CIS0065": CODELIST_COLUMNS + ["KOD_RUIAN"],
    "CIS0043": CODELIST_COLUMNS,
    "VAZ0100_0101": LINK_COLUMNS,
    "VAZ0043_0061": LINK_COLUMNS,
    "VAZ0043_0065": LINK_COLUMNS,
    "VAZ0043_0101": LINK_COLUMNS,
}

# ČSÚ's export endpoint; codelists have typdat=0, links typdat=1 and the link's cisvaz identifier
# as shown on the codelist's page (https://apl.czso.cz/iSMS/cisdata.jsp?kodcis=43, "Vazby").
_EXPORT = "https://apl.czso.cz/iSMS/do_cis_export?cisjaz=203&format=2&separator=%3B&"
DOWNLOADS = {
    "CIS0100": _EXPORT + "kodcis=100&typdat=0",
    "CIS0101": _EXPORT + "kodcis=101&typdat=0",
    "CIS0065": _EXPORT + "kodcis=65&typdat=0",
    "CIS0043": _EXPORT + "kodcis=43&typdat=0",
    "VAZ0100_0101": _EXPORT + "kodcis=100&typdat=1&cisvaz=101_143",
    "VAZ0043_0061": _EXPORT + "kodcis=43&typdat=1&cisvaz=61_1180",
    "VAZ0043_0065": _EXPORT + "kodcis=43&typdat=1&cisvaz=65_1182",
    "VAZ0043_0101": _EXPORT + "kodcis=43&typdat=1&cisvaz=101_1183",
}

OPEN_END = datetime.date(9999, 9, 9)


@dataclass
class Territories:
    """Everything parsed from one set of files, keyed by ČSÚ code, ready to be stored."""

    regions: dict = field(default_factory=dict)
    districts: dict = field(default_factory=dict)
    orps: dict = field(default_factory=dict)
    pous: dict = field(default_factory=dict)
    municipalities: dict = field(default_factory=dict)


def download(directory, urls=None, opener=urllib.request.urlopen):
    """Fetch every file of ``FILES`` into ``directory`` (named as ČSÚ names them) and return it."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for stem, url in (urls or DOWNLOADS).items():
        target = directory / f"{stem}_CS.csv"
        try:
            with opener(url, timeout=60) as response:
                target.write_bytes(response.read())
        except OSError as exc:
            raise DataFileError(url, _("download failed (%(reason)s)") % {"reason": exc}) from exc
    return directory


def parse(directory, progress=None):
    """Read the files in ``directory`` into ``Territories``; raise DataFileError on any fault."""
    progress = progress or no_progress
    paths = {stem: find_file(directory, stem) for stem in FILES}
    rows = {stem: list(progress(_valid_rows(paths[stem], FILES[stem]), desc=paths[stem].name)) for stem in FILES}
    result = Territories()
    _parse_regions(result, rows["CIS0100"], paths["CIS0100"])
    _parse_districts(result, rows, paths)
    _parse_orps(result, rows["CIS0065"], paths["CIS0065"])
    _parse_municipalities(result, rows, paths)
    return result


def _valid_rows(path, columns):
    """Rows in force today: ČSÚ gives a code's validity from ADMPLOD to ADMNEPO (9 Sep 9999 = open)."""
    today = datetime.date.today()
    for line, row in read_rows(path, columns):
        if "ADMNEPO" in row and _date(path, line, row["ADMNEPO"]) < today:
            continue
        if row.get("ADMPLOD") and _date(path, line, row["ADMPLOD"]) > today:
            continue
        yield line, row


def _date(path, line, value):
    if not value:
        return OPEN_END
    try:
        return datetime.datetime.strptime(value, "%d.%m.%Y").date()
    except ValueError:
        raise DataFileError(path, _("invalid date “%(value)s”") % {"value": value}, line) from None


def _code(path, line, row, column="CHODNOTA"):
    return str(whole_number(path, line, row, column))


def _parse_regions(result, rows, path):
    for line, row in rows:
        if not row["KOD_RUIAN"]:  # Extra-Regio, the NUTS bucket for "outside any region"
            continue
        result.regions[_code(path, line, row)] = {
            "name": row["TEXT"],
            "short_name": row["ZKRTEXT"] or row["TEXT"],
            "ruian_code": whole_number(path, line, row, "KOD_RUIAN"),
            "nuts_code": row["CZNUTS"],
        }


def _links(rows, path, reverse=False):
    """Map one side of a link file to the other: ``{code: (line, linked code, linked name)}``."""
    key, other, name = ("CHODNOTA2", "CHODNOTA1", "TEXT1") if reverse else ("CHODNOTA1", "CHODNOTA2", "TEXT2")
    links = {}
    for line, row in rows:
        code = _code(path, line, row, key)
        if code in links:
            raise DataFileError(
                path,
                _("%(code)s is linked twice (also on line %(line)d)") % {"code": code, "line": links[code][0]},
                line,
            )
        links[code] = (line, _code(path, line, row, other), row[name])
    return links


def _parse_districts(result, rows, paths):
    region_of = _links(rows["VAZ0100_0101"], paths["VAZ0100_0101"], reverse=True)
    for line, row in rows["CIS0101"]:
        code = _code(paths["CIS0101"], line, row)
        if code not in region_of or region_of[code][1] not in result.regions:
            continue  # Extra-Regio
        result.districts[code] = {
            "name": row["TEXT"],
            "region": region_of[code][1],
            "ruian_code": whole_number(paths["CIS0101"], line, row, "KOD_RUIAN") if row["KOD_RUIAN"] else None,
            "nuts_code": row["CZNUTS"],
        }


def _parse_orps(result, rows, path):
    for line, row in rows:
        result.orps[_code(path, line, row)] = {
            "name": row["TEXT"],
            "ruian_code": whole_number(path, line, row, "KOD_RUIAN"),
            "region": None,
        }


def _parse_municipalities(result, rows, paths):
    links = {stem: _links(rows[stem], paths[stem]) for stem in ("VAZ0043_0061", "VAZ0043_0065", "VAZ0043_0101")}
    for line, row in rows["CIS0043"]:
        code = _code(paths["CIS0043"], line, row)
        pou_code, orp_code, district_code = (
            _linked(links[stem], code, paths[stem], paths["CIS0043"], line)
            for stem in ("VAZ0043_0061", "VAZ0043_0065", "VAZ0043_0101")
        )
        if orp_code not in result.orps:
            raise DataFileError(
                paths["VAZ0043_0065"], _("unknown ORP %(code)s") % {"code": orp_code}, links["VAZ0043_0065"][code][0]
            )
        if district_code not in result.districts:
            raise DataFileError(
                paths["VAZ0043_0101"],
                _("unknown district %(code)s") % {"code": district_code},
                links["VAZ0043_0101"][code][0],
            )
        region = result.districts[district_code]["region"]
        _settle(result.orps[orp_code], "region", region, paths["VAZ0043_0065"], links["VAZ0043_0065"][code][0])
        pou = result.pous.setdefault(pou_code, {"name": links["VAZ0043_0061"][code][2], "orp": orp_code})
        _settle(pou, "orp", orp_code, paths["VAZ0043_0061"], links["VAZ0043_0061"][code][0])
        result.municipalities[code] = {
            "name": row["TEXT"],
            "pou": pou_code,
            "orp": orp_code,
            "district": district_code,
        }
    for code, orp in result.orps.items():
        if orp["region"] is None:
            raise DataFileError(paths["VAZ0043_0065"], _("ORP %(code)s has no municipality") % {"code": code})


def _linked(links, code, link_path, codelist_path, line):
    if code not in links:
        raise DataFileError(
            link_path,
            _("municipality %(code)s (%(codelist)s, line %(line)d) has no link")
            % {"code": code, "codelist": codelist_path.name, "line": line},
        )
    return links[code][1]


def _settle(record, key, value, path, line):
    """Set ``record[key]`` once; a second, different value means the hierarchy is broken."""
    if record.get(key) not in (None, value):
        raise DataFileError(
            path,
            _("%(name)s lies in two units: %(first)s and %(second)s")
            % {"name": record["name"], "first": record[key], "second": value},
            line,
        )
    record[key] = value
