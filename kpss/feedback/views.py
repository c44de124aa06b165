"""Pages of the suggestions agenda: the public form, tracker and tracking page; the internal agenda,
worklists, exports and the handling of one suggestion.

Every view names the permission it needs (kpss/feedback/rules.py); a suggestion's process-level
actions are checked on its process. Writes go through ``services``.
"""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_ratelimit.core import is_ratelimited

from kpss.core.documents import docx_response
from kpss.core.pages import bound, form_page
from kpss.core.permissions import object_view, refuse
from kpss.processes.models import Group
from kpss.processes.queries import crumbs, process_or_404

from . import exports, forms, queries, services
from .models import Suggestion

PAGE_SIZE = 20
STYLESHEET = "feedback/feedback.css"
TOO_MANY = gettext_lazy(
    "Too many suggestions were sent from your address in a short time. "
    "Please try again later, or contact the coordinator."
)
RECEIVED = gettext_lazy(
    "Thank you, your suggestion has been received. Keep its tracking code %(code)s "
    "or the address of this page to follow what happens with it."
)
TOO_MANY_FOR_EMAIL = gettext_lazy(
    "Too many suggestions were sent with this e-mail address today. Please try again tomorrow, "
    "or send the suggestion without the e-mail address."
)
# Confirmations go to whatever address is typed in: one address gets only a few, from any IP.
EMAIL_RATE = "3/d"
SETTLED = gettext_lazy(
    "The suggestion has been settled; the answer is public and the submitter, if they left an e-mail, is told."
)


def process_view(permission=None):
    return object_view(process_or_404, permission, "process_pk")


