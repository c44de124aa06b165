"""Pages of the suggestions agenda: the public form, tracker and tracking page, and the internal handling."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from kpss.feedback import services
from kpss.feedback.models import Suggestion
from kpss.processes.tests.factories import MeetingFactory, UserFactory

from .conftest import tracking_url_of

pytestmark = pytest.mark.django_db

CONTACT = {
    "submitter_name": "Bohumila Tajná",
    "submitter_email": "bohumila.tajna@example.cz",
    "submitter_phone": "603 111 222",
}


def submit(world, process=None, **fields):
    fields = {"text": "Chybí denní stacionář pro seniory.", **fields}
    return services.submit_suggestion(process or world.process, tracking_url_of=tracking_url_of, **fields)


def published(world, **fields):
    suggestion = submit(world, **fields)
    return services.triage(suggestion, world.coordinator, group=world.seniors)


def codes(response):
    return [s.code for s in response.context["page"].object_list]


# The public form


def test_visitor_sends_a_suggestion_and_lands_on_its_tracking_page(client, world):
    data = {"text": "Chybí odlehčovací služba.", "topic": "seniors", "municipality": world.territory.zdar.pk}

    response = client.post(reverse("feedback:submit", args=[world.process.pk]), data, follow=True)

    suggestion = Suggestion.objects.get()
    assert response.redirect_chain[-1][0] == suggestion.get_tracking_url()
    assert (suggestion.topic, suggestion.municipality) == ("seniors", world.territory.zdar)
    assert suggestion.code in response.content.decode()
    assert response.context["url"] == f"http://testserver{suggestion.get_tracking_url()}"


def test_contact_without_consent_is_refused_and_the_text_kept(client, world):
    data = {"text": "Můj podnět", "submitter_email": "eva@example.cz"}

    response = client.post(reverse("feedback:submit", args=[world.process.pk]), data)

    assert response.status_code == 200
    assert "consent" in response.context["form"].errors
    assert "Můj podnět" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_a_municipality_outside_the_territory_is_refused(client, world):
    data = {"text": "Podnět", "municipality": world.territory.jihlava.pk}

    response = client.post(reverse("feedback:submit", args=[world.process.pk]), data)

    assert "municipality" in response.context["form"].errors
    assert not Suggestion.objects.exists()


def test_the_process_page_offers_the_form_and_the_tracker(client, world):
    response = client.get(world.process.get_absolute_url())

    html = response.content.decode()
    assert f'action="{reverse("feedback:submit", args=[world.process.pk])}"' in html
    assert 'name="website"' in html and "feedback-trap" in html
    assert reverse("feedback:tracker", args=[world.process.pk]) in html


def test_the_process_page_links_a_member_to_the_group_worklist(client, world):
    client.force_login(world.member)

    html = client.get(world.process.get_absolute_url()).content.decode()

    assert reverse("feedback:group_suggestions", args=[world.process.pk, world.seniors.pk]) in html
    assert reverse("feedback:group_suggestions", args=[world.process.pk, world.families.pk]) not in html


def test_the_group_page_links_the_worklist_only_for_who_may_see_it(client, world):
    url = reverse("feedback:group_suggestions", args=[world.process.pk, world.seniors.pk])
    assert url not in client.get(world.seniors.get_absolute_url()).content.decode()
    client.force_login(world.member)
    assert url in client.get(world.seniors.get_absolute_url()).content.decode()


# Contact data never reach a public page


def test_contact_is_on_no_public_page(client, world):
    suggestion = published(world, consent=True, **CONTACT)
    services.settle(suggestion, world.leader, settlement="accepted", answer="Ano.", tracking_url="x")
    pages = [
        reverse("feedback:tracker", args=[world.process.pk]),
        suggestion.get_tracking_url(),
        world.process.get_absolute_url(),
        reverse("feedback:submit", args=[world.process.pk]),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert suggestion.code in html or url.endswith("/new/") or url == world.process.get_absolute_url()
        for value in CONTACT.values():
            assert value not in html, url


def test_contact_is_on_the_internal_page_only_for_who_handles_it(client, world):
    suggestion = published(world, consent=True, **CONTACT)
    client.force_login(world.member)
    assert CONTACT["submitter_email"] not in client.get(suggestion.get_absolute_url()).content.decode()
    client.force_login(world.steering_member)
    assert CONTACT["submitter_email"] not in client.get(suggestion.get_absolute_url()).content.decode()
    client.force_login(world.leader)
    assert CONTACT["submitter_email"] in client.get(suggestion.get_absolute_url()).content.decode()


# The public tracker


def test_tracker_lists_only_published_suggestions(client, world):
    shown = published(world)
    hidden = submit(world)
    elsewhere = submit(world, process=world.other)
    services.triage(elsewhere, world.other_coordinator)

    response = client.get(reverse("feedback:tracker", args=[world.process.pk]))

    assert codes(response) == [shown.code]
    assert hidden.code not in response.content.decode()


def test_tracker_filters_by_status_topic_municipality_and_year(client, world):
    senior = published(world, topic="seniors", municipality=world.territory.zdar)
    family = published(world, topic="children_youth_family", municipality=world.territory.nove_mesto)
    services.settle(family, world.coordinator, settlement="accepted", answer="Ano.", tracking_url="x")
    Suggestion.objects.filter(pk=senior.pk).update(received_on=datetime.date(2024, 6, 1))
    url = reverse("feedback:tracker", args=[world.process.pk])

    assert codes(client.get(url, {"status": "settled"})) == [family.code]
    assert codes(client.get(url, {"topic": "seniors"})) == [senior.code]
    assert codes(client.get(url, {"municipality": world.territory.nove_mesto.pk})) == [family.code]
    assert codes(client.get(url, {"year": 2024})) == [senior.code]


def test_tracker_search_finds_text_and_answer_whatever_the_case(client, world):
    stacionar = published(world, text="Chybí DENNÍ stacionář")
    answered = published(world, text="Něco jiného")
    services.settle(answered, world.coordinator, settlement="accepted", answer="Zřídíme stacionář.", tracking_url="x")
    published(world, text="Doprava do Jihlavy")
    url = reverse("feedback:tracker", args=[world.process.pk])

    assert set(codes(client.get(url, {"q": "denní"}))) == {stacionar.code}
    assert set(codes(client.get(url, {"q": "stacionář"}))) == {stacionar.code, answered.code}


@pytest.mark.parametrize(
    "query",
    [
        {"status": "x"},
        {"year": "abc"},
        {"municipality": "999999999"},
        {"municipality": "x"},
        {"topic": "<b>"},
        {"page": "zz"},
    ],  # fmt: skip
)
def test_garbage_filters_are_ignored(client, world, query):
    shown = published(world)

    response = client.get(reverse("feedback:tracker", args=[world.process.pk]), query)

    assert response.status_code == 200 and codes(response) == [shown.code]


def test_tracker_of_a_missing_process_is_404(client, db):
    assert client.get(reverse("feedback:tracker", args=[987654])).status_code == 404


# Tracking by code


def test_tracking_page_shows_the_path_and_the_answer(client, world):
    suggestion = published(world)
    services.settle(suggestion, world.leader, settlement="accepted", answer="Stacionář bude.", tracking_url="x")

    response = client.get(suggestion.get_tracking_url())

    html = response.content.decode()
    assert "Stacionář bude." in html and "PS Senioři" in html
    assert len(response.context["path"]) == 4  # received, assigned, under discussion, settled
    assert str(world.leader) not in html and world.leader.email not in html


def test_tracking_page_shows_an_unpublished_suggestion_to_who_has_the_code(client, world):
    suggestion = submit(world)

    assert client.get(suggestion.get_tracking_url()).status_code == 200


def test_codes_typed_loosely_are_found(client, world):
    suggestion = submit(world)
    loose = suggestion.code.lower().replace("-", "")

    assert client.get(reverse("feedback:track", args=[loose])).url == suggestion.get_tracking_url()
    assert client.get(reverse("feedback:lookup"), {"code": f" {loose} "}).url == suggestion.get_tracking_url()


def test_unknown_codes(client, world):
    assert client.get(reverse("feedback:track", args=["AAAA-AAAA"])).status_code == 404
    assert client.get(reverse("feedback:track", args=["nonsense"])).status_code == 404
    response = client.get(reverse("feedback:lookup"), {"code": "ZZZZ-ZZZZ"})
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]


# The agenda and the group worklist


def test_agenda_lists_everything_new_first_with_counts(client, world):
    settled = published(world)
    services.settle(settled, world.coordinator, settlement="accepted", answer="Ano.", tracking_url="x")
    discussed = published(world)
    new = submit(world)
    client.force_login(world.steering_member)

    response = client.get(reverse("feedback:agenda", args=[world.process.pk]))

    assert codes(response) == [new.code, discussed.code, settled.code]
    assert [count for _label, count in response.context["counts"]] == [1, 1, 1]
    assert reverse("feedback:enter", args=[world.process.pk]) not in response.content.decode()


def test_agenda_filters_by_group_and_unpublished(client, world):
    seniors = published(world)
    families = services.triage(submit(world), world.coordinator, group=world.families)
    hidden = services.triage(submit(world), world.coordinator, is_published=False)
    client.force_login(world.coordinator)
    url = reverse("feedback:agenda", args=[world.process.pk])

    assert codes(client.get(url, {"group": world.families.pk})) == [families.code]
    assert codes(client.get(url, {"unpublished": "on"})) == [hidden.code]
    assert seniors.code in codes(client.get(url, {"group": "garbage"}))


def test_group_worklist_shows_only_the_groups_suggestions(client, world):
    mine = published(world)
    services.triage(submit(world), world.coordinator, group=world.families)
    client.force_login(world.leader)

    response = client.get(reverse("feedback:group_suggestions", args=[world.process.pk, world.seniors.pk]))

    assert codes(response) == [mine.code]
    assert reverse("feedback:settle", args=[mine.pk]) in response.content.decode()


def test_a_member_sees_the_worklist_without_answer_links(client, world):
    mine = published(world)
    client.force_login(world.member)

    response = client.get(reverse("feedback:group_suggestions", args=[world.process.pk, world.seniors.pk]))

    assert codes(response) == [mine.code]
    assert reverse("feedback:settle", args=[mine.pk]) not in response.content.decode()


def test_a_group_of_another_process_is_404(client, world):
    client.force_login(world.coordinator)
    other_group = world.other.groups.create(kind="working", name="PS Jihlava")

    url = reverse("feedback:group_suggestions", args=[world.process.pk, other_group.pk])

    assert client.get(url).status_code == 404


# Handling


def test_coordinator_enters_a_suggestion_from_a_meeting(client, world):
    client.force_login(world.coordinator)
    data = {"source": "phone", "received_on": "2025-03-04", "text": "Telefonát: chybí taxi pro seniory."}

    response = client.post(reverse("feedback:enter", args=[world.process.pk]), data)

    suggestion = Suggestion.objects.get()
    assert response.url == suggestion.get_absolute_url()
    assert suggestion.source == "phone" and suggestion.received_on == datetime.date(2025, 3, 4)
    assert suggestion.entered_by == world.coordinator


def test_staff_entry_refuses_another_process_meeting_and_future_dates(client, world):
    foreign = MeetingFactory(group=world.other.groups.create(kind="working", name="PS Jihlava"))
    client.force_login(world.coordinator)
    data = {"source": "meeting", "received_on": "2100-01-01", "meeting": foreign.pk, "text": "Podnět"}

    response = client.post(reverse("feedback:enter", args=[world.process.pk]), data)

    assert set(response.context["form"].errors) == {"meeting", "received_on"}
    assert not Suggestion.objects.exists()


def test_triage_form_publishes_by_default_and_refuses_another_process_group(client, world):
    suggestion = submit(world)
    client.force_login(world.coordinator)
    url = reverse("feedback:triage", args=[suggestion.pk])

    assert client.get(url).context["form"].initial["is_published"] is True
    foreign = world.other.groups.create(kind="working", name="PS Jihlava")
    response = client.post(url, {"group": foreign.pk, "is_published": "on"})
    assert "group" in response.context["form"].errors
    client.post(url, {"group": world.seniors.pk, "is_published": "on", "topic": "seniors"})

    suggestion.refresh_from_db()
    assert suggestion.group == world.seniors and suggestion.is_published


def test_leader_settles_and_the_answer_is_required(client, world, mailoutbox, django_capture_on_commit_callbacks):
    suggestion = published(world, submitter_email="eva@example.cz", consent=True)
    client.force_login(world.leader)
    url = reverse("feedback:settle", args=[suggestion.pk])

    response = client.post(url, {"settlement": "accepted", "answer": "", "settled_on": "2026-01-01"})
    assert "answer" in response.context["form"].errors
    with django_capture_on_commit_callbacks(execute=True):
        answer = {"settlement": "accepted", "answer": "Zařadíme do plánu.", "settled_on": suggestion.received_on}
        client.post(url, answer)

    suggestion.refresh_from_db()
    assert suggestion.status == "settled" and suggestion.answer == "Zařadíme do plánu."
    assert [m.to for m in mailoutbox] == [["eva@example.cz"]]
    assert f"http://testserver{suggestion.get_tracking_url()}" in mailoutbox[0].body


def test_a_leader_of_another_group_cannot_settle(client, world):
    suggestion = published(world)
    client.force_login(world.families_leader)

    response = client.post(reverse("feedback:settle", args=[suggestion.pk]), {"settlement": "accepted", "answer": "x"})

    assert response.status_code == 403
    suggestion.refresh_from_db()
    assert suggestion.status == "under_discussion"


def test_coordinator_erases_the_contact(client, world):
    suggestion = published(world, consent=True, **CONTACT)
    client.force_login(world.coordinator)

    response = client.post(reverse("feedback:erase_contact", args=[suggestion.pk]))

    assert response.url == suggestion.get_absolute_url()
    suggestion.refresh_from_db()
    assert not suggestion.has_contact
    assert client.get(reverse("feedback:erase_contact", args=[suggestion.pk])).status_code == 405


def test_detail_shows_the_full_history_with_who(client, world):
    suggestion = published(world)
    client.force_login(world.steering_member)

    response = client.get(suggestion.get_absolute_url())

    assert [str(entry.who) for entry in response.context["history"]][1] == str(world.coordinator)
    assert str(world.coordinator) in response.content.decode()


def test_staff_entry_offers_only_the_meetings_of_the_last_year_and_the_next_three_months(client, world):
    now = timezone.now()
    old = MeetingFactory(group=world.seniors, starts_at=now - datetime.timedelta(days=400))
    last_month = MeetingFactory(group=world.seniors, starts_at=now - datetime.timedelta(days=30))
    next_month = MeetingFactory(group=world.families, starts_at=now + datetime.timedelta(days=30))
    MeetingFactory(group=world.seniors, starts_at=now + datetime.timedelta(days=200))
    client.force_login(world.coordinator)
    url = reverse("feedback:enter", args=[world.process.pk])

    offered = list(client.get(url).context["form"].fields["meeting"].queryset)
    response = client.post(url, {"source": "meeting", "received_on": "2025-03-04", "meeting": old.pk, "text": "P"})

    assert offered == [next_month, last_month]
    assert "meeting" in response.context["form"].errors and not Suggestion.objects.exists()


def test_staff_entry_explains_consent_to_staff_not_to_the_submitter(client, world):
    client.force_login(world.coordinator)

    staff = client.get(reverse("feedback:enter", args=[world.process.pk])).context["form"]
    public = client.get(reverse("feedback:submit", args=[world.process.pk])).context["form"]

    with translation.override("en"):
        assert str(staff.fields["consent"].help_text) != str(public.fields["consent"].help_text)
        assert str(staff.fields["consent"].help_text).startswith("Tick only when the submitter agreed")


def test_the_year_filter_shows_years_as_written(client, world):
    published(world)

    html = client.get(reverse("feedback:tracker", args=[world.process.pk])).content.decode()

    year = timezone.localdate().year
    assert f'<option value="{year}">{year}</option>' in html


def test_the_coordinator_may_hide_a_settled_suggestion_the_leader_may_not(client, world):
    suggestion = submit(world)
    url = reverse("feedback:settle", args=[suggestion.pk])
    client.force_login(world.coordinator)
    assert client.get(url).context["form"].initial["is_published"] is True
    answer = {"settlement": "out_of_scope", "answer": "Mimo.", "settled_on": suggestion.received_on}

    client.post(url, answer)  # the box unticked
    suggestion.refresh_from_db()
    assert suggestion.status == "settled" and not suggestion.is_published

    services.triage(suggestion, world.coordinator, group=world.seniors, is_published=False)
    client.force_login(world.leader)
    assert "is_published" not in client.get(url).context["form"].fields
    client.post(url, {**answer, "is_published": "on", "answer": "Oprava."})
    suggestion.refresh_from_db()
    assert suggestion.answer == "Oprava." and not suggestion.is_published


def test_the_coordinators_settle_form_publishes_an_untriaged_suggestion(client, world):
    suggestion = submit(world)
    client.force_login(world.coordinator)
    answer = {"settlement": "out_of_scope", "answer": "Mimo.", "settled_on": suggestion.received_on}

    client.post(reverse("feedback:settle", args=[suggestion.pk]), {**answer, "is_published": "on"})

    assert suggestion.code in codes(client.get(reverse("feedback:tracker", args=[world.process.pk])))


def test_detail_names_staff_without_their_e_mail(client, world):
    clerk = UserFactory(email="referentka@zdar.example", first_name="", last_name="")
    suggestion = services.enter_suggestion(
        world.process, clerk, text="Podnět z telefonu", source="phone", received_on=timezone.localdate()
    )
    services.triage(suggestion, clerk, group=world.seniors)
    client.force_login(world.coordinator)

    html = client.get(suggestion.get_absolute_url()).content.decode()

    assert "referentka" not in html


def test_detail_says_when_the_contact_goes(client, world):
    by_phone = published(world, consent=True, submitter_phone="603 111 222")
    by_mail = published(world, consent=True, submitter_email="eva@example.cz")
    client.force_login(world.coordinator)

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    phone_page = client.get(by_phone.get_absolute_url()).content.decode()
    mail_page = client.get(by_mail.get_absolute_url()).content.decode()

    assert "call the submitter with the answer, then erase the contact" in phone_page
    assert "erased automatically once the answer has been sent" in mail_page
