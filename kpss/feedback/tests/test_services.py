"""Writes to the suggestions agenda: history with who and why, consent, publishing, status, e-mails."""

import datetime

import pytest
from django.utils import timezone, translation

from kpss.feedback import queries, services
from kpss.feedback.models import CODE_ALPHABET, Suggestion
from kpss.processes.tests.factories import MeetingFactory

from .conftest import tracking_url_of

pytestmark = pytest.mark.django_db


def submit(world, **fields):
    fields = {"text": "Chybí denní stacionář pro seniory.", **fields}
    return services.submit_suggestion(world.process, tracking_url_of=tracking_url_of, **fields)


def test_a_submitted_suggestion_gets_a_random_code_and_waits_unpublished(world):
    first, second = submit(world), submit(world)

    assert first.code != second.code
    raw = first.code.replace("-", "")
    assert len(raw) == 8 and set(raw) <= set(CODE_ALPHABET)
    assert first.status == Suggestion.Status.NEW and not first.is_published
    assert first.source == Suggestion.Source.WEB and first.received_on == timezone.localdate()


def test_contact_is_kept_only_with_consent(world):
    without = submit(world, submitter_name="Jan Novák", submitter_email="jan@example.cz", submitter_phone="777")
    with_consent = submit(world, submitter_name="Eva", submitter_email="eva@example.cz", consent=True)

    without.refresh_from_db()
    assert (without.submitter_name, without.submitter_email, without.submitter_phone) == ("", "", "")
    assert without.consent_given_at is None
    with_consent.refresh_from_db()
    assert with_consent.submitter_email == "eva@example.cz" and with_consent.consent_given_at is not None


def test_consent_without_contact_records_no_consent(world):
    assert submit(world, consent=True).consent_given_at is None