def suggestion_view(permission, on_process=False):
    """The suggestion of the URL, for a user holding ``permission`` on it (or on its process)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, pk):
            suggestion = queries.suggestion_or_404(pk)
            if not request.user.has_perm(permission, suggestion.process if on_process else suggestion):
                return refuse(request)
            return view(request, suggestion)

        return wrapped

    return decorator


def _tracker_crumb(process):
    return (reverse("feedback:tracker", args=[process.pk]), _("Suggestions"))


def _agenda_crumb(process):
    return (reverse("feedback:agenda", args=[process.pk]), _("Suggestions agenda"))


def _suggestion_crumbs(request, suggestion, linked=False):
    """Process › agenda (for who may see it) › the suggestion (a link on the pages below it)."""
    process = suggestion.process
    middle = [_agenda_crumb(process)] if request.user.has_perm("feedback.view_agenda", process) else []
    label = _("Suggestion %(code)s") % {"code": suggestion.code}
    return crumbs(process, *middle, (suggestion.get_absolute_url() if linked else None, label))


def _page(request, suggestions):
    return Paginator(suggestions, PAGE_SIZE).get_page(request.GET.get("page"))


def tracking_url(request, suggestion):
    return request.build_absolute_uri(suggestion.get_tracking_url())


# Public


@process_view()
def tracker(request, process):
    """Published suggestions of the process with their answers; filters and search."""
    form = forms.FilterForm(request.GET, suggestions=Suggestion.objects.filter(process=process).published())
    return render(
        request,
        "feedback/tracker.html",
        {
            "process": process,
            "form": form,
            "page": _page(request, queries.tracker(process, form.filters())),
            "can_view_agenda": request.user.has_perm("feedback.view_agenda", process),
            "stylesheet": STYLESHEET,
            "breadcrumbs": crumbs(process, (None, _("Suggestions"))),
        },
    )


@process_view()
def submit(request, process):
    """The public form; a honeypot and a rate limit per address turn robots away, no CAPTCHA."""
    form = bound(request, forms.SuggestionForm, process=process)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            if _over_the_limit(request):
                form.add_error(None, TOO_MANY)
                status = 429
            elif _over_the_limit_for_email(request, form.cleaned_data["submitter_email"]):
                form.add_error("submitter_email", TOO_MANY_FOR_EMAIL)
                status = 429
            else:
                return _submitted(request, process, form)
        elif form.is_trapped:
            status = 400
    context = {
        "process": process,
        "form": form,
        "stylesheet": STYLESHEET,
        "breadcrumbs": crumbs(process, _tracker_crumb(process), (None, _("Send a suggestion"))),
    }
    return render(request, "feedback/submit.html", context, status=status)


def _over_the_limit(request):
    rate = settings.KPSS_SUGGESTION_RATE
    return is_ratelimited(request, group="feedback.submit", key="ip", rate=rate, method="POST", increment=True)


def _over_the_limit_for_email(request, email):
    if not email:
        return False
    key = email.strip().lower()
    return is_ratelimited(
        request,
        group="feedback.submit.email",
        key=lambda _group, _request: key,
        rate=EMAIL_RATE,
        method="POST",
        increment=True,
    )


def _submitted(request, process, form):
    suggestion = services.submit_suggestion(
        process,
        tracking_url_of=lambda code: request.build_absolute_uri(reverse("feedback:track", args=[code])),
        **form.suggestion_fields(),
        **form.contact(),
    )
    messages.success(request, RECEIVED % {"code": suggestion.code})
    return redirect(suggestion.get_tracking_url())


def track(request, code):
    """One suggestion by its code, with its public path; never the contact."""
    suggestion = queries.by_code(code)
    if suggestion is None:
        raise Http404(_("No suggestion has this tracking code."))
    if suggestion.code != code:
        return redirect(suggestion.get_tracking_url())
    process = suggestion.process
    return render(
        request,
        "feedback/track.html",
        {
            "suggestion": suggestion,
            "process": process,
            "path": queries.public_path(suggestion),
            "url": tracking_url(request, suggestion),
            "stylesheet": STYLESHEET,
            "breadcrumbs": crumbs(process, _tracker_crumb(process), (None, suggestion.code)),
        },
    )


def lookup(request):
    """ "Enter your code": goes to the suggestion's page, or says the code is unknown."""
    code = request.GET.get("code", "").strip()
    if code:
        suggestion = queries.by_code(code)
        if suggestion is not None:
            return redirect(suggestion.get_tracking_url())
        messages.error(request, _("No suggestion has the code %(code)s. Check it and try again.") % {"code": code[:20]})
    return render(
        request,
        "feedback/lookup.html",
        {"code": code, "stylesheet": STYLESHEET, "breadcrumbs": [(None, _("Follow a suggestion"))]},
    )


# Internal: the agenda, its exports and the group worklists


def _agenda_filters(request, process):
    form = forms.AgendaFilterForm(request.GET, process=process, suggestions=Suggestion.objects.filter(process=process))
    return form, queries.agenda(process, form.filters())


@process_view("feedback.view_agenda")
def agenda(request, process):
    """Every suggestion of the process, published or not, new ones first."""
    form, suggestions = _agenda_filters(request, process)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "feedback/agenda.html",
        {
            "process": process,
            "form": form,
            "page": _page(request, suggestions),
            "counts": queries.status_counts(process),
            "export_query": query.urlencode(),
            "can_manage": request.user.has_perm("feedback.manage_suggestions", process),
            "stylesheet": STYLESHEET,
            "breadcrumbs": crumbs(process, (None, _("Suggestions agenda"))),
        },
    )


@process_view("feedback.view_agenda")
def agenda_xlsx(request, process):
    return exports.xlsx_response(process, _agenda_filters(request, process)[1])


@process_view("feedback.view_agenda")
def agenda_docx(request, process):
    document = exports.agenda_document(process, list(_agenda_filters(request, process)[1]))
    return docx_response(document, f"agenda-{process.name}")


