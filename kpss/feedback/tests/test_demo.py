"""The demo suggestions agendas of the current Tábor process and of Otrokovicko."""

import datetime

import pytest
from django.utils import timezone

from kpss.accounts.demo import ensure_demo_accounts
from kpss.feedback import queries
from kpss.feedback.demo import load_demo_suggestions
from kpss.feedback.models import Suggestion
from kpss.feedback.services import Action
from kpss.processes.demo import OTROKOVICKO_NAME, TABOR_NOW_NAME, load_demo_processes
from kpss.processes.models import PlanningProcess
from kpss.territories.tests.factories import MunicipalityFactory, OrpFactory, RegionFactory

Status = Suggestion.Status


@pytest.fixture
def processes(db):
    """ORP Tábor and ORP Otrokovice with some of their municipalities, and the demo processes."""
    tabor = OrpFactory(code="3112", name="Tábor", region=RegionFactory(name="Jihočeský kraj"))
    for name in ["Tábor", "Bechyně", "Chýnov", "Mladá Vožice", "Sezimovo Ústí"]:
        MunicipalityFactory(name=name, orp=tabor)
    otrokovice = OrpFactory(code="7205", name="Otrokovice", region=RegionFactory(name="Zlínský kraj"))
    for name in ["Otrokovice", "Napajedla", "Bělov", "Halenkovice", "Žlutava"]:
        MunicipalityFactory(name=name, orp=otrokovice)
    ensure_demo_accounts()
    load_demo_processes()
    return PlanningProcess.objects.get(name=TABOR_NOW_NAME), PlanningProcess.objects.get(name=OTROKOVICKO_NAME)


@pytest.fixture
def loaded(processes, django_capture_on_commit_callbacks):
    """The agendas as after ``manage.py demo``: its commit sends the e-mails (and erases what they free)."""
    with django_capture_on_commit_callbacks(execute=True):
        load_demo_suggestions()
    return processes


def by_status(process):
    return {status: process.suggestions.filter(status=status).count() for status in Status}


def test_each_agenda_has_every_status_and_most_are_settled(loaded):
    tabor, otrokovicko = loaded
    assert by_status(tabor) == {Status.NEW: 5, Status.UNDER_DISCUSSION: 6, Status.SETTLED: 20}
    assert by_status(otrokovicko) == {Status.NEW: 1, Status.UNDER_DISCUSSION: 3, Status.SETTLED: 23}
    for process in loaded:
        suggestions = process.suggestions.all()
        assert set(suggestions.values_list("settlement", flat=True)) == {"", *Suggestion.Settlement.values}
        assert len({s.source for s in suggestions}) >= 5
        assert len({s.topic for s in suggestions if s.topic}) >= 5
        assert suggestions.filter(municipality__isnull=False).count() > 20


def test_settled_ones_have_an_answer_and_all_looked_at_are_published(loaded):
    for process in loaded:
        for suggestion in process.suggestions.all():
            settled = suggestion.status == Status.SETTLED
            assert bool(suggestion.answer) == settled == bool(suggestion.settlement) == bool(suggestion.settled_on)
            assert suggestion.is_published == (suggestion.status != Status.NEW)
            if suggestion.status == Status.UNDER_DISCUSSION:
                assert suggestion.group_id or suggestion.department
            if suggestion.settlement == Suggestion.Settlement.FORWARDED:
                assert suggestion.department and suggestion.forwarded_on
    tabor, _otrokovicko = loaded
    departments = set(tabor.suggestions.values_list("department", flat=True))
    assert {"Odbor sociálních věcí MěÚ Tábor", "Odbor dopravy MěÚ Tábor"} <= departments
    assert tabor.suggestions.filter(status=Status.UNDER_DISCUSSION, group__isnull=False).count() >= 4


def test_dates_lie_in_the_process_period_and_in_the_past(loaded):
    today = timezone.localdate()
    for process in loaded:
        for s in process.suggestions.all():
            assert process.starts_on <= s.received_on < today and s.received_on <= process.ends_on
            for later in (s.assigned_on, s.forwarded_on, s.settled_on):
                assert later is None or s.received_on <= later < today
    _tabor, otrokovicko = loaded
    assert otrokovicko.suggestions.filter(received_on__year=2012).exists()
    assert otrokovicko.suggestions.filter(received_on__gte=datetime.date(2014, 1, 1)).exists()


def test_meeting_suggestions_come_from_a_held_meeting_of_the_process(loaded):
    for process in loaded:
        from_meetings = process.suggestions.filter(source=Suggestion.Source.MEETING).select_related("meeting")
        assert from_meetings.exists()
        for suggestion in from_meetings:
            assert suggestion.meeting.process_id == process.pk
            assert timezone.localtime(suggestion.meeting.starts_at).date() == suggestion.received_on


def test_contact_only_with_consent_and_until_the_answer_was_mailed(loaded, mailoutbox):
    with_contact = [s for process in loaded for s in process.suggestions.all() if s.has_contact]
    assert len(with_contact) >= 3
    for suggestion in with_contact:
        assert suggestion.consent_given_at is not None
        assert not suggestion.submitter_email or suggestion.submitter_email.endswith("@demo.kpss.example")
        assert suggestion.status != Status.SETTLED or not suggestion.submitter_email
    assert any(s.submitter_phone and not s.submitter_email for s in with_contact)
    answered = Suggestion.objects.filter(notified_at__isnull=False)
    assert answered.count() >= 5 and not any(s.has_contact for s in answered)
    assert {message.to[0] for message in mailoutbox} >= {"hana.lorencova@demo.kpss.example"}
    # The caller from Chýnov gave her number without agreeing to be contacted: none is kept.
    caller = Suggestion.objects.get(text__startswith="Volala paní z Chýnova")
    assert not caller.has_contact and caller.consent_given_at is None


def test_every_public_path_is_in_date_order_and_in_the_past(loaded):
    today = timezone.localdate()
    for process in loaded:
        for suggestion in process.suggestions.all():
            days = [step.day for step in queries.public_path(suggestion)]
            assert days == sorted(days) and days[0] == suggestion.received_on and days[-1] <= today
            if suggestion.settled_on:
                assert days[-1] == suggestion.settled_on
            if suggestion.assigned_on:
                assert suggestion.received_on <= suggestion.assigned_on <= (suggestion.settled_on or today)


def test_history_records_who_handled_each(loaded):
    tabor, _otrokovicko = loaded
    settled = tabor.suggestions.filter(status=Status.SETTLED, group__name="Senioři", source=Suggestion.Source.WEB)
    suggestion = settled.first()
    reasons = list(suggestion.history.order_by("history_id").values_list("history_change_reason", flat=True))
    assert reasons[:3] == [Action.SUBMITTED, Action.TRIAGED, Action.SETTLED]
    assert suggestion.history.filter(history_user__email="vedouci.ps@kpss.example").exists()


def test_loading_twice_adds_nothing(loaded):
    count = Suggestion.objects.count()
    messages = load_demo_suggestions()
    assert Suggestion.objects.count() == count and len(messages) == 2


def test_missing_processes_are_skipped_with_a_message(db):
    messages = load_demo_suggestions()
    assert not Suggestion.objects.exists() and len(messages) == 2
