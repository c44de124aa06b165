"""Minutes and resolutions: drafts stay internal, approved minutes of open meetings are public; DOCX and PDF."""

import datetime
import io
import os

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from pypdf import PdfReader

from kpss.meetings.forms import MinutesForm, ResolutionForm
from kpss.meetings.models import Attachment, Attendance, Minutes, Resolution

pytestmark = pytest.mark.django_db

MINUTES = """# Průběh jednání

Koordinátorka přivítala přítomné a představila **harmonogram**.

- potřeby seniorů
- odlehčovací služby

1. SWOT analýza
2. Různé
"""


@pytest.fixture
def held(world, meeting):
    """The meeting took place a week ago, with attendance, minutes and resolutions recorded."""
    meeting.starts_at = timezone.now() - datetime.timedelta(days=7)
    meeting.status = "held"
    meeting.save()
    jana, petr = (membership.person for membership in world.members)
    Attendance.objects.create(meeting=meeting, person=jana, status="present")
    Attendance.objects.create(meeting=meeting, person=petr, status="excused")
    Attendance.objects.create(meeting=meeting, person=world.member.person, status="absent")
    Attendance.objects.create(meeting=meeting, guest_name="Eva Hostová", guest_organisation="Úřad práce")
    Minutes.objects.create(meeting=meeting, text=MINUTES, author=world.leader)
    Resolution.objects.create(
        meeting=meeting,
        number="PS/3/2020",
        text="Schvaluje SWOT analýzu.",
        votes_for=7,
        votes_against=1,
        votes_abstained=2,
    )
    return meeting


def approve(meeting, on=None):
    Minutes.objects.filter(meeting=meeting).update(approved_on=on or timezone.localdate())


def test_coordinator_writes_minutes_and_approves_them(client, world, meeting):
    meeting.starts_at = timezone.now() - datetime.timedelta(days=2)
    meeting.status = "held"
    meeting.save()
    client.force_login(world.leader)
    url = reverse("meetings:minutes", args=[meeting.pk])
    assert client.post(url, {"text": MINUTES}).status_code == 302
    minutes = Minutes.objects.get(meeting=meeting)
    assert minutes.text == MINUTES.strip() and minutes.author == world.leader and not minutes.is_approved

    page = client.get(url).content.decode()
    assert reverse("meetings:approve_minutes", args=[meeting.pk]) in page
    client.post(reverse("meetings:approve_minutes", args=[meeting.pk]), {"approved_on": timezone.localdate()})
    minutes.refresh_from_db()
    assert minutes.approved_on == timezone.localdate()


@pytest.mark.parametrize("approved_on", ["", "31.2.2020", "2000-01-01", "2999-01-01"])
def test_bad_approval_dates_are_refused(client, world, held, approved_on):
    client.force_login(world.coordinator)
    response = client.post(reverse("meetings:approve_minutes", args=[held.pk]), {"approved_on": approved_on})
    assert response.status_code == 200 and 'aria-invalid="true"' in response.content.decode()
    assert not Minutes.objects.get(meeting=held).is_approved


def test_empty_minutes_are_refused(client, world, meeting):
    client.force_login(world.coordinator)
    response = client.post(reverse("meetings:minutes", args=[meeting.pk]), {"text": ""})
    assert "Toto pole je třeba vyplnit." in response.content.decode()
    assert not Minutes.objects.exists()


def test_approving_missing_minutes_is_404(client, world, meeting):
    client.force_login(world.coordinator)
    response = client.post(reverse("meetings:approve_minutes", args=[meeting.pk]), {"approved_on": "2020-01-01"})
    assert response.status_code == 404


