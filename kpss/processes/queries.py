"""Reads of planning processes used by several views; each costs a fixed number of queries."""

import datetime

from django.db.models import Case, Count, Exists, OuterRef, Prefetch, Q, Value, When
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404
from django.utils import timezone

from kpss.accounts.models import Person
from kpss.meetings.models import Attendance, Meeting, Resolution
from kpss.territories.models import Municipality

from .models import DocumentVersion, Group, Membership, Milestone, Phase, PlanningProcess, Stage, Step

UPCOMING_LIMIT = 10


def process_or_404(pk):
    return get_object_or_404(PlanningProcess.objects.select_related("region", "orp", "realiser"), pk=pk)


def crumbs(process, *trail):
    """Breadcrumbs of a page below a process: the process, then ``trail`` of (url, label)."""
    return [(process.get_absolute_url(), process.name), *trail]


def processes_list(region=None):
    processes = PlanningProcess.objects.select_related("region", "orp")
    return processes.filter(region=region) if region else processes


def people_of(process):
    """Everyone known to the process: its participants and the members (past or present) of its groups."""
    return (
        Person.objects.filter(Q(participations__process=process) | Q(memberships__group__process=process))
        .distinct()
        .select_related("organisation")
        .order_by("last_name", "first_name", "pk")
    )


def territory_municipalities(process):
    """The municipalities of the process's territory: a territorial group must stay within them."""
    if process.scope == PlanningProcess.Scope.ORP:
        return Municipality.objects.filter(orp_id=process.orp_id)
    if process.scope == PlanningProcess.Scope.MUNICIPALITIES:
        return process.municipalities.all()
    return Municipality.objects.filter(orp__region_id=process.region_id)


def meetings_of(process):
    return Meeting.objects.filter(process=process).select_related("group")


def resolutions_of(process):
    return Resolution.objects.filter(meeting__process=process).select_related("meeting").order_by("-meeting__starts_at")


def phases_with_progress(process, with_steps=False, internal=False):
    """The six phases with ``total`` and ``done`` step counts (and their steps if asked).

    Each step gets ``shown_meeting`` and ``shown_document``: what did it, as far as the visitor may
    know. Without ``internal`` (processes.view_internal) a meeting closed to the public and a
    document with no approved version stay hidden.
    """
    phases = Phase.objects.filter(process=process).annotate(
        total=Count("steps"), done=Count("steps", filter=Q(steps__done_on__isnull=False))
    )
    if not with_steps:
        return list(phases)
    approved = DocumentVersion.objects.filter(document=OuterRef("document"), approved_on__isnull=False)
    steps = Step.objects.select_related("meeting", "document").annotate(document_approved=Exists(approved))
    phases = list(phases.prefetch_related(Prefetch("steps", queryset=steps.order_by("order", "pk"))))
    for phase in phases:
        for step in phase.steps.all():
            step.shown_meeting = step.meeting if step.meeting and (internal or step.meeting.is_open) else None
            step.shown_document = step.document if step.document and (internal or step.document_approved) else None
    return phases


def current_phase(phases):
    """The lowest-numbered phase with an open step; when all are done, the last one."""
    for phase in phases:
        if phase.done < phase.total:
            return phase
    return phases[-1] if phases else None


def open_steps(process):
    return (
        Step.objects.filter(phase__process=process, done_on__isnull=True)
        .select_related("phase")
        .order_by("phase__number", "order", "pk")
    )


def schedule(process):
    """Stages with their milestones, and the milestones outside any stage."""
    milestones = Milestone.objects.order_by("due_on", "pk")
    stages = list(Stage.objects.filter(process=process).prefetch_related(Prefetch("milestones", queryset=milestones)))
    loose = list(milestones.filter(process=process, stage__isnull=True))
    return stages, loose


def schedule_summary(process, count=5):
    """The next milestones not done yet, and the overdue milestones and stages."""
    today = timezone.localdate()
    pending = Milestone.objects.filter(process=process, done_on__isnull=True).order_by("due_on", "pk")
    # A monthly milestone is on time until its month ends (Milestone.deadline).
    late = Q(precision=Milestone.Precision.DAY, due_on__lt=today) | Q(
        precision=Milestone.Precision.MONTH, due_on__lt=today.replace(day=1)
    )
    return {
        "upcoming": list(pending.exclude(late)[:count]),
        "overdue": list(pending.filter(late)),
        "overdue_stages": list(Stage.objects.filter(process=process, closed_on__isnull=True, ends_on__lt=today)),
    }


def groups_of(process):
    """The process's groups with the number of their current members."""
    current = Q(memberships__in=Membership.objects.current())
    return (
        Group.objects.filter(process=process)
        .annotate(member_count=Count("memberships", filter=current))
        .order_by("kind", "order", "name")  # "steering" sorts before "working"
    )


