"""Who may do what in a planning process, as `rules` predicates.

Roles come from the process itself: its coordinators, and the people whose `Person` (linked to
their account) holds a current membership of one of its groups or is one of its participants.
Regional officers oversee (read) every process of their region; administrators do everything.

Permissions, by object:
- ``processes.add_process`` (no object): administrators, site coordinators, regional officers.
- ``processes.change_process`` (process): its coordinators and administrators.
- ``processes.view_internal`` (process): anyone taking part in it, its region's officers, and
  everyone who may change it. Opens full member lists and meetings closed to the public.
- ``processes.view_dashboard`` (process): coordinators, steering-group members, regional officers.
- ``processes.view_group_internal`` (group): members of the group, the steering group, and the
  process's overseers. Opens draft minutes and non-public attachments of the group's meetings.
- ``processes.manage_group_meetings`` (group): the group's leader and deputy, and coordinators.
- ``processes.see_contacts`` (group): the group's leaders and whoever may change the process.
"""

import rules

from kpss.accounts.models import SiteRole
from kpss.accounts.rules import is_administrator, is_regional_officer_of

from .models import Group, Membership, Participant


def _process_of(obj):
    return obj.process if isinstance(obj, Group) else obj


def _current_memberships(user, **filters):
    return Membership.objects.current().filter(person__user=user, **filters)


@rules.predicate
def is_site_coordinator(user):
    return user.is_authenticated and user.site_roles.filter(kind=SiteRole.Kind.COORDINATOR).exists()


@rules.predicate
def is_any_regional_officer(user):
    return user.is_authenticated and user.site_roles.filter(kind=SiteRole.Kind.REGIONAL_OFFICER).exists()


@rules.predicate
def is_coordinator(user, obj):
    """A coordinator of the process (or of the group's process)."""
    if not user.is_authenticated or obj is None:
        return False
    return _process_of(obj).coordinators.filter(pk=user.pk).exists()


@rules.predicate
def is_overseer(user, obj):
    """A regional officer of the region the process lies in."""
    return obj is not None and is_regional_officer_of(user, _process_of(obj).region)


@rules.predicate
def is_steering_member(user, obj):
    if not user.is_authenticated or obj is None:
        return False
    return _current_memberships(user, group__process=_process_of(obj), group__kind=Group.Kind.STEERING).exists()


@rules.predicate
def is_participant(user, obj):
    """Takes part in the process: a current member of any of its groups or a registered participant."""
    if not user.is_authenticated or obj is None:
        return False
    process = _process_of(obj)
    return (
        _current_memberships(user, group__process=process).exists()
        or Participant.objects.filter(process=process, person__user=user).exists()
    )


@rules.predicate
def is_group_member(user, group):
    return user.is_authenticated and group is not None and _current_memberships(user, group=group).exists()


@rules.predicate
def is_group_leader(user, group):
    if not user.is_authenticated or group is None:
        return False
    roles = [Membership.Role.LEADER, Membership.Role.DEPUTY]
    return _current_memberships(user, group=group, role__in=roles).exists()


can_change_process = is_administrator | is_coordinator
can_oversee_process = can_change_process | is_overseer

rules.add_perm("processes.add_process", is_administrator | is_site_coordinator | is_any_regional_officer)
rules.add_perm("processes.change_process", can_change_process)
rules.add_perm("processes.view_internal", can_oversee_process | is_participant)
rules.add_perm("processes.view_dashboard", can_oversee_process | is_steering_member)
rules.add_perm("processes.view_group_internal", can_oversee_process | is_steering_member | is_group_member)
rules.add_perm("processes.manage_group_meetings", can_change_process | is_group_leader)
rules.add_perm("processes.see_contacts", can_change_process | is_group_leader)
