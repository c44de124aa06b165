"""Invitations: one e-mail per current member with an e-mail, each with a valid .ics; cancellations too."""

import datetime

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.core.mail import EmailMessage
from django.urls import reverse
from icalendar import Calendar

from kpss.meetings import ical, tasks
from kpss.meetings.models import AgendaItem, Meeting
from kpss.processes.models import Membership
from kpss.processes.tests.factories import MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


def calendar_of(message):
    """The text/calendar part of an e-mail, parsed, with the part's METHOD parameter."""
    for part in message.message().walk():
        if part.get_content_type() == "text/calendar":
            return Calendar.from_ical(part.get_payload(decode=True)), part.get_param("method")
    raise AssertionError("no text/calendar part")


@pytest.fixture
def invited(client, world, meeting, django_capture_on_commit_callbacks):
    AgendaItem.objects.create(meeting=meeting, order=1, title="Zahájení")
    AgendaItem.objects.create(meeting=meeting, order=2, title="Potřeby seniorů v regionu")
    client.force_login(world.leader)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("meetings:invite", args=[meeting.pk]))
    assert response.status_code == 302
    return meeting


def test_every_current_member_with_an_email_gets_the_invitation(world, invited):
    recipients = sorted(address for message in mail.outbox for address in message.to)
    expected = [world.leader.email, world.deputy.email, world.member.email, world.members[0].person.email]
    assert recipients == sorted(expected)  # not the member without an e-mail, not the former member
    assert all(len(message.to) == 1 for message in mail.outbox)  # nobody sees the others' addresses
    message = mail.outbox[0]
    assert "Setkání PS Senioři" in message.subject
    assert "Potřeby seniorů v regionu" in message.body and "Radnice, zasedací místnost" in message.body
    invited.refresh_from_db()
    assert invited.invitation_sent_at is not None


def test_the_invitation_carries_a_valid_ics(world, invited):
    calendar, method = calendar_of(mail.outbox[0])
    assert method == "REQUEST" and calendar["METHOD"] == "REQUEST"
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == ical.uid(invited)
    assert event.decoded("DTSTART") == invited.starts_at
    assert event.decoded("DTEND") == invited.ends_at
    assert str(event["SUMMARY"]) == "Setkání PS Senioři"
    assert str(event["LOCATION"]) == "Radnice, zasedací místnost"
    assert int(event["SEQUENCE"]) == 0
    assert str(event["URL"]).endswith(invited.get_absolute_url())
    assert "1. Zahájení\n2. Potřeby seniorů v regionu" in str(event["DESCRIPTION"])
    assert str(event["ATTENDEE"]) == f"mailto:{mail.outbox[0].to[0]}"


def test_the_meeting_page_shows_who_was_invited(client, world, invited):
    page = client.get(invited.get_absolute_url()).content.decode()
    assert world.members[0].person.email in page
    assert "Bez E-mailu" not in page.split('class="kpss-invited"')[1].split("</ul>")[0]


def test_moving_and_cancelling_update_the_invitees_calendars(
    client, world, invited, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("meetings:cancel", args=[invited.pk]), {"reason": "Epidemie; připomínky posílejte e-mailem."}
        )

    assert len(mail.outbox) == 4
    calendar, method = calendar_of(mail.outbox[0])
    [event] = calendar.walk("VEVENT")
    assert method == "CANCEL" and str(event["STATUS"]) == "CANCELLED"
    assert str(event["UID"]) == ical.uid(invited) and int(event["SEQUENCE"]) == 1
    assert "Epidemie" in mail.outbox[0].body


def test_a_cancellation_goes_to_those_invited_even_after_the_group_changed(
    client, world, invited, django_capture_on_commit_callbacks
):
    Membership.objects.filter(person__user=world.member).update(ends_on=datetime.date(2020, 1, 1))
    MembershipFactory(group=world.group, person=PersonFactory(email="nova.clenka@example.cz"))
    mail.outbox.clear()
    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("meetings:cancel", args=[invited.pk]), {"reason": "Nemoc vedoucího."})

    recipients = {address for message in mail.outbox for address in message.to}
    assert world.member.email in recipients  # invited, so told of the cancellation, though no longer a member
    assert "nova.clenka@example.cz" not in recipients  # never invited


