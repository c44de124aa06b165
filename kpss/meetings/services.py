"""Writes to meetings: one transactional function per user action."""

from contextlib import contextmanager

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from . import queries, tasks
from .models import AgendaItem, Attendance, Invitation, Meeting, Minutes

# A change of any of these moves the meeting in the invitees' calendars: SEQUENCE must grow (RFC 5546).
SCHEDULING_FIELDS = ("starts_at", "duration", "place", "online_url")


class Conflict(Exception):
    """Someone saved the same thing at the same moment; a unique constraint refused this save."""


@contextmanager
def refused_as_conflict():
    """Turn a unique constraint's refusal (two requests racing past the form's check) into ``Conflict``.

    The savepoint keeps the surrounding transaction usable, so the caller can still answer the user.
    """
    try:
        with transaction.atomic():
            yield
    except IntegrityError as error:
        raise Conflict from error


def _send_later(meeting, recipients, url, method):
    """After the commit (the worker must find the meeting as saved here), one task per address:
    a failed delivery is retried for that address alone, not resent to everyone."""

    def send():
        for recipient in recipients:
            tasks.send_invitation.delay(meeting.pk, recipient, url, method)

    transaction.on_commit(send)


@transaction.atomic
def create_meeting(form, process, group=None):
    meeting = form.save(commit=False)
    meeting.process = process
    meeting.group = group or form.cleaned_data.get("group")
    meeting.starts_at = form.cleaned_data["starts_at"]
    meeting.duration = form.cleaned_data["duration"]
    meeting.save()
    return meeting


@transaction.atomic
def update_meeting(form):
    meeting = form.save(commit=False)
    before = Meeting.objects.select_for_update().get(pk=meeting.pk)
    meeting.starts_at = form.cleaned_data["starts_at"]
    meeting.duration = form.cleaned_data["duration"]
    if any(getattr(before, field) != getattr(meeting, field) for field in SCHEDULING_FIELDS):
        meeting.sequence = before.sequence + 1
    meeting.save()
    return meeting


@transaction.atomic
def cancel_meeting(meeting, reason, url):
    """Cancel with a reason; whoever got the invitation gets a cancellation for their calendar."""
    meeting.status = Meeting.Status.CANCELLED
    meeting.cancellation_reason = reason
    meeting.sequence = F("sequence") + 1
    meeting.save(update_fields=["status", "cancellation_reason", "sequence", "updated"])
    meeting.refresh_from_db(fields=["sequence"])
    _send_later(meeting, [invitation.email for invitation in queries.invited(meeting)], url, "CANCEL")
    return meeting


@transaction.atomic
def mark_held(meeting):
    meeting.status = Meeting.Status.HELD
    meeting.save(update_fields=["status", "updated"])


@transaction.atomic
def save_agenda(formset):
    """Save the agenda, then number its items 1, 2, 3… in the order given."""
    formset.save()
    meeting = formset.instance
    items = list(meeting.agenda_items.order_by("order", "pk"))
    for number, item in enumerate(items, start=1):
        item.order = number
    AgendaItem.objects.bulk_update(items, ["order"])


@transaction.atomic
def send_invitations(meeting, url):
    """E-mail the invitation with its .ics to the current members with an e-mail; returns how many."""
    people = {membership.person.email.lower(): membership.person for membership in queries.members(meeting)}
    people.pop("", None)
    if not people:
        return 0
    meeting.invitation_sent_at = timezone.now()
    meeting.save(update_fields=["invitation_sent_at", "updated"])
    Invitation.objects.bulk_create(
        [
            Invitation(meeting=meeting, person=person, email=email, sent_at=meeting.invitation_sent_at)
            for email, person in people.items()
        ],
        update_conflicts=True,
        unique_fields=["meeting", "email"],
        update_fields=["person", "sent_at"],
    )
    _send_later(meeting, list(people), url, "REQUEST")
    return len(people)


@transaction.atomic
def record_attendance(meeting, statuses, guest_formset, headcount_form=None):
    """Record members' attendance (``{person_id: status or ""}``), the guests and the headcount at once.

    Raises ``Conflict`` when someone else recorded one of the members meanwhile; nothing is saved then.
    """
    recorded = {attendance.person_id: attendance for attendance in meeting.attendances.filter(person__isnull=False)}
    removed = [recorded[person_id].pk for person_id, status in statuses.items() if not status and person_id in recorded]
    Attendance.objects.filter(pk__in=removed).delete()
    changed, added = [], []
    for person_id, status in statuses.items():
        if not status:
            continue
        if person_id in recorded:
            recorded[person_id].status = status
            changed.append(recorded[person_id])
        else:
            added.append(Attendance(meeting=meeting, person_id=person_id, status=status))
    Attendance.objects.bulk_update(changed, ["status"])
    with refused_as_conflict():
        Attendance.objects.bulk_create(added)

    guests = guest_formset.save(commit=False)
    for guest in guests:
        guest.meeting = meeting
        guest.status = Attendance.Status.PRESENT
        guest.save()
    for guest in guest_formset.deleted_objects:
        guest.delete()
    if headcount_form is not None:
        headcount_form.save()


def _lines(text):
    return text.replace("\r\n", "\n").strip()


@transaction.atomic
def save_minutes(meeting, form, author):
    """Save the minutes; returns True when approved minutes changed and so lost their approval.
    Raises ``Conflict`` when someone else created the meeting's minutes meanwhile.

    Approval covers the text the group saw: changed text must not go public as approved.
    """
    minutes = form.save(commit=False)
    minutes.meeting = meeting
    if minutes.author_id is None:
        minutes.author = author
    before = Minutes.objects.select_for_update().filter(pk=minutes.pk).first() if minutes.pk else None
    unapproved = bool(before and before.approved_on and _lines(before.text) != _lines(minutes.text))
    if unapproved:
        minutes.approved_on = None
    with refused_as_conflict():  # two people writing the first minutes at once
        minutes.save()
    return unapproved


@transaction.atomic
def approve_minutes(minutes, approved_on):
    minutes.approved_on = approved_on
    minutes.save(update_fields=["approved_on", "updated"])


@transaction.atomic
def save_resolution(form):
    """Raises ``Conflict`` when another resolution of the meeting took the number meanwhile."""
    with refused_as_conflict():
        return form.save()


@transaction.atomic
def delete_resolution(resolution):
    resolution.delete()


@transaction.atomic
def add_attachment(meeting, form):
    form.instance.meeting = meeting
    return form.save()


@transaction.atomic
def delete_attachment(attachment):
    file = attachment.file
    attachment.delete()
    # The file goes only once the row is surely gone; a rolled-back delete keeps both.
    transaction.on_commit(lambda: file.storage.delete(file.name))
