"""Pages of a planning process: overview, phases, schedule, participants, groups, documents, dashboard.

Every view names the permission it needs (kpss/processes/rules.py); objects below a process are
always looked up through that process, so an id from another process is a 404.
"""

from functools import partial

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kpss.core.pages import bound
from kpss.core.pages import form_page as core_form_page
from kpss.core.permissions import object_view, refuse

from . import forms, queries, services
from .models import (
    Document,
    DocumentVersion,
    Group,
    Membership,
    Milestone,
    Participant,
    Phase,
    PlanningProcess,
    Stage,
    Step,
)

PAGE_SIZE = 20
PARTICIPANTS_PAGE_SIZE = 50


form_page = partial(core_form_page, stylesheet="processes/processes.css")


# The process itself


def process_list(request):
    form = forms.ProcessFilterForm(request.GET or None)
    region = form.cleaned_data["region"] if form.is_valid() else None
    page = Paginator(queries.processes_list(region), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "processes/process_list.html",
        {
            "form": form,
            "page": page,
            "breadcrumbs": [(None, _("Planning processes"))],
            "can_add": request.user.has_perm("processes.add_process"),
        },
    )


def process_create(request):
    if not request.user.has_perm("processes.add_process"):
        return refuse(request)
    return form_page(
        request,
        bound(request, forms.ProcessForm, user=request.user),
        title=_("New planning process"),
        breadcrumbs=[(reverse("processes:list"), _("Planning processes"))],
        save=lambda form: services.create_process_from_form(form, request.user),
        done=lambda process: process.get_absolute_url(),
        cancel=reverse("processes:list"),
        message=_("The process has been created with the six phases and their steps."),
    )


@object_view(queries.process_or_404)
def process_detail(request, process):
    phases = queries.phases_with_progress(process)
    user = request.user
    return render(
        request,
        "processes/process_detail.html",
        {
            "process": process,
            "breadcrumbs": [(reverse("processes:list"), _("Planning processes")), (None, process.name)],
            "partners": list(process.partners.all()),
            "municipalities": list(process.municipalities.all())
            if process.scope == PlanningProcess.Scope.MUNICIPALITIES
            else [],
            "phases": phases,
            "current_phase": queries.current_phase(phases),
            "groups": list(queries.groups_of(process)),
            "upcoming_meetings": queries.upcoming_open_meetings(process),
            "schedule": queries.schedule_summary(process),
            "documents": queries.approved_documents(process),
            "can_change": user.has_perm("processes.change_process", process),
            "can_view_internal": user.has_perm("processes.view_internal", process),
            "can_view_dashboard": user.has_perm("processes.view_dashboard", process),
        },
    )


