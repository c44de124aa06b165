"""Reads of a region's programme used by several views; each costs a fixed number of queries."""

from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Lower

from kpss.meetings.models import Attendance, Meeting
from kpss.meetings.queries import visible_to
from kpss.processes.models import Document, DocumentVersion, Group, Phase, PlanningProcess, Step

from .models import Addressee, Call, Indicator

SEMINAR_KINDS = [Meeting.Kind.SEMINAR, Meeting.Kind.WORKSHOP]
# ORPs first (a POÚ has no ``orp``), then the POÚ, each by name.
ADDRESSEE_ORDER = [F("orp__name").asc(nulls_last=True), "pou__name", "pk"]


def with_approved_plan(processes):
    """``has_plan``: the process has an approved version of its community plan."""
    approved_plan = DocumentVersion.objects.filter(
        document__process=OuterRef("pk"), document__kind=Document.Kind.PLAN, approved_on__isnull=False
    )
    return processes.annotate(has_plan=Exists(approved_plan))


def with_current_phase(processes):
    """``phase_number``: the lowest-numbered phase with an open step, else the last phase, as
    ``kpss.processes.queries.current_phase`` says, for many processes in one query."""
    first_open = Step.objects.filter(phase__process=OuterRef("pk"), done_on__isnull=True).order_by("phase__number")
    last = Phase.objects.filter(process=OuterRef("pk")).order_by("-number")
    return processes.annotate(
        phase_number=Coalesce(
            Subquery(first_open.values("phase__number")[:1]),
            Subquery(last.values("number")[:1]),
            output_field=IntegerField(),
        )
    )


def participating(programme):
    """The participating processes with ``has_plan`` and ``phase`` (the label of their current phase)."""
    processes = programme.participating_processes.select_related("region", "orp").order_by("name", "pk")
    return with_current_phase(with_approved_plan(processes))


def phase_label(number):
    return Phase.Number(number).label if number else ""


def linkable_processes(programme):
    """Processes of the region that may join: not a programme's own process, not taking part already."""
    return (
        PlanningProcess.objects.filter(region=programme.process.region_id, programme__isnull=True)
        .exclude(pk__in=programme.participating_processes.values("pk"))
        .select_related("orp")
        .order_by("name", "pk")
    )


def seminars(programme):
    """The programme's education: its seminars and workshops, with their topics and headcounts."""
    return (
        Meeting.objects.filter(process=programme.process_id, kind__in=SEMINAR_KINDS)
        .select_related("process", "group__process")
        .prefetch_related("agenda_items")
        .annotate(present=Count("attendances", filter=Q(attendances__status=Attendance.Status.PRESENT)))
        .order_by("starts_at")
    )


def visible_seminars(programme, user):
    """The seminars the user may see (``meetings.view_meeting``), decided in the query."""
    return visible_to(seminars(programme), programme.process, user)


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
        # Not capped: 9 plans against a target of 8 is 113 %; the progress bar caps itself.
        row.percent = round(100 * (row.value or 0) / row.target) if row.target else 100
        row.is_met = row.value is not None and row.value >= row.target
    return rows


def with_own_processes(addressees):
    """``has_processes``: the municipality has a planning process of its own (``services.processes_of`` finds one)."""
    own = PlanningProcess.objects.filter(region=OuterRef("call__programme__process__region")).exclude(
        pk=OuterRef("call__programme__process")
    )
    of_orp = own.filter(scope=PlanningProcess.Scope.ORP, orp=OuterRef("orp"))
    of_pou = own.filter(scope=PlanningProcess.Scope.MUNICIPALITIES, municipalities__pou=OuterRef("pou"))
    return addressees.annotate(has_processes=Exists(of_orp) | Exists(of_pou))


def answers(call):
    """The call's addressees (ORPs first, with their ``process`` and ``has_processes``) and the tally of
    answers per kind of municipality."""
    addressees = list(
        with_own_processes(call.addressees.select_related("orp", "pou", "pou__orp", "recorded_by", "process")).order_by(
            *ADDRESSEE_ORDER
        )
    )
    tally = {}
    for kind, group in (("orp", [a for a in addressees if a.is_orp]), ("pou", [a for a in addressees if not a.is_orp])):
        tally[kind] = {
            "total": len(group),
            "yes": sum(a.answer == Addressee.Answer.YES for a in group),
            "no": sum(a.answer == Addressee.Answer.NO for a in group),
            "waiting": sum(not a.answer for a in group),
        }
    return addressees, tally


def _tally_counts():
    counts = {}
    for kind, is_orp in (("orp", Q(addressees__orp__isnull=False)), ("pou", Q(addressees__pou__isnull=False))):
        counts[f"{kind}_total"] = Count("addressees", filter=is_orp)
        counts[f"{kind}_yes"] = Count("addressees", filter=is_orp & Q(addressees__answer=Addressee.Answer.YES))
        counts[f"{kind}_no"] = Count("addressees", filter=is_orp & Q(addressees__answer=Addressee.Answer.NO))
    return counts


def calls_with_tally(programme):
    """The programme's calls, each with ``tally`` as ``answers`` gives it, in one query."""
    calls = list(Call.objects.filter(programme=programme).annotate(**_tally_counts()).order_by("-created"))
    for call in calls:
        call.tally = {
            kind: {
                "total": getattr(call, f"{kind}_total"),
                "yes": getattr(call, f"{kind}_yes"),
                "no": getattr(call, f"{kind}_no"),
                "waiting": getattr(call, f"{kind}_total") - getattr(call, f"{kind}_yes") - getattr(call, f"{kind}_no"),
            }
            for kind in ("orp", "pou")
        }
    return calls


def programmes_list(region=None):
    processes = PlanningProcess.objects.filter(programme__isnull=False)
    if region is not None:
        processes = processes.filter(region=region)
    return processes.select_related("region", "programme").order_by("-starts_on")
