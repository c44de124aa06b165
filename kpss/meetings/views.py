"""Views of the meetings app: public calendars and feeds, the meeting page, and running a meeting.

Each view states its permission (``rules``); anonymous visitors who lack it are sent to log in,
signed-in users get 403. Writes go through ``services``.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kpss.core.documents import docx_response, pdf_response
from kpss.core.permissions import object_view, refuse
from kpss.processes.models import Group, PlanningProcess

from . import exports, forms, ical, queries, services
from .models import Attachment, Meeting, Minutes, Resolution
from .rules import sees_internal

PAGE_SIZE = 20
CALENDAR = "text/calendar; charset=utf-8"


def _process(pk):
    return get_object_or_404(PlanningProcess, pk=pk)


def _group(pk):
    return get_object_or_404(Group.objects.select_related("process"), pk=pk)


def permission(perm, load=queries.meeting_or_404, key="pk"):
    """The meeting (or ``load``-ed object) of the URL, only for a user with ``perm`` on it."""
    return object_view(load, perm, key)


def trail(meeting, *rest):
    """Breadcrumbs: process › group › meeting › the page."""
    crumbs = [(meeting.process.get_absolute_url(), meeting.process.name)]
    if meeting.group:
        crumbs.append((meeting.group.get_absolute_url(), meeting.group.name))
    crumbs.append((meeting.get_absolute_url() if rest else None, meeting.title))
    return crumbs + [(None, label) for label in rest]


def absolute_url(request, meeting):
    return request.build_absolute_uri(meeting.get_absolute_url())


def form_page(request, form, meeting, title, submit_label, breadcrumbs=None, intro=""):
    """The one-form page; for an existing meeting it names the meeting and links back to it."""
    context = {
        "form": form,
        "stylesheet": "meetings/meetings.css",
        "title": title,
        "submit_label": submit_label,
        "intro": intro,
        "breadcrumbs": breadcrumbs or trail(meeting, title),
    }
    if meeting is not None:
        when = date_format(timezone.localtime(meeting.starts_at), "DATE_FORMAT")
        context.update(lead=f"{meeting.title}, {when}", back_url=meeting.get_absolute_url())
        context["back_label"] = _("Back to the meeting")
    return render(request, "form_page.html", context)


def ics_response(content, name):
    response = HttpResponse(content, content_type=CALENDAR)
    response["Content-Disposition"] = f'inline; filename="{name}.ics"'
    return response


# Public calendars and feeds


def calendar(request):
    """Public: upcoming (or past) open meetings of every process, filtered by region and kind."""
    form = forms.CalendarFilterForm(request.GET)
    form.is_valid()
    filters = form.filters()
    page = Paginator(queries.calendar_meetings(**filters), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/calendar.html",
        {"form": form, "page": page, "past": filters["past"], "breadcrumbs": [(None, _("Calendar of meetings"))]},
    )


def process_calendar(request, process_pk):
    """Public: open meetings of a process, and the closed ones the user may see."""
    process = _process(process_pk)
    internal = request.user.has_perm("processes.view_internal", process)
    past = request.GET.get("when") == forms.CalendarFilterForm.PAST
    meetings = queries.process_meetings(process, request.user, past=past)
    page = Paginator(meetings, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/process_calendar.html",
        {
            "process": process,
            "page": page,
            "past": past,
            "internal": internal,
            "can_create": request.user.has_perm("processes.change_process", process),
            "breadcrumbs": [(process.get_absolute_url(), process.name), (None, _("Meetings"))],
        },
    )


def _feed(request, process, group=None):
    meetings = queries.feed_meetings(process, group)
    name = f"{process.name} – {group.name}" if group else process.name
    content = ical.calendar(((meeting, absolute_url(request, meeting)) for meeting in meetings), name=name)
    return ics_response(content, "calendar")


def process_feed(request, process_pk):
    """Public iCalendar feed of a process's open meetings (cancelled ones with STATUS:CANCELLED)."""
    return _feed(request, _process(process_pk))


def group_feed(request, process_pk, group_pk):
    """Public iCalendar feed of a group's open meetings."""
    group = get_object_or_404(Group.objects.select_related("process"), pk=group_pk, process_id=process_pk)
    return _feed(request, group.process, group)


# Creating and changing a meeting


