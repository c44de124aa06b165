from django.urls import path

from . import views

app_name = "feedback"

urlpatterns = [
    # Public
    path("process/<int:process_pk>/", views.tracker, name="tracker"),
    path("process/<int:process_pk>/new/", views.submit, name="submit"),
    path("track/", views.lookup, name="lookup"),
    path("track/<str:code>/", views.track, name="track"),
    # Internal
    path("process/<int:process_pk>/agenda/", views.agenda, name="agenda"),
    path("process/<int:process_pk>/agenda.xlsx", views.agenda_xlsx, name="agenda_xlsx"),
    path("process/<int:process_pk>/agenda.docx", views.agenda_docx, name="agenda_docx"),
    path("process/<int:process_pk>/enter/", views.enter, name="enter"),
    path("process/<int:process_pk>/group/<int:group_pk>/", views.group_suggestions, name="group_suggestions"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/triage/", views.triage, name="triage"),
    path("<int:pk>/settle/", views.settle, name="settle"),
    path("<int:pk>/erase-contact/", views.erase_contact, name="erase_contact"),
]
