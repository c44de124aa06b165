"""The suggestions agenda as the table a steering group approves: XLSX and DOCX. Never any contact."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Cm, Pt
from openpyxl.styles import Alignment

from kpss.core import spreadsheets
from kpss.meetings.exports import word_text


def columns():
    return [
        _("Code"),
        _("Received on"),
        _("Received"),
        _("Topic"),
        _("Municipality"),
        _("Suggestion"),
        _("Assigned to"),
        _("Status"),
        _("Settlement"),
        _("Answer"),
        _("Settled on"),
    ]


def assigned_to(suggestion):
    """The group and/or department, with the dates, in one cell."""
    parts = []
    if suggestion.group:
        parts.append(
            _("%(group)s (since %(date)s)") % {"group": suggestion.group.name, "date": _day(suggestion.assigned_on)}
        )
    if suggestion.department:
        values = {"department": suggestion.department, "date": _day(suggestion.forwarded_on)}
        parts.append(_("forwarded to %(department)s on %(date)s") % values)
    return "; ".join(parts)


def _day(value):
    return formats.date_format(value, "SHORT_DATE_FORMAT") if value else ""


def row(suggestion, day=_day):
    return [
        suggestion.code,
        day(suggestion.received_on),
        suggestion.get_source_display(),
        suggestion.get_topic_display(),
        suggestion.municipality.name if suggestion.municipality else "",
        word_text(suggestion.text),
        assigned_to(suggestion),
        suggestion.get_status_display(),
        suggestion.get_settlement_display(),
        word_text(suggestion.answer),
        day(suggestion.settled_on),
    ]


def title(process):
    return _("Suggestions agenda: %(process)s") % {"process": process.name}


WIDTHS = [12, 12, 14, 22, 20, 60, 30, 16, 22, 60, 12]


def xlsx_response(process, suggestions):
    """Anyone's text as text cells (kpss.core.spreadsheets): a suggestion "=..." is never a formula."""
    workbook, sheet = spreadsheets.new_workbook(_("Suggestions"))
    spreadsheets.append_row(sheet, columns(), bold=True)
    for suggestion in suggestions:
        # Real dates, so that a spreadsheet sorts and filters them as dates.
        spreadsheets.append_row(sheet, row(suggestion, day=lambda value: value))
    for index, width in enumerate(WIDTHS, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = width
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    return spreadsheets.xlsx_response(workbook, f"agenda-{process.name}")


def agenda_document(process, suggestions):
    """A landscape Word document: heading naming the process and the date, then the table."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    document.add_heading(title(process), level=1)
    today = formats.date_format(timezone.localdate(), "DATE_FORMAT")
    document.add_paragraph(_("State on %(date)s.") % {"date": today})
    header = columns()
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, header, strict=True):
        cell.text = label
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for suggestion in suggestions:
        for cell, value in zip(table.add_row().cells, row(suggestion), strict=True):
            cell.text = str(value)
    for line in table.rows:
        for cell in line.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(8)
    if not suggestions:
        document.add_paragraph(_("No suggestions match."))
    return document
