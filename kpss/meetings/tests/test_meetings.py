"""Creating, editing, cancelling a meeting and its agenda; bad input changes nothing."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from kpss.meetings.models import AgendaItem, Meeting
from kpss.processes.tests.factories import GroupFactory

pytestmark = pytest.mark.django_db
PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")


def meeting_data(**overrides):
    return {
        "kind": "public",
        "title": "Veřejné setkání k plánu",
        "date": "2030-03-11",
        "start_time": "17:00",
        "end_time": "19:30",
        "place": "Dům kultury, velký sál",
        "online_url": "",
        "is_open": "on",
        "accessibility": "Bezbariérový vstup, tlumočník do znakového jazyka",
        **overrides,
    }


def test_coordinator_creates_a_meeting_of_the_whole_process(client, world):
    client.force_login(world.coordinator)
    response = client.post(reverse("meetings:create", args=[world.process.pk]), meeting_data())

    meeting = Meeting.objects.get(title="Veřejné setkání k plánu")
    assert response.url == meeting.get_absolute_url()
    assert meeting.process == world.process and meeting.group is None
    assert meeting.starts_at == datetime.datetime(2030, 3, 11, 17, tzinfo=PRAGUE)
    assert meeting.duration == datetime.timedelta(hours=2, minutes=30)
    assert meeting.is_open and meeting.status == Meeting.Status.PLANNED
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "tlumočník do znakového jazyka" in page and "Dům kultury" in page
    assert "11. března 2030" in page and "17:00" in page and "19:30" in page


def test_coordinator_may_pick_a_group_of_the_process_but_not_of_another(client, world):
    client.force_login(world.coordinator)
    url = reverse("meetings:create", args=[world.process.pk])
    client.post(url, meeting_data(title="S pracovní skupinou", group=world.group.pk))
    assert Meeting.objects.get(title="S pracovní skupinou").group == world.group

    response = client.post(url, meeting_data(title="Cizí skupina", group=world.other_group.pk))
    assert response.status_code == 200
    assert "Vyberte platnou možnost" in response.content.decode()
    assert not Meeting.objects.filter(title="Cizí skupina").exists()


def test_leader_creates_a_meeting_of_the_group(client, world):
    client.force_login(world.leader)
    form = client.get(reverse("meetings:create_for_group", args=[world.group.pk])).content.decode()
    assert 'value="working" selected' in form  # the kind follows the group

    client.post(
        reverse("meetings:create_for_group", args=[world.group.pk]),
        meeting_data(
            kind="working", title="3. setkání PS", online_url="https://meet.example.cz/ps", place="", is_open=""
        ),
    )
    meeting = Meeting.objects.get(title="3. setkání PS")
    assert meeting.group == world.group and meeting.process == world.process and not meeting.is_open


@pytest.mark.parametrize(
    ("overrides", "message"),
    # The project's own messages get their Czech at the end (the lead translates); Django's are Czech already.
    [
        ({"end_time": "16:00"}, "end_time"),
        ({"end_time": "17:00"}, "end_time"),
        ({"end_date": "2030-03-10", "end_time": "19:00"}, "end_time"),
        ({"date": "2030-02-30"}, "Zadejte platné datum."),
        ({"date": "zítra"}, "Zadejte platné datum."),
        ({"start_time": "25:00"}, "Zadejte platný čas."),
        ({"place": "", "online_url": ""}, "place"),
        ({"online_url": "není odkaz"}, "Zadejte platnou adresu URL."),
        ({"kind": "party"}, "Vyberte platnou možnost"),
        ({"title": ""}, "Toto pole je třeba vyplnit."),
        # Out of the range the calendar, .ics and documents can hold (0001-01-01 00:10 broke the feeds).
        ({"date": "0001-01-01", "start_time": "00:10"}, "date"),
        ({"date": "1989-12-31"}, "date"),
        ({"end_date": "2101-01-01"}, "end_date"),
    ],
)
def test_invalid_meeting_data_gives_errors_in_czech_and_creates_nothing(client, world, overrides, message):
    client.force_login(world.coordinator)
    response = client.post(reverse("meetings:create", args=[world.process.pk]), meeting_data(**overrides))
    assert response.status_code == 200
    page = response.content.decode()
    if " " in message:
        assert message in page
    else:
        assert f'id="id_{message}_error"' in page
    assert 'aria-invalid="true"' in page
    assert not Meeting.objects.exists()


def test_a_meeting_over_several_days(client, world):
    client.force_login(world.coordinator)
    data = meeting_data(kind="conference", title="Konference", end_date="2030-03-12", end_time="12:00")
    client.post(reverse("meetings:create", args=[world.process.pk]), data)
    assert Meeting.objects.get(title="Konference").duration == datetime.timedelta(hours=19)


def test_moving_a_meeting_bumps_its_sequence_and_other_edits_do_not(client, world, meeting):
    client.force_login(world.coordinator)
    url = reverse("meetings:edit", args=[meeting.pk])
    form = client.get(url).content.decode()
    local = meeting.starts_at.astimezone(PRAGUE)
    assert f'value="{local:%Y-%m-%d}"' in form and f'value="{local:%H:%M}"' in form
    day = f"{local:%Y-%m-%d}"
    end = (local + meeting.duration).strftime("%H:%M")

    client.post(
        url,
        meeting_data(
            kind="working", title="Nový název", date=day, start_time=f"{local:%H:%M}", end_time=end, place=meeting.place
        ),
    )
    meeting.refresh_from_db()
    assert meeting.title == "Nový název" and meeting.sequence == 0

    client.post(
        url,
        meeting_data(
            kind="working", title="Nový název", date=day, start_time="08:00", end_time="09:00", place=meeting.place
        ),
    )
    meeting.refresh_from_db()
    assert meeting.sequence == 1 and meeting.starts_at.astimezone(PRAGUE).hour == 8


def test_a_meeting_keeps_its_group_when_edited(client, world, meeting):
    client.force_login(world.coordinator)
    other = GroupFactory(process=world.process)
    local = meeting.starts_at.astimezone(PRAGUE)
    client.post(
        reverse("meetings:edit", args=[meeting.pk]),
        meeting_data(group=other.pk, date=f"{local:%Y-%m-%d}", start_time="10:00", end_time="11:00"),
    )
    meeting.refresh_from_db()
    assert meeting.group == world.group


def test_cancelling_needs_a_reason_and_shows_it(client, world, meeting):
    client.force_login(world.leader)
    url = reverse("meetings:cancel", args=[meeting.pk])
    response = client.post(url, {"reason": "  "})
    assert response.status_code == 200 and 'aria-invalid="true"' in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED and meeting.sequence == 0

    reason = "Kvůli epidemii se setkání nekoná; připomínky posílejte elektronicky."
    client.post(url, {"reason": reason})
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CANCELLED and meeting.sequence == 1
    client.logout()
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "Toto jednání je zrušeno" in page or "This meeting is cancelled" in page
    assert reason in page


def test_a_cancelled_meeting_is_not_marked_held(client, world, meeting):
    meeting.status, meeting.cancellation_reason = Meeting.Status.CANCELLED, "Nemoc"
    meeting.save()
    client.force_login(world.coordinator)
    client.post(reverse("meetings:mark_held", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CANCELLED


def agenda_post(rows, initial=0):
    data = {"agenda_items-TOTAL_FORMS": len(rows), "agenda_items-INITIAL_FORMS": initial}
    for number, row in enumerate(rows):
        data.update({f"agenda_items-{number}-{key}": value for key, value in row.items()})
    return data


def test_agenda_items_are_added_reordered_and_removed(client, world, meeting):
    client.force_login(world.deputy)
    url = reverse("meetings:agenda", args=[meeting.pk])
    client.post(
        url,
        agenda_post(
            [
                {"order": "", "title": "Různé"},
                {"order": "1", "title": "Zahájení", "presenter": "Libor Vedoucí", "minutes": "5"},
                {"order": "2", "title": "SWOT analýza"},
            ]
        ),
    )
    items = list(meeting.agenda_items.all())
    assert [(item.order, item.title) for item in items] == [(1, "Zahájení"), (2, "SWOT analýza"), (3, "Různé")]

    rows = [{"id": item.pk, "order": item.order, "title": item.title} for item in items]
    rows[0]["order"] = "9"  # Zahájení goes last
    rows[1]["DELETE"] = "on"
    client.post(url, agenda_post(rows, initial=3))
    assert [(item.order, item.title) for item in meeting.agenda_items.all()] == [(1, "Různé"), (2, "Zahájení")]

    page = client.get(meeting.get_absolute_url()).content.decode()
    assert page.index("Různé") < page.index("Zahájení")


def test_invalid_agenda_changes_nothing(client, world, meeting):
    AgendaItem.objects.create(meeting=meeting, order=1, title="Zahájení")
    client.force_login(world.coordinator)
    item = meeting.agenda_items.get()
    response = client.post(
        reverse("meetings:agenda", args=[meeting.pk]),
        agenda_post(
            [{"id": item.pk, "order": "-1", "title": "Změna"}, {"title": "Nový", "minutes": "hodně"}], initial=1
        ),
    )
    assert response.status_code == 200 and 'aria-invalid="true"' in response.content.decode()
    assert list(meeting.agenda_items.values_list("title", "order")) == [("Zahájení", 1)]


def test_agenda_of_another_meeting_cannot_be_edited_through_this_one(client, world, meeting):
    other = AgendaItem.objects.create(
        meeting=Meeting.objects.create(
            process=world.other_process, kind="other", title="Cizí", starts_at=meeting.starts_at, place="x"
        ),
        title="Cizí bod",
    )
    client.force_login(world.coordinator)
    client.post(
        reverse("meetings:agenda", args=[meeting.pk]),
        agenda_post([{"id": other.pk, "order": "1", "title": "Uneseno"}], initial=1),
    )
    other.refresh_from_db()
    assert other.title == "Cizí bod" and other.meeting.title == "Cizí"


def test_a_group_meeting_offers_no_group_to_choose(client, world):
    client.force_login(world.leader)
    url = reverse("meetings:create_for_group", args=[world.group.pk])
    assert 'name="group"' not in client.get(url).content.decode()
    client.post(url, meeting_data(kind="working", title="Setkání PS", group=world.steering.pk))
    assert Meeting.objects.get(title="Setkání PS").group == world.group


def started(meeting, status=Meeting.Status.PLANNED):
    meeting.starts_at = timezone.now() - datetime.timedelta(hours=1)
    meeting.status = status
    meeting.save()
    return meeting


def test_only_a_planned_meeting_is_cancelled(client, world, meeting):
    started(meeting, Meeting.Status.HELD)
    client.force_login(world.coordinator)
    url = reverse("meetings:cancel", args=[meeting.pk])
    response = client.get(url, follow=True)
    assert response.redirect_chain[-1][0] == meeting.get_absolute_url()
    assert "Zrušit lze jen plánované jednání." in response.content.decode()
    client.post(url, {"reason": "Omyl"})
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD and meeting.cancellation_reason == "" and meeting.sequence == 0


def test_a_meeting_is_marked_held_only_once_it_started(client, world, meeting):
    client.force_login(world.coordinator)
    url = reverse("meetings:mark_held", args=[meeting.pk])
    assert 'action="' + url not in client.get(meeting.get_absolute_url()).content.decode()
    response = client.post(url, follow=True)
    assert "Jednání lze označit jako proběhlé až poté, co začalo." in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED

    started(meeting)
    assert 'action="' + url in client.get(meeting.get_absolute_url()).content.decode()
    client.post(url)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.HELD
