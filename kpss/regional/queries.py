"""Reads of a region's programme used by several views; each costs a fixed number of queries."""

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import Lower

from kpss.meetings.models import Attendance, Meeting
from kpss.processes.models import Document, DocumentVersion, Group, PlanningProcess

from .models import Addressee, Indicator

SEMINAR_KINDS = [Meeting.Kind.SEMINAR, Meeting.Kind.WORKSHOP]


def with_approved_plan(processes):
    """``has_plan``: the process has an approved version of its community plan."""
    approved_plan = DocumentVersion.objects.filter(
        document__process=OuterRef("pk"), document__kind=Document.Kind.PLAN, approved_on__isnull=False
    )
    return processes.annotate(has_plan=Exists(approved_plan))


def participating(programme):
    return with_approved_plan(programme.participating_processes.select_related("region", "orp").order_by("name"))


def seminars(programme):
    """The programme's education: its seminars and workshops, with their topics and headcounts."""
    return (
        Meeting.objects.filter(process=programme.process_id, kind__in=SEMINAR_KINDS)
        .prefetch_related("agenda_items")
        .annotate(present=Count("attendances", filter=Q(attendances__status=Attendance.Status.PRESENT)))
        .order_by("starts_at")
    )


def trained_people(programme):
    """Distinct people present at one or more held seminars or workshops of the programme.

    Seminar-goers come from every ORP of the region and are mostly recorded as guests by name, so a
    guest is one person per name (ignoring case) and a registered person one per person.
    """
    present = Attendance.objects.filter(
        meeting__process=programme.process_id,
        meeting__kind__in=SEMINAR_KINDS,
        meeting__status=Meeting.Status.HELD,
        status=Attendance.Status.PRESENT,
    )
    people = present.filter(person__isnull=False).values("person_id").distinct().count()
    guests = present.filter(person__isnull=True).values(name=Lower("guest_name")).distinct().count()
    return people + guests


def active_people(programme):
    """Distinct people present at a working-group meeting of a participating process (as the dashboard counts)."""
    return (
        Attendance.objects.filter(
            meeting__process__in=programme.participating_processes.all(),
            meeting__group__kind=Group.Kind.WORKING,
            status=Attendance.Status.PRESENT,
            person__isnull=False,
        )
        .values("person_id")
        .distinct()
        .count()
    )


def _counts(programme, measures):
    counts = {}
    if measures & {Indicator.Measure.PLANS, Indicator.Measure.PARTICIPATING}:
        row = participating(programme).aggregate(participating=Count("pk"), plans=Count("pk", filter=Q(has_plan=True)))
        counts.update(row)
    if Indicator.Measure.TRAINED in measures:
        counts[Indicator.Measure.TRAINED] = trained_people(programme)
    if Indicator.Measure.ACTIVE in measures:
        counts[Indicator.Measure.ACTIVE] = active_people(programme)
    return counts


def indicators(programme):
    """The programme's indicators, each with ``value`` (computed or entered) and ``percent`` of its target."""
    rows = list(programme.indicators.all())
    counts = _counts(programme, {row.measure for row in rows})
    for row in rows:
        row.value = row.entered_value if row.measure == Indicator.Measure.ENTERED else counts[row.measure]
        row.percent = min(100, round(100 * (row.value or 0) / row.target)) if row.target else 100
        row.is_met = row.value is not None and row.value >= row.target
    return rows


def answers(call):
    """The call's addressees (ORPs first) and the tally of answers per kind of municipality."""
    addressees = list(call.addressees.select_related("orp", "pou", "pou__orp", "recorded_by"))
    tally = {}
    for kind, group in (("orp", [a for a in addressees if a.is_orp]), ("pou", [a for a in addressees if not a.is_orp])):
        tally[kind] = {
            "total": len(group),
            "yes": sum(a.answer == Addressee.Answer.YES for a in group),
            "no": sum(a.answer == Addressee.Answer.NO for a in group),
            "waiting": sum(not a.answer for a in group),
        }
    return addressees, tally


def programmes_list(region=None):
    processes = PlanningProcess.objects.filter(programme__isnull=False)
    if region is not None:
        processes = processes.filter(region=region)
    return processes.select_related("region", "programme").order_by("-starts_on")
