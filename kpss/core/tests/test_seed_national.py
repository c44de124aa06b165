from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from kpss.accounts.models import Organisation, Person, SiteRole, User
from kpss.accounts.validators import validate_ico
from kpss.meetings.models import Attendance, Meeting, Minutes
from kpss.processes.models import Group, Membership, PlanningProcess, Step
from kpss.territories.models import Municipality, PopulationStat
from kpss.territories.tests.factories import RegionFactory, add_census, orp_with_municipalities


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


@pytest.mark.django_db
def test_gives_every_orp_a_process_with_groups_and_years_of_meetings():
    region = RegionFactory(name="Kraj Vysočina")
    first, _ = orp_with_municipalities(4, region=region, name="Jihlava")
    second, _ = orp_with_municipalities(3, region=region, name="Třebíč")
    add_census(region, per_band=700)
    seed(providers=20, people=200)
    rows = processes_rows()

    assert PlanningProcess.objects.count() == 2
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
        for model in (PlanningProcess, Group, Membership, Meeting, Attendance, Minutes, Step, SiteRole)
    ]