def _create(request, process, group):
    initial = {"kind": {"steering": Meeting.Kind.STEERING, "working": Meeting.Kind.WORKING}.get(group and group.kind)}
    # A meeting made for a group stays with it: the form then has no group to choose.
    blank = Meeting(process=process, group=group)
    form = forms.MeetingForm(request.POST or None, instance=blank, process=process, initial=initial)
    if form.is_valid():
        meeting = services.create_meeting(form, process, group)
        messages.success(request, _("The meeting was created. Add its agenda, then send the invitations."))
        return redirect(meeting)
    crumbs = [(process.get_absolute_url(), process.name)]
    if group:
        crumbs.append((group.get_absolute_url(), group.name))
    title = _("New meeting")
    return form_page(request, form, None, title, _("Create the meeting"), crumbs + [(None, title)])


@permission("processes.change_process", _process, "process_pk")
def create(request, process):
    """A meeting of the whole process (or of one of its groups): coordinators."""
    return _create(request, process, None)


@permission("processes.manage_group_meetings", _group, "group_pk")
def create_for_group(request, group):
    """A meeting of a group: its leader and deputy, and the coordinators."""
    return _create(request, group.process, group)


@permission("meetings.change_meeting")
def edit(request, meeting):
    form = forms.MeetingForm(request.POST or None, instance=meeting, process=meeting.process)
    if form.is_valid():
        services.update_meeting(form)
        messages.success(request, _("The meeting was saved."))
        return redirect(meeting)
    return form_page(request, form, meeting, _("Edit the meeting"), _("Save"))


def _refuse_unless_planned(request, meeting, message):
    """A redirect to the meeting with ``message`` when it is no longer planned; None when it is."""
    if meeting.status != Meeting.Status.PLANNED:
        messages.error(request, message)
        return redirect(meeting)
    return None


@permission("meetings.change_meeting")
def cancel(request, meeting):
    if refused := _refuse_unless_planned(request, meeting, _("Only a planned meeting can be cancelled.")):
        return refused
    form = forms.CancelForm(request.POST or None)
    if form.is_valid():
        services.cancel_meeting(meeting, form.cleaned_data["reason"], absolute_url(request, meeting))
        messages.success(request, _("The meeting was cancelled."))
        return redirect(meeting)
    intro = _("Those who got the invitation get a cancellation by e-mail.") if meeting.invitation_sent_at else ""
    return form_page(request, form, meeting, _("Cancel the meeting"), _("Cancel the meeting"), intro=intro)


@require_POST
@permission("meetings.change_meeting")
def mark_held(request, meeting):
    if refused := _refuse_unless_planned(request, meeting, _("Only a planned meeting can be marked as held.")):
        return refused
    if meeting.starts_at > timezone.now():
        messages.error(request, _("A meeting can be marked as held only once it has started."))
        return redirect(meeting)
    services.mark_held(meeting)
    messages.success(request, _("The meeting is marked as held."))
    return redirect(meeting)


@permission("meetings.change_meeting")
def agenda(request, meeting):
    formset = forms.AgendaFormSet(request.POST or None, instance=meeting)
    if request.method == "POST" and formset.is_valid():
        services.save_agenda(formset)
        messages.success(request, _("The agenda was saved."))
        return redirect(meeting)
    return render(
        request,
        "meetings/agenda.html",
        {"meeting": meeting, "formset": formset, "breadcrumbs": trail(meeting, _("Agenda"))},
    )


@require_POST
@permission("meetings.change_meeting")
def invite(request, meeting):
    if refused := _refuse_unless_planned(request, meeting, _("Invitations can be sent only for a planned meeting.")):
        return refused
    count = services.send_invitations(meeting, absolute_url(request, meeting))
    if count:
        message = ngettext(
            "The invitation is being sent to %(count)d person.",
            "The invitation is being sent to %(count)d people.",
            count,
        )
        messages.success(request, message % {"count": count})
    else:
        messages.error(request, _("Nobody to invite: no current member of the group has an e-mail address."))
    return redirect(meeting)


# The meeting page and what anyone who may see the meeting gets


