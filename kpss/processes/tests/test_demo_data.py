"""The demo processes of ORP Tábor (seed 004) and Otrokovicko (seed 002) and their demo accounts."""

import datetime
from decimal import Decimal
from html import escape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kpss.accounts.demo import DEMO_PASSWORD
from kpss.accounts.models import Organisation, Person, SiteRole, User
from kpss.meetings.models import AgendaItem, Attendance, Meeting, Minutes, Resolution
from kpss.processes.demo import TABOR_NAME, TABOR_NOW_NAME, load_demo_processes
from kpss.processes.models import (
    Document,
    DocumentVersion,
    Group,
    Membership,
    Milestone,
    Participant,
    PlanningProcess,
    Stage,
    Step,
)
from kpss.territories.tests.factories import MunicipalityFactory, OrpFactory, RegionFactory

TABOR_MUNICIPALITIES = ["Tábor", "Bechyně", "Rataje", "Chýnov", "Radenín", "Mladá Vožice", "Sezimovo Ústí", "Košice"]
OTROKOVICE_MUNICIPALITIES = ["Otrokovice", "Napajedla", "Bělov", "Halenkovice", "Žlutava", "Tlumačov"]


@pytest.fixture
def territories(db):
    """ORP Tábor and ORP Otrokovice with some of their municipalities (the loader skips the others);
    Nová Dědina lies in ORP Kroměříž, as in reality, and a namesake of Bělov in another region."""
    south = RegionFactory(code="3034", name="Jihočeský kraj", nuts_code="CZ031")
    tabor = OrpFactory(code="3112", name="Tábor", region=south)
    for name in TABOR_MUNICIPALITIES:
        MunicipalityFactory(name=name, orp=tabor)
    zlin = RegionFactory(code="3131", name="Zlínský kraj", nuts_code="CZ072")
    otrokovice = OrpFactory(code="7205", name="Otrokovice", region=zlin)
    for name in OTROKOVICE_MUNICIPALITIES:
        MunicipalityFactory(name=name, orp=otrokovice)
    MunicipalityFactory(name="Nová Dědina", orp=OrpFactory(code="7203", name="Kroměříž", region=zlin))
    MunicipalityFactory(name="Bělov", orp=OrpFactory(region=south))
    return tabor, otrokovice


@pytest.fixture
def loaded(territories):
    result = load_demo_processes()
    return (
        result,
        PlanningProcess.objects.get(name=TABOR_NAME),
        PlanningProcess.objects.get(name__contains="Otrokovicku"),
    )


def meetings_on(process, kind, date):
    return [
        meeting
        for meeting in process.meetings.filter(kind=kind)
        if timezone.localtime(meeting.starts_at).date() == date
    ]


def test_tabor_process_is_the_seed_project(loaded):
    _result, tabor, _otrokovicko = loaded
    assert tabor.name == "Pokračování komunitního plánování sociálních služeb ORP Tábor"
    assert (tabor.starts_on, tabor.ends_on) == (datetime.date(2018, 5, 1), datetime.date(2020, 4, 30))
    assert tabor.realiser.name == "Centrum pro komunitní práci jižní Čechy"
    assert [partner.name for partner in tabor.partners.all()] == ["Město Tábor"]
    assert "Operační program Zaměstnanost" in tabor.funding_note
    assert tabor.project_number == "CZ.03.2.63/0.0/0.0/16_063/0006569"
    assert tabor.status == PlanningProcess.Status.COMPLETED
    assert tabor.region.name == "Jihočeský kraj"


