"""Who may open which page of a process, and that nobody from outside can change it."""

import datetime

import pytest
from django.urls import reverse

from kpss.processes.models import (
    Document,
    DocumentVersion,
    Membership,
    Milestone,
    Participant,
    Stage,
    Step,
)

from .factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def things(world):
    process = world.process
    stage = Stage.objects.create(
        process=process, name="Etapa 1", starts_on=datetime.date(2018, 5, 1), ends_on=datetime.date(2018, 12, 31)
    )
    document = Document.objects.create(process=process, kind=Document.Kind.STATUTE, title="Statut")
    return {
        "pk": process.pk,
        "step": Step.objects.filter(phase__process=process).first().pk,
        "stage": stage.pk,
        "milestone": Milestone.objects.create(
            process=process, stage=stage, title="Analýza", due_on=datetime.date(2018, 9, 1)
        ).pk,
        "participant": Participant.objects.create(process=process, person=PersonFactory(), triad_role="provider").pk,
        "group": world.seniors.pk,
        "membership": Membership.objects.get(person__user=world.member).pk,
        "document": document.pk,
        "version": DocumentVersion.objects.create(document=document, label="1", text="Návrh").pk,
        "coordinator": world.coordinator.pk,
    }


def url(name, things):
    args = {
        "edit": ["pk"],
        "coordinator_add": ["pk"],
        "coordinator_remove": ["pk", "coordinator"],
        "step_add": ["pk", 1],
        "step_edit": ["pk", "step"],
        "step_done": ["pk", "step"],
        "step_delete": ["pk", "step"],
        "stage_add": ["pk"],
        "stage_edit": ["pk", "stage"],
        "stage_delete": ["pk", "stage"],
        "milestone_add": ["pk"],
        "milestone_edit": ["pk", "milestone"],
        "milestone_delete": ["pk", "milestone"],
        "participant_add": ["pk"],
        "participant_edit": ["pk", "participant"],
        "participant_remove": ["pk", "participant"],
        "group_create": ["pk"],
        "group_edit": ["pk", "group"],
        "membership_add": ["pk", "group"],
        "membership_edit": ["pk", "membership"],
        "membership_end": ["pk", "membership"],
        "document_create": ["pk"],
        "version_add": ["pk", "document"],
        "version_edit": ["pk", "version"],
        "participants": ["pk"],
        "dashboard": ["pk"],
        "detail": ["pk"],
        "phases": ["pk"],
        "schedule": ["pk"],
        "groups": ["pk"],
        "group": ["pk", "group"],
        "documents": ["pk"],
    }[name]
    return reverse(f"processes:{name}", args=[things[a] if isinstance(a, str) else a for a in args])


FORM_PAGES = [
    "edit",
    "step_add",
    "step_edit",
    "step_done",
    "stage_add",
    "stage_edit",
    "milestone_add",
    "milestone_edit",
    "participant_add",
    "participant_edit",
    "group_create",
    "group_edit",
    "membership_add",
    "membership_edit",
    "membership_end",
    "document_create",
    "version_add",
    "version_edit",
]
POST_ONLY = [
    "coordinator_add",
    "coordinator_remove",
    "step_delete",
    "stage_delete",
    "milestone_delete",
    "participant_remove",
]
PUBLIC = ["detail", "phases", "schedule", "groups", "group", "documents"]
# Everybody who is not a coordinator of process A: members of its groups (even the leader and the
# steering group), a coordinator and a member of process B, and a signed-in stranger.
NOT_COORDINATORS = ["outsider", "other_coordinator", "other_member", "member", "leader", "steering_member"]


def snapshot(process):
    """Everything a write view could change, to prove a refused request changed nothing."""
    return (
        list(Step.objects.filter(phase__process=process).values()),
        list(Stage.objects.filter(process=process).values()),
        list(Milestone.objects.filter(process=process).values()),
        list(Participant.objects.filter(process=process).values()),
        list(Membership.objects.filter(group__process=process).values()),
        list(DocumentVersion.objects.filter(document__process=process).values()),
        list(process.coordinators.values_list("pk", flat=True)),
        list(process.groups.values()),
    )


