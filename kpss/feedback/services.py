"""Writes to the suggestions agenda: one transactional function per user action.

Forms validate; these functions store what a valid form holds and keep the history: each save
records who did it (``by``) and what the action was, so the public path of a suggestion and its
internal history both come from ``Suggestion.history``.
"""

from django.db import transaction
from django.utils import timezone

from .models import Suggestion
from .tasks import send_to_submitter


class Action:
    """The reasons saved with each history record; the path of a suggestion is told by them."""

    SUBMITTED = "submitted"
    ENTERED = "entered"
    TRIAGED = "triaged"
    SETTLED = "settled"
    CONTACT_ERASED = "contact_erased"
    NOTIFIED = "notified"


def _save(suggestion, by, action):
    suggestion._history_user = by
    suggestion._change_reason = action
    suggestion.save()
    return suggestion


def _write_later(suggestion, kind, tracking_url):
    if suggestion.submitter_email and suggestion.consent_given_at:
        transaction.on_commit(lambda: send_to_submitter.delay(suggestion.pk, kind, tracking_url))


@transaction.atomic
def submit_suggestion(process, *, tracking_url_of, consent=False, **fields):
    """A suggestion sent through the public form. Contact is kept only with consent.

    ``tracking_url_of(code)`` makes the absolute link the submitter gets by e-mail.
    """
    suggestion = Suggestion(process=process, source=Suggestion.Source.WEB, received_on=timezone.localdate(), **fields)
    if consent and suggestion.has_contact:
        suggestion.consent_given_at = timezone.now()
    else:
        suggestion.submitter_name = suggestion.submitter_email = suggestion.submitter_phone = ""
    _save(suggestion, None, Action.SUBMITTED)
    _write_later(suggestion, "received", tracking_url_of(suggestion.code))
    return suggestion


@transaction.atomic
def enter_suggestion(process, by, *, consent=False, **fields):
    """A suggestion brought at a meeting, on paper, by phone or e-mail, typed in by staff.

    Staff record contact only when the submitter agreed to it (``consent``); no e-mail is sent.
    """
    suggestion = Suggestion(process=process, entered_by=by, **fields)
    if consent and suggestion.has_contact:
        suggestion.consent_given_at = timezone.now()
    else:
        suggestion.submitter_name = suggestion.submitter_email = suggestion.submitter_phone = ""
    return _save(suggestion, by, Action.ENTERED)


@transaction.atomic
def triage(suggestion, by, *, group=None, department="", forwarded_on=None, is_published=True, topic=None):
    """Assign to a group and/or forward to a department of the town office; publish or not.

    A suggestion that has gone somewhere is under discussion until it is settled.
    """
    today = timezone.localdate()
    if group != suggestion.group:
        suggestion.assigned_on = today if group else None
    suggestion.group = group
    suggestion.department = department
    suggestion.forwarded_on = (forwarded_on or today) if department else None
    suggestion.is_published = is_published
    if topic is not None:
        suggestion.topic = topic
    if suggestion.status == Suggestion.Status.NEW and (group or department):
        suggestion.status = Suggestion.Status.UNDER_DISCUSSION
    return _save(suggestion, by, Action.TRIAGED)


@transaction.atomic
def settle(suggestion, by, *, settlement, answer, tracking_url, settled_on=None):
    """Settle with a public answer; a submitter who left an e-mail is told (again, on a correction)."""
    suggestion.status = Suggestion.Status.SETTLED
    suggestion.settlement = settlement
    suggestion.answer = answer
    suggestion.settled_on = settled_on or timezone.localdate()
    _save(suggestion, by, Action.SETTLED)
    _write_later(suggestion, "settled", tracking_url)
    return suggestion


@transaction.atomic
def erase_contact(suggestion, by):
    """Forget who sent it (the history never held the contact)."""
    suggestion.submitter_name = suggestion.submitter_email = suggestion.submitter_phone = ""
    suggestion.consent_given_at = None
    return _save(suggestion, by, Action.CONTACT_ERASED)
