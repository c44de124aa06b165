"""Reads shared by several meeting views: calendars, feeds, the people a meeting expects."""

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from kpss.processes.models import Group, Membership
from kpss.processes.rules import can_oversee_process, is_participant, is_steering_member

from .models import AgendaItem, Attendance, Meeting

# A feed is polled often; a few years of meetings are plenty for any calendar application.
FEED_LIMIT = 500


def meeting_or_404(pk):
    """A meeting with what its permission checks read (process, group, minutes) in one query."""
    return get_object_or_404(Meeting.objects.select_related("process__region", "group", "minutes"), pk=pk)


def _in_time(meetings, past):
    now = timezone.now()
    if past:
        return meetings.filter(starts_at__lt=now).order_by("-starts_at", "-pk")
    return meetings.filter(starts_at__gte=now).order_by("starts_at", "pk")


def calendar_meetings(*, region=None, kind="", past=False):
    """Open meetings of every process, upcoming (soonest first) or past (latest first)."""
    meetings = Meeting.objects.open_to_public().select_related("process__region", "group")
    if region:
        meetings = meetings.filter(process__region=region)
    if kind:
        meetings = meetings.filter(kind=kind)
    return _in_time(meetings, past)


def visible_to(meetings, process, user):
    """``meetings`` (of ``process``) narrowed to those the user may see, as ``meetings.view_meeting``
    decides, in the query.

    Open meetings for everyone; every closed one for the process's overseers and steering-group
    members; for other participants the closed meetings of the whole process and of their own groups.
    """
    if (can_oversee_process | is_steering_member).test(user, process):
        return meetings
    visible = Q(is_open=True)
    if is_participant.test(user, process):
        own_groups = Membership.objects.current().filter(person__user=user, group__process=process)
        visible |= Q(group__isnull=True) | Q(group__in=own_groups.values("group_id"))
    return meetings.filter(visible)


def process_meetings(process, user, *, past=False):
    """The process's meetings the user may see (``visible_to``), upcoming or past."""
    return _in_time(visible_to(process.meetings.select_related("group"), process, user), past)


def feed_meetings(process, group=None):
    """Open meetings of a process (or of one of its groups) for an iCalendar feed, latest first."""
    meetings = process.meetings.open_to_public().prefetch_related(
        Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("order", "pk"))
    )
    if group is not None:
        meetings = meetings.filter(group=group)
    return meetings.order_by("-starts_at", "-pk")[:FEED_LIMIT]


def expected_group(meeting):
    """The group a meeting is for: its own, or the steering group for a meeting of the whole process.

    Invitations and the attendance list go to this group's members.
    """
    if meeting.group_id:
        return meeting.group
    return Group.objects.filter(process_id=meeting.process_id, kind=Group.Kind.STEERING).first()


def members(meeting, on=None):
    """Current memberships (on a day, today by default) of the group a meeting expects, one per person."""
    group = expected_group(meeting)
    if group is None:
        return []
    memberships = (
        Membership.objects.current(on)
        .filter(group=group)
        .select_related("person__organisation", "organisation")
        .order_by("person__last_name", "person__first_name", "pk")
    )
    return list({membership.person_id: membership for membership in memberships}.values())


def meeting_day(meeting):
    return timezone.localdate(meeting.starts_at)


def invited(meeting):
    """Everyone the invitation went to, with the address it went to."""
    return meeting.invitations.select_related("person")


def organisation_of(membership):
    return membership.organisation or membership.person.organisation


def attendance_record(meeting):
    """Attendance sorted into present / excused / absent members and guests, with each one's organisation."""
    organisations = {
        membership.person_id: organisation_of(membership) for membership in members(meeting, meeting_day(meeting))
    }
    record = {"present": [], "excused": [], "absent": [], "guests": []}
    attendances = meeting.attendances.select_related("person__organisation").order_by(
        "person__last_name", "person__first_name", "guest_name", "pk"
    )
    for attendance in attendances:
        if attendance.is_guest:
            attendance.organisation_name = attendance.guest_organisation
            record["guests"].append(attendance)
        else:
            organisation = organisations.get(attendance.person_id) or attendance.person.organisation
            attendance.organisation_name = str(organisation or "")
            record[attendance.status].append(attendance)
    return record


def recorded_people(meeting):
    """Attendance of members, by person id."""
    return {
        attendance.person_id: attendance
        for attendance in meeting.attendances.filter(person__isnull=False).select_related("person__organisation")
    }


def guests(meeting):
    return Attendance.objects.filter(meeting=meeting, person__isnull=True).order_by("guest_name", "pk")
