"""Meeting pages in a real browser: they work without JavaScript tricks and pass axe-core."""

import datetime

import pytest
from django.utils import timezone
from docx import Document
from playwright.sync_api import expect
from pypdf import PdfReader

from kpss.core.tests.browser import check, log_in, visit
from kpss.meetings.models import AgendaItem, Attendance, Meeting, Minutes, Resolution
from kpss.processes.tests.factories import MeetingFactory

from .test_invitations import calendar_of

pytestmark = pytest.mark.browser


@pytest.fixture
def held(world, meeting):
    meeting.starts_at = timezone.now() - datetime.timedelta(days=7)
    meeting.status = Meeting.Status.HELD
    meeting.accessibility = "Bezbariérový vstup, tlumočník do znakového jazyka"
    meeting.headcount = 35
    meeting.save()
    AgendaItem.objects.create(meeting=meeting, order=1, title="Zahájení", presenter="Libor Vedoucí", minutes=10)
    AgendaItem.objects.create(meeting=meeting, order=2, title="SWOT analýza")
    Attendance.objects.create(meeting=meeting, person=world.members[0].person, status="present")
    Attendance.objects.create(meeting=meeting, guest_name="Eva Hostová", guest_organisation="Úřad práce")
    Minutes.objects.create(
        meeting=meeting,
        text="# Průběh\n\nPřítomní probrali **SWOT**.\n\n- silné stránky",
        approved_on=timezone.localdate(),
    )
    Resolution.objects.create(meeting=meeting, number="PS/1/2020", text="Schvaluje SWOT.", votes_for=8, votes_against=0)
    return meeting


def test_calendar_filters_and_pages(page, world):
    soon = timezone.now() + datetime.timedelta(days=3)
    MeetingFactory(group=world.group, title="Setkání seniorů", starts_at=soon)
    MeetingFactory(group=world.group, title="Seminář pro triády", kind="seminar", starts_at=soon)
    MeetingFactory(
        group=world.group, title="Zrušené setkání", starts_at=soon, status="cancelled", cancellation_reason="Nemoc"
    )
    visit(page, "/meetings/calendar/", "calendar")
    expect(page.locator("main tbody tr")).to_have_count(3)

    page.select_option("#id_kind", "seminar")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/calendar/?*kind=seminar*")
    check(page, "filtered")
    assert page.locator("main tbody a").all_inner_texts() == ["Seminář pro triády"]

    page.click("main .kpss-toggle a")
    check(page, "past")
    expect(page.locator("main tbody tr")).to_have_count(0)


def test_public_meeting_page_with_minutes(page, world, held):
    visit(page, held.get_absolute_url(), "detail")
    expect(page.locator("h1")).to_have_text("Setkání PS Senioři")
    expect(page.locator(".kpss-agenda li")).to_have_count(2)
    expect(page.locator(".kpss-minutes h3")).to_have_text("Průběh")
    expect(page.locator(".kpss-resolutions tbody tr")).to_have_count(1)
    expect(page.locator(".kpss-manage")).to_have_count(0)


def test_cancelled_meeting_page(page, world, meeting):
    meeting.status, meeting.cancellation_reason = "cancelled", "Setkání se kvůli epidemii nekoná."
    meeting.save()
    visit(page, meeting.get_absolute_url(), "cancelled")
    expect(page.locator(".kpss-cancelled")).to_contain_text("kvůli epidemii")


