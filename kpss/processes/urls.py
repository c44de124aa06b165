from django.urls import path

from . import views

app_name = "processes"
urlpatterns = [
    path("", views.process_list, name="list"),
    path("new/", views.process_create, name="create"),
    path("<int:pk>/", views.process_detail, name="detail"),
    path("<int:pk>/edit/", views.process_edit, name="edit"),
    path("<int:pk>/coordinators/add/", views.coordinator_add, name="coordinator_add"),
    path("<int:pk>/coordinators/<int:user_pk>/remove/", views.coordinator_remove, name="coordinator_remove"),
    path("<int:pk>/dashboard/", views.dashboard, name="dashboard"),
    # Phases and checklist steps
    path("<int:pk>/phases/", views.phases, name="phases"),
    path("<int:pk>/phases/<int:number>/steps/new/", views.step_add, name="step_add"),
    path("<int:pk>/steps/<int:step_pk>/edit/", views.step_edit, name="step_edit"),
    path("<int:pk>/steps/<int:step_pk>/done/", views.step_done, name="step_done"),
    path("<int:pk>/steps/<int:step_pk>/delete/", views.step_delete, name="step_delete"),
    # Schedule
    path("<int:pk>/schedule/", views.schedule, name="schedule"),
    path("<int:pk>/schedule/stages/new/", views.stage_add, name="stage_add"),
    path("<int:pk>/schedule/stages/<int:stage_pk>/edit/", views.stage_edit, name="stage_edit"),
    path("<int:pk>/schedule/stages/<int:stage_pk>/delete/", views.stage_delete, name="stage_delete"),
    path("<int:pk>/schedule/milestones/new/", views.milestone_add, name="milestone_add"),
    path("<int:pk>/schedule/milestones/<int:milestone_pk>/edit/", views.milestone_edit, name="milestone_edit"),
    path("<int:pk>/schedule/milestones/<int:milestone_pk>/delete/", views.milestone_delete, name="milestone_delete"),
    # Participants
    path("<int:pk>/participants/", views.participants, name="participants"),
    path("<int:pk>/participants/new/", views.participant_add, name="participant_add"),
    path("<int:pk>/participants/<int:participant_pk>/edit/", views.participant_edit, name="participant_edit"),
    path("<int:pk>/participants/<int:participant_pk>/remove/", views.participant_remove, name="participant_remove"),
    # Groups and memberships
    path("<int:pk>/groups/", views.groups, name="groups"),
    path("<int:pk>/groups/new/", views.group_create, name="group_create"),
    path("<int:process_pk>/groups/<int:pk>/", views.group_detail, name="group"),
    path("<int:process_pk>/groups/<int:pk>/edit/", views.group_edit, name="group_edit"),
    path("<int:process_pk>/groups/<int:pk>/members/new/", views.membership_add, name="membership_add"),
    path("<int:process_pk>/memberships/<int:pk>/edit/", views.membership_edit, name="membership_edit"),
    path("<int:process_pk>/memberships/<int:pk>/end/", views.membership_end, name="membership_end"),
    # Foundational documents
    path("<int:pk>/documents/", views.documents, name="documents"),
    path("<int:pk>/documents/new/", views.document_create, name="document_create"),
    path("<int:pk>/documents/<int:document_pk>/versions/new/", views.version_add, name="version_add"),
    path("<int:pk>/versions/<int:version_pk>/edit/", views.version_edit, name="version_edit"),
    path("<int:process_pk>/versions/<int:pk>/file/", views.version_file, name="version_file"),
]
