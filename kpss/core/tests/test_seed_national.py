from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from kpss.accounts.models import Organisation, Person, SiteRole, User
from kpss.accounts.validators import validate_ico
from kpss.feedback.models import Suggestion
from kpss.meetings.models import Attendance, Meeting, Minutes
from kpss.processes.models import Group, Membership, PlanningProcess, Step
from kpss.regional import queries as regional_queries
from kpss.regional.models import Addressee, Indicator, Programme
from kpss.territories.models import Municipality, PopulationStat, Region
from kpss.territories.tests.factories import (
    MunicipalityFactory,
    PouFactory,
    RegionFactory,
    add_census,
    orp_with_municipalities,
)


def seed(**sizes):
    call_command("seed_national", verbosity=0, stdout=StringIO(), **sizes)


def counts():
    return Organisation.objects.count(), Person.objects.count(), User.objects.count()


@pytest.mark.django_db
def test_seeds_the_country_deterministically_and_only_once():
    seed(providers=50, people=120)
    first = counts()
    names = set(Organisation.objects.values_list("name", "ico"))

    seed(providers=50, people=120)

    assert counts() == first
    assert set(Organisation.objects.values_list("name", "ico")) == names
    assert Municipality.objects.count() == 6258
    assert PopulationStat.objects.filter(level="country").exists()
    assert Person.objects.count() == 120
    assert Organisation.objects.filter(is_provider=True).count() == 50
    for ico in Organisation.objects.values_list("ico", flat=True):
        validate_ico(ico)
    assert Programme.objects.count() == Region.objects.count() == 14
    assert Suggestion.objects.filter(process__scope=PlanningProcess.Scope.ORP).count() >= 206 * 40


@pytest.mark.django_db
def test_gives_every_orp_a_process_with_groups_and_years_of_meetings():
    region = RegionFactory(name="Kraj Vysočina")
    first, _ = orp_with_municipalities(4, region=region, name="Jihlava")
    second, _ = orp_with_municipalities(3, region=region, name="Třebíč")
    add_census(region, per_band=700)
    seed(providers=20, people=200)
    rows = processes_rows()

    assert PlanningProcess.objects.filter(scope=PlanningProcess.Scope.ORP).count() == 2
    today = timezone.localdate()
    for orp in (first, second):
        process = PlanningProcess.objects.get(orp=orp)
        assert process.region == region and process.coordinators.count() == 1
        assert process.phases.count() == 6
        assert process.groups.filter(kind=Group.Kind.STEERING).count() == 1
        assert 4 <= process.groups.filter(kind=Group.Kind.WORKING, focus=Group.Focus.THEMATIC).count() <= 6
        for group in process.groups.all():
            assert 6 <= group.memberships.count() <= 14
            assert group.memberships.filter(role=Membership.Role.LEADER).count() == 1
        meetings = process.meetings.all()
        assert 40 <= meetings.count() <= 60
        assert {timezone.localtime(m.starts_at).year for m in meetings} >= {today.year - 1, today.year + 1}
        assert all(timezone.localtime(m.starts_at).weekday() < 5 for m in meetings)
        # Held meetings lie in the past and have attendance; planned ones lie ahead and have none.
        for meeting in meetings.prefetch_related("attendances"):
            held = meeting.status == Meeting.Status.HELD
            if meeting.status != Meeting.Status.CANCELLED:
                assert held == (timezone.localtime(meeting.starts_at).date() < today)
            if held and meeting.group_id:
                assert len(meeting.attendances.all()) == meeting.group.memberships.count()
                assert meeting.minutes.is_approved
            else:
                assert not meeting.attendances.exists()
    assert Step.objects.filter(done_on__isnull=False).exists()
    assert SiteRole.objects.filter(kind=SiteRole.Kind.COORDINATOR).count() in (1, 2)

    seed(providers=20, people=200)

    assert processes_rows() == rows