def test_coordinator_creates_a_meeting_and_records_attendance(page, world):
    log_in(page, world.leader)
    visit(page, f"/meetings/group/{world.group.pk}/new/", "create")
    page.fill("#id_title", "Setkání PS v dubnu")
    page.fill("#id_date", "2030-04-15")
    page.fill("#id_start_time", "14:00")
    page.fill("#id_end_time", "13:00")
    page.fill("#id_place", "Radnice")
    page.click("main form button[type=submit]")
    expect(page.locator("#id_end_time_error")).to_be_visible()
    check(page, "create-error")
    page.fill("#id_end_time", "16:00")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/meetings/*/")
    check(page, "detail-manager")
    meeting = Meeting.objects.get(title="Setkání PS v dubnu")

    visit(page, f"/meetings/{meeting.pk}/agenda/", "agenda")
    page.fill("#id_agenda_items-0-title", "Zahájení")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/meetings/{meeting.pk}/")

    visit(page, f"/meetings/{meeting.pk}/attendance/", "attendance")
    jana = world.members[0].person
    page.locator("fieldset", has_text="Jana Dvořáková").locator("input[value=excused]").check()
    page.fill("#id_guests-0-guest_name", "Eva Hostová")
    page.fill("#id_guests-0-guest_organisation", "Úřad práce")
    page.fill("#id_meeting-headcount", "12")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/meetings/{meeting.pk}/")
    check(page, "after-attendance")
    assert meeting.attendances.get(person=jana).status == "excused"
    assert meeting.attendances.get(person__isnull=True).guest_name == "Eva Hostová"


def test_minutes_page(page, world, held):
    Minutes.objects.filter(meeting=held).update(approved_on=None)
    log_in(page, world.coordinator)
    visit(page, f"/meetings/{held.pk}/minutes/", "minutes")
    page.fill("#id_text", "# Průběh\n\nUpravený zápis.")
    page.locator("main form", has=page.locator("#id_text")).locator("button[type=submit]").click()
    page.wait_for_url(f"**/meetings/{held.pk}/minutes/")
    check(page, "saved")
    page.fill("#id_approved_on", "2000-01-01")
    page.locator("main form", has=page.locator("#id_approved_on")).locator("button[type=submit]").click()
    expect(page.locator("#id_approved_on_error")).to_be_visible()
    check(page, "approve-error")

    visit(page, f"/meetings/{held.pk}/resolutions/new/", "resolution")
    page.fill("#id_number", "PS/2/2020")
    page.fill("#id_text", "Doporučuje opatření.")
    page.fill("#id_votes_for", "-3")
    page.click("main form button[type=submit]")
    expect(page.locator("#id_votes_for_error")).to_be_visible()
    check(page, "resolution-error")


def test_a_coordinator_runs_a_meeting_from_invitation_to_exported_minutes(page, world, mailoutbox):
    log_in(page, world.coordinator)
    page.goto(f"/meetings/group/{world.group.pk}/new/")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    page.fill("#id_title", "Setkání PS Senioři k SWOT")
    page.fill("#id_date", yesterday.isoformat())
    page.fill("#id_start_time", "14:00")
    page.fill("#id_end_time", "16:00")
    page.fill("#id_place", "Radnice, zasedací místnost")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/meetings/*/")
    meeting = Meeting.objects.get(title="Setkání PS Senioři k SWOT")

    page.locator(f"form[action='/meetings/{meeting.pk}/invite/'] button").click()
    page.wait_for_url(f"**/meetings/{meeting.pk}/")
    check(page, "invited")
    calendar, method = calendar_of(mailoutbox[0])
    [event] = calendar.walk("VEVENT")
    assert method == "REQUEST" and str(event["SUMMARY"]) == "Setkání PS Senioři k SWOT"
    assert len(mailoutbox) == 4  # the current members with an e-mail

    page.goto(f"/meetings/{meeting.pk}/attendance/")
    page.locator("fieldset", has_text="Jana Dvořáková").locator("input[value=present]").check()
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/meetings/{meeting.pk}/")
    page.locator(f"form[action='/meetings/{meeting.pk}/held/'] button").click()
    page.wait_for_url(f"**/meetings/{meeting.pk}/")

    page.goto(f"/meetings/{meeting.pk}/minutes/")
    page.fill("#id_text", "# Průběh\n\nSkupina sestavila **SWOT** analýzu.")
    page.locator("main form", has=page.locator("#id_text")).locator("button[type=submit]").click()
    page.wait_for_url(f"**/meetings/{meeting.pk}/minutes/")
    page.goto(f"/meetings/{meeting.pk}/resolutions/new/")
    page.fill("#id_number", "PS/1/2026")
    page.fill("#id_text", "Skupina schvaluje SWOT analýzu.")
    page.fill("#id_votes_for", "9")
    page.fill("#id_votes_against", "0")
    page.fill("#id_votes_abstained", "1")
    page.click("main form button[type=submit]")
    page.goto(f"/meetings/{meeting.pk}/")
    check(page, "with-minutes")

    with page.expect_download() as docx:
        page.click(f"a[href='/meetings/{meeting.pk}/minutes.docx']")
    text = "\n".join(paragraph.text for paragraph in Document(docx.value.path()).paragraphs)
    assert "Skupina sestavila SWOT analýzu." in text and "Jana Dvořáková" in text
    with page.expect_download() as pdf:
        page.click(f"a[href='/meetings/{meeting.pk}/minutes.pdf']")
    pdf_text = "".join(p.extract_text() for p in PdfReader(pdf.value.path()).pages)
    assert "PS/1/2026" in pdf_text and "Setkání PS Senioři k SWOT" in pdf_text
