"""The demo programme of Kraj Vysočina (seeds 000 and 003) on the real territories."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.validators import EmailValidator
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from kpss.accounts.demo import ensure_demo_accounts
from kpss.accounts.models import User
from kpss.meetings.models import AgendaItem, Attendance, Meeting
from kpss.processes.models import Document, Group, Membership, Milestone, PlanningProcess, Stage, Step
from kpss.regional import queries
from kpss.regional.demo import NAME, load_demo_programme
from kpss.regional.models import Addressee, Indicator, Programme


@pytest.fixture
def vysocina(db):
    """The real territories (15 ORP and 26 POÚ in Kraj Vysočina) and the demo accounts."""
    call_command("import_territories", verbosity=0, stdout=StringIO())
    ensure_demo_accounts()


@pytest.fixture
def programme(vysocina):
    load_demo_programme()
    return Programme.objects.select_related("process__region", "process__realiser").get()


def local_dates(meetings):
    return [timezone.localtime(meeting.starts_at).date() for meeting in meetings]


def test_programme_is_the_seed_project_run_by_the_demo_officer(programme):
    process = programme.process
    assert process.name == NAME == "Komunitní plánování sociálních služeb v kraji Vysočina"
    assert process.scope == PlanningProcess.Scope.REGION and process.region.nuts_code == "CZ063"
    start, end = process.starts_on, process.ends_on
    assert (end.year - start.year) * 12 + end.month - start.month + 1 == 22
    assert process.realiser.name == "Agora Central Europe, o.s."
    assert {"Kraj Vysočina", "Komunitní plánování Písek, o.p.s.", "Centrum komunitní práce Ústí nad Labem"} == set(
        process.partners.values_list("name", flat=True)
    )
    assert "opatření 3.2" in process.funding_note and "podprogram C" in process.funding_note
    assert "2004–2006" in process.funding_note
    assert "0279/10/2005/RK" in process.description
    officer = User.objects.get(email="kraj@kpss.example")
    assert list(process.coordinators.all()) == [officer]
    assert officer.has_perm("regional.change_programme", programme)


def test_schedule_has_the_three_stages_and_later_milestones_done(programme):
    process = programme.process
    stages = list(Stage.objects.filter(process=process).order_by("starts_on"))
    assert len(stages) == 3
    assert [(s.starts_on.month, s.ends_on.month) for s in stages] == [(9, 1), (2, 6), (7, 12)]
    assert "ustaveny triády a řídící skupiny" in stages[0].closing_criterion
    assert "analýzy poskytovatelů v min. 8 obcích" in stages[1].closing_criterion
    assert "analýzy uživatelů minimálně v 8 obcích" in stages[2].closing_criterion
    assert all(stage.closed_on for stage in stages)
    milestones = Milestone.objects.filter(process=process)
    assert not milestones.filter(done_on__isnull=True).exists()
    titles = " ".join(milestones.values_list("title", flat=True))
    for words in ("Veřejná setkání", "zastupitelstvy", "Závěrečná konference", "Ukončení projektu", "Zpráva"):
        assert words in titles
    assert not Step.objects.filter(phase__process=process, done_on__isnull=True).exists()


def test_ten_held_seminars_with_their_topics_and_guests(programme):
    seminars = list(queries.seminars(programme))
    assert len(seminars) == 10
    assert all(seminar.status == Meeting.Status.HELD and seminar.kind == Meeting.Kind.SEMINAR for seminar in seminars)
    months = [(d.year, d.month) for d in local_dates(seminars)]
    # Project months 3, 4, 5, 6, 7, 9, 11, 13, 15, 17 (month 1 is September 2005).
    assert months == [(2005, 11), (2005, 12), (2006, 1), (2006, 2), (2006, 3), (2006, 5), (2006, 7), (2006, 9),
                      (2006, 11), (2007, 1)]  # fmt: skip
    assert "vedoucí pracovních skupin" in seminars[6].title and "vedoucí pracovních skupin" in seminars[7].title
    assert "vedoucí" not in seminars[0].title
    topics = [[item.title for item in seminar.agenda_items.all()] for seminar in seminars]
    assert topics[0][0].startswith("Úvod – co je komunitní plánování")
    assert "SWOT analýza s řídící a pracovními skupinami" in topics[3]
    assert topics[6] == ["Vedení pracovních skupin, zpracování výstupů"]
    assert AgendaItem.objects.filter(meeting__in=seminars, presenter="").count() == 0
    for seminar in seminars:
        assert 18 <= seminar.present <= 30
        assert not seminar.attendances.filter(person__isnull=False).exists()
        assert seminar.place
    assert 38 <= queries.trained_people(programme) <= 45
    organisations = set(Attendance.objects.filter(meeting__in=seminars).values_list("guest_organisation", flat=True))
    assert "Městský úřad Pelhřimov" in organisations
    (conference,) = programme.process.meetings.filter(kind=Meeting.Kind.CONFERENCE)
    assert local_dates([conference])[0].month == 5 and conference.status == Meeting.Status.HELD


def test_the_call_and_its_answers(programme):
    (call,) = programme.calls.all()
    assert call.sent_at.date() < call.deadline == datetime.date(2005, 4, 15)
    addressees, tally = queries.answers(call)
    assert tally["orp"] == {"total": 15, "yes": 13, "no": 2, "waiting": 0}
    assert tally["pou"] == {"total": 11, "yes": 8, "no": 3, "waiting": 0}
    channels = {addressee.channel for addressee in addressees}
    assert channels == {Addressee.Channel.LINK, Addressee.Channel.PAPER}
    validate = EmailValidator()
    for addressee in addressees:
        validate(addressee.email)
        assert addressee.representative and addressee.answered_on <= call.deadline
        assert addressee.answered_on >= call.sent_at.date()
        assert (addressee.recorded_by is not None) == (addressee.channel == Addressee.Channel.PAPER)


def test_participating_processes_plans_and_groups(programme):
    yes = Addressee.objects.filter(call__programme=programme, orp__isnull=False, answer=Addressee.Answer.YES)
    processes = queries.participating(programme)
    assert len(processes) == 13
    assert {process.orp_id for process in processes} == set(yes.values_list("orp_id", flat=True))
    assert all(addressee.process.orp_id == addressee.orp_id for addressee in yes.select_related("process"))
    assert sum(process.has_plan for process in processes) == 9
    plans = Document.objects.filter(process__in=processes, kind=Document.Kind.PLAN)
    for plan in plans:
        (version,) = plan.versions.all()
        assert datetime.date(2007, 3, 1) <= version.approved_on <= datetime.date(2007, 6, 30)
        assert version.approval_note.startswith("Zastupitelstvo města")
    finished = 0
    for process in processes:
        working = process.groups.filter(kind=Group.Kind.WORKING)
        assert 2 <= working.count() <= 4 and all(group.theme for group in working)
        assert all(group.memberships.filter(role=Membership.Role.LEADER).count() == 1 for group in working)
        assert process.meetings.filter(group__in=working, status=Meeting.Status.HELD).count() >= 8
        open_steps = Step.objects.filter(phase__process=process, done_on__isnull=True)
        finished += not open_steps.exists()
        assert not open_steps.filter(phase__number__lte=4).exists()
    assert finished == 3


def test_indicators_meet_their_targets(programme):
    rows = {row.measure: row for row in queries.indicators(programme)}
    assert set(rows) == {
        Indicator.Measure.PLANS,
        Indicator.Measure.ENTERED,
        Indicator.Measure.TRAINED,
        Indicator.Measure.ACTIVE,
    }
    assert (rows["plans"].target, rows["plans"].value) == (8, 9)
    assert (rows["entered"].target, rows["entered"].value) == (4, 4)
    assert rows["trained"].target == 30 and rows["trained"].value >= 38
    assert rows["active"].target == 200 and 230 <= rows["active"].value <= 260
    assert all(row.is_met for row in rows.values())


def test_loading_twice_adds_nothing_and_writes_in_bulk(vysocina):
    with CaptureQueriesContext(connection) as queries_run, translation.override("en"):
        first = load_demo_programme()
    assert len(queries_run) < 1200  # bulk writes: not one query per attendance or membership row
    counts = [model.objects.count() for model in (PlanningProcess, Meeting, Attendance, Membership, Addressee)]

    with translation.override("en"):
        second = load_demo_programme()

    assert [model.objects.count() for model in (PlanningProcess, Meeting, Attendance, Membership, Addressee)] == counts
    assert first.messages == [f"Demo programme loaded: {NAME}"]
    assert second.messages == [f"Demo programme already there: {NAME}"] and Programme.objects.count() == 1


def test_nothing_without_the_region(db):
    ensure_demo_accounts()
    result = load_demo_programme()
    assert not Programme.objects.exists() and len(result.messages) == 1
