"""The programme's indicators as a workbook for the project reports."""

from django.utils.translation import gettext as _

from kpss.core.spreadsheets import append_row, new_workbook, xlsx_response

PERCENT_COLUMN = 5


def indicators_xlsx(programme, indicators):
    """One row per indicator: name, how counted, target, value, percent of the target, met."""
    workbook, sheet = new_workbook(_("Indicators"))
    append_row(sheet, [str(programme)], bold=True)
    header = [_("Indicator"), _("How it is counted"), _("Target"), _("Value"), _("Percent of the target"), _("Met")]
    append_row(sheet, header, bold=True)
    for indicator in indicators:
        append_row(
            sheet,
            [
                indicator.name,
                indicator.get_measure_display(),
                indicator.target,
                indicator.value,
                indicator.percent / 100,
                _("yes") if indicator.is_met else _("no"),
            ],
        )
        sheet.cell(row=sheet.max_row, column=PERCENT_COLUMN).number_format = "0%"
    for column, width in zip("ABCDEF", (50, 50, 10, 10, 12, 8), strict=True):
        sheet.column_dimensions[column].width = width
    return xlsx_response(workbook, _("indicators %(programme)s") % {"programme": programme})
