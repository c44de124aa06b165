"""Pages of a region's programme: the programme, its indicators, participating processes and calls.

Every view names the permission it needs (kpss/regional/rules.py); objects below a programme are
looked up through it, so an id from another programme is a 404. A municipality answers a call
through its personal link: the token is the permission.
"""

from functools import partial

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kpss.core.documents import pdf_response
from kpss.core.pages import bound
from kpss.core.pages import form_page as core_form_page
from kpss.core.permissions import object_view, refuse
from kpss.processes.forms import ProcessFilterForm
from kpss.processes.models import PlanningProcess, Stage
from kpss.processes.queries import schedule_summary

from . import exports, forms, queries, services
from .models import Addressee, Call, Indicator, Programme

PAGE_SIZE = 20
SEMINARS_PAGE_SIZE = 20
PROCESSES_PAGE_SIZE = 30

form_page = partial(core_form_page, stylesheet="regional/regional.css")


def load_programme(pk):
    programme = Programme.objects.select_related("process__region", "process__realiser")
    return get_object_or_404(programme, pk=pk)


def crumbs(programme, *trail):
    return [
        (reverse("regional:list"), _("Regional programmes")),
        (programme.get_absolute_url(), str(programme)),
        *trail,
    ]


def _call(programme, pk):
    call = get_object_or_404(Call, programme=programme, pk=pk)
    call.programme = programme
    return call


def _addressee(call, pk):
    addressee = get_object_or_404(Addressee.objects.select_related("orp", "pou"), call=call, pk=pk)
    addressee.call = call
    return addressee


# The programmes


def programme_list(request):
    form = ProcessFilterForm(request.GET or None)
    region = form.cleaned_data["region"] if form.is_valid() else None
    page = Paginator(queries.programmes_list(region), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "regional/programme_list.html",
        {
            "form": form,
            "page": page,
            "breadcrumbs": [(None, _("Regional programmes"))],
            "can_add": request.user.has_perm("regional.add_programme"),
        },
    )


def programme_create(request):
    if not request.user.has_perm("regional.add_programme"):
        return refuse(request)
    return form_page(
        request,
        bound(request, forms.ProgrammeForm, user=request.user),
        title=_("New regional programme"),
        breadcrumbs=[(reverse("regional:list"), _("Regional programmes"))],
        save=lambda form: services.create_programme_from_form(form, request.user),
        done=lambda programme: programme.get_absolute_url(),
        cancel=reverse("regional:list"),
        message=_("The programme has been created. Add its schedule, indicators and the call to the municipalities."),
        intro=_(
            "The programme runs as a planning process of the region: it has its schedule, steering group and "
            "meetings, such as the seminars. You will coordinate it."
        ),
    )


@object_view(load_programme)
def programme_detail(request, programme):
    process = programme.process
    user = request.user
    processes = Paginator(queries.participating(programme), PROCESSES_PAGE_SIZE).get_page(request.GET.get("processes"))
    for participating in processes:
        participating.phase = queries.phase_label(participating.phase_number)
    can_change = user.has_perm("regional.change_programme", programme)
    return render(
        request,
        "regional/programme_detail.html",
        {
            "programme": programme,
            "process": process,
            "breadcrumbs": [(reverse("regional:list"), _("Regional programmes")), (None, str(programme))],
            "partners": list(process.partners.order_by("name")),
            "stages": list(Stage.objects.filter(process=process)),
            "schedule": schedule_summary(process),
            "processes": processes,
            "seminars": Paginator(queries.visible_seminars(programme, user), SEMINARS_PAGE_SIZE).get_page(
                request.GET.get("seminars")
            ),
            "trained": queries.trained_people(programme),
            "indicators": queries.indicators(programme),
            "calls": queries.calls_with_tally(programme),
            "can_change": can_change,
            "can_view_calls": user.has_perm("regional.view_calls", programme),
        },
    )


@object_view(load_programme, "regional.change_programme")
def programme_edit(request, programme):
    return form_page(
        request,
        bound(request, forms.ProgrammeForm, instance=programme.process, user=request.user),
        title=_("Edit the programme"),
        breadcrumbs=crumbs(programme),
        save=services.update_programme,
        done=programme.get_absolute_url(),
        message=_("The programme has been saved."),
    )


# Indicators


