from django.urls import path

from . import views

app_name = "meetings"
urlpatterns = [
    path("calendar/", views.calendar, name="calendar"),
    path("process/<int:process_pk>/", views.process_calendar, name="process_calendar"),
    path("process/<int:process_pk>/calendar.ics", views.process_feed, name="process_feed"),
    path("process/<int:process_pk>/groups/<int:group_pk>/calendar.ics", views.group_feed, name="group_feed"),
    path("process/<int:process_pk>/new/", views.create, name="create"),
    path("group/<int:group_pk>/new/", views.create_for_group, name="create_for_group"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/cancel/", views.cancel, name="cancel"),
    path("<int:pk>/held/", views.mark_held, name="mark_held"),
    path("<int:pk>/agenda/", views.agenda, name="agenda"),
    path("<int:pk>/invite/", views.invite, name="invite"),
    path("<int:pk>/meeting.ics", views.ics, name="ics"),
    path("<int:pk>/attendance/", views.attendance, name="attendance"),
    path("<int:pk>/attendance-sheet.pdf", views.attendance_sheet, name="attendance_sheet"),
    path("<int:pk>/minutes/", views.minutes, name="minutes"),
    path("<int:pk>/minutes/approve/", views.approve_minutes, name="approve_minutes"),
    path("<int:pk>/minutes.docx", views.minutes_docx, name="minutes_docx"),
    path("<int:pk>/minutes.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("<int:pk>/resolutions/new/", views.resolution_add, name="resolution_add"),
    path("<int:pk>/resolutions/<int:resolution_pk>/", views.resolution_edit, name="resolution_edit"),
    path("<int:pk>/resolutions/<int:resolution_pk>/delete/", views.resolution_delete, name="resolution_delete"),
    path("<int:pk>/attachments/new/", views.attachment_add, name="attachment_add"),
    path("<int:pk>/attachments/<int:attachment_pk>/", views.attachment_download, name="attachment_download"),
    path("<int:pk>/attachments/<int:attachment_pk>/delete/", views.attachment_delete, name="attachment_delete"),
]
