"""Writes to a region's programme: one transactional function per user action.

Forms validate; these functions store what a valid form holds.
"""

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from kpss.processes.models import PlanningProcess
from kpss.processes.services import create_process
from kpss.territories.models import Orp, Pou

from .models import Addressee, Call, Indicator, Programme
from .tasks import send_call_letter


@transaction.atomic
def create_programme(by, *, partners=(), **process_fields):
    """A programme and the region-wide process that runs it, coordinated by ``by``."""
    process = create_process(coordinator=by, partners=partners, scope=PlanningProcess.Scope.REGION, **process_fields)
    return Programme.objects.create(process=process)


@transaction.atomic
def create_programme_from_form(form, by):
    fields = dict(form.cleaned_data)
    partners = fields.pop("partners", ())
    return create_programme(by, partners=partners, **fields)


@transaction.atomic
def update_programme(form):
    """The programme's data live on its process (name, period, partners, funding, …)."""
    return form.save().programme


@transaction.atomic
def save_indicator(indicator):
    if indicator.measure != Indicator.Measure.ENTERED:
        indicator.entered_value = None
    if indicator._state.adding and not indicator.order:
        indicator.order = indicator.programme.indicators.count() + 1
    indicator.save()
    return indicator


@transaction.atomic
def delete_indicator(indicator):
    indicator.delete()


@transaction.atomic
def link_process(programme, process, addressee=None):
    """``process`` takes part; it stands for ``addressee``, or else for the joined municipalities it covers."""
    programme.participating_processes.add(process)
    if addressee is not None:
        addressee.process = process
        addressee.save(update_fields=["process"])
    else:
        _joined_without_process(programme).filter(_covered_by(process)).update(process=process)


@transaction.atomic
def unlink_process(programme, process):
    programme.participating_processes.remove(process)
    Addressee.objects.filter(call__programme=programme, process=process).update(process=None)


def _joined_without_process(programme):
    return Addressee.objects.filter(call__programme=programme, answer=Addressee.Answer.YES, process__isnull=True)


def _covered_by(process):
    """The addressees a process stands for: its ORP's, or the POÚ of its municipalities (as ``processes_of``)."""
    if process.scope == PlanningProcess.Scope.ORP:
        return Q(orp=process.orp_id)
    if process.scope == PlanningProcess.Scope.MUNICIPALITIES:
        return Q(pou__in=process.municipalities.values("pou"))
    return Q(pk__in=[])


def addressable(region):
    """Whom a call of the region goes to: every ORP, and every POÚ that is not an ORP town as well."""
    orps = Orp.objects.filter(region=region)
    pous = Pou.objects.filter(orp__region=region).exclude(name=F("orp__name"))
    return orps, pous


@transaction.atomic
def create_call_from_form(form, programme):
    return create_call(programme, **form.cleaned_data)


@transaction.atomic
def save_emails(formset):
    """Store the mayors' offices' addresses; a changed address of one not answered yet gets the letter again."""
    for form in formset:
        if "email" in form.changed_data:
            addressee = form.save(commit=False)
            if not addressee.answer:
                addressee.sent_at = None
            addressee.save()


@transaction.atomic
def create_call(programme, *, emails=None, **fields):
    """A call with one addressee per ORP and POÚ of the region; ``emails`` maps a territory to its address."""
    call = Call.objects.create(programme=programme, **fields)
    emails = emails or {}
    orps, pous = addressable(programme.process.region)
    Addressee.objects.bulk_create(
        [Addressee(call=call, orp=orp, email=emails.get(orp, "")) for orp in orps]
        + [Addressee(call=call, pou=pou, email=emails.get(pou, "")) for pou in pous]
    )
    return call