@permission("meetings.view_meeting")
def detail(request, meeting):
    user = request.user
    can_change = user.has_perm("meetings.change_meeting", meeting)
    can_view_record = user.has_perm("meetings.view_record", meeting)
    internal = sees_internal.test(user, meeting)
    record = queries.attendance_record(meeting)
    # Who does not see the internals sees the meeting only because it is open: its public attachments.
    attachments = meeting.attachments.all() if internal else meeting.attachments.filter(is_public=True)
    minutes = getattr(meeting, "minutes", None)
    return render(
        request,
        "meetings/detail.html",
        {
            "meeting": meeting,
            "breadcrumbs": trail(meeting),
            "agenda": meeting.agenda_items.all(),
            "can_change": can_change,
            "started": meeting.starts_at <= timezone.now(),
            "can_view_record": can_view_record,
            "record": record,
            "minutes": minutes if can_view_record else None,
            "minutes_html": exports.minutes_html(minutes.text) if can_view_record and minutes else "",
            "resolutions": meeting.resolutions.all() if can_view_record and minutes else [],
            "attachments": attachments,
            "invited": queries.invited(meeting) if can_change else [],
        },
    )


@permission("meetings.view_meeting")
def ics(request, meeting):
    """The meeting as an .ics file for one's own calendar."""
    meeting = Meeting.objects.prefetch_related("agenda_items").get(pk=meeting.pk)
    return ics_response(ical.calendar([(meeting, absolute_url(request, meeting))]), f"meeting-{meeting.pk}")


# Attendance


def _member_rows(meeting):
    """The people whose attendance the form asks for: members on the meeting's day and anyone already recorded."""
    recorded = queries.recorded_people(meeting)
    rows = {}
    for membership in queries.members(meeting, queries.meeting_day(meeting)):
        rows[membership.person_id] = (membership.person, queries.organisation_of(membership))
    for person_id, attendance in recorded.items():
        rows.setdefault(person_id, (attendance.person, attendance.person.organisation))
    statuses = {person_id: attendance.status for person_id, attendance in recorded.items()}
    return [(person, organisation, statuses.get(person.pk, "")) for person, organisation in rows.values()]


@permission("meetings.change_meeting")
def attendance(request, meeting):
    rows = _member_rows(meeting)
    people = [person for person, _organisation, _status in rows]
    data = request.POST or None
    members = forms.MemberAttendanceFormSet(
        data,
        prefix="members",
        form_kwargs={"people": people},
        initial=[{"person": person.pk, "status": status} for person, _organisation, status in rows],
    )
    guests = forms.GuestFormSet(data, prefix="guests", queryset=queries.guests(meeting))
    headcount = forms.HeadcountForm(data, instance=meeting, prefix="meeting") if meeting.is_open else None
    if data and members.is_valid() and guests.is_valid() and (headcount is None or headcount.is_valid()):
        statuses = {form.cleaned_data["person"]: form.cleaned_data["status"] for form in members}
        try:
            services.record_attendance(meeting, statuses, guests, headcount)
        except services.Conflict:
            message = _("Someone else recorded the attendance at the same moment; nothing was saved. Check it again.")
            messages.error(request, message)
            return redirect("meetings:attendance", meeting.pk)
        messages.success(request, _("The attendance was saved."))
        return redirect(meeting)
    labels = {str(person.pk): (person, organisation) for person, organisation, _status in rows}
    member_forms = [(form, *labels.get(str(form["person"].value()), (None, None))) for form in members]
    return render(
        request,
        "meetings/attendance.html",
        {
            "meeting": meeting,
            "members": members,
            "member_forms": member_forms,
            "guests": guests,
            "headcount": headcount,
            "breadcrumbs": trail(meeting, _("Attendance")),
        },
    )


@permission("meetings.change_meeting")
def attendance_sheet(request, meeting):
    """A printable sheet to sign: the members, and empty rows for guests. Usable before the meeting."""
    rows = [
        (membership.person, queries.organisation_of(membership))
        for membership in queries.members(meeting, queries.meeting_day(meeting))
    ]
    context = {"meeting": meeting, "rows": rows, "guest_rows": range(10)}
    return pdf_response("meetings/pdf/attendance_sheet.html", context, f"attendance-{meeting.title}", request)


# Minutes and resolutions


@permission("meetings.change_meeting")
def minutes(request, meeting):
    record = getattr(meeting, "minutes", None)
    form = forms.MinutesForm(request.POST or None, instance=record)
    if form.is_valid():
        try:
            unapproved = services.save_minutes(meeting, form, request.user)
        except services.Conflict:
            messages.error(request, _("Someone else saved the minutes at the same moment. Try again."))
            return redirect("meetings:minutes", meeting.pk)
        if unapproved:
            messages.warning(request, _("The minutes were saved. The text changed, so they need to be approved again."))
        else:
            messages.success(request, _("The minutes were saved."))
        return redirect("meetings:minutes", meeting.pk)
    return _minutes_page(request, meeting, form, forms.ApproveMinutesForm(meeting=meeting))


