from django.urls import path

from . import views

app_name = "regional"

urlpatterns = [
    path("", views.programme_list, name="list"),
    path("new/", views.programme_create, name="create"),
    path("<int:pk>/", views.programme_detail, name="programme"),
    path("<int:pk>/edit/", views.programme_edit, name="edit"),
    path("<int:pk>/indicators/new/", views.indicator_add, name="indicator_add"),
    path("<int:pk>/indicators/<int:indicator_pk>/", views.indicator_edit, name="indicator_edit"),
    path("<int:pk>/indicators/<int:indicator_pk>/delete/", views.indicator_delete, name="indicator_delete"),
    path("<int:pk>/indicators.xlsx", views.indicators_xlsx, name="indicators_xlsx"),
    path("<int:pk>/processes/", views.process_link, name="process_link"),
    path("<int:pk>/processes/<int:process_pk>/remove/", views.process_unlink, name="process_unlink"),
    path("<int:pk>/calls/new/", views.call_create, name="call_create"),
    path("<int:pk>/calls/<int:call_pk>/", views.call_detail, name="call"),
    path("<int:pk>/calls/<int:call_pk>/emails/", views.call_emails, name="call_emails"),
    path("<int:pk>/calls/<int:call_pk>/send/", views.call_send, name="call_send"),
    path("<int:pk>/calls/<int:call_pk>/addressees/<int:addressee_pk>/answer/", views.paper_answer, name="paper_answer"),
    path(
        "<int:pk>/calls/<int:call_pk>/addressees/<int:addressee_pk>/letter.pdf", views.paper_letter, name="paper_letter"
    ),
    path(
        "<int:pk>/calls/<int:call_pk>/addressees/<int:addressee_pk>/start/", views.start_process, name="start_process"
    ),
    path(
        "<int:pk>/calls/<int:call_pk>/addressees/<int:addressee_pk>/process/",
        views.addressee_link,
        name="addressee_link",
    ),
    path("answer/<str:token>/", views.answer, name="answer"),
]
