"""Reads of the suggestions agenda used by several views; each costs a fixed number of queries.

The public path and the internal history of a suggestion are both told from ``Suggestion.history``:
the path keeps only public facts (groups, departments, dates, statuses), the history says who
changed what.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.shortcuts import get_object_or_404
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kpss.core.text import fold
from kpss.processes.models import Group

from .models import Suggestion
from .services import Action

ACTIONS = {
    Action.SUBMITTED: gettext_lazy("sent through the web form"),
    Action.ENTERED: gettext_lazy("entered by staff"),
    Action.TRIAGED: gettext_lazy("triaged"),
    Action.SETTLED: gettext_lazy("settled"),
    Action.CONTACT_ERASED: gettext_lazy("contact erased"),
}
# Bookkeeping, and what no action after the first changes.
QUIET_FIELDS = {"updated", "created", "code", "process", "consent_given_at", "notified_at"}
QUIET_FIELDS |= {"municipality", "meeting", "entered_by"}

NEW_FIRST = Case(
    When(status=Suggestion.Status.NEW, then=Value(0)),
    When(status=Suggestion.Status.UNDER_DISCUSSION, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def suggestion_or_404(pk):
    """A suggestion with what its pages and permission checks read, in one query."""
    related = ("process__region", "process__orp", "group", "municipality", "meeting", "entered_by__person")
    return get_object_or_404(Suggestion.objects.select_related(*related), pk=pk)


def normalised_code(raw):
    """``abcd efgh``, ``ABCDEFGH`` or ``abcd-efgh`` → ``ABCD-EFGH``; None when it cannot be a code."""
    letters = "".join(ch for ch in (raw or "").upper() if ch.isalnum())
    if len(letters) != 8:
        return None
    return f"{letters[:4]}-{letters[4:]}"


def by_code(raw):
    code = normalised_code(raw)
    if code is None:
        return None
    return Suggestion.objects.select_related("process", "group", "municipality").filter(code=code).first()


def _listed(suggestions):
    return suggestions.select_related("group", "municipality")


def filtered(suggestions, *, q="", status="", topic="", municipality=None, year=None, group=None, unpublished=False):
    """``suggestions`` narrowed by the (valid) filters of the tracker or the agenda."""
    if q:
        suggestions = suggestions.filter(Q(search_text__contains=fold(q)) | Q(code__iexact=q.strip().upper()))
    if status:
        suggestions = suggestions.filter(status=status)
    if topic:
        suggestions = suggestions.filter(topic=topic)
    if municipality:
        suggestions = suggestions.filter(municipality=municipality)
    if year:
        suggestions = suggestions.filter(received_on__year=year)
    if group:
        suggestions = suggestions.filter(group=group)
    if unpublished:
        suggestions = suggestions.filter(is_published=False)
    return suggestions


def tracker(process, filters):
    """Published suggestions of the process, latest first."""
    return _listed(filtered(Suggestion.objects.filter(process=process).published(), **filters))


def agenda(process, filters):
    """Every suggestion of the process: new ones first, then those under discussion, then settled."""
    suggestions = filtered(Suggestion.objects.filter(process=process), **filters)
    return _listed(suggestions).order_by(NEW_FIRST, "-received_on", "-pk")


def status_counts(process):
    """[(label, count)] for every status, in the order of the lifecycle."""
    counts = dict(Suggestion.objects.filter(process=process).values_list("status").annotate(n=Count("pk")))
    return [(label, counts.get(value, 0)) for value, label in Suggestion.Status.choices]


def assigned_to(group):
    return _listed(Suggestion.objects.filter(group=group)).order_by(NEW_FIRST, "-received_on", "-pk")


def _records(suggestion, with_users=False):
    records = suggestion.history.order_by("history_date", "history_id")
    return list(records.select_related("history_user__person") if with_users else records)


def _group_names(records):
    ids = {record.group_id for record in records if record.group_id}
    return dict(Group.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}


@dataclass
class Step:
    day: object
    text: str


def public_path(suggestion):
    """The steps a suggestion went through, told with public facts only: never a user or a contact."""
    records = _records(suggestion)
    groups = _group_names(records)
    steps = []
    previous = None
    for record in records:
        steps.extend(_steps_between(previous, record, groups))
        previous = record
    return steps


def _steps_between(old, new, groups):
    if old is None:
        source = Suggestion.Source(new.source).label
        return [Step(new.received_on, _("Received (%(source)s)") % {"source": source})]
    steps = []
    if new.group_id and new.group_id != old.group_id:
        name = groups.get(new.group_id, _("a group"))
        steps.append(Step(new.assigned_on, _("Assigned to the group %(group)s") % {"group": name}))
    if new.department and (new.department != old.department or new.forwarded_on != old.forwarded_on):
        department = new.department
        steps.append(
            Step(new.forwarded_on, _("Forwarded to the department %(department)s") % {"department": department})
        )
    status_changed = new.status != old.status
    if status_changed and new.status == Suggestion.Status.UNDER_DISCUSSION:
        steps.append(Step(timezone.localdate(new.history_date), _("Under discussion")))
    answer_changed = (new.settlement, new.answer, new.settled_on) != (old.settlement, old.answer, old.settled_on)
    if new.status == Suggestion.Status.SETTLED and (status_changed or answer_changed):
        settlement = Suggestion.Settlement(new.settlement).label
        text = _("Settled: %(settlement)s") if status_changed else _("The answer was corrected: %(settlement)s")
        steps.append(Step(new.settled_on, text % {"settlement": settlement}))
    return steps


@dataclass
class Entry:
    """One change of the suggestion in its internal history."""

    when: object
    who: object
    action: str
    changes: list = field(default_factory=list)


def history(suggestion):
    """Every history record, oldest first: when, who, what action and which fields changed how."""
    records = _records(suggestion, with_users=True)
    groups = _group_names(records)
    entries = []
    previous = None
    for record in records:
        changes = _changes(previous, record, groups) if previous is not None else []
        reason = record.history_change_reason
        who = _who(record.history_user, reason)
        entries.append(Entry(record.history_date, who, ACTIONS.get(reason, ""), changes))
        previous = record
    return entries


def staff_name(user):
    """A member of staff as colleagues read them: the full name, never the e-mail address."""
    if user.get_full_name():
        return user.get_full_name()
    person = getattr(user, "person", None)
    return str(person) if person else _("staff member")


def _who(user, reason):
    if user is not None:
        return staff_name(user)
    return _("the submitter") if reason == Action.SUBMITTED else _("automatically")


def _changes(old, new, groups):
    delta = new.diff_against(old, excluded_fields=QUIET_FIELDS)
    changes = []
    for change in delta.changes:
        label = Suggestion._meta.get_field(change.field).verbose_name
        changes.append((label, _shown(change.field, change.old, groups), _shown(change.field, change.new, groups)))
    return changes


def _shown(name, value, groups):
    """A field's value as a person reads it: choice labels, group names, Czech dates."""
    if value in (None, ""):
        return "—"
    model_field = Suggestion._meta.get_field(name)
    if model_field.choices:
        return dict(model_field.flatchoices).get(value, value)
    if name == "group":
        return groups.get(value, value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    return str(value)
