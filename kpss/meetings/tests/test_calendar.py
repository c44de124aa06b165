"""The public calendar, a process's meetings and the iCalendar feeds; their queries do not grow with the data."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from kpss.accounts.models import SiteRole
from kpss.meetings.models import AgendaItem, Attachment, Attendance, Meeting, Minutes, Resolution
from kpss.processes.models import Participant, TriadRole
from kpss.processes.tests.factories import (
    GroupFactory,
    MeetingFactory,
    MembershipFactory,
    PersonFactory,
    PlanningProcessFactory,
    UserFactory,
    member_user,
)
from kpss.territories.tests.factories import OrpFactory, RegionFactory

pytestmark = pytest.mark.django_db


def days(number):
    return timezone.now().replace(microsecond=0) + datetime.timedelta(days=number)


@pytest.fixture
def meetings(world):
    group = world.group
    return {
        "open": MeetingFactory(group=group, title="Otevřené setkání", starts_at=days(3), kind="working"),
        "closed": MeetingFactory(group=group, title="Uzavřené jednání", starts_at=days(4), is_open=False),
        "cancelled": MeetingFactory(
            group=group, title="Zrušené setkání", starts_at=days(5), status="cancelled", cancellation_reason="Nemoc"
        ),
        "past": MeetingFactory(group=group, title="Minulé setkání", starts_at=days(-30), status="held"),
        "public": Meeting.objects.create(
            process=world.process, kind="public", title="Veřejné projednání", starts_at=days(6), place="Sál"
        ),
        "elsewhere": MeetingFactory(title="Seminář v jiném kraji", kind="seminar", starts_at=days(7)),
    }


def test_calendar_lists_upcoming_open_meetings_of_every_process(client, meetings):
    page = client.get(reverse("meetings:calendar")).content.decode()
    for title in ("Otevřené setkání", "Zrušené setkání", "Veřejné projednání", "Seminář v jiném kraji"):
        assert title in page
    assert "Uzavřené jednání" not in page and "Minulé setkání" not in page
    assert page.index("Otevřené setkání") < page.index("Veřejné projednání")  # soonest first
    assert "Zrušeno" in page or "Cancelled" in page


def test_calendar_filters_by_region_kind_and_time(client, world, meetings):
    page = client.get(reverse("meetings:calendar"), {"region": world.process.region_id}).content.decode()
    assert "Otevřené setkání" in page and "Seminář v jiném kraji" not in page

    page = client.get(reverse("meetings:calendar"), {"kind": "seminar"}).content.decode()
    assert "Seminář v jiném kraji" in page and "Otevřené setkání" not in page

    page = client.get(reverse("meetings:calendar"), {"when": "past"}).content.decode()
    assert "Minulé setkání" in page and "Otevřené setkání" not in page


def test_calendar_with_bad_filters_says_so_and_shows_everything(client, meetings):
    response = client.get(reverse("meetings:calendar"), {"region": "abc", "kind": "party", "page": "x"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "kpss-form-errors" in page and "Otevřené setkání" in page


def test_calendar_is_paginated_keeping_the_filters(client, world):
    for number in range(25):
        MeetingFactory(group=world.group, title=f"Setkání {number:02}", starts_at=days(number + 1))
    page = client.get(reverse("meetings:calendar"), {"kind": "working"}).content.decode()
    assert "Setkání 19" in page and "Setkání 20" not in page
    assert "?kind=working&amp;page=2" in page
    page = client.get(reverse("meetings:calendar"), {"kind": "working", "page": 2}).content.decode()
    assert "Setkání 20" in page and "Setkání 19" not in page


def test_process_calendar_shows_closed_meetings_only_to_participants(client, world, meetings):
    url = reverse("meetings:process_calendar", args=[world.process.pk])
    page = client.get(url).content.decode()
    assert "Otevřené setkání" in page and "Veřejné projednání" in page
    assert "Uzavřené jednání" not in page and "Seminář v jiném kraji" not in page
    assert reverse("meetings:process_feed", args=[world.process.pk]) in page

    client.force_login(world.other_member)
    assert "Uzavřené jednání" not in client.get(url).content.decode()
    client.force_login(world.member)
    page = client.get(url).content.decode()
    assert "Uzavřené jednání" in page
    assert "Minulé setkání" in client.get(url, {"when": "past"}).content.decode()


def feed_events(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return {str(event["SUMMARY"]): event for event in Calendar.from_ical(response.content).walk("VEVENT")}


def test_process_feed_has_only_open_meetings(client, world, meetings):
    events = feed_events(client.get(reverse("meetings:process_feed", args=[world.process.pk])))
    assert set(events) == {"Otevřené setkání", "Zrušené setkání", "Minulé setkání", "Veřejné projednání"}
    assert str(events["Zrušené setkání"]["STATUS"]) == "CANCELLED"
    assert str(events["Otevřené setkání"]["STATUS"]) == "CONFIRMED"
    assert events["Otevřené setkání"].decoded("DTSTART") == meetings["open"].starts_at


def test_group_feed_has_only_the_groups_open_meetings(client, world, meetings):
    events = feed_events(client.get(reverse("meetings:group_feed", args=[world.process.pk, world.group.pk])))
    assert set(events) == {"Otevřené setkání", "Zrušené setkání", "Minulé setkání"}
    # A group is reached only through its own process.
    assert client.get(reverse("meetings:group_feed", args=[world.process.pk, world.other_group.pk])).status_code == 404


# Queries per page do not grow with the data.


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def fill(meeting, size):
    """A meeting with ``size`` of everything: agenda items, members' attendance, guests, resolutions, attachments."""
    for number in range(size):
        AgendaItem.objects.create(meeting=meeting, order=number, title=f"Bod {number}")
        membership = MembershipFactory(group=meeting.group)
        Attendance.objects.create(meeting=meeting, person=membership.person, status="present")
        Attendance.objects.create(meeting=meeting, guest_name=f"Host {number}", guest_organisation="Obec")
        Resolution.objects.create(meeting=meeting, number=f"{number}/2030", text="Usnesení", votes_for=5)
        Attachment.objects.create(
            meeting=meeting, title=f"Příloha {number}", file=SimpleUploadedFile("a.txt", b"x"), is_public=True
        )
    Minutes.objects.create(meeting=meeting, text="# Zápis", approved_on=datetime.date(2020, 1, 1))
    meeting.invitation_sent_at = timezone.now()
    meeting.save()


