"""A process of ORP Žďár nad Sázavou with a steering group and a working group, the people who
handle its suggestions, and a process elsewhere."""

import datetime
from types import SimpleNamespace

import pytest
from django.core.cache import cache

from kpss.processes.models import Group, Membership, PlanningProcess
from kpss.processes.services import create_process
from kpss.processes.tests.factories import GroupFactory, UserFactory, member_user

TRACKING = "http://testserver/suggestions/track/{}/"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """The rate limit counts in the cache; one test's posts must not limit the next."""
    cache.clear()
    yield
    cache.clear()


def new_process(orp, coordinator):
    return create_process(
        coordinator=coordinator,
        name=f"Komunitní plánování {orp.name}",
        scope=PlanningProcess.Scope.ORP,
        region=orp.region,
        orp=orp,
        starts_on=datetime.date(2024, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
        status=PlanningProcess.Status.RUNNING,
    )


def tracking_url_of(code):
    return TRACKING.format(code)


@pytest.fixture
def world(demo_territory):
    coordinator = UserFactory(email="koordinatorka@zdar.example")
    process = new_process(demo_territory.orp, coordinator)
    steering = GroupFactory(process=process, kind=Group.Kind.STEERING, name="Řídící skupina", focus="", theme="")
    seniors = GroupFactory(process=process, name="PS Senioři", theme=Group.Theme.SENIORS)
    families = GroupFactory(process=process, name="PS Rodina", theme=Group.Theme.CHILDREN_YOUTH_FAMILY)
    other_coordinator = UserFactory(email="koordinator@jihlava.example")
    other = new_process(demo_territory.jihlava_orp, other_coordinator)
    return SimpleNamespace(
        territory=demo_territory,
        process=process,
        other=other,
        steering=steering,
        seniors=seniors,
        families=families,
        coordinator=coordinator,
        other_coordinator=other_coordinator,
        leader=member_user(seniors, Membership.Role.LEADER, email="vedouci@example.cz"),
        member=member_user(seniors, email="clenka@example.cz"),
        families_leader=member_user(families, Membership.Role.LEADER, email="rodina@example.cz"),
        steering_member=member_user(steering, email="rizeni@example.cz"),
        outsider=UserFactory(email="obcan@example.cz"),
    )