def test_draft_minutes_are_internal(client, world, held):
    assert "Koordinátorka přivítala" not in client.get(held.get_absolute_url()).content.decode()
    assert client.get(reverse("meetings:minutes_pdf", args=[held.pk])).status_code == 302
    for who in ("outsider", "other_member", "other_coordinator"):
        client.force_login(getattr(world, who))
        assert "Koordinátorka přivítala" not in client.get(held.get_absolute_url()).content.decode()
        assert client.get(reverse("meetings:minutes_docx", args=[held.pk])).status_code == 403
    client.force_login(world.member)
    page = client.get(held.get_absolute_url()).content.decode()
    assert "Koordinátorka přivítala" in page and "PS/3/2020" in page


def test_approved_minutes_of_an_open_meeting_are_public(client, world, held):
    approve(held)
    page = client.get(held.get_absolute_url()).content.decode()
    # The Markdown's top heading sits under the page's "Minutes" heading, not beside the page's h1.
    assert "<h3>Průběh jednání</h3>" in page and "<strong>harmonogram</strong>" in page
    assert "PS/3/2020" in page and "Schvaluje SWOT analýzu." in page
    assert "Jana Dvořáková" in page and "Eva Hostová" in page  # attendance names come with the record
    assert client.get(reverse("meetings:minutes_pdf", args=[held.pk])).status_code == 200
    assert client.get(reverse("meetings:minutes_docx", args=[held.pk])).status_code == 200


def test_approved_minutes_of_a_closed_meeting_stay_internal(client, world, held):
    held.is_open = False
    held.save()
    approve(held)
    response = client.get(reverse("meetings:minutes_pdf", args=[held.pk]))
    assert response.status_code == 302
    client.force_login(world.outsider)
    assert client.get(reverse("meetings:minutes_docx", args=[held.pk])).status_code == 403
    assert client.get(held.get_absolute_url()).status_code == 403


def test_names_in_the_attendance_are_shown_only_with_the_record(client, world, held):
    page = client.get(held.get_absolute_url()).content.decode()
    assert "Jana Dvořáková" not in page
    assert "1 host" in page or "1 guest" in page  # the counts are public


def test_minutes_docx_has_the_text_the_attendance_and_the_resolutions(client, world, held):
    approve(held, datetime.date(2020, 3, 11))
    client.force_login(world.member)
    response = client.get(reverse("meetings:minutes_docx", args=[held.pk]))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    document = docx.Document(io.BytesIO(response.content))
    paragraphs = [(paragraph.style.name, paragraph.text) for paragraph in document.paragraphs]
    texts = [text for _style, text in paragraphs]

    assert any("Setkání PS Senioři" in text for text in texts)
    assert ("Heading 2", "Průběh jednání") in paragraphs  # the Markdown heading, one level under "Minutes"
    assert ("Normal", "Koordinátorka přivítala přítomné a představila harmonogram.") in paragraphs
    assert ("List Bullet", "odlehčovací služby") in paragraphs
    assert ("List Number", "SWOT analýza") in paragraphs
    bold = [run.text for paragraph in document.paragraphs for run in paragraph.runs if run.bold]
    assert "harmonogram" in bold
    assert "Jana Dvořáková (Oblastní charita Žďár)" in texts
    assert any(text.startswith("Petr Bez E-mailu") for text in texts)
    assert "Eva Hostová (Úřad práce)" in texts
    [table] = document.tables
    assert [cell.text for cell in table.rows[1].cells] == [
        "PS/3/2020",
        "Schvaluje SWOT analýzu.",
        "7",
        "1",
        "2",
        gettext("yes"),
    ]