def test_tabor_groups_and_members(loaded):
    _result, tabor, _otrokovicko = loaded
    steering = tabor.groups.get(kind=Group.Kind.STEERING)
    assert steering.memberships.count() == 11
    assert steering.memberships.filter(role=Membership.Role.LEADER).count() == 1

    working = {group.name: group for group in tabor.groups.filter(kind=Group.Kind.WORKING)}
    thematic = {
        "Děti, mládež a rodina",
        "Menšiny",
        "Osoby v nepříznivé životní situaci",
        "Senioři",
        "Zdravotně postižení",
    }
    territorial = {"Bechyňsko", "Chýnovsko", "Mladovožicko", "Sezimoústecko"}
    assert set(working) == thematic | territorial
    for name, group in working.items():
        assert group.focus == (Group.Focus.THEMATIC if name in thematic else Group.Focus.TERRITORIAL)
        assert bool(group.theme) == (name in thematic)
        assert 5 <= group.memberships.count() <= 12
        assert group.memberships.filter(role=Membership.Role.LEADER).count() == 1
    # Territorial groups hold the municipalities of their area that exist; the missing ones are skipped.
    assert {m.name for m in working["Bechyňsko"].municipalities.all()} == {"Bechyně", "Rataje"}
    assert {m.name for m in working["Chýnovsko"].municipalities.all()} == {"Chýnov", "Radenín"}
    assert {m.name for m in working["Sezimoústecko"].municipalities.all()} == {"Sezimovo Ústí", "Košice"}
    # The working groups' leaders sit in the steering group, as seed 004 lists them.
    leaders = Membership.objects.filter(group__in=working.values(), role=Membership.Role.LEADER)
    assert steering.memberships.filter(person__in=leaders.values("person")).count() == 8
    assert Participant.objects.filter(process=tabor, organisation__name="Fokus Tábor, z.s.").exists()


def test_tabor_meetings_follow_the_seed(loaded):
    _result, tabor, _otrokovicko = loaded
    assert tabor.meetings.filter(kind=Meeting.Kind.WORKING).count() == 63
    seniors = tabor.groups.get(name="Senioři")
    assert seniors.meetings.count() == 8
    assert [timezone.localtime(m.starts_at).date() for m in seniors.meetings.order_by("starts_at")][:2] == [
        datetime.date(2018, 9, 11),
        datetime.date(2019, 1, 17),
    ]

    steering_dates = sorted(
        timezone.localtime(m.starts_at).date() for m in tabor.meetings.filter(kind=Meeting.Kind.STEERING)
    )
    assert steering_dates == [
        datetime.date(2018, 6, 26),
        datetime.date(2018, 9, 20),
        datetime.date(2018, 11, 13),
        datetime.date(2019, 5, 14),
        datetime.date(2019, 10, 29),
        datetime.date(2020, 2, 27),
        datetime.date(2020, 3, 25),
    ]
    (first_public,) = meetings_on(tabor, Meeting.Kind.PUBLIC, datetime.date(2018, 9, 20))
    assert first_public.status == Meeting.Status.HELD and first_public.headcount > 0 and first_public.is_open
    (second_public,) = meetings_on(tabor, Meeting.Kind.PUBLIC, datetime.date(2020, 3, 11))
    assert second_public.status == Meeting.Status.CANCELLED
    assert "Ministerstva zdravotnictví" in second_public.cancellation_reason
    assert "elektronicky" in second_public.cancellation_reason
    assert not second_public.attendances.exists()
    for date in (datetime.date(2019, 2, 27), datetime.date(2020, 3, 2)):
        (round_table,) = meetings_on(tabor, Meeting.Kind.MAYORS_ROUND_TABLE, date)
        assert round_table.status == Meeting.Status.HELD
        assert round_table.attendances.filter(guest_organisation__startswith="Obec").exists()


