"""Writes to planning processes: one transactional function per user action.

Forms validate; these functions only store what a valid form holds.
"""

from django.db import transaction

from kpss.accounts.models import Organisation, Person

from .checklist import STEPS
from .models import Document, Phase, PlanningProcess, Step


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


def _process_fields(form):
    data = dict(form.cleaned_data)
    for name in ("municipality_names", "municipalities", "partners"):
        data.pop(name, None)
    return data


@transaction.atomic
def create_process_from_form(form, coordinator):
    return create_process(
        coordinator=coordinator,
        municipalities=form.cleaned_data["municipalities"],
        partners=form.cleaned_data["partners"],
        **_process_fields(form),
    )


@transaction.atomic
def update_process(form):
    process = form.save()
    process.municipalities.set(form.cleaned_data["municipalities"])
    return process


@transaction.atomic
def add_coordinator(process, user):
    process.coordinators.add(user)


@transaction.atomic
def remove_coordinator(process, user):
    """Remove a coordinator; the last one stays, so that someone still runs the process."""
    # Two coordinators removing each other at once would both see the other one and leave nobody:
    # the row lock makes the second removal wait and count again.
    PlanningProcess.objects.select_for_update().get(pk=process.pk)
    if process.coordinators.exclude(pk=user.pk).exists():
        process.coordinators.remove(user)
        return True
    return False


@transaction.atomic
def save_step(form, phase=None):
    """Add a step to ``phase`` or save an edited one; without an order it goes to the end of its phase."""
    step = form.save(commit=False)
    if phase is not None:
        step.phase = phase
    if form.cleaned_data.get("order") is None:
        step.order = max(step.phase.steps.exclude(pk=step.pk).values_list("order", flat=True), default=0) + 1
    step.save()
    return step


@transaction.atomic
def mark_step(form):
    """Record when and by what a step was done, or open it again when the date is empty."""
    step = form.save(commit=False)
    if step.done_on is None:
        step.meeting = step.document = None
    step.save()
    return step


@transaction.atomic
def delete_step(step):
    step.delete()


@transaction.atomic
def save_stage(form, process):
    form.instance.process = process
    return form.save()


@transaction.atomic
def delete_stage(stage):
    stage.delete()  # its milestones stay, outside any stage


@transaction.atomic
def save_milestone(form, process):
    form.instance.process = process
    return form.save()


@transaction.atomic
def delete_milestone(milestone):
    milestone.delete()


def _organisation(form):
    if form.cleaned_data.get("new_organisation"):
        return Organisation.objects.create(
            name=form.cleaned_data["new_organisation"], legal_type=Organisation.LegalType.OTHER
        )
    return form.cleaned_data.get("organisation")


def _person(form, organisation):
    new = form.new_person()
    if new is None:
        return form.cleaned_data.get("person")
    return Person.objects.create(organisation=organisation, **new)


@transaction.atomic
def add_participant(form, process):
    """A person (picked or new, with their organisation) or else an organisation joins the process."""
    organisation = _organisation(form)
    person = _person(form, organisation)
    participant = form.save(commit=False)
    participant.process = process
    participant.person = person
    participant.organisation = None if person else organisation
    participant.save()
    return participant


@transaction.atomic
def update_participant(form):
    return form.save()


@transaction.atomic
def remove_participant(participant):
    participant.delete()


@transaction.atomic
def save_group(form):
    return form.save()


@transaction.atomic
def add_membership(form):
    """A person (picked, or created from the form) becomes a member of the form's group."""
    organisation = _organisation(form)
    membership = form.save(commit=False)
    membership.person = _person(form, organisation)
    membership.organisation = organisation
    membership.save()
    return membership


@transaction.atomic
def update_membership(form):
    return form.save()


@transaction.atomic
def end_membership(form):
    """End, not delete: past memberships are the history of who worked in the group."""
    return form.save()


@transaction.atomic
def create_document(form, process):
    """A new foundational document with its first version."""
    document = Document.objects.create(
        process=process, kind=form.cleaned_data["kind"], title=form.cleaned_data["title"]
    )
    return add_version(form, document)


@transaction.atomic
def add_version(form, document):
    form.instance.document = document
    return form.save()


@transaction.atomic
def update_version(form):
    return form.save()
