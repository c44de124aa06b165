"""Who may do what with a region's programme; built on the process roles of ``kpss.processes.rules``.

A programme is run as a planning process of the region, so its roles are that process's roles.

- ``regional.add_programme`` (no object): administrators and regional officers (in their region).
- ``regional.change_programme`` (programme): the coordinators of its process (the officer who
  created it, and whom they add) and administrators. Edit, indicators, participating processes,
  calls: write, send, enter paper answers.
- ``regional.view_calls`` (programme): who may change it, and the officers of its region. The
  calls with who answered what.

The programme page and its indicators are public. A municipality answers a call through the
personal link it was sent; the link itself is the permission.
"""

import rules

from kpss.accounts.rules import is_administrator
from kpss.processes.rules import can_change_process, can_oversee_process, is_any_regional_officer


@rules.predicate
def runs_the_programme(user, programme):
    return can_change_process.test(user, programme.process)


@rules.predicate
def oversees_the_programme(user, programme):
    return can_oversee_process.test(user, programme.process)


rules.add_perm("regional.add_programme", is_administrator | is_any_regional_officer)
rules.add_perm("regional.change_programme", runs_the_programme)
rules.add_perm("regional.view_calls", oversees_the_programme)