def upcoming_open_meetings(process, group=None, limit=UPCOMING_LIMIT):
    meetings = Meeting.objects.filter(process=process).open_to_public().upcoming().select_related("group")
    if group is not None:
        meetings = meetings.filter(group=group)
    return list(meetings.order_by("starts_at")[:limit])


def approved_documents(process):
    """The newest approved version of each document of the process."""
    versions = (
        DocumentVersion.objects.filter(document__process=process, approved_on__isnull=False)
        .select_related("document", "resolution__meeting")
        .order_by("document__kind", "document__title", "document_id", "-approved_on", "-created")
    )
    newest = {}
    for version in versions:
        newest.setdefault(version.document_id, version)
    return list(newest.values())


ROLE_ORDER = Case(
    *(
        When(role=role, then=Value(index))
        for index, role in enumerate(["leader", "deputy", "secretary", "facilitator"])
    ),
    default=Value(9),
)


def memberships_of(group, current_only=True):
    """The group's memberships, leaders first, then by name."""
    memberships = (
        Membership.objects.filter(group=group)
        .select_related("person__organisation", "organisation")
        .order_by(ROLE_ORDER, "person__last_name", "person__first_name", "-starts_on")
    )
    return memberships.current() if current_only else memberships


MINUTES_LIMIT = 20


def group_page(group):
    """What the public group page shows: leaders, member count, upcoming open meetings, the latest public
    minutes (older ones are in the process's calendar of past meetings)."""
    current = memberships_of(group)
    public_minutes = list(
        Meeting.objects.filter(group=group, is_open=True, minutes__approved_on__isnull=False)
        .select_related("minutes")
        .order_by("-starts_at")[: MINUTES_LIMIT + 1]
    )
    return {
        "leaders": list(current.filter(role__in=[Membership.Role.LEADER, Membership.Role.DEPUTY])),
        "member_count": current.count(),
        "upcoming_meetings": upcoming_open_meetings(group.process, group),
        "public_minutes": public_minutes[:MINUTES_LIMIT],
        "more_minutes": len(public_minutes) > MINUTES_LIMIT,
    }


def dashboard(process):
    """The coordinator's overview: held meetings per group and year, people involved, what is next."""
    groups = list(Group.objects.filter(process=process).order_by("kind", "order", "name"))
    counts = (
        Meeting.objects.filter(process=process, status=Meeting.Status.HELD)
        .annotate(year=ExtractYear("starts_at", tzinfo=timezone.get_current_timezone()))
        .values("group_id", "year")
        .annotate(count=Count("pk"))
    )
    by_cell = {(row["group_id"], row["year"]): row["count"] for row in counts}
    years = sorted({year for _, year in by_cell})
    rows = [(group, [by_cell.get((group.pk, year), 0) for year in years]) for group in groups]
    if any(group_id is None for group_id, _ in by_cell):
        rows.append((None, [by_cell.get((None, year), 0) for year in years]))
    rows = [(group, cells, sum(cells)) for group, cells in rows]
    totals = [sum(cells[i] for _, cells, _ in rows) for i in range(len(years))]
    active_people = (
        Attendance.objects.filter(
            meeting__process=process,
            meeting__group__kind=Group.Kind.WORKING,
            status=Attendance.Status.PRESENT,
            person__isnull=False,
        )
        .values("person_id")
        .distinct()
        .count()
    )
    upcoming = list(
        Meeting.objects.filter(process=process)
        .upcoming()
        .select_related("group")
        .order_by("starts_at")[:UPCOMING_LIMIT]
    )
    return {
        "years": years,
        "rows": rows,
        "totals": totals,
        "grand_total": sum(totals),
        "active_people": active_people,
        "upcoming_meetings": upcoming,
        "open_steps": list(open_steps(process)),
    }


def _percent(value):
    """A CSS percentage; formatted here because templates would localise the decimal point."""
    return f"{value:.2f}%"


def timeline(process, stages, loose_milestones):
    """Positions for the visual schedule: stage bars and milestone marks as shares of the whole period.

    Only decoration: the schedule table is the accessible source of the same facts.
    """
    milestones = [m for stage in stages for m in stage.milestones.all()] + list(loose_milestones)
    start = min([process.starts_on, *(s.starts_on for s in stages), *(m.due_on for m in milestones)])
    end = max([process.ends_on, *(s.ends_on for s in stages), *(m.deadline for m in milestones)])
    span = (end - start).days + 1

    def offset(day):
        return _percent((day - start).days / span * 100)

    today = timezone.localdate()
    years = [datetime.date(year, 1, 1) for year in range(start.year + 1, end.year + 1)]
    return {
        "stages": [
            {
                "stage": s,
                "left": offset(s.starts_on),
                "width": _percent(((s.ends_on - s.starts_on).days + 1) / span * 100),
            }
            for s in stages
        ],
        "milestones": [{"milestone": m, "left": offset(m.deadline)} for m in milestones],
        "years": [{"year": str(day.year), "left": offset(day)} for day in years],
        "today": offset(today) if start <= today <= end else None,
        "start": start,
        "end": end,
    }
