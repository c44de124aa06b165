"""Writes to the suggestions agenda: one transactional function per user action.

Forms validate; these functions store what a valid form holds and keep the history: each save
records who did it (``by``), what the action was and when, so the public path of a suggestion and
its internal history both come from ``Suggestion.history``.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from . import tasks
from .models import Suggestion


class Action:
    """The reasons saved with each history record; the path of a suggestion is told by them."""

    SUBMITTED = "submitted"
    ENTERED = "entered"
    TRIAGED = "triaged"
    SETTLED = "settled"
    CONTACT_ERASED = "contact_erased"


def _moment(suggestion, day):
    """When the history says an action of ``day`` happened: noon of a past day, now for today.

    Never before the suggestion's last record, so that the history (and the public path told from
    it) stays in order whatever date a form was given.
    """
    now = timezone.now()
    if day is None or day >= timezone.localdate(now):
        return now
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    if suggestion.pk:
        latest = suggestion.history.values_list("history_date", flat=True).first()
        if latest and latest > moment:
            moment = latest
    return moment


def _save(suggestion, by, action, day=None):
    suggestion._history_user = by
    suggestion._change_reason = action
    suggestion._history_date = _moment(suggestion, day)
    suggestion.save()
    return suggestion


def _lock(suggestion):
    """Read the suggestion afresh and hold its row: two coordinators saving at once cannot undo each other."""
    suggestion.refresh_from_db(from_queryset=Suggestion.objects.select_for_update())


def _write_later(suggestion, kind, tracking_url):
    if suggestion.submitter_email and suggestion.consent_given_at:
        transaction.on_commit(lambda: tasks.send_to_submitter.delay(suggestion.pk, kind, tracking_url))


def _keep_contact_only_with_consent(suggestion, consent):
    if consent and suggestion.has_contact:
        suggestion.consent_given_at = timezone.now()
    else:
        suggestion.submitter_name = suggestion.submitter_email = suggestion.submitter_phone = ""


@transaction.atomic
def submit_suggestion(process, *, tracking_url_of, consent=False, received_on=None, **fields):
    """A suggestion sent through the public form. Contact is kept only with consent.

    ``tracking_url_of(code)`` makes the absolute link the submitter gets by e-mail. ``received_on``
    is for the demo data only: the form's suggestions arrive today.
    """
    day = received_on or timezone.localdate()
    suggestion = Suggestion(process=process, source=Suggestion.Source.WEB, received_on=day, **fields)
    _keep_contact_only_with_consent(suggestion, consent)
    _save(suggestion, None, Action.SUBMITTED, day)
    _write_later(suggestion, "received", tracking_url_of(suggestion.code))
    return suggestion


@transaction.atomic
def enter_suggestion(process, by, *, consent=False, **fields):
    """A suggestion brought at a meeting, on paper, by phone or e-mail, typed in by staff.

    Staff record contact only when the submitter agreed to it (``consent``); no e-mail is sent.
    """
    suggestion = Suggestion(process=process, entered_by=by, **fields)
    _keep_contact_only_with_consent(suggestion, consent)
    return _save(suggestion, by, Action.ENTERED, suggestion.received_on)


@transaction.atomic
def triage(suggestion, by, *, group=None, department="", forwarded_on=None, is_published=True, topic=None, on=None):
    """Assign to a group and/or forward to a department of the town office; publish or not.

    ``on``: the day it was done (today when not given). A suggestion that has gone somewhere is
    under discussion until it is settled.
    """
    _lock(suggestion)
    on = on or timezone.localdate()
    group_id = group.pk if group else None
    if group_id != suggestion.group_id:
        suggestion.assigned_on = on if group else None
    suggestion.group = group
    suggestion.department = department
    suggestion.forwarded_on = (forwarded_on or on) if department else None
    suggestion.is_published = is_published
    if topic is not None:
        suggestion.topic = topic
    if suggestion.status == Suggestion.Status.NEW and (group or department):
        suggestion.status = Suggestion.Status.UNDER_DISCUSSION
    return _save(suggestion, by, Action.TRIAGED, on)


def hidden_by_coordinator(suggestion):
    """Whether a coordinator decided (at triage or settling) that it stays out of the public tracker.

    Only those two actions decide it; an unpublished suggestion that went through neither is just
    waiting to be looked at.
    """
    decided = suggestion.history.filter(history_change_reason__in=[Action.TRIAGED, Action.SETTLED])
    return not suggestion.is_published and decided.exists()


@transaction.atomic
def settle(suggestion, by, *, settlement, answer, tracking_url, settled_on=None, is_published=None):
    """Settle with a public answer; a submitter who left an e-mail is told when the answer is new or changed.

    A settled suggestion is public (even one nobody triaged) unless ``is_published`` says otherwise
    or, when it is not given (a group leader's form), a coordinator has hidden it.
    """
    _lock(suggestion)
    changed = suggestion.status != Suggestion.Status.SETTLED or (suggestion.settlement, suggestion.answer) != (
        settlement,
        answer,
    )
    if is_published is None:
        is_published = suggestion.is_published or not hidden_by_coordinator(suggestion)
    suggestion.status = Suggestion.Status.SETTLED
    suggestion.settlement = settlement
    suggestion.answer = answer
    suggestion.settled_on = settled_on or timezone.localdate()
    suggestion.is_published = is_published
    _save(suggestion, by, Action.SETTLED, suggestion.settled_on)
    if changed:
        _write_later(suggestion, "settled", tracking_url)
    return suggestion


@transaction.atomic
def erase_contact(suggestion, by):
    """Forget who sent it (the history never held the contact). ``by`` is None when done automatically."""
    _lock(suggestion)
    suggestion.submitter_name = suggestion.submitter_email = suggestion.submitter_phone = ""
    suggestion.consent_given_at = None
    return _save(suggestion, by, Action.CONTACT_ERASED)