def test_nobody_to_invite_sends_nothing(client, world, django_capture_on_commit_callbacks):
    # A meeting of the whole process goes to the steering group; without one nobody is invited.
    world.steering.delete()
    meeting = Meeting.objects.create(
        process=world.process, kind="public", title="Veřejné", starts_at="2030-03-11T17:00Z", place="Sál"
    )
    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("meetings:invite", args=[meeting.pk]))
    assert mail.outbox == []
    meeting.refresh_from_db()
    assert meeting.invitation_sent_at is None


def test_a_process_meeting_invites_the_steering_group(client, world, django_capture_on_commit_callbacks):
    meeting = Meeting.objects.create(
        process=world.process, kind="public", title="Veřejné", starts_at="2030-03-11T17:00Z", place="Sál"
    )
    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("meetings:invite", args=[meeting.pk]))
    assert [message.to for message in mail.outbox] == [[world.steering_member.email]]


def test_a_cancelled_meeting_is_not_sent(client, world, meeting, django_capture_on_commit_callbacks):
    meeting.status, meeting.cancellation_reason = Meeting.Status.CANCELLED, "Nemoc"
    meeting.save()
    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("meetings:invite", args=[meeting.pk]))
    assert mail.outbox == []


def test_meeting_ics_download(client, meeting):
    response = client.get(reverse("meetings:ics", args=[meeting.pk]))
    assert response["Content-Type"].startswith("text/calendar")
    [event] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(event["UID"]) == ical.uid(meeting) and event.decoded("DTSTART") == meeting.starts_at


def test_uid_names_the_installation_and_organizer_is_a_plain_address(
    client, world, meeting, settings, django_capture_on_commit_callbacks
):
    settings.KPSS_ICAL_DOMAIN = "kpss.kraj-vysocina.cz"
    settings.DEFAULT_FROM_EMAIL = "KPSS Vysočina <kpss@kraj-vysocina.cz>"
    client.force_login(world.leader)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("meetings:invite", args=[meeting.pk]))
    calendar, _method = calendar_of(mail.outbox[0])
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"meeting-{meeting.pk}@kpss.kraj-vysocina.cz"
    assert str(event["ORGANIZER"]) == "mailto:kpss@kraj-vysocina.cz"
    assert event["ORGANIZER"].params["CN"] == "KPSS Vysočina"
    [download] = Calendar.from_ical(client.get(reverse("meetings:ics", args=[meeting.pk])).content).walk("VEVENT")
    assert str(download["UID"]) == str(event["UID"]) and "ORGANIZER" not in download


def test_each_address_is_its_own_task(client, world, meeting, monkeypatch, django_capture_on_commit_callbacks):
    """A delivery that fails is retried for its address alone; the others are not sent twice."""
    queued = []
    monkeypatch.setattr(tasks.send_invitation, "delay", lambda *args: queued.append(args))
    client.force_login(world.leader)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("meetings:invite", args=[meeting.pk]))
    recipients = sorted(recipient for _pk, recipient, _url, _method in queued)
    expected = [world.leader.email, world.deputy.email, world.member.email, world.members[0].person.email]
    assert recipients == sorted(expected)

    tasks.send_invitation(meeting.pk, world.member.email, "https://kpss.example/m", "REQUEST")
    assert [message.to for message in mail.outbox] == [[world.member.email]]


def test_a_failed_delivery_is_retried_for_its_address_only(world, meeting, monkeypatch):
    attempts = []

    def refused(message, fail_silently=False):
        attempts.append(message.to)
        raise ConnectionRefusedError

    monkeypatch.setattr(EmailMessage, "send", refused)
    with pytest.raises(Retry):  # the worker tries again later, this address only
        tasks.send_invitation.apply(args=[meeting.pk, world.member.email, "https://kpss.example/m"])
    assert attempts == [[world.member.email]]


@pytest.mark.parametrize("status", [Meeting.Status.HELD, Meeting.Status.CANCELLED])
def test_invitations_only_for_a_planned_meeting(client, world, meeting, status, django_capture_on_commit_callbacks):
    meeting.status, meeting.cancellation_reason = status, "Nemoc"
    meeting.save()
    client.force_login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("meetings:invite", args=[meeting.pk]), follow=True)
    assert "Pozvánky lze rozeslat jen k plánovanému jednání." in response.content.decode()
    assert mail.outbox == [] and not meeting.invitations.exists()
