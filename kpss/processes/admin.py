"""The admin for administrators; coordinators use the process pages, which check the process roles."""

from django.contrib import admin

from .models import Document, DocumentVersion, Group, Membership, Milestone, Participant, PlanningProcess, Stage, Step


@admin.register(PlanningProcess)
class PlanningProcessAdmin(admin.ModelAdmin):
    list_display = ["name", "region", "orp", "starts_on", "ends_on", "status"]
    list_filter = ["status", "region"]
    list_select_related = ["region", "orp"]
    search_fields = ["name", "project_number"]
    autocomplete_fields = ["municipalities"]
    raw_id_fields = ["orp", "realiser", "partners", "coordinators"]


@admin.register(Step)
class StepAdmin(admin.ModelAdmin):
    list_display = ["title", "phase", "done_on"]
    list_select_related = ["phase__process"]
    raw_id_fields = ["phase", "meeting", "document"]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Stage)
class StageAdmin(admin.ModelAdmin):
    list_display = ["name", "process", "starts_on", "ends_on", "closed_on"]
    list_select_related = ["process"]
    raw_id_fields = ["process"]
    inlines = [MilestoneInline]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["__str__", "process", "triad_role"]
    list_select_related = ["process", "person", "organisation"]
    raw_id_fields = ["process", "person", "organisation"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["person", "organisation"]


@admin.register(Group)
class GroupAdmin(admin.ModelAdmin):
    list_display = ["name", "process", "kind", "focus", "theme"]
    list_filter = ["kind", "focus"]
    list_select_related = ["process"]
    raw_id_fields = ["process"]
    autocomplete_fields = ["municipalities"]
    inlines = [MembershipInline]


class DocumentVersionInline(admin.StackedInline):
    model = DocumentVersion
    extra = 0
    raw_id_fields = ["resolution"]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["title", "process", "kind"]
    list_select_related = ["process"]
    raw_id_fields = ["process"]
    inlines = [DocumentVersionInline]
