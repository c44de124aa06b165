"""Who may do what with the suggestions agenda; built on the process roles of ``kpss.processes.rules``.

- ``feedback.manage_suggestions`` (process): its coordinators and administrators. Enter suggestions
  brought in person, triage (assign to a group, forward to a department, publish), settle any.
- ``feedback.view_agenda`` (process): who may manage it, the process's overseers and the
  steering-group members. The whole agenda with suggestions not yet published, and its exports.
- ``feedback.handle_suggestion`` (suggestion): who may manage the process's suggestions, and the
  leader or deputy of the group the suggestion is assigned to: discuss, settle, answer. They also
  see the submitter's contact, to reply.
- ``feedback.view_suggestion`` (suggestion): who may handle it, who may view the agenda, and the
  members of the assigned group. The internal page with the history (no contact).
- ``feedback.handle_group_suggestions`` (group): the same as ``handle_suggestion`` for every
  suggestion assigned to the group; lets a group's worklist offer the answer links in one check.

Everyone may send a suggestion, read the public tracker and follow a suggestion by its code.
"""

import rules

from kpss.processes.rules import (
    can_change_process,
    can_oversee_process,
    is_group_leader,
    is_group_member,
    is_steering_member,
)


@rules.predicate
def runs_the_process(user, suggestion):
    return can_change_process.test(user, suggestion.process)


@rules.predicate
def leads_the_assigned_group(user, suggestion):
    return suggestion.group_id is not None and is_group_leader.test(user, suggestion.group)


@rules.predicate
def is_in_the_assigned_group(user, suggestion):
    return suggestion.group_id is not None and is_group_member.test(user, suggestion.group)


@rules.predicate
def sees_the_agenda(user, suggestion):
    return can_see_agenda.test(user, suggestion.process)


can_see_agenda = can_oversee_process | is_steering_member

rules.add_perm("feedback.manage_suggestions", can_change_process)
rules.add_perm("feedback.view_agenda", can_see_agenda)
rules.add_perm("feedback.handle_suggestion", runs_the_process | leads_the_assigned_group)
rules.add_perm("feedback.handle_group_suggestions", can_change_process | is_group_leader)
rules.add_perm(
    "feedback.view_suggestion", runs_the_process | leads_the_assigned_group | sees_the_agenda | is_in_the_assigned_group
)