@transaction.atomic
def send_call(call, answer_url_of):
    """E-mail the letter with its personal link to every addressee with an address not yet sent to.

    ``answer_url_of(addressee)`` makes the absolute link. Returns how many e-mails go out.
    """
    now = timezone.now()
    # Locked, so a second submit waits for this one and then finds these sent: nobody is mailed twice.
    waiting = list(
        call.addressees.select_for_update(of=("self",)).exclude(email="").filter(sent_at__isnull=True).order_by("pk")
    )
    for addressee in waiting:
        url = answer_url_of(addressee)
        transaction.on_commit(lambda pk=addressee.pk, url=url: send_call_letter.delay(pk, url))
    Addressee.objects.filter(pk__in=[a.pk for a in waiting]).update(sent_at=now)
    call.sent_at = call.sent_at or now
    call.save(update_fields=["sent_at", "updated"])
    return len(waiting)


def _record(addressee, *, answer, representative, answered_on, channel, by=None):
    if answer != Addressee.Answer.YES and addressee.process_id:
        _leave(addressee)
    addressee.answer = answer
    addressee.representative = representative
    addressee.answered_on = answered_on
    addressee.channel = channel
    addressee.recorded_by = by
    addressee.save()
    if answer == Addressee.Answer.YES:
        _link_existing_process(addressee)
    return addressee


@transaction.atomic
def answer_through_link(addressee, *, answer, representative):
    """The municipality's own answer, given through its personal link while the call is open."""
    return _record(
        addressee,
        answer=answer,
        representative=representative,
        answered_on=timezone.localdate(),
        channel=Addressee.Channel.LINK,
    )


@transaction.atomic
def record_paper_answer(addressee, by, *, answer, representative, answered_on):
    """An answer that came by post, typed in by the officer."""
    return _record(
        addressee,
        answer=answer,
        representative=representative,
        answered_on=answered_on,
        channel=Addressee.Channel.PAPER,
        by=by,
    )


def processes_of(addressee):
    """The planning processes that may stand for a municipality that joined, newest first."""
    programme = addressee.call.programme
    processes = PlanningProcess.objects.filter(region=programme.process.region).exclude(pk=programme.process_id)
    if addressee.is_orp:
        return processes.filter(scope=PlanningProcess.Scope.ORP, orp=addressee.orp)
    # A POÚ's process covers its municipalities; it also names their ORP, so the scope tells it apart.
    return processes.filter(scope=PlanningProcess.Scope.MUNICIPALITIES, municipalities__pou=addressee.pou).distinct()


def _link_existing_process(addressee):
    """A municipality that joins brings its process into the programme, when it has exactly one."""
    if addressee.process_id:
        return
    candidates = list(processes_of(addressee)[:2])
    if len(candidates) == 1:
        addressee.call.programme.participating_processes.add(candidates[0])
        addressee.process = candidates[0]
        addressee.save(update_fields=["process"])


def _leave(addressee):
    """A municipality that no longer joins takes its process out, unless it still stands for another that joined."""
    programme = addressee.call.programme
    others = Addressee.objects.filter(
        call__programme=programme, answer=Addressee.Answer.YES, process=addressee.process_id
    ).exclude(pk=addressee.pk)
    if not others.exists():
        programme.participating_processes.remove(addressee.process_id)
    addressee.process = None


@transaction.atomic
def start_process_for(addressee, by):
    """Start the planning process of a municipality that joined, for the programme's period.

    ``by`` (who runs the programme) coordinates it until the municipality's own coordinator is added.
    Returns None when the addressee has not joined or has its process already (a second click, a
    colleague faster): the row is locked, so two requests cannot both start one.
    """
    locked = Addressee.objects.select_for_update(of=("self",)).get(pk=addressee.pk)
    if locked.answer != Addressee.Answer.YES or locked.process_id:
        return None
    programme = addressee.call.programme
    region_process = programme.process
    name = str(addressee.orp.title) if addressee.is_orp else addressee.pou.name
    fields = {
        "name": name,
        "region": region_process.region,
        "starts_on": region_process.starts_on,
        "ends_on": region_process.ends_on,
        "coordinator": by,
    }
    if addressee.is_orp:
        process = create_process(scope=PlanningProcess.Scope.ORP, orp=addressee.orp, **fields)
    else:
        process = create_process(
            scope=PlanningProcess.Scope.MUNICIPALITIES,
            orp=addressee.pou.orp,
            municipalities=addressee.pou.municipalities.all(),
            **fields,
        )
    link_process(programme, process, addressee)
    return process
