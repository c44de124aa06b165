"""Reads of a programme: indicator values computed from the data, phases, the tally of answers."""

import datetime

import pytest
from django.utils import timezone

from kpss.meetings.models import Attendance, Meeting
from kpss.processes.models import Document, DocumentVersion, Group, Step
from kpss.processes.services import create_process
from kpss.processes.tests.factories import GroupFactory, MeetingFactory, PersonFactory
from kpss.regional import queries, services
from kpss.regional.models import Indicator

pytestmark = pytest.mark.django_db


def orp_process(orp):
    return create_process(
        name=f"KPSS {orp.name}",
        region=orp.region,
        orp=orp,
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
    )


def approve_plan(process, approved=True):
    document = Document.objects.create(process=process, kind=Document.Kind.PLAN, title="Komunitní plán")
    DocumentVersion.objects.create(
        document=document, label="1", text="…", approved_on=datetime.date(2026, 6, 1) if approved else None
    )


def seminar(programme, status=Meeting.Status.HELD, kind=Meeting.Kind.SEMINAR, **fields):
    return Meeting.objects.create(
        process=programme.process,
        kind=kind,
        title=fields.pop("title", "Seminář pro triády"),
        starts_at=timezone.now() - datetime.timedelta(days=30),
        status=status,
        **fields,
    )


def indicator(programme, measure, target, **fields):
    return Indicator.objects.create(programme=programme, name=measure, measure=measure, target=target, **fields)


def values(programme):
    return {row.measure: (row.value, row.percent, row.is_met) for row in queries.indicators(programme)}


@pytest.fixture
def participating(vysocina):
    """Three participating processes: Jihlava and Telč with an approved plan, Pacov with a draft only."""
    processes = {name: orp_process(vysocina.orps[name]) for name in ("Jihlava", "Telč", "Pacov")}
    for process in processes.values():
        services.link_process(vysocina.programme, process)
    approve_plan(processes["Jihlava"])
    approve_plan(processes["Telč"])
    approve_plan(processes["Pacov"], approved=False)
    orp_process(vysocina.orps["Humpolec"])  # has a plan but does not take part
    approve_plan(orp_process(vysocina.orps["Třebíč"]))
    return processes


def test_plans_and_participating_count_the_participating_processes(vysocina, participating):
    programme = vysocina.programme
    indicator(programme, "plans", 8)
    indicator(programme, "participating", 3)
    assert values(programme) == {"plans": (2, 25, False), "participating": (3, 100, True)}


def test_trained_people_are_counted_once_whether_persons_or_guests(vysocina):
    programme = vysocina.programme
    first, second = seminar(programme), seminar(programme, kind=Meeting.Kind.WORKSHOP, title="Workshop SWOT")
    planned = seminar(programme, status=Meeting.Status.PLANNED, title="Příští seminář")
    anna, petr = PersonFactory(), PersonFactory()
    for meeting in (first, second):
        Attendance.objects.create(meeting=meeting, person=anna)
        Attendance.objects.create(meeting=meeting, guest_name="Eva Malá", guest_organisation="Město Telč")
    Attendance.objects.create(meeting=second, guest_name="eva malá")  # the same guest, typed otherwise
    Attendance.objects.create(meeting=first, guest_name="Karel Velký")
    Attendance.objects.create(meeting=first, person=petr, status=Attendance.Status.EXCUSED)
    Attendance.objects.create(meeting=planned, guest_name="Nikdo Nebyl")
    # A held steering meeting of the programme is not education.
    Attendance.objects.create(meeting=seminar(programme, kind=Meeting.Kind.STEERING), guest_name="Řídící Člen")
    indicator(programme, "trained", 30)
    assert queries.trained_people(programme) == 3  # Anna, Eva Malá, Karel Velký
    assert values(programme) == {"trained": (3, 10, False)}


def test_active_people_are_the_distinct_people_present_in_working_groups_of_participating_processes(
    vysocina, participating
):
    programme = vysocina.programme
    people = PersonFactory.create_batch(3)
    for name in ("Jihlava", "Telč"):
        group = GroupFactory(process=participating[name])
        meeting = MeetingFactory(group=group, status=Meeting.Status.HELD)
        for person in people[:2]:
            Attendance.objects.create(meeting=meeting, person=person)
    steering = GroupFactory(process=participating["Pacov"], kind=Group.Kind.STEERING, focus="", theme="")
    Attendance.objects.create(meeting=MeetingFactory(group=steering), person=people[2])
    outside = GroupFactory(process=orp_process(vysocina.orps["Pelhřimov"]))
    Attendance.objects.create(meeting=MeetingFactory(group=outside), person=people[2])
    indicator(programme, "active", 200)
    assert values(programme) == {"active": (2, 1, False)}


def test_an_entered_indicator_shows_its_value_or_nothing(vysocina):
    programme = vysocina.programme
    indicator(programme, "entered", 4, entered_value=5)
    assert values(programme) == {"entered": (5, 125, True)}  # over the target: not capped
    Indicator.objects.update(entered_value=None)
    assert values(programme) == {"entered": (None, 0, False)}


def test_the_current_phase_of_each_participating_process(vysocina, participating):
    Step.objects.filter(phase__process=participating["Jihlava"], phase__number__lte=2).update(
        done_on=datetime.date(2025, 5, 1)
    )
    Step.objects.filter(phase__process=participating["Telč"]).update(done_on=datetime.date(2026, 5, 1))
    rows = {p.name: (p.phase_number, p.has_plan) for p in queries.participating(vysocina.programme)}
    assert rows == {"KPSS Jihlava": (3, True), "KPSS Pacov": (1, False), "KPSS Telč": (6, True)}


def test_the_tally_of_answers_per_kind_of_municipality(vysocina):
    call = services.create_call(vysocina.programme, title="Výzva", letter="…", deadline=timezone.localdate())
    orps = list(call.addressees.filter(orp__isnull=False))
    pous = list(call.addressees.filter(pou__isnull=False))
    for addressee in orps[:13] + pous[:8]:
        services.answer_through_link(addressee, answer="yes", representative="Starosta")
    for addressee in orps[13:] + pous[8:10]:
        services.answer_through_link(addressee, answer="no", representative="Starosta")
    expected = {
        "orp": {"total": 15, "yes": 13, "no": 2, "waiting": 0},
        "pou": {"total": 11, "yes": 8, "no": 2, "waiting": 1},
    }
    assert queries.answers(call)[1] == expected
    assert queries.calls_with_tally(vysocina.programme)[0].tally == expected