def test_tabor_records_attendance_minutes_and_resolutions(loaded):
    _result, tabor, _otrokovicko = loaded
    for meeting in tabor.meetings.filter(kind=Meeting.Kind.WORKING).prefetch_related("attendances"):
        statuses = [attendance.status for attendance in meeting.attendances.all()]
        assert len(statuses) == meeting.group.memberships.count()
        assert statuses.count(Attendance.Status.PRESENT) > len(statuses) / 2  # most members came

    steering_meetings = tabor.meetings.filter(kind=Meeting.Kind.STEERING)
    assert Minutes.objects.filter(meeting__in=steering_meetings, approved_on__isnull=False).count() == 7
    assert Minutes.objects.filter(meeting__process=tabor, meeting__kind=Meeting.Kind.WORKING).count() == 18
    assert AgendaItem.objects.filter(meeting__process=tabor).count() > 150
    plan = Resolution.objects.get(meeting__process=tabor, text__contains="2020–2022 a doporučuje")
    assert timezone.localtime(plan.meeting.starts_at).date() == datetime.date(2020, 3, 25)
    assert plan.votes_for > 5
    assert Resolution.objects.filter(meeting__process=tabor, text__contains="Akčního plánu").exists()


def test_tabor_documents_checklist_and_schedule(loaded):
    _result, tabor, _otrokovicko = loaded
    versions = DocumentVersion.objects.filter(document__process=tabor).select_related("document", "resolution")
    assert {(v.document.kind, v.document.title, v.label) for v in versions} == {
        (Document.Kind.STATUTE, "Statut KPSS ORP Tábor 2018", "2018"),
        (Document.Kind.STEERING_RULES, "Jednací řád ŘS Tábor 2018", "2018"),
        (Document.Kind.WORKING_RULES, "Jednací řád PS Tábor 2018", "2018"),
    }
    for version in versions:
        assert version.resolution.meeting.group.kind == Group.Kind.STEERING
        assert version.approved_on == datetime.date(2018, 9, 20)

    steps = Step.objects.filter(phase__process=tabor)
    assert steps.count() > 20 and not steps.filter(done_on__isnull=True).exists()
    assert steps.filter(meeting__isnull=False).exists() and steps.filter(document__isnull=False).exists()

    assert Stage.objects.filter(process=tabor, closed_on__isnull=False).count() == 3
    milestones = {m.title: m.due_on for m in Milestone.objects.filter(process=tabor)}
    assert milestones["Akční plán 2019 schválen zastupitelstvem města"] == datetime.date(2018, 12, 17)
    assert milestones["Plán 2020–2022 schválen radou města"] == datetime.date(2020, 4, 27)
    assert milestones["Plán 2020–2022 schválen zastupitelstvem města"] == datetime.date(2020, 5, 25)
    assert any("Katalog" in title for title in milestones)
    assert any("Analýzy" in title for title in milestones)


def test_otrokovicko_is_the_seed_project(loaded):
    _result, _tabor, otrokovicko = loaded
    assert otrokovicko.scope == PlanningProcess.Scope.MUNICIPALITIES
    assert otrokovicko.orp.code == "7205" and otrokovicko.region.name == "Zlínský kraj"
    assert (otrokovicko.starts_on, otrokovicko.ends_on) == (datetime.date(2012, 5, 1), datetime.date(2014, 4, 30))
    assert otrokovicko.budget == Decimal("1609236.80")
    assert otrokovicko.project_number == "CZ.1.04/3.1.03/78.00040"
    assert "Lidské zdroje a zaměstnanost" in otrokovicko.funding_note
    # The seed's municipalities that exist (Nová Dědina from the neighbouring ORP, Bělov of this region).
    assert sorted((m.name, m.orp.code) for m in otrokovicko.municipalities.all()) == [
        ("Bělov", "7205"),
        ("Halenkovice", "7205"),
        ("Napajedla", "7205"),
        ("Nová Dědina", "7203"),
        ("Otrokovice", "7205"),
        ("Žlutava", "7205"),
    ]
    partners = set(otrokovicko.partners.values_list("name", flat=True))
    assert len(partners) == 15
    assert {
        "Město Napajedla",
        "Obec Nová Dědina",
        "Charita sv. Anežky Otrokovice",
        "Oblastní spolek ČČK Zlín",
    } <= partners