def test_minutes_pdf_has_the_title_names_and_resolutions(client, world, held):
    approve(held)
    response = client.get(reverse("meetings:minutes_pdf", args=[held.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    for expected in ("Setkání PS Senioři", "Jana Dvořáková", "Eva Hostová", "Koordinátorka přivítala", "PS/3/2020"):
        assert expected in text


def test_exports_without_minutes_are_404(client, world, meeting):
    client.force_login(world.coordinator)
    assert client.get(reverse("meetings:minutes_pdf", args=[meeting.pk])).status_code == 404
    assert client.get(reverse("meetings:minutes_docx", args=[meeting.pk])).status_code == 404


def resolution_data(**overrides):
    return {
        "number": "PS/4/2020",
        "text": "Doporučuje zařadit opatření.",
        "votes_for": "5",
        "votes_against": "0",
        "votes_abstained": "1",
        "adopted": "on",
        **overrides,
    }


def test_resolutions_are_added_edited_and_deleted(client, world, held):
    client.force_login(world.deputy)
    client.post(reverse("meetings:resolution_add", args=[held.pk]), resolution_data())
    resolution = Resolution.objects.get(number="PS/4/2020")
    assert (resolution.votes_for, resolution.votes_abstained, resolution.adopted) == (5, 1, True)

    client.post(reverse("meetings:resolution_edit", args=[held.pk, resolution.pk]), resolution_data(adopted=""))
    resolution.refresh_from_db()
    assert not resolution.adopted

    client.post(reverse("meetings:resolution_delete", args=[held.pk, resolution.pk]))
    assert not Resolution.objects.filter(pk=resolution.pk).exists()


@pytest.mark.parametrize(
    "overrides",
    [{"votes_for": "-1"}, {"votes_against": "jedna"}, {"number": "PS/3/2020"}, {"number": ""}, {"text": ""}],
    ids=["negative-votes", "not-a-number", "duplicate-number", "no-number", "no-text"],
)
def test_invalid_resolutions_give_errors_and_change_nothing(client, world, held, overrides):
    client.force_login(world.coordinator)
    response = client.post(reverse("meetings:resolution_add", args=[held.pk]), resolution_data(**overrides))
    assert response.status_code == 200 and 'aria-invalid="true"' in response.content.decode()
    assert list(Resolution.objects.values_list("number", flat=True)) == ["PS/3/2020"]


def test_attachments_public_and_internal(client, world, meeting, django_capture_on_commit_callbacks):
    client.force_login(world.coordinator)
    for title, public in (("Pozvánka", "on"), ("Interní podklady", "")):
        upload = SimpleUploadedFile(f"{title}.txt", title.encode())
        client.post(
            reverse("meetings:attachment_add", args=[meeting.pk]), {"title": title, "file": upload, "is_public": public}
        )
    public, internal = Attachment.objects.get(title="Pozvánka"), Attachment.objects.get(title="Interní podklady")
    public_url = reverse("meetings:attachment_download", args=[meeting.pk, public.pk])
    internal_url = reverse("meetings:attachment_download", args=[meeting.pk, internal.pk])
    client.logout()

    page = client.get(meeting.get_absolute_url()).content.decode()
    assert public_url in page and internal_url not in page
    response = client.get(public_url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == "Pozvánka".encode()
    assert client.get(internal_url).status_code == 302
    for who in ("outsider", "other_member"):
        client.force_login(getattr(world, who))
        assert client.get(internal_url).status_code == 403
    client.force_login(world.member)
    assert client.get(internal_url).status_code == 200
    # An attachment is reached only through its own meeting.
    other = reverse("meetings:attachment_download", args=[meeting.pk + 1000, public.pk])
    assert client.get(other).status_code == 404

    # A public attachment of a closed meeting is for who sees the meeting's internals.
    meeting.is_open = False
    meeting.save()
    client.force_login(world.outsider)
    assert client.get(public_url).status_code == 403

    client.force_login(world.leader)
    path = public.file.path
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("meetings:attachment_delete", args=[meeting.pk, public.pk]))
    assert not Attachment.objects.filter(pk=public.pk).exists()
    assert not os.path.exists(path)


def test_attachment_without_a_file_is_refused(client, world, meeting):
    client.force_login(world.coordinator)
    response = client.post(reverse("meetings:attachment_add", args=[meeting.pk]), {"title": "Nic"})
    assert response.status_code == 200 and 'aria-invalid="true"' in response.content.decode()
    assert not Attachment.objects.exists()


def test_changing_approved_minutes_needs_a_new_approval(client, world, held):
    approve(held, datetime.date(2020, 1, 1))
    client.force_login(world.leader)
    url = reverse("meetings:minutes", args=[held.pk])
    # Saving the same text (as a browser sends it, with CRLF) keeps the approval.
    client.post(url, {"text": MINUTES.replace("\n", "\r\n")})
    assert Minutes.objects.get(meeting=held).approved_on == datetime.date(2020, 1, 1)

    response = client.post(url, {"text": MINUTES + "\nDodatek, který skupina neviděla."}, follow=True)
    minutes = Minutes.objects.get(meeting=held)
    assert "Dodatek" in minutes.text and not minutes.is_approved
    assert "Zápis byl uložen. Jeho text se změnil, proto je třeba jej znovu schválit." in response.content.decode()
    client.logout()
    assert "Dodatek" not in client.get(held.get_absolute_url()).content.decode()  # not public without approval


def test_only_minutes_of_a_held_meeting_are_approved(client, world, meeting):
    meeting.starts_at = timezone.now() - datetime.timedelta(days=2)
    meeting.save()  # still planned
    Minutes.objects.create(meeting=meeting, text="Zápis předem.")
    client.force_login(world.coordinator)
    assert (
        reverse("meetings:approve_minutes", args=[meeting.pk])
        not in client.get(reverse("meetings:minutes", args=[meeting.pk])).content.decode()
    )
    url = reverse("meetings:approve_minutes", args=[meeting.pk])
    response = client.post(url, {"approved_on": timezone.localdate()}, follow=True)
    assert "Schválit lze jen zápis z proběhlého jednání." in response.content.decode()
    assert not Minutes.objects.get(meeting=meeting).is_approved


def test_minutes_docx_drops_control_characters(client, world, held):
    held.title = "Setkání\x01 PS"
    held.save()
    Minutes.objects.filter(meeting=held).update(text="První\x0břádek zápisu\x1f.")
    Resolution.objects.filter(meeting=held).update(text="Schvaluje\x0c rozpočet.")
    client.force_login(world.coordinator)
    response = client.get(reverse("meetings:minutes_docx", args=[held.pk]))
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Setkání PS" in text and "Prvnířádek zápisu." in text
    assert "Schvaluje rozpočet." in document.tables[0].rows[1].cells[1].text


def test_a_resolution_number_taken_meanwhile_is_a_form_error(client, world, held, monkeypatch):
    """Two people add the same number at once: both pass the form's check, the database refuses the second."""
    monkeypatch.setattr(ResolutionForm, "clean_number", lambda form: form.cleaned_data["number"])
    client.force_login(world.coordinator)
    response = client.post(reverse("meetings:resolution_add", args=[held.pk]), resolution_data(number="PS/3/2020"))
    assert response.status_code == 200 and 'aria-invalid="true"' in response.content.decode()
    assert list(Resolution.objects.values_list("number", flat=True)) == ["PS/3/2020"]


def test_minutes_created_meanwhile_are_not_overwritten(client, world, meeting, monkeypatch):
    client.force_login(world.coordinator)
    page = client.get(reverse("meetings:minutes", args=[meeting.pk]))  # no minutes yet
    assert page.status_code == 200
    original = MinutesForm.save

    def someone_else_first(form, commit=True):
        Minutes.objects.create(meeting=meeting, text="Zápis kolegy.")
        return original(form, commit)

    monkeypatch.setattr(MinutesForm, "save", someone_else_first)
    response = client.post(reverse("meetings:minutes", args=[meeting.pk]), {"text": "Můj zápis."}, follow=True)
    assert response.status_code == 200 and "Ve stejné chvíli uložil zápis někdo jiný" in response.content.decode()
    assert not Minutes.objects.filter(text="Můj zápis.").exists()
