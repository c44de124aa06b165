"""Recording attendance: every member in one form, guests, headcount; the printable attendance sheet."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from kpss.meetings.models import Attendance
from kpss.processes.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def rows_of(client, meeting):
    """The member rows the attendance form offers, as the browser would send them back unchanged."""
    form = client.get(reverse("meetings:attendance", args=[meeting.pk])).context["members"]
    return [form_.initial for form_ in form]


def attendance_post(members, guests=(), existing_guests=(), headcount=""):
    data = {
        "members-TOTAL_FORMS": len(members),
        "members-INITIAL_FORMS": len(members),
        "guests-TOTAL_FORMS": len(existing_guests) + len(guests),
        "guests-INITIAL_FORMS": len(existing_guests),
        "meeting-headcount": headcount,
    }
    for number, (person_id, status) in enumerate(members):
        data[f"members-{number}-person"] = person_id
        data[f"members-{number}-status"] = status
    for number, guest in enumerate([*existing_guests, *guests]):
        data.update({f"guests-{number}-{key}": value for key, value in guest.items()})
    return data


def test_the_form_lists_the_current_members(client, world, meeting):
    client.force_login(world.leader)
    page = client.get(reverse("meetings:attendance", args=[meeting.pk])).content.decode()
    for name in ("Libor Vedoucí", "Marie Členová", "Jana Dvořáková", "Petr Bez E-mailu"):
        assert name in page
    assert "Oblastní charita Žďár" in page
    assert "Bývalý Člen" not in page


def test_attendance_records_statuses_guests_and_headcount(client, world, meeting):
    client.force_login(world.leader)
    people = [row["person"] for row in rows_of(client, meeting)]
    jana, petr = world.members[0].person, world.members[1].person
    statuses = dict.fromkeys(people, "present") | {jana.pk: "excused", petr.pk: "absent", world.member.person.pk: ""}
    response = client.post(
        reverse("meetings:attendance", args=[meeting.pk]),
        attendance_post(
            list(statuses.items()),
            guests=[{"guest_name": "Eva Hostová", "guest_organisation": "Úřad práce"}, {"guest_name": ""}],
            headcount="42",
        ),
    )
    assert response.status_code == 302

    recorded = dict(meeting.attendances.filter(person__isnull=False).values_list("person", "status"))
    assert recorded[jana.pk] == "excused" and recorded[petr.pk] == "absent"
    assert world.member.person.pk not in recorded  # not recorded
    assert recorded[world.leader.person.pk] == "present"
    guest = meeting.attendances.get(person__isnull=True)
    assert (guest.guest_name, guest.guest_organisation, guest.status) == ("Eva Hostová", "Úřad práce", "present")
    meeting.refresh_from_db()
    assert meeting.headcount == 42

    # Saved again: the form shows what was recorded, and changing it updates instead of duplicating.
    rows = {row["person"]: row["status"] for row in rows_of(client, meeting)}
    assert rows[jana.pk] == "excused" and rows[world.member.person.pk] == ""
    statuses[jana.pk] = "present"
    client.post(
        reverse("meetings:attendance", args=[meeting.pk]),
        attendance_post(
            list(statuses.items()),
            existing_guests=[{"id": guest.pk, "guest_name": "Eva Hostová", "DELETE": "on"}],
        ),
    )
    assert meeting.attendances.get(person=jana).status == "present"
    assert not meeting.attendances.filter(person__isnull=True).exists()

    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Jana Dvořáková" in page and "Petr Bez E-mailu" in page


@pytest.mark.parametrize(
    "bad",
    [
        lambda world, people: {"person_extra": world.other_member.person.pk},  # a member of another process
        lambda world, people: {"person_extra": PersonFactory().pk},  # someone who is not a member
        lambda world, people: {"person_extra": "abc"},
        lambda world, people: {"status": "asleep"},
        lambda world, people: {"guest": {"guest_organisation": "Bez jména"}},
        lambda world, people: {"headcount": "-5"},
    ],
    ids=["foreign-person", "non-member", "not-a-number", "bad-status", "guest-without-name", "negative-headcount"],
)
def test_invalid_attendance_gives_errors_and_changes_nothing(client, world, meeting, bad):
    client.force_login(world.coordinator)
    people = [row["person"] for row in rows_of(client, meeting)]
    problem = bad(world, people)
    members = [(pk, problem.get("status", "present")) for pk in people]
    if "person_extra" in problem:
        members.append((problem["person_extra"], "present"))
    data = attendance_post(
        members,
        guests=[problem.get("guest", {"guest_name": "Host"})],
        headcount=problem.get("headcount", "10"),
    )
    response = client.post(reverse("meetings:attendance", args=[meeting.pk]), data)
    assert response.status_code == 200
    assert "kpss-form-errors" in response.content.decode()
    assert not Attendance.objects.exists()
    meeting.refresh_from_db()
    assert meeting.headcount is None


def test_a_closed_meeting_has_no_headcount(client, world, closed_meeting):
    client.force_login(world.coordinator)
    page = client.get(reverse("meetings:attendance", args=[closed_meeting.pk])).content.decode()
    assert "meeting-headcount" not in page


def pdf_text(response):
    assert response["Content-Type"] == "application/pdf"
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_attendance_sheet_is_a_pdf_with_the_members_before_the_meeting(client, world, meeting):
    client.force_login(world.leader)
    text = pdf_text(client.get(reverse("meetings:attendance_sheet", args=[meeting.pk])))
    assert "Setkání PS Senioři" in text
    assert "Jana Dvořáková" in text and "Oblastní charita Žďár" in text
    assert "Radnice, zasedací místnost" in text
    assert "Bývalý" not in text


def test_attendance_sheet_is_for_who_runs_the_meeting(client, world, meeting):
    url = reverse("meetings:attendance_sheet", args=[meeting.pk])
    assert client.get(url).status_code == 302
    client.force_login(world.member)
    assert client.get(url).status_code == 403


def test_attendance_recorded_meanwhile_is_an_error_not_a_crash(client, world, meeting, monkeypatch):
    """Two people record the same member at once: the second save is refused as a whole, with a message."""
    client.force_login(world.leader)
    jana = world.members[0].person
    statuses = [(row["person"], "present") for row in rows_of(client, meeting)]
    original = Attendance.objects.bulk_create

    def someone_else_first(objects, *args, **kwargs):
        Attendance.objects.create(meeting=meeting, person=jana, status="excused")
        return original(objects, *args, **kwargs)

    monkeypatch.setattr(Attendance.objects, "bulk_create", someone_else_first)
    response = client.post(
        reverse("meetings:attendance", args=[meeting.pk]),
        attendance_post(statuses, guests=[{"guest_name": "Eva Hostová"}], headcount="12"),
        follow=True,
    )
    assert response.status_code == 200 and "Ve stejné chvíli zapsal docházku někdo jiný" in response.content.decode()
    assert not Attendance.objects.filter(meeting=meeting).exists()  # neither the members nor the guest
    meeting.refresh_from_db()
    assert meeting.headcount is None