@pytest.mark.parametrize("name", FORM_PAGES + POST_ONLY + ["participants", "dashboard"])
def test_anonymous_visitors_are_sent_to_log_in(client, things, name):
    response = client.post(url(name, things)) if name in POST_ONLY else client.get(url(name, things))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("who", NOT_COORDINATORS)
@pytest.mark.parametrize("name", FORM_PAGES + POST_ONLY)
def test_only_coordinators_change_a_process(client, world, things, who, name):
    before = snapshot(world.process)
    client.force_login(getattr(world, who))
    if name not in POST_ONLY:
        assert client.get(url(name, things)).status_code == 403
    data = {"title": "Cizí krok", "name": "Cizí", "coordinator-email": world.outsider.email, "ends_on": "2030-01-01"}
    assert client.post(url(name, things), data).status_code == 403
    assert snapshot(world.process) == before


@pytest.mark.parametrize("name", FORM_PAGES)
def test_coordinators_open_every_form(client, world, things, name):
    client.force_login(world.coordinator)
    response = client.get(url(name, things))
    assert response.status_code == 200
    assert "<form" in response.content.decode()


@pytest.mark.parametrize("name", ["edit", "step_edit", "stage_edit", "membership_end", "version_edit"])
def test_a_coordinator_of_process_b_cannot_reach_process_a_through_b(client, world, things, name):
    """Objects are looked up through the process of the URL: A's ids under B's number are 404."""
    client.force_login(world.other_coordinator)
    foreign = url(name, things).replace(f"/processes/{world.process.pk}/", f"/processes/{world.other.pk}/")
    assert client.get(foreign).status_code == (200 if name == "edit" else 404)


@pytest.mark.parametrize("name", PUBLIC)
def test_public_pages_are_open_to_anyone(client, things, name):
    assert client.get(url(name, things)).status_code == 200


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("outsider", 403),
        ("other_coordinator", 403),
        ("other_member", 403),
        ("member", 200),
        ("steering_member", 200),
        ("coordinator", 200),
    ],
)
def test_participants_need_view_internal(client, world, things, who, status):
    client.force_login(getattr(world, who))
    assert client.get(url("participants", things)).status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("outsider", 403),
        ("other_coordinator", 403),
        ("other_member", 403),
        ("member", 403),
        ("leader", 403),
        ("steering_member", 200),
        ("coordinator", 200),
    ],
)
def test_dashboard_needs_view_dashboard(client, world, things, who, status):
    client.force_login(getattr(world, who))
    assert client.get(url("dashboard", things)).status_code == status


def test_regional_officer_of_the_region_sees_the_dashboard_but_cannot_edit(client, world, things):
    from kpss.accounts.models import SiteRole

    SiteRole.objects.create(user=world.outsider, kind=SiteRole.Kind.REGIONAL_OFFICER, region=world.process.region)
    client.force_login(world.outsider)
    assert client.get(url("dashboard", things)).status_code == 200
    assert client.get(url("participants", things)).status_code == 200
    assert client.get(url("edit", things)).status_code == 403


def test_create_needs_a_site_role(client, world, site_coordinator):
    new = reverse("processes:create")
    assert client.get(new).status_code == 302
    client.force_login(world.coordinator)  # coordinates a process, but has no site role
    assert client.get(new).status_code == 403
    client.force_login(site_coordinator)
    assert client.get(new).status_code == 200


def test_unknown_process_is_404(client, db):
    assert client.get(reverse("processes:detail", args=[999999])).status_code == 404
    assert client.get(reverse("processes:group", args=[999999, 1])).status_code == 404


def test_a_group_of_another_process_is_404_under_this_one(client, world):
    assert client.get(reverse("processes:group", args=[world.process.pk, world.other_group.pk])).status_code == 404


@pytest.mark.parametrize("name", POST_ONLY)
def test_destructive_actions_refuse_get(client, world, things, name):
    client.force_login(world.coordinator)
    assert client.get(url(name, things)).status_code == 405
