"""Writes to planning processes: one transactional function per user action."""

from django.db import transaction

from .checklist import STEPS
from .models import Phase, PlanningProcess, Step


@transaction.atomic
def create_process(*, coordinator=None, municipalities=(), partners=(), **fields):
    """Create a process with its six phases and their checklist steps; ``coordinator`` runs it."""
    process = PlanningProcess.objects.create(**fields)
    process.municipalities.set(municipalities)
    process.partners.set(partners)
    if coordinator is not None:
        process.coordinators.add(coordinator)
    for number in Phase.Number:
        phase = Phase.objects.create(process=process, number=number)
        Step.objects.bulk_create(
            Step(phase=phase, title=str(title), order=order) for order, title in enumerate(STEPS[number], start=1)
        )
    return process
