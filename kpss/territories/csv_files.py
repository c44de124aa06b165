"""Reading the ČSÚ open-data CSV files: either delimiter, either encoding, errors with file and line."""

import csv
import io
from pathlib import Path

from django.utils.translation import gettext as _


class DataFileError(Exception):
    """A data file is missing or malformed. The message names the file and, where known, the line."""

    def __init__(self, path, message, line=None):
        self.path = Path(path)
        self.line = line
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {message}")


def decode(path):
    """Return the text of ``path``; ČSÚ publishes UTF-8 and windows-1250 files."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise DataFileError(path, _("cannot be read (%(reason)s)") % {"reason": exc.strerror}) from exc
    for encoding in ("utf-8-sig", "cp1250"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataFileError(path, _("is neither UTF-8 nor windows-1250 text"))


def read_rows(path, required_columns):
    """Yield ``(line_number, row)`` for each data row of a CSV file, ``row`` keyed by column name.

    The delimiter is taken from the header line (ČSÚ uses ``;`` in most files and ``,`` in some).
    A header without ``required_columns`` or a row of the wrong width raises DataFileError.
    """
    text = decode(path)
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        columns = [name.strip().upper() for name in next(reader)]
    except StopIteration:
        raise DataFileError(path, _("is empty"), line=1) from None
    except csv.Error as exc:
        raise DataFileError(path, str(exc), line=1) from exc
    missing = [name for name in required_columns if name.upper() not in columns]
    if missing:
        raise DataFileError(path, _("missing columns: %(columns)s") % {"columns": ", ".join(missing)}, line=1)
    try:
        for values in reader:
            if not any(value.strip() for value in values):
                continue
            if len(values) != len(columns):
                raise DataFileError(
                    path,
                    _("expected %(expected)d values, found %(found)d")
                    % {"expected": len(columns), "found": len(values)},
                    line=reader.line_num,
                )
            yield reader.line_num, dict(zip(columns, (v.strip() for v in values), strict=True))
    except csv.Error as exc:
        raise DataFileError(path, str(exc), line=reader.line_num) from exc


def whole_number(path, line, row, column):
    """``row[column]`` as an int; anything but ASCII digits is a DataFileError naming the column."""
    value = row[column]
    if not (value.isascii() and value.isdigit()):
        raise DataFileError(
            path,
            _("column %(column)s: “%(value)s” is not a whole number") % {"column": column.lower(), "value": value},
            line,
        )
    return int(value)


def no_progress(rows, **kwargs):
    """The progress callback when nobody watches: pass the rows through."""
    return rows


def find_file(directory, stem):
    """The file in ``directory`` whose name contains ``stem`` (``CIS0043`` finds ``csu_CIS0043_CS.csv``)."""
    matches = sorted(p for p in Path(directory).glob("*.csv") if stem.lower() in p.name.lower())
    if not matches:
        raise DataFileError(Path(directory) / f"{stem}*.csv", _("file not found"))
    return matches[0]