def test_otrokovicko_groups_meetings_and_workshops(loaded):
    _result, _tabor, otrokovicko = loaded
    assert otrokovicko.groups.filter(kind=Group.Kind.STEERING).count() == 1
    working = otrokovicko.groups.filter(kind=Group.Kind.WORKING)
    assert set(working.values_list("name", flat=True)) == {
        "Senioři",
        "Osoby se zdravotním postižením",
        "Rodiny s dětmi",
        "Osoby ohrožené sociálně patologickými jevy",
        "Osoby v krizi a nezaměstnaní",
    }
    for group in working:
        assert 7 <= group.memberships.count() <= 20

    months = {(2012, m) for m in (5, 7, 9, 11)} | {(2013, m) for m in (1, 3, 5, 7, 9, 11)} | {(2014, 1), (2014, 3)}
    group_meetings = otrokovicko.meetings.exclude(kind=Meeting.Kind.WORKSHOP)
    assert group_meetings.count() == 72  # 12 meetings of all 5 working groups and the steering group
    for meeting in group_meetings:
        start = timezone.localtime(meeting.starts_at)
        assert (start.year, start.month) in months and start.weekday() < 5

    workshops = {
        meeting.title.partition(": ")[2]: timezone.localtime(meeting.starts_at)
        for meeting in otrokovicko.meetings.filter(kind=Meeting.Kind.WORKSHOP)
    }
    assert {topic: (start.year, start.month) for topic, start in workshops.items()} == {
        "Fundraising a samofinancování soc. služeb": (2012, 6),
        "Strategické plánování a řízení": (2012, 10),
        "Trendy v sociální práci, přístup k uživatelům": (2013, 2),
        "Motivace uživatele": (2013, 6),
        "Kvalita služeb vs. současné dotace": (2013, 10),
        "Transformace služeb": (2014, 2),
    }
    assert all(start.weekday() < 5 for start in workshops.values())


def test_demo_accounts_sign_in_and_hold_their_roles(loaded, client):
    result, tabor, otrokovicko = loaded
    emails = {account.email for account in result.accounts}
    assert emails == {
        "koordinator.tabor@kpss.example",
        "koordinator.otrokovicko@kpss.example",
        "clen.rs@kpss.example",
        "vedouci.ps@kpss.example",
        "clen.ps@kpss.example",
    }
    for email in emails:
        assert client.login(email=email, password=DEMO_PASSWORD)
    users = {email: User.objects.get(email=email) for email in emails}
    seniors, minorities = tabor.groups.get(name="Senioři"), tabor.groups.get(name="Menšiny")
    steering = tabor.groups.get(kind=Group.Kind.STEERING)

    for email, process, other in [
        ("koordinator.tabor@kpss.example", tabor, otrokovicko),
        ("koordinator.otrokovicko@kpss.example", otrokovicko, tabor),
    ]:
        coordinator = users[email]
        assert coordinator.site_roles.filter(kind=SiteRole.Kind.COORDINATOR).exists()
        assert coordinator.has_perm("processes.add_process")
        assert coordinator.has_perm("processes.change_process", process)
        assert not coordinator.has_perm("processes.change_process", other)

    steering_member = users["clen.rs@kpss.example"]
    assert steering_member.has_perm("processes.view_dashboard", tabor)
    assert steering_member.has_perm("processes.view_group_internal", seniors)
    assert not steering_member.has_perm("processes.change_process", tabor)
    assert steering.memberships.filter(person__user=steering_member).exists()

    leader = users["vedouci.ps@kpss.example"]
    assert leader.has_perm("processes.manage_group_meetings", seniors)
    assert leader.has_perm("meetings.change_meeting", seniors.meetings.first())
    assert not leader.has_perm("processes.manage_group_meetings", minorities)
    assert not leader.has_perm("processes.change_process", tabor)

    member = users["clen.ps@kpss.example"]
    assert member.has_perm("processes.view_internal", tabor)
    assert member.has_perm("processes.view_group_internal", seniors)
    assert not member.has_perm("processes.view_group_internal", minorities)
    assert not member.has_perm("processes.manage_group_meetings", seniors)
    assert not member.has_perm("processes.view_dashboard", tabor)
    assert not member.has_perm("processes.view_internal", otrokovicko)