@object_view(queries.process_or_404, "processes.change_process")
def process_edit(request, process):
    form = bound(request, forms.ProcessForm, instance=process, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.update_process(form)
        messages.success(request, _("The process has been saved."))
        return redirect(process)
    return render(
        request,
        "processes/process_edit.html",
        {
            "process": process,
            "form": form,
            "coordinator_form": forms.CoordinatorForm(process=process, prefix="coordinator"),
            "coordinator_add_url": reverse("processes:coordinator_add", args=[process.pk]),
            "coordinators": list(process.coordinators.order_by("last_name", "first_name", "email")),
            "breadcrumbs": queries.crumbs(process, (None, _("Edit"))),
        },
    )


@require_POST
@object_view(queries.process_or_404, "processes.change_process")
def coordinator_add(request, process):
    form = forms.CoordinatorForm(request.POST, process=process, prefix="coordinator")
    if form.is_valid():
        services.add_coordinator(process, form.cleaned_data["user"])
        messages.success(request, _("%(user)s now coordinates the process.") % {"user": form.cleaned_data["user"]})
    else:
        messages.error(request, " ".join(form.errors["email"]))
    return redirect("processes:edit", process.pk)


@require_POST
@object_view(queries.process_or_404, "processes.change_process")
def coordinator_remove(request, process, user_pk):
    user = get_object_or_404(get_user_model(), pk=user_pk, coordinated_processes=process)
    if services.remove_coordinator(process, user):
        messages.success(request, _("%(user)s no longer coordinates the process.") % {"user": user})
    else:
        messages.error(request, _("The last coordinator cannot be removed; add another one first."))
    return redirect("processes:edit", process.pk)


@object_view(queries.process_or_404, "processes.view_dashboard")
def dashboard(request, process):
    return render(
        request,
        "processes/dashboard.html",
        {
            "process": process,
            "breadcrumbs": queries.crumbs(process, (None, _("Dashboard"))),
            "can_change": request.user.has_perm("processes.change_process", process),
            **queries.dashboard(process),
        },
    )


# Phases and their steps


@object_view(queries.process_or_404)
def phases(request, process):
    return render(
        request,
        "processes/phases.html",
        {
            "process": process,
            "phases": queries.phases_with_progress(
                process, with_steps=True, internal=request.user.has_perm("processes.view_internal", process)
            ),
            "breadcrumbs": queries.crumbs(process, (None, _("Phases and steps"))),
            "can_change": request.user.has_perm("processes.change_process", process),
        },
    )


def _phases_url(process):
    return reverse("processes:phases", args=[process.pk])


@object_view(queries.process_or_404, "processes.change_process")
def step_add(request, process, number):
    phase = get_object_or_404(Phase, process=process, number=number)
    return form_page(
        request,
        bound(request, forms.StepForm),
        title=_("New step of phase %(phase)s") % {"phase": phase},
        breadcrumbs=queries.crumbs(process, (_phases_url(process), _("Phases and steps"))),
        save=lambda form: services.save_step(form, phase),
        done=_phases_url(process),
        message=_("The step has been added."),
    )


@object_view(queries.process_or_404, "processes.change_process")
def step_edit(request, process, step_pk):
    step = get_object_or_404(process_steps(process), pk=step_pk)
    return form_page(
        request,
        bound(request, forms.StepForm, instance=step),
        title=_("Edit step"),
        breadcrumbs=queries.crumbs(process, (_phases_url(process), _("Phases and steps"))),
        save=services.save_step,
        done=_phases_url(process),
        message=_("The step has been saved."),
    )


@object_view(queries.process_or_404, "processes.change_process")
def step_done(request, process, step_pk):
    step = get_object_or_404(process_steps(process), pk=step_pk)
    return form_page(
        request,
        bound(request, forms.StepDoneForm, instance=step, process=process),
        title=_("Mark done: %(step)s") % {"step": step},
        breadcrumbs=queries.crumbs(process, (_phases_url(process), _("Phases and steps"))),
        save=services.mark_step,
        done=_phases_url(process),
        message=_("The step has been saved."),
    )


@require_POST
@object_view(queries.process_or_404, "processes.change_process")
def step_delete(request, process, step_pk):
    services.delete_step(get_object_or_404(process_steps(process), pk=step_pk))
    messages.success(request, _("The step has been removed."))
    return redirect(_phases_url(process))


def process_steps(process):
    return Step.objects.filter(phase__process=process)


# Schedule


@object_view(queries.process_or_404)
def schedule(request, process):
    stages, loose = queries.schedule(process)
    return render(
        request,
        "processes/schedule.html",
        {
            "process": process,
            "stages": stages,
            "loose_milestones": loose,
            "timeline": queries.timeline(process, stages, loose),
            "breadcrumbs": queries.crumbs(process, (None, _("Schedule"))),
            "can_change": request.user.has_perm("processes.change_process", process),
        },
    )


def _schedule_url(process):
    return reverse("processes:schedule", args=[process.pk])


def _schedule_form(request, process, form, title, message):
    return form_page(
        request,
        form,
        title=title,
        breadcrumbs=queries.crumbs(process, (_schedule_url(process), _("Schedule"))),
        save=lambda form: (services.save_milestone if form._meta.model is Milestone else services.save_stage)(
            form, process
        ),
        done=_schedule_url(process),
        message=message,
    )


@object_view(queries.process_or_404, "processes.change_process")
def stage_add(request, process):
    form = bound(request, forms.StageForm)
    return _schedule_form(request, process, form, _("New stage"), _("The stage has been added."))


@object_view(queries.process_or_404, "processes.change_process")
def stage_edit(request, process, stage_pk):
    form = bound(request, forms.StageForm, instance=get_object_or_404(Stage, process=process, pk=stage_pk))
    return _schedule_form(request, process, form, _("Edit stage"), _("The stage has been saved."))


@require_POST
@object_view(queries.process_or_404, "processes.change_process")
def stage_delete(request, process, stage_pk):
    services.delete_stage(get_object_or_404(Stage, process=process, pk=stage_pk))
    messages.success(request, _("The stage has been removed; its milestones stay in the schedule."))
    return redirect(_schedule_url(process))


@object_view(queries.process_or_404, "processes.change_process")
def milestone_add(request, process):
    form = bound(request, forms.MilestoneForm, process=process)
    return _schedule_form(request, process, form, _("New milestone"), _("The milestone has been added."))


@object_view(queries.process_or_404, "processes.change_process")
def milestone_edit(request, process, milestone_pk):
    milestone = get_object_or_404(Milestone, process=process, pk=milestone_pk)
    form = bound(request, forms.MilestoneForm, instance=milestone, process=process)
    return _schedule_form(request, process, form, _("Edit milestone"), _("The milestone has been saved."))


@require_POST
@object_view(queries.process_or_404, "processes.change_process")
def milestone_delete(request, process, milestone_pk):
    services.delete_milestone(get_object_or_404(Milestone, process=process, pk=milestone_pk))
    messages.success(request, _("The milestone has been removed."))
    return redirect(_schedule_url(process))


# Participants


@object_view(queries.process_or_404, "processes.view_internal")
def participants(request, process):
    participants = Participant.objects.filter(process=process).select_related("person__organisation", "organisation")
    participants = participants.order_by("person__last_name", "person__first_name", "organisation__name", "pk")
    return render(
        request,
        "processes/participants.html",
        {
            "process": process,
            "page": Paginator(participants, PARTICIPANTS_PAGE_SIZE).get_page(request.GET.get("page")),
            "breadcrumbs": queries.crumbs(process, (None, _("Participants"))),
            "can_change": request.user.has_perm("processes.change_process", process),
        },
    )


def _participants_url(process):
    return reverse("processes:participants", args=[process.pk])


@object_view(queries.process_or_404, "processes.change_process")
def participant_add(request, process):
    return form_page(
        request,
        bound(request, forms.ParticipantForm, process=process),
        title=_("New participant"),
        breadcrumbs=queries.crumbs(process, (_participants_url(process), _("Participants"))),
        save=lambda form: services.add_participant(form, process),
        done=_participants_url(process),
        message=_("The participant has been added."),
    )


@object_view(queries.process_or_404, "processes.change_process")
def participant_edit(request, process, participant_pk):
    participant = get_object_or_404(Participant, process=process, pk=participant_pk)
    return form_page(
        request,
        bound(request, forms.ParticipantEditForm, instance=participant),
        title=_("Edit participant: %(participant)s") % {"participant": participant},
        breadcrumbs=queries.crumbs(process, (_participants_url(process), _("Participants"))),
        save=services.update_participant,
        done=_participants_url(process),
        message=_("The participant has been saved."),
    )


@require_POST
@object_view(queries.process_or_404, "processes.change_process")
def participant_remove(request, process, participant_pk):
    services.remove_participant(get_object_or_404(Participant, process=process, pk=participant_pk))
    messages.success(request, _("The participant has been removed."))
    return redirect(_participants_url(process))


# Groups and memberships


@object_view(queries.process_or_404)
def groups(request, process):
    return render(
        request,
        "processes/groups.html",
        {
            "process": process,
            "groups": queries.groups_of(process),
            "breadcrumbs": queries.crumbs(process, (None, _("Groups"))),
            "can_change": request.user.has_perm("processes.change_process", process),
        },
    )


def _groups_url(process):
    return reverse("processes:groups", args=[process.pk])


def _group_crumbs(group):
    """Process › Groups › the group: the way back from a page about one group."""
    return queries.crumbs(
        group.process, (_groups_url(group.process), _("Groups")), (group.get_absolute_url(), group.name)
    )


@object_view(queries.process_or_404, key="process_pk")
def group_detail(request, process, pk):
    group = get_object_or_404(Group.objects.prefetch_related("municipalities"), process=process, pk=pk)
    group.process = process
    user = request.user
    can_view_internal = user.has_perm("processes.view_group_internal", group)
    return render(
        request,
        "processes/group_detail.html",
        {
            "process": process,
            "group": group,
            "breadcrumbs": queries.crumbs(process, (_groups_url(process), _("Groups")), (None, group.name)),
            **(split_memberships(group) if can_view_internal else {}),
            "can_view_internal": can_view_internal,
            "can_see_contacts": user.has_perm("processes.see_contacts", group),
            "can_manage_meetings": user.has_perm("processes.manage_group_meetings", group),
            "can_change": user.has_perm("processes.change_process", process),
            **queries.group_page(group),
        },
    )


def split_memberships(group):
    """Members (including those about to join) and former members, whose memberships have ended."""
    today = timezone.localdate()
    memberships = list(queries.memberships_of(group, current_only=False))
    former = [m for m in memberships if m.ends_on and m.ends_on < today]
    return {"members": [m for m in memberships if m not in former], "former_members": former}


@object_view(queries.process_or_404, "processes.change_process")
def group_create(request, process):
    return form_page(
        request,
        bound(request, forms.GroupForm, process=process),
        title=_("New group"),
        breadcrumbs=queries.crumbs(process, (_groups_url(process), _("Groups"))),
        save=services.save_group,
        done=lambda group: group.get_absolute_url(),
        cancel=_groups_url(process),
        message=_("The group has been created."),
    )


@object_view(queries.process_or_404, "processes.change_process", key="process_pk")
def group_edit(request, process, pk):
    group = get_object_or_404(Group, process=process, pk=pk)
    return form_page(
        request,
        bound(request, forms.GroupForm, instance=group, process=process),
        title=_("Edit group: %(group)s") % {"group": group},
        breadcrumbs=_group_crumbs(group),
        save=services.save_group,
        done=group.get_absolute_url(),
        message=_("The group has been saved."),
    )


@object_view(queries.process_or_404, "processes.change_process", key="process_pk")
def membership_add(request, process, pk):
    group = get_object_or_404(Group, process=process, pk=pk)
    group.process = process
    return form_page(
        request,
        bound(request, forms.MembershipForm, group=group),
        title=_("New member of %(group)s") % {"group": group},
        breadcrumbs=_group_crumbs(group),
        save=services.add_membership,
        done=group.get_absolute_url(),
        message=_("The member has been added."),
    )


def _membership(process, pk):
    return get_object_or_404(Membership.objects.select_related("group", "person"), group__process=process, pk=pk)


@object_view(queries.process_or_404, "processes.change_process", key="process_pk")
def membership_edit(request, process, pk):
    membership = _membership(process, pk)
    group = membership.group
    return form_page(
        request,
        bound(request, forms.MembershipEditForm, instance=membership),
        title=_("Edit membership: %(person)s") % {"person": membership.person},
        breadcrumbs=_group_crumbs(group),
        save=services.update_membership,
        done=group.get_absolute_url(),
        message=_("The membership has been saved."),
    )


@object_view(queries.process_or_404, "processes.change_process", key="process_pk")
def membership_end(request, process, pk):
    membership = _membership(process, pk)
    group = membership.group
    return form_page(
        request,
        bound(request, forms.MembershipEndForm, instance=membership),
        title=_("End membership: %(person)s") % {"person": membership.person},
        breadcrumbs=_group_crumbs(group),
        save=services.end_membership,
        done=group.get_absolute_url(),
        submit_label=_("End membership"),
        message=_("The membership has been ended."),
    )


# Foundational documents


@object_view(queries.process_or_404)
def documents(request, process):
    can_view_internal = request.user.has_perm("processes.view_internal", process)
    versions = DocumentVersion.objects.select_related("resolution__meeting")
    if not can_view_internal:
        versions = versions.filter(approved_on__isnull=False)
    documents = [
        document
        for document in Document.objects.filter(process=process).prefetch_related(
            Prefetch("versions", queryset=versions)
        )
        if document.versions.all() or can_view_internal
    ]
    return render(
        request,
        "processes/documents.html",
        {
            "process": process,
            "documents": documents,
            "breadcrumbs": queries.crumbs(process, (None, _("Documents"))),
            "can_view_internal": can_view_internal,
            "can_change": request.user.has_perm("processes.change_process", process),
        },
    )


def _documents_url(process):
    return reverse("processes:documents", args=[process.pk])


@object_view(queries.process_or_404, "processes.change_process")
def document_create(request, process):
    return form_page(
        request,
        bound(request, forms.DocumentCreateForm, process=process),
        title=_("New document"),
        breadcrumbs=queries.crumbs(process, (_documents_url(process), _("Documents"))),
        save=lambda form: services.create_document(form, process),
        done=_documents_url(process),
        message=_("The document has been created."),
    )


@object_view(queries.process_or_404, "processes.change_process")
def version_add(request, process, document_pk):
    document = get_object_or_404(Document, process=process, pk=document_pk)
    return form_page(
        request,
        bound(request, forms.DocumentVersionForm, process=process),
        title=_("New version of %(document)s") % {"document": document},
        breadcrumbs=queries.crumbs(process, (_documents_url(process), _("Documents"))),
        save=lambda form: services.add_version(form, document),
        done=_documents_url(process),
        message=_("The version has been added."),
    )


@object_view(queries.process_or_404, "processes.change_process")
def version_edit(request, process, version_pk):
    version = get_object_or_404(
        DocumentVersion.objects.select_related("document"), document__process=process, pk=version_pk
    )
    return form_page(
        request,
        bound(request, forms.DocumentVersionForm, instance=version, process=process),
        title=_("Edit version: %(version)s") % {"version": version},
        breadcrumbs=queries.crumbs(process, (_documents_url(process), _("Documents"))),
        save=services.update_version,
        done=_documents_url(process),
        message=_("The version has been saved."),
    )


@object_view(queries.process_or_404, key="process_pk")
def version_file(request, process, pk):
    """The uploaded file of a version: public once approved, a draft only for those inside the process."""
    version = get_object_or_404(DocumentVersion, document__process=process, pk=pk)
    if not version.is_approved and not request.user.has_perm("processes.view_internal", process):
        return refuse(request)
    if not version.file:
        raise Http404
    try:
        file = version.file.open("rb")
    except FileNotFoundError:  # lost from the storage: a 404 like any missing file, not a server error
        raise Http404(_("The file is missing.")) from None
    return FileResponse(file, as_attachment=True, filename=version.file.name.rsplit("/", 1)[-1])
