"""XLSX downloads (openpyxl) that are safe to open: text stays text.

openpyxl stores a string starting with "=" as a formula; a suggestion typed by anyone must never
become a live formula (a link, a call that leaks data) in the file a coordinator opens. Cells
written by ``append_row`` hold strings as strings, which no spreadsheet program evaluates.
"""

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from .documents import download

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "d.m.yyyy"


def append_row(sheet, values, bold=False):
    """Append ``values`` as one row; strings always as text, dates formatted as Czech dates."""
    sheet.append([None] * len(values))
    for cell, value in zip(sheet[sheet.max_row], values, strict=True):
        if isinstance(value, str):
            cell.value = value
            cell.data_type = "s"  # a shared string: shown as typed, never evaluated
        else:
            cell.value = value
            if hasattr(value, "year"):
                cell.number_format = DATE_FORMAT
        if bold:
            cell.font = Font(bold=True)


def new_workbook(title):
    workbook = Workbook()
    workbook.active.title = title[:31]  # the longest sheet name spreadsheet programs accept
    return workbook, workbook.active


def xlsx_response(workbook, name):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return download(buffer.getvalue(), XLSX, name, "xlsx")