def counts():
    models = [
        PlanningProcess, Group, Membership, Person, Organisation, User, SiteRole, Participant, Meeting, AgendaItem,
        Attendance, Minutes, Resolution, Document, DocumentVersion, Stage, Milestone, Step,
    ]  # fmt: skip
    return {model.__name__: model.objects.count() for model in models}


def test_loading_twice_adds_nothing_and_writes_in_bulk(territories):
    with CaptureQueriesContext(connection) as queries:
        load_demo_processes()
    first = counts()
    # Bulk writes: the query count does not follow the ~1,500 rows written.
    assert len(queries) < 400
    assert first["Meeting"] == 74 + 16 + 78 and first["Attendance"] > 1000

    result = load_demo_processes()

    assert counts() == first
    assert len(result.accounts) == 5
    assert result.created == [] and len(result.messages) == 3


def test_the_current_process_is_added_to_an_earlier_demo(territories):
    """A database loaded before the current process existed gets it, and only it, on the next run."""
    load_demo_processes()
    first = counts()
    PlanningProcess.objects.get(name=TABOR_NOW_NAME).delete()

    result = load_demo_processes()

    assert [process.name for process in result.created] == [TABOR_NOW_NAME]
    assert counts() == first


def test_missing_orps_are_skipped_with_a_message(db):
    OrpFactory(code="3112", name="Tábor")

    result = load_demo_processes()

    assert PlanningProcess.objects.count() == 2  # Tábor then and now
    assert len(result.messages) == 3 and "Otrokovice" in result.messages[-1]
    assert not User.objects.filter(email="koordinator.otrokovicko@kpss.example").exists()


def test_nothing_without_territories(db):
    result = load_demo_processes()
    assert not PlanningProcess.objects.exists() and len(result.messages) == 2 and not result.accounts


# The current process of ORP Tábor, dated around the day the demo is loaded


@pytest.fixture
def now(loaded):
    return PlanningProcess.objects.get(name=TABOR_NOW_NAME)


def test_current_tabor_process_continues_with_the_same_people(loaded, now):
    _result, tabor, _otrokovicko = loaded
    assert (now.starts_on, now.ends_on) == (datetime.date(2026, 1, 1), datetime.date(2028, 12, 31))
    assert now.status == PlanningProcess.Status.RUNNING and now.orp.code == "3112"
    assert now.realiser.name == "Město Tábor"
    assert "2020–2022" in now.description and "2023–2025" in now.description
    assert list(now.coordinators.values_list("email", flat=True)) == ["koordinator.tabor@kpss.example"]

    then_groups = {group.name: group for group in tabor.groups.all()}
    for group in now.groups.all():
        # The steering group and the thematic groups of 2018, their people in the same roles.
        then = then_groups[group.name]
        assert group.kind == Group.Kind.STEERING or group.focus == Group.Focus.THEMATIC
        assert set(group.memberships.values_list("person", "role")) == set(
            then.memberships.values_list("person", "role")
        )
    assert now.groups.count() == 6

    users = {
        email: User.objects.get(email=email)
        for email in (
            "clen.rs@kpss.example",
            "vedouci.ps@kpss.example",
            "clen.ps@kpss.example",
            "koordinator.tabor@kpss.example",
        )
    }
    seniors, minorities = now.groups.get(name="Senioři"), now.groups.get(name="Menšiny")
    assert users["koordinator.tabor@kpss.example"].has_perm("processes.change_process", now)
    assert users["clen.rs@kpss.example"].has_perm("processes.view_dashboard", now)
    assert users["vedouci.ps@kpss.example"].has_perm("processes.manage_group_meetings", seniors)
    assert not users["vedouci.ps@kpss.example"].has_perm("processes.manage_group_meetings", minorities)
    assert users["clen.ps@kpss.example"].has_perm("processes.view_group_internal", seniors)
    assert not users["clen.ps@kpss.example"].has_perm("processes.view_dashboard", now)