def test_submitter_with_email_and_consent_gets_a_confirmation(world, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        suggestion = submit(world, submitter_email="eva@example.cz", consent=True)

    [message] = mailoutbox
    assert message.to == ["eva@example.cz"]
    assert suggestion.code in message.subject and tracking_url_of(suggestion.code) in message.body


def test_no_mail_without_consent_or_without_email(world, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submit(world, submitter_email="eva@example.cz")
        submit(world, submitter_phone="777 123 456", consent=True)

    assert mailoutbox == []


def test_staff_entry_records_source_date_meeting_and_who(world):
    meeting = MeetingFactory(group=world.seniors)
    suggestion = services.enter_suggestion(
        world.process,
        world.coordinator,
        text="Na veřejném setkání zaznělo, že chybí bezbariérový přístup.",
        source=Suggestion.Source.MEETING,
        received_on=datetime.date(2025, 3, 5),
        meeting=meeting,
        submitter_phone="777 000 111",
    )

    assert (suggestion.source, suggestion.received_on, suggestion.meeting) == (
        "meeting",
        datetime.date(2025, 3, 5),
        meeting,
    )
    assert suggestion.entered_by == world.coordinator
    assert suggestion.submitter_phone == ""  # no consent
    record = suggestion.history.get()
    assert (record.history_user, record.history_change_reason) == (world.coordinator, services.Action.ENTERED)


def test_triage_assigns_publishes_and_moves_to_discussion(world):
    suggestion = submit(world)

    services.triage(suggestion, world.coordinator, group=world.seniors, topic="seniors")

    suggestion.refresh_from_db()
    assert suggestion.group == world.seniors and suggestion.assigned_on == timezone.localdate()
    assert suggestion.is_published and suggestion.topic == "seniors"
    assert suggestion.status == Suggestion.Status.UNDER_DISCUSSION


def test_forwarding_to_a_department_records_the_date(world):
    suggestion = submit(world)

    services.triage(
        suggestion, world.coordinator, department="Odbor sociálních věcí", forwarded_on=datetime.date(2025, 2, 1)
    )

    assert suggestion.forwarded_on == datetime.date(2025, 2, 1)
    assert suggestion.status == Suggestion.Status.UNDER_DISCUSSION


def test_publishing_alone_keeps_the_suggestion_new(world):
    suggestion = services.triage(submit(world), world.coordinator, is_published=True)

    assert suggestion.is_published and suggestion.status == Suggestion.Status.NEW


def test_settling_stores_the_answer_and_tells_the_submitter(world, mailoutbox, django_capture_on_commit_callbacks):
    suggestion = submit(world, submitter_email="eva@example.cz", consent=True)
    services.triage(suggestion, world.coordinator, group=world.seniors)
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.settle(
            suggestion,
            world.leader,
            settlement=Suggestion.Settlement.ACCEPTED,
            answer="Stacionář zařazujeme do plánu.",
            tracking_url=tracking_url_of(suggestion.code),
        )

    suggestion.refresh_from_db()
    assert suggestion.status == Suggestion.Status.SETTLED and suggestion.settled_on == timezone.localdate()
    [message] = mailoutbox
    assert message.to == ["eva@example.cz"] and "Stacionář zařazujeme do plánu." in message.body
    assert suggestion.notified_at is not None


def test_erasing_the_contact_stops_the_answer_mail(world, mailoutbox, django_capture_on_commit_callbacks):
    suggestion = submit(world, submitter_name="Eva", submitter_email="eva@example.cz", consent=True)
    services.erase_contact(suggestion, world.coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        services.settle(suggestion, world.coordinator, settlement="out_of_scope", answer="Mimo.", tracking_url="x")

    suggestion.refresh_from_db()
    assert not suggestion.has_contact and suggestion.consent_given_at is None
    assert mailoutbox == []


def test_every_change_is_in_the_history_with_user_and_reason_but_never_the_contact(world):
    suggestion = submit(world, submitter_name="Eva Tajná", submitter_email="eva@example.cz", consent=True)
    services.triage(suggestion, world.coordinator, group=world.seniors)
    services.settle(suggestion, world.leader, settlement="accepted", answer="Ano.", tracking_url="x")
    services.erase_contact(suggestion, world.coordinator)

    records = list(suggestion.history.order_by("history_date", "history_id"))
    assert [(r.history_user, r.history_change_reason) for r in records] == [
        (None, services.Action.SUBMITTED),
        (world.coordinator, services.Action.TRIAGED),
        (world.leader, services.Action.SETTLED),
        (world.coordinator, services.Action.CONTACT_ERASED),
    ]
    historical_fields = {f.name for f in Suggestion.history.model._meta.get_fields()}
    assert not {"submitter_name", "submitter_email", "submitter_phone"} & historical_fields


def test_public_path_tells_public_facts_in_order(world):
    suggestion = submit(world, submitter_name="Eva Tajná", submitter_email="eva@example.cz", consent=True)
    services.triage(suggestion, world.coordinator, group=world.seniors)
    services.triage(suggestion, world.coordinator, group=world.seniors, department="Odbor sociálních věcí")
    services.settle(suggestion, world.leader, settlement="partly_accepted", answer="Částečně.", tracking_url="x")

    with translation.override("en"):
        texts = [step.text for step in queries.public_path(suggestion)]

    assert texts == [
        "Received (web form)",
        "Assigned to the group PS Senioři",
        "Under discussion",
        "Forwarded to the department Odbor sociálních věcí",
        "Settled: partly accepted",
    ]
    assert all(step.day for step in queries.public_path(suggestion))


def test_internal_history_says_what_changed(world):
    suggestion = submit(world)
    services.triage(suggestion, world.coordinator, group=world.seniors)

    with translation.override("en"):
        entries = queries.history(suggestion)
        who = [str(entry.who) for entry in entries]
        changes = {str(label): (str(old), str(new)) for label, old, new in entries[1].changes}

    assert who == ["the submitter", str(world.coordinator)]
    assert changes["assigned to group"] == ("—", "PS Senioři")
    assert changes["status"] == ("new", "under discussion")
    assert changes["shown in the public tracker"] == ("no", "yes")