@pytest.mark.parametrize("who", [None, "coordinator", "member"])
def test_detail_queries_do_not_grow(client, world, who):
    if who:
        client.force_login(getattr(world, who))
    small, large = (MeetingFactory(group=GroupFactory(process=world.process)) for _ in range(2))
    fill(small, 2)
    fill(large, 20)
    if who == "member":  # a member of both groups
        for meeting in (small, large):
            MembershipFactory(group=meeting.group, person=world.member.person)
    assert count_queries(client, small.get_absolute_url()) == count_queries(client, large.get_absolute_url())


def spread_meetings(count):
    """``count`` open upcoming meetings, each in its own process in its own region."""
    for _ in range(count):
        process = PlanningProcessFactory(orp=OrpFactory(region=RegionFactory()))
        for _ in range(2):
            AgendaItem.objects.create(
                meeting=MeetingFactory(group=GroupFactory(process=process), starts_at=days(2)), title="Bod"
            )


def test_calendar_queries_do_not_grow(client, db):
    spread_meetings(2)
    small = count_queries(client, reverse("meetings:calendar"))
    spread_meetings(18)
    assert count_queries(client, reverse("meetings:calendar")) == small


@pytest.mark.parametrize("name", ["meetings:process_calendar", "meetings:process_feed"])
def test_process_calendar_and_feed_queries_do_not_grow(client, world, name):
    client.force_login(world.coordinator)
    small_process, large_process = PlanningProcessFactory(coordinators=[world.coordinator]), world.process
    for process, size in ((small_process, 2), (large_process, 20)):
        for number in range(size):
            meeting = MeetingFactory(
                group=GroupFactory(process=process), starts_at=days(number + 1), is_open=number % 2
            )
            AgendaItem.objects.create(meeting=meeting, title="Bod")
    small = count_queries(client, reverse(name, args=[small_process.pk]))
    assert count_queries(client, reverse(name, args=[large_process.pk])) == small


@pytest.fixture
def closed_for_some(world, meetings):
    """Closed upcoming meetings of the whole process and of a second working group of the same process."""
    second = GroupFactory(process=world.process, name="PS Rodina")
    Meeting.objects.create(
        process=world.process, kind="other", title="Uzavřené jednání procesu", starts_at=days(8), is_open=False
    )
    MeetingFactory(group=second, title="Uzavřené jednání PS Rodina", starts_at=days(9), is_open=False)
    return second


def test_process_calendar_shows_each_user_the_closed_meetings_meant_for_them(client, world, closed_for_some):
    """As ``meetings.view_meeting`` decides: a participant does not see a group's closed meetings, a member
    of one group not those of another group of the same process; overseers and the steering group see all."""
    participant = UserFactory()
    Participant.objects.create(
        process=world.process, person=PersonFactory(user=participant), triad_role=TriadRole.SERVICE_USER
    )
    officer = UserFactory()
    SiteRole.objects.create(user=officer, kind=SiteRole.Kind.REGIONAL_OFFICER, region=world.process.region)
    family_member = member_user(closed_for_some)
    closed = {"Uzavřené jednání", "Uzavřené jednání procesu", "Uzavřené jednání PS Rodina"}
    expected = {
        participant: {"Uzavřené jednání procesu"},
        family_member: {"Uzavřené jednání procesu", "Uzavřené jednání PS Rodina"},
        world.member: {"Uzavřené jednání procesu", "Uzavřené jednání"},
        world.steering_member: closed,
        world.coordinator: closed,
        officer: closed,
        world.other_member: set(),
        world.outsider: set(),
    }
    url = reverse("meetings:process_calendar", args=[world.process.pk])
    upcoming = list(world.process.meetings.filter(starts_at__gte=timezone.now()))
    for user, titles in expected.items():
        client.force_login(user)
        page = client.get(url).content.decode()
        assert {title for title in closed if f">{title}<" in page} == titles, user
        assert "Otevřené setkání" in page
        # The same as the permission on each meeting.
        assert {meeting.title for meeting in upcoming if user.has_perm("meetings.view_meeting", meeting)} & closed == (
            titles
        )


def test_process_calendar_queries_do_not_grow_for_a_group_member(client, world):
    client.force_login(world.member)
    second = GroupFactory(process=world.process)

    def add(count):
        for number in range(count):
            for group in (world.group, second, None):
                MeetingFactory(process=world.process, group=group, starts_at=days(number + 1), is_open=False)

    add(1)
    small = count_queries(client, reverse("meetings:process_calendar", args=[world.process.pk]))
    add(6)
    assert count_queries(client, reverse("meetings:process_calendar", args=[world.process.pk])) == small
