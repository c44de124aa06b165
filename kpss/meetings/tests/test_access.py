"""Who may see a meeting and who may run it; everyone else changes nothing."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kpss.meetings.models import AgendaItem, Attachment, Attendance, Meeting, Minutes, Resolution

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_meeting(meeting, world):
    """A meeting with something of every kind, so that each write view has something to change."""
    AgendaItem.objects.create(meeting=meeting, order=1, title="Zahájení")
    Minutes.objects.create(meeting=meeting, text="Zápis")
    Resolution.objects.create(meeting=meeting, number="1/2020", text="Schvaluje program.")
    Attachment.objects.create(meeting=meeting, title="Prezentace", file=SimpleUploadedFile("p.txt", b"x"))
    return meeting


def snapshot(meeting):
    meeting = Meeting.objects.get(pk=meeting.pk)
    minutes = Minutes.objects.filter(meeting=meeting).values_list("text", "approved_on").first()
    return (
        meeting.title,
        meeting.status,
        meeting.sequence,
        meeting.invitation_sent_at,
        meeting.headcount,
        minutes,
        list(AgendaItem.objects.filter(meeting=meeting).values_list("title", "order")),
        list(Attendance.objects.filter(meeting=meeting).values_list("person", "guest_name", "status")),
        list(Resolution.objects.filter(meeting=meeting).values_list("number", "text")),
        list(Attachment.objects.filter(meeting=meeting).values_list("title", flat=True)),
        len(mail.outbox),
    )


def writes(meeting, world):
    """(url, POST data) of every write on a meeting, with data that would change it."""
    resolution = meeting.resolutions.get()
    attachment = meeting.attachments.get()
    day = meeting.starts_at.date()
    return [
        (
            reverse("meetings:edit", args=[meeting.pk]),
            {
                "kind": "working",
                "title": "Přejmenováno",
                "date": day,
                "start_time": "10:00",
                "end_time": "12:00",
                "place": "Jinde",
            },
        ),
        (reverse("meetings:cancel", args=[meeting.pk]), {"reason": "Nemoc"}),
        (reverse("meetings:mark_held", args=[meeting.pk]), {}),
        (
            reverse("meetings:agenda", args=[meeting.pk]),
            {"agenda_items-TOTAL_FORMS": 1, "agenda_items-INITIAL_FORMS": 0, "agenda_items-0-title": "Nový bod"},
        ),
        (reverse("meetings:invite", args=[meeting.pk]), {}),
        (
            reverse("meetings:attendance", args=[meeting.pk]),
            {
                "members-TOTAL_FORMS": 0,
                "members-INITIAL_FORMS": 0,
                "guests-TOTAL_FORMS": 1,
                "guests-INITIAL_FORMS": 0,
                "guests-0-guest_name": "Host",
                "meeting-headcount": 40,
            },
        ),
        (reverse("meetings:minutes", args=[meeting.pk]), {"text": "Přepsaný zápis"}),
        (reverse("meetings:approve_minutes", args=[meeting.pk]), {"approved_on": "2099-01-01"}),
        (reverse("meetings:resolution_add", args=[meeting.pk]), {"number": "2/2020", "text": "Nové", "adopted": "on"}),
        (
            reverse("meetings:resolution_edit", args=[meeting.pk, resolution.pk]),
            {"number": "1/2020", "text": "Změněno", "adopted": "on"},
        ),
        (reverse("meetings:resolution_delete", args=[meeting.pk, resolution.pk]), {}),
        (
            reverse("meetings:attachment_add", args=[meeting.pk]),
            {"title": "Nová", "file": SimpleUploadedFile("n.txt", b"y")},
        ),
        (reverse("meetings:attachment_delete", args=[meeting.pk, attachment.pk]), {}),
    ]


REFUSED = ["outsider", "member", "steering_member", "other_member", "other_leader", "other_coordinator"]


@pytest.mark.parametrize("who", REFUSED)
def test_every_write_is_refused_to_who_does_not_run_the_meeting(client, world, full_meeting, who):
    client.force_login(getattr(world, who))
    before = snapshot(full_meeting)
    for url, data in writes(full_meeting, world):
        if "delete" not in url and "held" not in url and "invite" not in url and "approve" not in url:
            assert client.get(url).status_code == 403, url
        assert client.post(url, data).status_code == 403, url
    assert snapshot(full_meeting) == before


def test_anonymous_writes_go_to_the_login_page(client, world, full_meeting):
    before = snapshot(full_meeting)
    for url, data in writes(full_meeting, world):
        response = client.post(url, data)
        assert response.status_code == 302 and response.url.startswith(reverse("accounts:login")), url
    assert snapshot(full_meeting) == before


@pytest.mark.parametrize("who", ["coordinator", "leader", "deputy"])
def test_coordinators_leaders_and_deputies_run_the_meeting(client, world, full_meeting, who):
    client.force_login(getattr(world, who))
    for name in ("edit", "cancel", "agenda", "attendance", "attendance_sheet", "minutes", "resolution_add"):
        assert client.get(reverse(f"meetings:{name}", args=[full_meeting.pk])).status_code == 200, name
    Meeting.objects.filter(pk=full_meeting.pk).update(starts_at=timezone.now() - datetime.timedelta(hours=1))
    response = client.post(reverse("meetings:mark_held", args=[full_meeting.pk]))
    assert response.status_code == 302
    assert Meeting.objects.get(pk=full_meeting.pk).status == Meeting.Status.HELD


def test_get_is_not_allowed_on_post_only_views(client, world, full_meeting):
    client.force_login(world.coordinator)
    for name in ("mark_held", "invite", "approve_minutes"):
        assert client.get(reverse(f"meetings:{name}", args=[full_meeting.pk])).status_code == 405


@pytest.mark.parametrize(
    ("who", "process_level", "group_level"),
    [
        ("coordinator", 200, 200),
        ("leader", 403, 200),
        ("deputy", 403, 200),
        ("member", 403, 403),
        ("steering_member", 403, 403),
        ("outsider", 403, 403),
        ("other_leader", 403, 403),
        ("other_coordinator", 403, 403),
    ],
)
def test_who_may_create_meetings(client, world, who, process_level, group_level):
    client.force_login(getattr(world, who))
    assert client.get(reverse("meetings:create", args=[world.process.pk])).status_code == process_level
    assert client.get(reverse("meetings:create_for_group", args=[world.group.pk])).status_code == group_level
    data = {
        "kind": "working",
        "title": "Cizí",
        "date": "2030-01-10",
        "start_time": "9:00",
        "end_time": "10:00",
        "place": "Sál",
    }
    client.post(reverse("meetings:create_for_group", args=[world.group.pk]), data)
    assert Meeting.objects.filter(title="Cizí").exists() == (group_level == 200)


def test_anonymous_creating_goes_to_login(client, world):
    for url in (
        reverse("meetings:create", args=[world.process.pk]),
        reverse("meetings:create_for_group", args=[world.group.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))


def test_unknown_objects_are_404(client, world, meeting):
    client.force_login(world.coordinator)
    assert client.get(reverse("meetings:detail", args=[999999])).status_code == 404
    assert client.get(reverse("meetings:create", args=[999999])).status_code == 404
    assert client.get(reverse("meetings:process_calendar", args=[999999])).status_code == 404
    assert client.get(reverse("meetings:resolution_edit", args=[meeting.pk, 999999])).status_code == 404
    # A resolution of another meeting cannot be reached through this one.
    other = Resolution.objects.create(
        meeting=Meeting.objects.create(
            process=world.other_process, kind="public", title="Jiné", starts_at=meeting.starts_at, place="x"
        ),
        number="1",
        text="x",
    )
    assert client.get(reverse("meetings:resolution_edit", args=[meeting.pk, other.pk])).status_code == 404
    assert client.post(reverse("meetings:resolution_delete", args=[meeting.pk, other.pk])).status_code == 404
    assert Resolution.objects.filter(pk=other.pk).exists()


def test_an_open_meeting_is_public(client, meeting):
    response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    assert "Setkání PS Senioři" in response.content.decode()
    assert client.get(reverse("meetings:ics", args=[meeting.pk])).status_code == 200


def test_a_closed_meeting_is_for_the_group_the_steering_group_and_the_coordinators(client, world, closed_meeting):
    url = closed_meeting.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:login"))
    assert client.get(reverse("meetings:ics", args=[closed_meeting.pk])).status_code == 302
    for who in ("outsider", "other_member", "other_leader", "other_coordinator"):
        client.force_login(getattr(world, who))
        response = client.get(url)
        assert response.status_code == 403, who
        assert "Neveřejné jednání PS" not in response.content.decode()
    for who in ("member", "leader", "steering_member", "coordinator"):
        client.force_login(getattr(world, who))
        assert client.get(url).status_code == 200, who


def test_running_controls_are_shown_only_to_who_runs_the_meeting(client, world, meeting):
    edit = reverse("meetings:edit", args=[meeting.pk])
    assert edit not in client.get(meeting.get_absolute_url()).content.decode()
    client.force_login(world.member)
    assert edit not in client.get(meeting.get_absolute_url()).content.decode()
    client.force_login(world.leader)
    assert edit in client.get(meeting.get_absolute_url()).content.decode()


def test_a_leader_cannot_run_a_meeting_of_the_whole_process(client, world):
    meeting = Meeting.objects.create(
        process=world.process,
        kind="public",
        title="Veřejné setkání",
        starts_at=datetime.datetime(2030, 3, 11, 17, tzinfo=datetime.UTC),
        place="Sál",
    )
    client.force_login(world.leader)
    assert client.get(reverse("meetings:edit", args=[meeting.pk])).status_code == 403
    client.force_login(world.coordinator)
    assert client.get(reverse("meetings:edit", args=[meeting.pk])).status_code == 200
