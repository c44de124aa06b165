"""The programme's indicators as a workbook for the project reports."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from kpss.core.documents import download

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def indicators_xlsx(programme, indicators):
    """One row per indicator: name, how counted, target, value, percent of the target, met."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Indicators")[:31]
    sheet.append([str(programme)])
    sheet["A1"].font = Font(bold=True)
    header = [_("Indicator"), _("How it is counted"), _("Target"), _("Value"), _("Percent of the target"), _("Met")]
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for indicator in indicators:
        sheet.append(
            [
                indicator.name,
                indicator.get_measure_display(),
                indicator.target,
                indicator.value,
                indicator.percent / 100,
                _("yes") if indicator.is_met else _("no"),
            ]
        )
        sheet.cell(row=sheet.max_row, column=5).number_format = "0%"
    for column, width in zip("ABCDEF", (50, 50, 10, 10, 12, 8), strict=True):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return download(buffer.getvalue(), XLSX, _("indicators %(programme)s") % {"programme": programme}, "xlsx")