@object_view(load_programme, "regional.change_programme")
def indicator_add(request, programme):
    return form_page(
        request,
        bound(request, forms.IndicatorForm, programme=programme),
        title=_("New indicator"),
        breadcrumbs=crumbs(programme),
        save=lambda form: services.save_indicator(form.instance),
        done=programme.get_absolute_url(),
        message=_("The indicator has been added."),
    )


@object_view(load_programme, "regional.change_programme")
def indicator_edit(request, programme, indicator_pk):
    indicator = get_object_or_404(Indicator, programme=programme, pk=indicator_pk)
    return form_page(
        request,
        bound(request, forms.IndicatorForm, instance=indicator, programme=programme),
        title=_("Edit indicator: %(indicator)s") % {"indicator": indicator},
        breadcrumbs=crumbs(programme),
        save=lambda form: services.save_indicator(form.instance),
        done=programme.get_absolute_url(),
        message=_("The indicator has been saved."),
    )


@require_POST
@object_view(load_programme, "regional.change_programme")
def indicator_delete(request, programme, indicator_pk):
    services.delete_indicator(get_object_or_404(Indicator, programme=programme, pk=indicator_pk))
    messages.success(request, _("The indicator has been removed."))
    return redirect(programme)


@object_view(load_programme)
def indicators_xlsx(request, programme):
    return exports.indicators_xlsx(programme, queries.indicators(programme))


# Participating processes


@object_view(load_programme, "regional.change_programme")
def process_link(request, programme):
    return form_page(
        request,
        bound(request, forms.ProcessLinkForm, programme=programme),
        title=_("Add a participating process"),
        breadcrumbs=crumbs(programme),
        save=lambda form: services.link_process(programme, form.cleaned_data["process"]),
        done=programme.get_absolute_url(),
        message=_("The process now takes part in the programme."),
        submit_label=_("Add the process"),
    )


@require_POST
@object_view(load_programme, "regional.change_programme")
def process_unlink(request, programme, process_pk):
    process = get_object_or_404(PlanningProcess, pk=process_pk, programmes=programme)
    services.unlink_process(programme, process)
    messages.success(request, _("%(process)s no longer takes part in the programme.") % {"process": process})
    return redirect(programme)


# Calls to the municipalities


@object_view(load_programme, "regional.change_programme")
def call_create(request, programme):
    return form_page(
        request,
        bound(request, forms.CallForm, programme=programme),
        title=_("New call to the municipalities"),
        breadcrumbs=crumbs(programme),
        save=lambda form: services.create_call_from_form(form, programme),
        done=lambda call: reverse("regional:call_emails", args=[programme.pk, call.pk]),
        cancel=programme.get_absolute_url(),
        message=_("The call has been created for every ORP and POÚ of the region. Fill in their e-mail addresses."),
        intro=_("The call goes to every ORP of the region and to every POÚ that is not an ORP town as well."),
    )


@object_view(load_programme, "regional.view_calls")
def call_detail(request, programme, call_pk):
    call = _call(programme, call_pk)
    addressees, tally = queries.answers(call)
    return render(
        request,
        "regional/call_detail.html",
        {
            "programme": programme,
            "call": call,
            "addressees": addressees,
            "on_paper": [a for a in addressees if not a.email],
            "unsent": sum(1 for a in addressees if a.email and not a.sent_at),
            "has_emails": any(a.email for a in addressees),
            "tally": tally,
            "breadcrumbs": crumbs(programme, (None, call.title)),
            "can_change": request.user.has_perm("regional.change_programme", programme),
        },
    )


@object_view(load_programme, "regional.change_programme")
def call_emails(request, programme, call_pk):
    call = _call(programme, call_pk)
    queryset = call.addressees.select_related("orp", "pou").order_by(*queries.ADDRESSEE_ORDER)
    formset = forms.EmailFormSet(request.POST or None, queryset=queryset)
    if request.method == "POST" and formset.is_valid():
        services.save_emails(formset)
        messages.success(request, _("The e-mail addresses have been saved."))
        return redirect(call)
    return render(
        request,
        "regional/call_emails.html",
        {
            "programme": programme,
            "call": call,
            "formset": formset,
            "breadcrumbs": crumbs(programme, (call.get_absolute_url(), call.title), (None, _("E-mail addresses"))),
        },
    )


@require_POST
@object_view(load_programme, "regional.change_programme")
def call_send(request, programme, call_pk):
    call = _call(programme, call_pk)
    if not call.is_open:
        messages.error(request, _("The deadline of the call has passed; the letter can no longer be sent."))
        return redirect(call)
    count = services.send_call(call, lambda addressee: request.build_absolute_uri(addressee.get_answer_url()))
    if count:
        messages.success(
            request,
            ngettext(
                "The letter is being sent to %(count)d address.",
                "The letter is being sent to %(count)d addresses.",
                count,
            )
            % {"count": count},
        )
    else:
        messages.warning(request, _("Nothing to send: every address has had the letter already."))
    return redirect(call)