@process_view("feedback.manage_suggestions")
def enter(request, process):
    """Staff entry of a suggestion brought at a meeting, on paper, by phone or e-mail."""
    return form_page(
        request,
        bound(request, forms.StaffEntryForm, process=process),
        title=_("Enter a suggestion"),
        lead=process.name,
        breadcrumbs=crumbs(process, _agenda_crumb(process)),
        save=lambda form: services.enter_suggestion(process, request.user, **form.entry()),
        done=lambda suggestion: suggestion.get_absolute_url(),
        cancel=reverse("feedback:agenda", args=[process.pk]),
        message=_("The suggestion has been entered. Triage it now or later."),
        stylesheet=STYLESHEET,
    )


def _group(process_pk, group_pk):
    return get_object_or_404(Group.objects.select_related("process__region"), pk=group_pk, process_id=process_pk)


def group_suggestions(request, process_pk, group_pk):
    """The suggestions assigned to a group: its leader's worklist."""
    group = _group(process_pk, group_pk)
    if not request.user.has_perm("processes.view_group_internal", group):
        return refuse(request)
    process = group.process
    return render(
        request,
        "feedback/group_suggestions.html",
        {
            "process": process,
            "group": group,
            "page": _page(request, queries.assigned_to(group)),
            "can_handle": request.user.has_perm("feedback.handle_group_suggestions", group),
            "stylesheet": STYLESHEET,
            "breadcrumbs": crumbs(process, (group.get_absolute_url(), group.name), (None, _("Suggestions"))),
        },
    )


# Internal: one suggestion


@suggestion_view("feedback.view_suggestion")
def detail(request, suggestion):
    """Everything about a suggestion and its full history; the contact only for who handles it."""
    user = request.user
    can_handle = user.has_perm("feedback.handle_suggestion", suggestion)
    return render(
        request,
        "feedback/detail.html",
        {
            "suggestion": suggestion,
            "process": suggestion.process,
            "entered_by": queries.staff_name(suggestion.entered_by) if suggestion.entered_by else None,
            "history": queries.history(suggestion),
            "can_handle": can_handle,
            "can_manage": user.has_perm("feedback.manage_suggestions", suggestion.process),
            "stylesheet": STYLESHEET,
            "breadcrumbs": _suggestion_crumbs(request, suggestion),
        },
    )


def _intro(suggestion):
    return suggestion.text if len(suggestion.text) <= 300 else f"{suggestion.text[:300]}…"


@suggestion_view("feedback.manage_suggestions", on_process=True)
def triage(request, suggestion):
    title = _("Triage suggestion %(code)s") % {"code": suggestion.code}
    return form_page(
        request,
        bound(request, forms.TriageForm, suggestion=suggestion),
        title=title,
        lead=suggestion.process.name,
        intro=_intro(suggestion),
        breadcrumbs=_suggestion_crumbs(request, suggestion, linked=True),
        save=lambda form: services.triage(suggestion, request.user, **form.cleaned_data),
        done=suggestion.get_absolute_url(),
        message=_("The suggestion has been triaged."),
        stylesheet=STYLESHEET,
    )


@suggestion_view("feedback.handle_suggestion")
def settle(request, suggestion):
    title = _("Settle suggestion %(code)s") % {"code": suggestion.code}
    can_publish = request.user.has_perm("feedback.manage_suggestions", suggestion.process)
    return form_page(
        request,
        bound(request, forms.SettleForm, suggestion=suggestion, can_publish=can_publish),
        title=title,
        lead=suggestion.process.name,
        intro=_intro(suggestion),
        breadcrumbs=_suggestion_crumbs(request, suggestion, linked=True),
        save=lambda form: services.settle(
            suggestion, request.user, tracking_url=tracking_url(request, suggestion), **form.cleaned_data
        ),
        done=suggestion.get_absolute_url(),
        message=SETTLED,
        submit_label=_("Settle"),
        stylesheet=STYLESHEET,
    )


@require_POST
@suggestion_view("feedback.manage_suggestions", on_process=True)
def erase_contact(request, suggestion):
    services.erase_contact(suggestion, request.user)
    messages.success(request, _("The submitter's contact has been erased."))
    return redirect(suggestion)