def processes_rows():
    return [
        model.objects.count()
        for model in (
            PlanningProcess, Group, Membership, Meeting, Attendance, Minutes, Step, SiteRole, Suggestion, Programme,
            Addressee, Indicator,
        )
    ]  # fmt: skip


@pytest.fixture
def two_orps():
    """Two ORPs of one region and a POÚ town that is not an ORP town (the call goes to it as well)."""
    region = RegionFactory(name="Kraj Vysočina")
    first, _ = orp_with_municipalities(4, region=region, name="Jihlava")
    second, _ = orp_with_municipalities(3, region=region, name="Třebíč")
    MunicipalityFactory(name="Polná", orp=first, pou=PouFactory(name="Polná", orp=first))
    add_census(region, per_band=700)
    return region, first, second


@pytest.mark.django_db
def test_every_process_gets_a_suggestions_agenda_in_every_state(two_orps):
    seed(providers=20, people=200)
    today = timezone.localdate()

    for process in PlanningProcess.objects.filter(scope=PlanningProcess.Scope.ORP):
        agenda = process.suggestions.all()
        assert 40 <= agenda.count() <= 60
        assert set(agenda.values_list("status", flat=True)) == set(Suggestion.Status.values)
        assert len(set(agenda.values_list("code", flat=True))) == agenda.count()
        for suggestion in agenda.select_related("meeting", "group"):
            assert process.starts_on <= suggestion.received_on < today
            assert suggestion.is_published == (suggestion.status != Suggestion.Status.NEW)
            settled = suggestion.status == Suggestion.Status.SETTLED
            assert settled == bool(suggestion.settlement) == bool(suggestion.answer) == bool(suggestion.settled_on)
            if suggestion.status != Suggestion.Status.NEW:
                assert suggestion.group_id or suggestion.department
            if suggestion.group_id:
                assert suggestion.group.process_id == process.pk and suggestion.group.theme == suggestion.topic
            if suggestion.meeting_id:
                assert suggestion.meeting.process_id == process.pk
                assert suggestion.meeting.status == Meeting.Status.HELD
            assert bool(suggestion.submitter_email) == bool(suggestion.consent_given_at)
    codes = set(Suggestion.objects.values_list("code", "received_on"))

    seed(providers=20, people=200)

    assert set(Suggestion.objects.values_list("code", "received_on")) == codes


@pytest.mark.django_db
def test_every_region_gets_a_programme_with_a_call_seminars_and_indicators(two_orps):
    region, first, second = two_orps
    seed(providers=20, people=200)

    programme = Programme.objects.select_related("process").get()
    process = programme.process
    assert process.region == region and process.scope == PlanningProcess.Scope.REGION
    officer = process.coordinators.get()
    assert officer.site_roles.filter(kind=SiteRole.Kind.REGIONAL_OFFICER, region=region).exists()
    assert officer.has_perm("regional.change_programme", programme)

    (call,) = programme.calls.all()
    addressees, tally = regional_queries.answers(call)
    assert {a.territory.name for a in addressees} == {"Jihlava", "Třebíč", "Polná"}
    assert tally["orp"]["total"] == 2 and tally["pou"]["total"] == 1
    for addressee in addressees:
        if addressee.answer:
            assert addressee.representative and call.sent_at.date() < addressee.answered_on <= call.deadline
            assert (addressee.recorded_by_id is not None) == (addressee.channel == Addressee.Channel.PAPER)
    joined = {a.orp_id for a in addressees if a.is_orp and a.answer == Addressee.Answer.YES}
    assert {p.orp_id for p in programme.participating_processes.all()} == joined

    seminars = list(regional_queries.seminars(programme))
    assert len(seminars) == 10
    for seminar in seminars:
        assert seminar.status == Meeting.Status.HELD and seminar.agenda_items.exists()
        assert 15 <= seminar.present <= 30
    assert 20 <= regional_queries.trained_people(programme) <= 40
    rows = regional_queries.indicators(programme)
    assert [row.measure for row in rows] == ["plans", "trained", "active", "entered"]
    assert all(row.value is not None for row in rows)