@object_view(load_programme, "regional.change_programme")
def paper_answer(request, programme, call_pk, addressee_pk):
    call = _call(programme, call_pk)
    addressee = _addressee(call, addressee_pk)
    form = bound(request, forms.PaperAnswerForm, instance=addressee)
    if request.method == "POST" and form.is_valid():
        services.record_paper_answer(addressee, request.user, **form.cleaned_data)
        messages.success(request, _("The answer has been recorded."))
        return redirect(call)
    title = _("Answer on paper: %(municipality)s") % {"municipality": addressee}
    return render(
        request,
        "regional/paper_answer.html",
        {
            "call": call,
            "form": form,
            "title": title,
            "breadcrumbs": crumbs(programme, (call.get_absolute_url(), call.title), (None, title)),
            "submit_label": _("Save the answer"),
            "cancel_url": call.get_absolute_url(),
        },
    )


@object_view(load_programme, "regional.change_programme")
def paper_letter(request, programme, call_pk, addressee_pk):
    """The letter to print for a municipality without an e-mail address, with its link and a reply form."""
    call = _call(programme, call_pk)
    addressee = _addressee(call, addressee_pk)
    context = {
        "call": call,
        "addressee": addressee,
        "programme": programme,
        "region": programme.process.region,
        "url": request.build_absolute_uri(addressee.get_answer_url()),
    }
    return pdf_response("regional/pdf/letter.html", context, f"{call.title} {addressee}", request)


@require_POST
@object_view(load_programme, "regional.change_programme")
def start_process(request, programme, call_pk, addressee_pk):
    call = _call(programme, call_pk)
    addressee = _addressee(call, addressee_pk)
    if addressee.answer != Addressee.Answer.YES:
        messages.error(request, _("Only a municipality that joined gets its process started."))
    elif addressee.process_id:
        messages.error(request, _("The municipality's process already takes part in the programme."))
    elif services.processes_of(addressee).exists():
        messages.error(request, _("The municipality has a process already: link it instead of starting another."))
    elif (process := services.start_process_for(addressee, request.user)) is None:
        messages.error(request, _("The municipality's process already takes part in the programme."))
    else:
        messages.success(
            request,
            _("The process %(process)s has been started and takes part in the programme. Add its coordinator.")
            % {"process": process},
        )
    return redirect(call)


@object_view(load_programme, "regional.change_programme")
def addressee_link(request, programme, call_pk, addressee_pk):
    """Link one of the processes a municipality that joined has already, as the one standing for it."""
    call = _call(programme, call_pk)
    addressee = _addressee(call, addressee_pk)
    if addressee.answer != Addressee.Answer.YES:
        messages.error(request, _("Only a municipality that joined has its process linked."))
        return redirect(call)
    title = _("Process of %(municipality)s") % {"municipality": addressee}
    return form_page(
        request,
        bound(request, forms.AddresseeProcessForm, addressee=addressee),
        title=title,
        breadcrumbs=crumbs(programme, (call.get_absolute_url(), call.title)),
        save=lambda form: services.link_process(programme, form.cleaned_data["process"], addressee),
        done=call.get_absolute_url(),
        cancel=call.get_absolute_url(),
        message=_("The process now takes part in the programme for this municipality."),
        submit_label=_("Link the process"),
    )


# The municipality's answer through its link


def answer(request, token):
    addressee = get_object_or_404(
        Addressee.objects.select_related("call__programme__process__region", "orp", "pou"), token=token
    )
    call = addressee.call
    form = None
    status = 200
    if call.is_open:
        initial = {"answer": addressee.answer, "representative": addressee.representative}
        form = forms.AnswerForm(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            services.answer_through_link(addressee, **form.cleaned_data)
            messages.success(request, _("Thank you. Your answer has been recorded."))
            return redirect(request.path)
    elif request.method == "POST":
        status = 410
    return render(
        request,
        "regional/answer.html",
        {
            "addressee": addressee,
            "call": call,
            "programme": call.programme,
            "process": call.programme.process,
            "form": form,
            "refused": status == 410,
            "submit_label": _("Send the answer"),
        },
        status=status,
    )
