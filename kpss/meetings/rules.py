"""Who may see and run a meeting; built on the process roles of ``kpss.processes.rules``.

- ``meetings.view_meeting``: everyone for an open meeting; otherwise who may see the group's
  (or, for a meeting of the whole process, the process's) internal matters.
- ``meetings.change_meeting``: the process's coordinators and administrators, and the leader or
  deputy of the meeting's group. Covers agenda, invitations, attendance, minutes, resolutions.
- ``meetings.view_record``: approved minutes of an open meeting are public; drafts, and the
  record of closed meetings, only for those who may see the meeting's internal matters.
- ``meetings.view_attachment`` (attachment): a public attachment of an open meeting is public;
  any other only for those who may see the meeting's internal matters.
"""

import rules

from kpss.processes.rules import (
    can_change_process,
    can_oversee_process,
    is_group_leader,
    is_group_member,
    is_participant,
    is_steering_member,
)


def _on_group_or_process(group_predicate, process_predicate):
    """A meeting predicate that asks the group's rule, or the process's for a meeting without a group."""

    @rules.predicate
    def predicate(user, meeting):
        if meeting.group_id:
            return group_predicate.test(user, meeting.group)
        return process_predicate.test(user, meeting.process)

    return predicate


@rules.predicate
def is_open_meeting(user, meeting):
    return meeting.is_open


@rules.predicate
def has_public_record(user, meeting):
    minutes = getattr(meeting, "minutes", None)
    return meeting.is_open and minutes is not None and minutes.is_approved


@rules.predicate
def runs_the_process(user, meeting):
    return can_change_process.test(user, meeting.process)


sees_internal = _on_group_or_process(
    can_oversee_process | is_steering_member | is_group_member, can_oversee_process | is_participant
)
leads_the_group = _on_group_or_process(is_group_leader, rules.always_deny)

rules.add_perm("meetings.view_meeting", is_open_meeting | sees_internal)
rules.add_perm("meetings.change_meeting", runs_the_process | leads_the_group)
rules.add_perm("meetings.view_record", has_public_record | sees_internal)


@rules.predicate
def is_public_attachment(user, attachment):
    return attachment.is_public and attachment.meeting.is_open


@rules.predicate
def sees_meeting_internals(user, attachment):
    return sees_internal.test(user, attachment.meeting)


rules.add_perm("meetings.view_attachment", is_public_attachment | sees_meeting_internals)
