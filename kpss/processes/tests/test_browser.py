"""The pages of a process in a real browser: they work without JavaScript tricks and pass axe-core."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kpss.core.tests.browser import check, log_in, visit
from kpss.meetings.models import Attendance, Meeting
from kpss.processes.models import Document, DocumentVersion, Group, Membership, Milestone, PlanningProcess, Stage, Step

from .factories import MeetingFactory, OrganisationFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def furnished(world):
    """Process A with a schedule, done steps, meetings with attendance and documents."""
    process = world.process
    process.budget = "1609236.80"
    process.funding_note = "Operační program Zaměstnanost"
    process.realiser = OrganisationFactory(name="Centrum pro komunitní práci")
    process.description = "Navazujeme na **předchozí** plán."
    process.save()
    Step.objects.filter(phase__process=process, phase__number=1).update(done_on=datetime.date(2018, 6, 26))
    stage = Stage.objects.create(
        process=process,
        name="Ustavení struktury",
        starts_on=datetime.date(2018, 5, 1),
        ends_on=datetime.date(2018, 12, 31),
        closing_criterion="Triády a řídící skupina ustaveny",
        closed_on=datetime.date(2018, 12, 17),
    )
    Stage.objects.create(
        process=process, name="Analýzy", starts_on=datetime.date(2019, 1, 1), ends_on=datetime.date(2019, 10, 31)
    )
    Milestone.objects.create(process=process, stage=stage, title="První jednání ŘS", due_on=datetime.date(2018, 6, 26))
    Milestone.objects.create(
        process=process, title="Analýza poskytovatelů", due_on=datetime.date(2019, 9, 1), precision="month"
    )
    future = timezone.localdate() + datetime.timedelta(days=60)
    Milestone.objects.create(process=process, title="Schválení plánu", due_on=future)
    leader = Membership.objects.get(person__user=world.leader)
    leader.organisation = OrganisationFactory(name="Domov pro seniory")
    leader.save()
    for year in (2018, 2019):
        meeting = MeetingFactory(
            group=world.seniors, status="held", starts_at=datetime.datetime(year, 3, 1, 14, tzinfo=datetime.UTC)
        )
        Attendance.objects.create(meeting=meeting, person=leader.person)
    MeetingFactory(group=world.seniors, title="Setkání pracovní skupiny Senioři")
    Meeting.objects.create(
        process=process,
        kind="public",
        title="Veřejné setkání",
        starts_at=timezone.now() + datetime.timedelta(days=20),
        place="Kulturní dům",
    )
    statute = Document.objects.create(process=process, kind="statute", title="Statut komunitního plánování")
    DocumentVersion.objects.create(
        document=statute, label="2018", text="## Článek 1\n\nÚčel.", approved_on=datetime.date(2018, 6, 26)
    )
    DocumentVersion.objects.create(document=statute, label="2019", text="Návrh změn.")
    return world


def test_list(page, furnished):
    visit(page, "/processes/", "list")
    expect(page.get_by_role("link", name=furnished.process.name)).to_be_visible()
    page.select_option("#id_region", label="Kraj Vysočina")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/processes/?region=*")
    check(page, "filtered")


def test_detail(page, furnished):
    visit(page, furnished.process.get_absolute_url(), "anonymous")
    expect(page.locator("main")).to_contain_text("1\xa0609\xa0236,80\xa0Kč")
    expect(page.locator("main")).to_contain_text("Veřejné setkání")
    log_in(page, furnished.coordinator)
    visit(page, furnished.process.get_absolute_url(), "coordinator")


def test_phases(page, furnished):
    log_in(page, furnished.coordinator)
    visit(page, f"/processes/{furnished.process.pk}/phases/", "phases")
    page.click("a[href$='/phases/2/steps/new/']")
    page.fill("#id_title", "Ustavit pracovní skupinu pro seniory")
    check(page, "step-form")
    page.click("main form button[type=submit]")
    expect(page.locator("main")).to_contain_text("Ustavit pracovní skupinu pro seniory")
    step = Step.objects.get(title="Ustavit pracovní skupinu pro seniory")
    page.click(f"a[href$='/steps/{step.pk}/done/']")
    check(page, "mark-done")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/phases/")
    check(page, "marked")
    step.refresh_from_db()
    assert step.done_on == timezone.localdate()


def test_schedule(page, furnished):
    visit(page, f"/processes/{furnished.process.pk}/schedule/", "schedule")
    assert page.locator(".processes-timeline[aria-hidden=true] .processes-timeline__bar").count() == 2
    expect(page.locator("tr.processes-overdue")).to_have_count(3)  # the open stage, two late milestones
    log_in(page, furnished.coordinator)
    visit(page, f"/processes/{furnished.process.pk}/schedule/milestones/new/", "milestone-form")
    page.fill("#id_title", "Konference")
    # no due date: the form says so and keeps the title
    page.click("main form button[type=submit]")
    expect(page.locator(".kpss-form-errors")).to_be_visible()
    expect(page.locator("#id_title")).to_have_value("Konference")
    assert page.locator("#id_due_on").get_attribute("aria-invalid") == "true"
    check(page, "milestone-error")


def test_group(page, furnished):
    url = furnished.seniors.get_absolute_url()
    visit(page, url, "anonymous")
    expect(page.locator("main")).to_contain_text("Domov pro seniory")
    log_in(page, furnished.coordinator)
    visit(page, url, "coordinator")
    expect(page.locator(".processes-members").first).to_contain_text(furnished.member.email)


def test_dashboard(page, furnished):
    log_in(page, furnished.coordinator)
    visit(page, f"/processes/{furnished.process.pk}/dashboard/", "dashboard")
    row = page.locator(".processes-matrix tbody tr", has_text="Senioři")
    assert row.locator("td").all_inner_texts() == ["1", "1", "2"]


def test_documents(page, furnished):
    visit(page, f"/processes/{furnished.process.pk}/documents/", "anonymous")
    expect(page.locator("main")).not_to_contain_text("Návrh změn.")
    log_in(page, furnished.member)
    visit(page, f"/processes/{furnished.process.pk}/documents/", "member")


def test_a_coordinator_sets_up_a_process_with_groups_and_members(page, demo_territory, site_coordinator):
    log_in(page, site_coordinator)
    visit(page, "/processes/", "list")
    page.click("main a[href='/processes/new/']")
    check(page, "create-form")
    page.fill("#id_name", "Komunitní plánování ORP Žďár nad Sázavou 2025–2027")
    page.select_option("#id_scope", "orp")
    page.select_option("#id_region", label="Kraj Vysočina")
    page.select_option("#id_orp", label="Žďár nad Sázavou")
    page.fill("#id_starts_on", "2025-01-01")
    page.fill("#id_ends_on", "2027-12-31")
    page.fill("#id_budget", "2500000")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/processes/*/")
    check(page, "created")
    process = PlanningProcess.objects.get()
    assert process.phases.count() == 6

    def new_group(name, kind, focus="", theme=None, municipalities=()):
        page.goto(f"/processes/{process.pk}/groups/new/")
        page.select_option("#id_kind", kind)
        page.fill("#id_name", name)
        if focus:
            page.select_option("#id_focus", focus)
        if theme:
            page.select_option("#id_theme", theme)
        if municipalities:
            page.select_option("#id_municipalities", label=list(municipalities))
        page.click("main form button[type=submit]")
        page.wait_for_url("**/groups/*/")
        return Group.objects.get(process=process, name=name)

    steering = new_group("Řídící skupina", "steering")
    check(page, "steering-group")
    new_group("Senioři", "working", "thematic", "seniors")
    territorial = new_group("Novoměstsko", "working", "territorial", municipalities=["Nové Město na Moravě"])
    assert list(territorial.municipalities.values_list("name", flat=True)) == ["Nové Město na Moravě"]

    page.goto(f"/processes/{process.pk}/groups/{steering.pk}/members/new/")
    check(page, "membership-form")
    page.fill("#id_first_name", "Alena")
    page.fill("#id_last_name", "Dvořáková")
    page.fill("#id_email", "alena@example.cz")
    page.fill("#id_new_organisation", "Město Žďár nad Sázavou")
    page.select_option("#id_role", "leader")
    page.select_option("#id_triad_role", "commissioner")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/groups/{steering.pk}/")
    check(page, "member-added")

    page.goto(f"/processes/{process.pk}/groups/{territorial.pk}/members/new/")
    page.select_option("#id_person", label="Alena Dvořáková")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/groups/{territorial.pk}/")
    expect(page.locator(".processes-members").first).to_contain_text("Alena Dvořáková")
    check(page, "second-group")
    visit(page, f"/processes/{process.pk}/groups/", "groups")
    assert Membership.objects.filter(person__last_name="Dvořáková").count() == 2