def _minutes_page(request, meeting, form, approve_form):
    return render(
        request,
        "meetings/minutes.html",
        {
            "meeting": meeting,
            "form": form,
            "minutes": getattr(meeting, "minutes", None),
            "approve_form": approve_form,
            "resolutions": meeting.resolutions.all(),
            "breadcrumbs": trail(meeting, _("Minutes")),
        },
    )


@require_POST
@permission("meetings.change_meeting")
def approve_minutes(request, meeting):
    record = get_object_or_404(Minutes, meeting=meeting)
    if meeting.status != Meeting.Status.HELD:
        messages.error(request, _("Only minutes of a held meeting can be approved."))
        return redirect("meetings:minutes", meeting.pk)
    approve_form = forms.ApproveMinutesForm(request.POST, meeting=meeting)
    if approve_form.is_valid():
        services.approve_minutes(record, approve_form.cleaned_data["approved_on"])
        messages.success(request, _("The minutes are approved."))
        return redirect("meetings:minutes", meeting.pk)
    return _minutes_page(request, meeting, forms.MinutesForm(instance=record), approve_form)


def _resolution_page(request, meeting, resolution, title):
    form = forms.ResolutionForm(request.POST or None, instance=resolution)
    if form.is_valid():
        try:
            services.save_resolution(form)
        except services.Conflict:
            form.add_error("number", forms.ResolutionForm.NUMBER_TAKEN)
        else:
            messages.success(request, _("The resolution was saved."))
            return redirect("meetings:minutes", meeting.pk)
    return form_page(request, form, meeting, title, _("Save"), trail(meeting, _("Minutes"), title))


@permission("meetings.change_meeting")
def resolution_add(request, meeting):
    return _resolution_page(request, meeting, Resolution(meeting=meeting), _("New resolution"))


@permission("meetings.change_meeting")
def resolution_edit(request, meeting, resolution_pk):
    resolution = get_object_or_404(Resolution, pk=resolution_pk, meeting=meeting)
    return _resolution_page(
        request, meeting, resolution, _("Edit resolution %(number)s") % {"number": resolution.number}
    )


@require_POST
@permission("meetings.change_meeting")
def resolution_delete(request, meeting, resolution_pk):
    services.delete_resolution(get_object_or_404(Resolution, pk=resolution_pk, meeting=meeting))
    messages.success(request, _("The resolution was deleted."))
    return redirect("meetings:minutes", meeting.pk)


def _export_context(meeting):
    record = get_object_or_404(Minutes, meeting=meeting)
    return {
        "meeting": meeting,
        "minutes": record,
        "record": queries.attendance_record(meeting),
        "resolutions": list(meeting.resolutions.all()),
        "minutes_html": exports.minutes_html(record.text),
    }


@permission("meetings.view_record")
def minutes_docx(request, meeting):
    context = _export_context(meeting)
    document = exports.minutes_document(meeting, context["record"], context["minutes"], context["resolutions"])
    return docx_response(document, f"minutes-{meeting.title}")


@permission("meetings.view_record")
def minutes_pdf(request, meeting):
    return pdf_response("meetings/pdf/minutes.html", _export_context(meeting), f"minutes-{meeting.title}", request)


# Attachments


@permission("meetings.change_meeting")
def attachment_add(request, meeting):
    form = forms.AttachmentForm(request.POST or None, request.FILES or None)
    if form.is_valid():
        services.add_attachment(meeting, form)
        messages.success(request, _("The attachment was uploaded."))
        return redirect(meeting)
    return form_page(request, form, meeting, _("New attachment"), _("Upload"))


def attachment_download(request, pk, attachment_pk):
    attachment = get_object_or_404(
        Attachment.objects.select_related("meeting__process", "meeting__group"), pk=attachment_pk, meeting_id=pk
    )
    if not request.user.has_perm("meetings.view_attachment", attachment):
        return refuse(request)
    try:
        file = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("The file is missing.")) from None
    return FileResponse(file, as_attachment=True, filename=attachment.file.name.rsplit("/", 1)[-1])


@require_POST
@permission("meetings.change_meeting")
def attachment_delete(request, meeting, attachment_pk):
    services.delete_attachment(get_object_or_404(Attachment, pk=attachment_pk, meeting=meeting))
    messages.success(request, _("The attachment was deleted."))
    return redirect(meeting)