def test_current_process_has_held_and_upcoming_meetings(now):
    today, moment = timezone.localdate(), timezone.now()
    held = now.meetings.filter(starts_at__lt=moment)
    assert held.count() >= 4 and not held.exclude(status=Meeting.Status.HELD).exists()
    for meeting in held:
        assert today - datetime.timedelta(weeks=6) <= timezone.localtime(meeting.starts_at).date() < today
        assert meeting.attendances.filter(status=Attendance.Status.PRESENT).exists()
    (minutes,) = Minutes.objects.filter(meeting__process=now)
    assert minutes.approved_on <= today and minutes.meeting.resolutions.exists()

    upcoming = now.meetings.upcoming()
    assert not upcoming.exclude(status=Meeting.Status.PLANNED).exists()
    for meeting in upcoming:
        days = (timezone.localtime(meeting.starts_at).date() - today).days
        assert 7 < days <= 10 * 7 and timezone.localtime(meeting.starts_at).weekday() < 5
    assert upcoming.filter(kind=Meeting.Kind.WORKING, is_open=True).count() >= 5
    (steering,) = upcoming.filter(kind=Meeting.Kind.STEERING)
    assert not steering.is_open
    (public,) = upcoming.filter(kind=Meeting.Kind.PUBLIC)
    assert public.title == "Veřejné setkání k potřebám sociálních služeb na Táborsku" and public.is_open
    assert "Bezbariérový vstup" in public.accessibility and "znakového jazyka na vyžádání" in public.accessibility
    assert public.agenda_items.count() >= 3


def test_current_process_checklist_and_schedule(now):
    open_by_phase = {}
    for step in Step.objects.filter(phase__process=now).select_related("phase"):
        open_by_phase.setdefault(step.phase.number, []).append(not step.is_done)
        if step.is_done:
            assert datetime.date(2026, 1, 1) <= step.done_on <= timezone.localdate()
    assert not any(open_by_phase[1] + open_by_phase[2])
    assert 0 < sum(open_by_phase[3]) < len(open_by_phase[3])
    assert all(open_by_phase[4] + open_by_phase[5] + open_by_phase[6])

    assert Stage.objects.filter(process=now).count() == 2
    milestones = Milestone.objects.filter(process=now)
    (overdue,) = [milestone for milestone in milestones if milestone.is_overdue]
    last_month = timezone.localdate().replace(day=1) - datetime.timedelta(days=1)
    assert (overdue.due_on.year, overdue.due_on.month) == (last_month.year, last_month.month)
    assert milestones.filter(done_on__isnull=False).exists() and milestones.filter(due_on__gt=timezone.localdate())


def test_public_calendar_lists_the_upcoming_open_meetings(now, client):
    page = client.get(reverse("meetings:calendar")).content.decode()

    upcoming = now.meetings.upcoming()
    assert "Veřejné setkání k potřebám sociálních služeb na Táborsku" in page
    for meeting in upcoming.filter(kind=Meeting.Kind.WORKING):
        assert escape(meeting.title) in page
    assert escape(upcoming.get(kind=Meeting.Kind.STEERING).title) not in page  # a closed meeting


def test_demo_coordinator_sees_what_comes_next_on_the_dashboard(now, client):
    assert client.login(email="koordinator.tabor@kpss.example", password=DEMO_PASSWORD)

    response = client.get(reverse("processes:dashboard", args=[now.pk]))

    assert response.status_code == 200
    page = response.content.decode()
    for meeting in now.meetings.upcoming()[:3]:
        assert escape(meeting.title) in page
    open_steps = Step.objects.filter(phase__process=now, done_on__isnull=True)
    assert open_steps.count() > 10
    for step in open_steps:
        assert reverse("processes:step_done", args=[now.pk, step.pk]) in page
