"""Two processes in one region (A, run by ``coordinator``, and B, run by ``other_coordinator``) and
people with the roles the views care about."""

import datetime
from types import SimpleNamespace

import pytest

from kpss.accounts.models import SiteRole
from kpss.processes import services
from kpss.processes.models import Group, Membership, PlanningProcess

from .factories import GroupFactory, UserFactory, member_user


def new_process(home, coordinator, **fields):
    """A process of the ORP ``home`` (or, with other ``fields``, of a territory in its region)."""
    return services.create_process(
        coordinator=coordinator,
        **{
            "name": f"Komunitní plánování {home.name}",
            "scope": PlanningProcess.Scope.ORP,
            "region": home.region,
            "orp": home,
            "starts_on": datetime.date(2018, 5, 1),
            "ends_on": datetime.date(2020, 4, 30),
            "status": PlanningProcess.Status.RUNNING,
            **fields,
        },
    )


@pytest.fixture
def world(demo_territory):
    coordinator = UserFactory(email="koordinatorka@zdar.example")
    other_coordinator = UserFactory(email="koordinator@jihlava.example")
    process = new_process(demo_territory.orp, coordinator)
    other = new_process(demo_territory.jihlava_orp, other_coordinator)
    steering = GroupFactory(process=process, kind=Group.Kind.STEERING, name="Řídící skupina", focus="", theme="")
    seniors = GroupFactory(process=process, name="Senioři", theme=Group.Theme.SENIORS)
    other_group = GroupFactory(process=other, name="PS Jihlava")
    return SimpleNamespace(
        territory=demo_territory,
        process=process,
        other=other,
        steering=steering,
        seniors=seniors,
        other_group=other_group,
        coordinator=coordinator,
        other_coordinator=other_coordinator,
        outsider=UserFactory(email="obcan@example.cz"),
        member=member_user(seniors, email="clenka@example.cz"),
        leader=member_user(seniors, Membership.Role.LEADER, email="vedouci@example.cz"),
        steering_member=member_user(steering, email="rizeni@example.cz"),
        other_member=member_user(other_group, Membership.Role.LEADER, email="clen@jihlava.example"),
    )


@pytest.fixture
def site_coordinator(db):
    user = UserFactory(email="nova.koordinatorka@example.cz")
    SiteRole.objects.create(user=user, kind=SiteRole.Kind.COORDINATOR)
    return user
