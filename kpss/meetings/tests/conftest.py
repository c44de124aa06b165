"""A process with a steering group and a working group, the people who run and attend their meetings."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from kpss.processes.models import Group, Membership
from kpss.processes.tests.factories import (
    GroupFactory,
    MeetingFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    PlanningProcessFactory,
    UserFactory,
    member_user,
)


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    """Uploaded attachments go to a temporary directory."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def world(db):
    coordinator = UserFactory(first_name="Kamila", last_name="Koordinátorová")
    process = PlanningProcessFactory(name="KPSS Žďár nad Sázavou", coordinators=[coordinator])
    steering = GroupFactory(process=process, kind=Group.Kind.STEERING, name="Řídící skupina", focus="", theme="")
    group = GroupFactory(process=process, name="PS Senioři")
    leader = member_user(group, Membership.Role.LEADER, first_name="Libor", last_name="Vedoucí")
    deputy = member_user(group, Membership.Role.DEPUTY)
    member = member_user(group, first_name="Marie", last_name="Členová")
    charity = OrganisationFactory(name="Oblastní charita Žďár")
    members = [
        MembershipFactory(
            group=group, person=PersonFactory(first_name="Jana", last_name="Dvořáková", organisation=charity)
        ),
        MembershipFactory(group=group, person=PersonFactory(first_name="Petr", last_name="Bez E-mailu", email="")),
    ]
    # A former member is neither invited nor on the attendance list.
    MembershipFactory(
        group=group,
        person=PersonFactory(first_name="Bývalý", last_name="Člen"),
        ends_on=datetime.date(2019, 1, 1),
    )
    steering_member = member_user(steering, first_name="Řídící", last_name="Členka")

    other_group = GroupFactory(name="PS Jinde")
    other_coordinator = UserFactory()
    other_group.process.coordinators.add(other_coordinator)
    return SimpleNamespace(
        process=process,
        steering=steering,
        group=group,
        coordinator=coordinator,
        leader=leader,
        deputy=deputy,
        member=member,
        members=members,
        charity=charity,
        steering_member=steering_member,
        outsider=UserFactory(),
        other_member=member_user(other_group),
        other_leader=member_user(other_group, Membership.Role.LEADER),
        other_coordinator=other_coordinator,
        other_process=other_group.process,
        other_group=other_group,
    )


@pytest.fixture
def meeting(world):
    """An open working-group meeting in two weeks."""
    return MeetingFactory(
        group=world.group,
        title="Setkání PS Senioři",
        starts_at=timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(days=14),
        place="Radnice, zasedací místnost",
        is_open=True,
    )


@pytest.fixture
def closed_meeting(world):
    return MeetingFactory(group=world.group, title="Neveřejné jednání PS", is_open=False)
