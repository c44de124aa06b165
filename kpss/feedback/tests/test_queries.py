"""The number of SQL queries of the agenda's pages does not grow with the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kpss.feedback import services
from kpss.processes.tests.factories import GroupFactory

from .conftest import tracking_url_of

pytestmark = pytest.mark.django_db


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_suggestions(world, size):
    """``size`` suggestions in every state, over several groups, municipalities and topics."""
    municipalities = [world.territory.zdar, world.territory.nove_mesto]
    for number in range(size):
        group = GroupFactory(process=world.process, name=f"PS {number}")
        suggestion = services.submit_suggestion(
            world.process,
            tracking_url_of=tracking_url_of,
            text=f"Podnět {number}",
            topic="seniors" if number % 2 else "other",
            municipality=municipalities[number % 2],
        )
        services.triage(suggestion, world.coordinator, group=group if number % 3 else world.seniors, department="Odbor")
        if number % 2:
            services.settle(suggestion, world.coordinator, settlement="accepted", answer="Ano.", tracking_url="x")


def one_suggestion(world):
    """A suggestion whose history grows with each round of triage."""
    return services.submit_suggestion(world.process, tracking_url_of=tracking_url_of, text="Podnět")


def retriage(world, suggestion, times):
    for number in range(times):
        group = GroupFactory(process=world.process, name=f"PS R{number}")
        services.triage(suggestion, world.coordinator, group=group, department=f"Odbor {number}")
    services.settle(suggestion, world.leader, settlement="accepted", answer="Ano.", tracking_url="x")


@pytest.mark.parametrize(
    "name,user",
    [("feedback:tracker", None), ("feedback:agenda", "coordinator"), ("feedback:agenda", "steering_member")],
)
def test_lists_cost_the_same_with_more_suggestions(client, world, name, user):
    if user:
        client.force_login(getattr(world, user))
    url = reverse(name, args=[world.process.pk])
    add_suggestions(world, 2)
    small = count_queries(client, url)
    add_suggestions(world, 12)

    assert count_queries(client, url) == small


def test_group_worklist_costs_the_same_with_more_suggestions(client, world):
    client.force_login(world.leader)
    url = reverse("feedback:group_suggestions", args=[world.process.pk, world.seniors.pk])
    add_suggestions(world, 3)
    small = count_queries(client, url)
    add_suggestions(world, 12)

    assert count_queries(client, url) == small


@pytest.mark.parametrize("user", ["coordinator", "leader", "member"])
def test_detail_and_tracking_page_cost_the_same_with_a_longer_history(client, world, user):
    client.force_login(getattr(world, user))
    short = one_suggestion(world)
    services.triage(short, world.coordinator, group=world.seniors)
    retriage(world, short, 1)
    long = one_suggestion(world)
    services.triage(long, world.coordinator, group=world.seniors)
    retriage(world, long, 8)
    services.triage(long, world.coordinator, group=world.seniors)
    services.triage(short, world.coordinator, group=world.seniors)

    assert count_queries(client, long.get_absolute_url()) == count_queries(client, short.get_absolute_url())
    assert count_queries(client, long.get_tracking_url()) == count_queries(client, short.get_tracking_url())


def test_process_page_costs_the_same_with_more_suggestions(client, world):
    client.force_login(world.member)
    url = world.process.get_absolute_url()
    add_suggestions(world, 2)
    small = count_queries(client, url)
    add_suggestions(world, 10)

    assert count_queries(client, url) == small
