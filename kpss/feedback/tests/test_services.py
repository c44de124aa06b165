"""Writes to the suggestions agenda: history with who and why, consent, publishing, status, e-mails."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from kpss.feedback import queries, services
from kpss.feedback.models import CODE_ALPHABET, Suggestion
from kpss.processes.tests.factories import MeetingFactory, PersonFactory, UserFactory

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


# The e-mails go to any address typed in: they carry nothing a visitor wrote.


def test_the_confirmation_holds_only_the_process_the_code_and_the_link(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        suggestion = submit(
            world,
            text="Vyhráli jste! Klikněte na http://podvod.example/vyhra",
            submitter_name="Výhra čeká na http://podvod.example",
            submitter_email="obet@example.cz",
            consent=True,
        )

    [message] = mailoutbox
    assert "podvod" not in message.body and "podvod" not in message.subject and "Vyhráli" not in message.body
    assert world.process.name in message.body and suggestion.code in message.body
    assert tracking_url_of(suggestion.code) in message.body


# The contact lives only until the answer has been given


def answered_by_mail(world, django_capture_on_commit_callbacks, **contact):
    suggestion = submit(world, consent=True, **contact)
    services.triage(suggestion, world.coordinator, group=world.seniors)
    with django_capture_on_commit_callbacks(execute=True):
        services.settle(suggestion, world.leader, settlement="accepted", answer="Ano.", tracking_url="x")
    suggestion.refresh_from_db()
    return suggestion


def test_the_contact_is_erased_once_the_answer_has_been_sent(world, mailoutbox, django_capture_on_commit_callbacks):
    suggestion = answered_by_mail(
        world, django_capture_on_commit_callbacks, submitter_name="Eva", submitter_email="eva@example.cz"
    )

    assert [message.to for message in mailoutbox] == [["eva@example.cz"]]
    assert not suggestion.has_contact and suggestion.consent_given_at is None
    assert suggestion.notified_at is not None
    last = suggestion.history.order_by("history_date", "history_id").last()
    assert (last.history_user, last.history_change_reason) == (None, services.Action.CONTACT_ERASED)


def test_a_phone_only_contact_stays_for_the_coordinator_to_call(world, django_capture_on_commit_callbacks):
    suggestion = answered_by_mail(world, django_capture_on_commit_callbacks, submitter_phone="603 111 222")

    assert suggestion.submitter_phone == "603 111 222" and suggestion.notified_at is None


def test_the_answer_mail_is_sent_only_when_the_answer_is_new_or_changed(world, django_capture_on_commit_callbacks):
    suggestion = submit(world, submitter_email="eva@example.cz", consent=True)

    def settle(answer, settlement="accepted"):
        with django_capture_on_commit_callbacks() as callbacks:
            services.settle(suggestion, world.leader, settlement=settlement, answer=answer, tracking_url="x")
        return len(callbacks)

    assert settle("Ano.") == 1
    assert settle("Ano.") == 0  # saved again unchanged, e.g. only the date corrected
    assert settle("Ano, od září.") == 1
    assert settle("Ano, od září.", settlement="partly_accepted") == 1


# Publishing


def test_settling_a_suggestion_nobody_triaged_publishes_it(world):
    suggestion = submit(world)

    services.settle(suggestion, world.coordinator, settlement="out_of_scope", answer="Mimo.", tracking_url="x")

    suggestion.refresh_from_db()
    assert suggestion.is_published and suggestion.status == Suggestion.Status.SETTLED


def test_settling_keeps_hidden_what_the_coordinator_hid(world):
    hidden = services.triage(submit(world), world.coordinator, group=world.seniors, is_published=False)

    services.settle(hidden, world.leader, settlement="not_accepted", answer="Ne.", tracking_url="x")

    hidden.refresh_from_db()
    assert not hidden.is_published
    services.settle(hidden, world.leader, settlement="not_accepted", answer="Ne, zatím.", tracking_url="x")
    hidden.refresh_from_db()
    assert not hidden.is_published  # nor does the leader's correction publish it
    services.settle(
        hidden, world.coordinator, settlement="not_accepted", answer="Ne.", tracking_url="x", is_published=True
    )
    hidden.refresh_from_db()
    assert hidden.is_published


# Dates of the history


def noon(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))


def test_each_action_is_dated_by_its_day_in_the_history(world):
    received, triaged, settled = datetime.date(2025, 3, 3), datetime.date(2025, 3, 10), datetime.date(2025, 4, 1)

    suggestion = services.submit_suggestion(
        world.process, tracking_url_of=tracking_url_of, text="Podnět", received_on=received
    )
    services.triage(suggestion, world.coordinator, group=world.seniors, department="Odbor", on=triaged)
    services.settle(
        suggestion, world.leader, settlement="accepted", answer="Ano.", tracking_url="x", settled_on=settled
    )

    suggestion.refresh_from_db()
    assert (suggestion.received_on, suggestion.assigned_on, suggestion.forwarded_on) == (received, triaged, triaged)
    records = suggestion.history.order_by("history_date", "history_id")
    assert [record.history_date for record in records] == [noon(received), noon(triaged), noon(settled)]
    assert [step.day for step in queries.public_path(suggestion)] == [received, triaged, triaged, triaged, settled]


def test_a_back_dated_action_never_goes_before_the_last_record(world):
    suggestion = submit(world)  # today
    services.triage(suggestion, world.coordinator, group=world.seniors)

    services.settle(
        suggestion,
        world.leader,
        settlement="accepted",
        answer="Ano.",
        tracking_url="x",
        settled_on=timezone.localdate() - datetime.timedelta(days=3),
    )

    reasons = suggestion.history.order_by("history_date", "history_id").values_list("history_change_reason", flat=True)
    assert list(reasons) == [services.Action.SUBMITTED, services.Action.TRIAGED, services.Action.SETTLED]


def test_without_dates_the_history_is_dated_now(world):
    before = timezone.now()
    suggestion = submit(world)
    services.triage(suggestion, world.coordinator, group=world.seniors)

    assert all(before <= record.history_date <= timezone.now() for record in suggestion.history.all())


# Two people at once


def test_settling_from_a_stale_copy_keeps_the_triage_made_meanwhile(world):
    suggestion = submit(world)
    stale = Suggestion.objects.get(pk=suggestion.pk)
    services.triage(suggestion, world.coordinator, group=world.seniors, department="Odbor")

    services.settle(stale, world.coordinator, settlement="accepted", answer="Ano.", tracking_url="x")

    suggestion.refresh_from_db()
    assert (suggestion.group, suggestion.department, suggestion.status) == (world.seniors, "Odbor", "settled")


def test_triage_from_a_stale_copy_keeps_the_settlement_made_meanwhile(world):
    suggestion = services.triage(submit(world), world.coordinator, group=world.seniors)
    stale = Suggestion.objects.get(pk=suggestion.pk)
    services.settle(suggestion, world.leader, settlement="accepted", answer="Ano.", tracking_url="x")

    services.triage(stale, world.coordinator, group=world.seniors, department="Odbor")

    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.answer, suggestion.department) == ("settled", "Ano.", "Odbor")


def test_triage_and_settle_lock_the_row(world):
    suggestion = submit(world)

    with CaptureQueriesContext(connection) as triaged:
        services.triage(suggestion, world.coordinator, group=world.seniors)
    with CaptureQueriesContext(connection) as settled:
        services.settle(suggestion, world.leader, settlement="accepted", answer="Ano.", tracking_url="x")

    for captured in (triaged, settled):
        assert any("FOR UPDATE" in query["sql"] for query in captured.captured_queries)


# Staff as others read them


def test_the_history_names_staff_never_by_their_e_mail(world):
    nameless = UserFactory(email="bez.jmena@example.cz", first_name="", last_name="")
    with_person = UserFactory(email="osoba@example.cz", first_name="", last_name="")
    PersonFactory(user=with_person, first_name="Alena", last_name="Horká")
    suggestion = submit(world)
    services.triage(suggestion, nameless, group=world.seniors)
    services.triage(suggestion, with_person, group=world.families)

    with translation.override("en"):
        who = [str(entry.who) for entry in queries.history(suggestion)]

    assert who == ["the submitter", "staff member", "Alena Horká"]
