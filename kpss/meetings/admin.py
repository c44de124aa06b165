from django.contrib import admin

from .models import AgendaItem, Attachment, Attendance, Meeting, Minutes, Resolution


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


class ResolutionInline(admin.TabularInline):
    model = Resolution
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "starts_at", "process", "group", "status", "is_open"]
    list_filter = ["kind", "status", "is_open"]
    search_fields = ["title", "process__name"]
    date_hierarchy = "starts_at"
    list_select_related = ["process", "group"]
    raw_id_fields = ["process", "group"]
    inlines = [AgendaItemInline, ResolutionInline]


@admin.register(Attendance)
class AttendanceAdmin(admin.ModelAdmin):
    list_display = ["__str__", "meeting", "status"]
    list_select_related = ["meeting", "person"]
    raw_id_fields = ["meeting", "person"]


@admin.register(Minutes)
class MinutesAdmin(admin.ModelAdmin):
    list_display = ["meeting", "approved_on"]
    raw_id_fields = ["meeting", "author"]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["title", "meeting", "is_public"]
    raw_id_fields = ["meeting"]
