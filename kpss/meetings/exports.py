"""Minutes as a Word document: meeting data, attendance, the minutes text and the resolutions."""

import re
from html.parser import HTMLParser

from django.utils import formats, timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from docx import Document

from kpss.core.markdown import render_markdown

from .ical import location

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 4, "h6": 4}
HEADING_TAG = re.compile(r"<(/?)h([1-6])>")
# XML 1.0, and so a Word document, cannot hold these; python-docx refuses text containing them.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def word_text(value):
    """``value`` as text a Word document can hold."""
    return CONTROL_CHARACTERS.sub("", str(value))


def minutes_html(text, top_level=3):
    """Minutes as safe HTML whose headings start at ``top_level``, under the page's own headings.

    The sanitiser leaves heading tags without attributes, so shifting their level by pattern is safe.
    """

    def shift(match):
        return f"<{match[1]}h{min(int(match[2]) + top_level - 1, 6)}>"

    return mark_safe(HEADING_TAG.sub(shift, render_markdown(text)))  # nh3 has sanitised it


class WordWriter(HTMLParser):
    """Turns the sanitised HTML of rendered Markdown into Word paragraphs with Word's own styles.

    Headings keep their level (one below the document's title), lists become List Bullet / List
    Number paragraphs, quotes Quote; bold, italic and code stay as run formatting.
    """

    def __init__(self, document, top_level=1):
        super().__init__()
        self.document = document
        self.top_level = top_level
        self.paragraph = None
        self.lists = []  # "ul" or "ol" for each open list
        self.quoted = False
        self.bold = self.italic = self.code = 0

    def start(self, style=None):
        self.paragraph = self.document.add_paragraph(style=style)

    def handle_starttag(self, tag, attrs):
        if tag in HEADINGS:
            self.paragraph = self.document.add_heading(level=min(HEADINGS[tag] + self.top_level, 9))
        elif tag in ("ul", "ol"):
            self.lists.append(tag)
        elif tag == "li":
            kind = "List Number" if self.lists and self.lists[-1] == "ol" else "List Bullet"
            self.start(kind if len(self.lists) < 2 else f"{kind} 2")
        elif tag == "p":
            if not (self.paragraph is not None and self.lists):  # a loose list's <p> stays in its item
                self.start("Quote" if self.quoted else None)
        elif tag == "blockquote":
            self.quoted = True
        elif tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i"):
            self.italic += 1
        elif tag == "code":
            self.code += 1
        elif tag in ("br", "tr"):
            self.start()

    def handle_endtag(self, tag):
        if tag in HEADINGS or tag in ("p", "li", "pre"):
            self.paragraph = None
        elif tag in ("ul", "ol"):
            self.lists.pop()
            self.paragraph = None
        elif tag == "blockquote":
            self.quoted = False
        elif tag in ("strong", "b"):
            self.bold -= 1
        elif tag in ("em", "i"):
            self.italic -= 1
        elif tag == "code":
            self.code -= 1

    def handle_data(self, data):
        if self.paragraph is None:
            if not data.strip():
                return  # whitespace between blocks
            self.start()
        data = word_text(data)
        run = self.paragraph.add_run(data if self.paragraph.runs else data.lstrip())
        run.bold = bool(self.bold) or None
        run.italic = bool(self.italic) or None
        if self.code:
            run.font.name = "Courier New"


def add_markdown(document, text, top_level=1):
    writer = WordWriter(document, top_level)
    writer.feed(render_markdown(text))
    writer.close()


def minutes_document(meeting, record, minutes, resolutions):
    """A python-docx Document of the minutes; ``record`` comes from queries.attendance_record."""
    document = Document()
    document.add_heading(word_text(_("Minutes: %(title)s") % {"title": meeting.title}), level=0)

    starts = timezone.localtime(meeting.starts_at)
    facts = [
        (_("Process"), meeting.process.name),
        (_("Group"), meeting.group.name if meeting.group else ""),
        (_("Kind"), meeting.get_kind_display()),
        (
            _("Date and time"),
            f"{formats.date_format(starts, 'DATE_FORMAT')}, "
            f"{formats.time_format(starts, 'TIME_FORMAT')}–"
            f"{formats.time_format(timezone.localtime(meeting.ends_at), 'TIME_FORMAT')}",
        ),
        (_("Place"), location(meeting)),
        (_("Status"), meeting.get_status_display()),
    ]
    if minutes.approved_on:
        facts.append((_("Minutes approved on"), formats.date_format(minutes.approved_on, "DATE_FORMAT")))
    for label, value in facts:
        if value:
            paragraph = document.add_paragraph()
            paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(word_text(value))

    document.add_heading(_("Attendance"), level=1)
    sections = [
        (_("Present"), record["present"]),
        (_("Excused"), record["excused"]),
        (_("Absent"), record["absent"]),
        (_("Guests"), record["guests"]),
    ]
    for label, attendances in sections:
        document.add_heading(label, level=2)
        if not attendances:
            document.add_paragraph(_("nobody"))
        for attendance in attendances:
            name = attendance.guest_name if attendance.is_guest else str(attendance.person)
            organisation = f" ({attendance.organisation_name})" if attendance.organisation_name else ""
            document.add_paragraph(word_text(f"{name}{organisation}"), style="List Bullet")
    if meeting.headcount is not None:
        document.add_paragraph(_("Headcount: %(count)s") % {"count": formats.number_format(meeting.headcount)})

    document.add_heading(_("Minutes"), level=1)
    add_markdown(document, minutes.text, top_level=1)

    document.add_heading(_("Resolutions"), level=1)
    if not resolutions:
        document.add_paragraph(_("No resolutions."))
    else:
        headers = [_("Number"), _("Text"), _("For"), _("Against"), _("Abstained"), _("Adopted")]
        table = document.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        for cell, header in zip(table.rows[0].cells, headers, strict=True):
            cell.text = header
            cell.paragraphs[0].runs[0].bold = True
        for resolution in resolutions:
            votes = (resolution.votes_for, resolution.votes_against, resolution.votes_abstained)
            values = [
                resolution.number,
                resolution.text,
                *("" if vote is None else str(vote) for vote in votes),
                _("yes") if resolution.adopted else _("no"),
            ]
            for cell, value in zip(table.add_row().cells, values, strict=True):
                cell.text = word_text(value)
    return document
