"""Every URL of the processes and meetings apps (and of the apps built on them), tried by every role.

One small world: process P (in region R) with a steering group, working group W (its meetings
closed to the public, so the strictest rule applies) and a second working group; process Q in
another region, whose coordinator and group leader must be unable to read or change anything
non-public of P. For each URL the table says which rule guards it; for each rule, which roles
pass. A role that passes gets a 200 (or a redirect for POST-only actions); every other role gets
a redirect to login (anonymous) or 403/404 (signed in), for GET and POST alike, and its POST
changes nothing.

Apps built on processes add their own rows: a module ``kpss/<app>/tests/matrix.py`` with ``URLS``
and ``RULES`` in the form below, ``MODELS`` (their rows join the snapshot) and ``extend(world)``,
which adds the app's objects to the world (and may add users to ``world.users`` for rules of
its own; a user not in ROLES is not tried).
"""

import datetime
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from kpss.accounts.models import SiteRole
from kpss.core.tests.test_url_access import MATRIX_APPS, named_urls
from kpss.feedback.tests import matrix as feedback_matrix
from kpss.meetings.models import AgendaItem, Attachment, Attendance, Invitation, Meeting, Minutes, Resolution
from kpss.processes.models import (
    Document,
    DocumentVersion,
    Group,
    Membership,
    Milestone,
    Participant,
    PlanningProcess,
    Stage,
    Step,
    TriadRole,
)
from kpss.processes.services import create_process
from kpss.processes.tests.factories import (
    GroupFactory,
    MeetingFactory,
    PersonFactory,
    UserFactory,
    member_user,
)
from kpss.regional.tests import matrix as regional_matrix
from kpss.territories.tests.factories import OrpFactory

CONTRIBUTIONS = [feedback_matrix, regional_matrix]

ROLES = [
    "anonymous",
    "stranger",
    "participant",
    "member",
    "other_group_member",
    "leader",
    "steering",
    "coordinator",
    "officer",
    "other_officer",
    "site_coordinator",
    "other_process_coordinator",
    "other_process_leader",
    "administrator",
]
EVERYONE = set(ROLES)
OVERSEERS = {"administrator", "coordinator", "officer"}
RULES = {
    "public": EVERYONE,
    "add_process": {"administrator", "officer", "other_officer", "site_coordinator", "other_process_coordinator"},
    "change": {"administrator", "coordinator"},
    "internal": OVERSEERS | {"steering", "leader", "member", "other_group_member", "participant"},
    "dashboard": OVERSEERS | {"steering"},
    "group_internal": OVERSEERS | {"steering", "leader", "member"},
    "manage_group": {"administrator", "coordinator", "leader"},
}
for contribution in CONTRIBUTIONS:
    RULES.update(contribution.RULES)


def process(world):
    return [world.process.pk]


def meeting(world):
    return [world.meeting.pk]


# URL name → (rule, how to build its arguments from the world, POST only?)
URLS = {
    "processes:list": ("public", lambda w: [], False),
    "processes:create": ("add_process", lambda w: [], False),
    "processes:detail": ("public", process, False),
    "processes:edit": ("change", process, False),
    "processes:coordinator_add": ("change", process, True),
    "processes:coordinator_remove": ("change", lambda w: [w.process.pk, w.users["coordinator"].pk], True),
    "processes:dashboard": ("dashboard", process, False),
    "processes:phases": ("public", process, False),
    "processes:step_add": ("change", lambda w: [w.process.pk, 1], False),
    "processes:step_edit": ("change", lambda w: [w.process.pk, w.step.pk], False),
    "processes:step_done": ("change", lambda w: [w.process.pk, w.step.pk], False),
    "processes:step_delete": ("change", lambda w: [w.process.pk, w.step.pk], True),
    "processes:schedule": ("public", process, False),
    "processes:stage_add": ("change", process, False),
    "processes:stage_edit": ("change", lambda w: [w.process.pk, w.stage.pk], False),
    "processes:stage_delete": ("change", lambda w: [w.process.pk, w.stage.pk], True),
    "processes:milestone_add": ("change", process, False),
    "processes:milestone_edit": ("change", lambda w: [w.process.pk, w.milestone.pk], False),
    "processes:milestone_delete": ("change", lambda w: [w.process.pk, w.milestone.pk], True),
    "processes:participants": ("internal", process, False),
    "processes:participant_add": ("change", process, False),
    "processes:participant_edit": ("change", lambda w: [w.process.pk, w.participant.pk], False),
    "processes:participant_remove": ("change", lambda w: [w.process.pk, w.participant.pk], True),
    "processes:groups": ("public", process, False),
    "processes:group_create": ("change", process, False),
    "processes:group": ("public", lambda w: [w.process.pk, w.working.pk], False),
    "processes:group_edit": ("change", lambda w: [w.process.pk, w.working.pk], False),
    "processes:membership_add": ("change", lambda w: [w.process.pk, w.working.pk], False),
    "processes:membership_edit": ("change", lambda w: [w.process.pk, w.membership.pk], False),
    "processes:membership_end": ("change", lambda w: [w.process.pk, w.membership.pk], False),
    "processes:documents": ("public", process, False),
    "processes:document_create": ("change", process, False),
    "processes:version_add": ("change", lambda w: [w.process.pk, w.document.pk], False),
    "processes:version_edit": ("change", lambda w: [w.process.pk, w.version.pk], False),
    "processes:version_file": ("internal", lambda w: [w.process.pk, w.version.pk], False),
    "meetings:calendar": ("public", lambda w: [], False),
    "meetings:process_calendar": ("public", lambda w: [w.process.pk], False),
    "meetings:process_feed": ("public", lambda w: [w.process.pk], False),
    "meetings:group_feed": ("public", lambda w: [w.process.pk, w.working.pk], False),
    "meetings:create": ("change", lambda w: [w.process.pk], False),
    "meetings:create_for_group": ("manage_group", lambda w: [w.working.pk], False),
    "meetings:detail": ("group_internal", meeting, False),
    "meetings:ics": ("group_internal", meeting, False),
    "meetings:edit": ("manage_group", meeting, False),
    "meetings:cancel": ("manage_group", meeting, False),
    "meetings:mark_held": ("manage_group", meeting, True),
    "meetings:agenda": ("manage_group", meeting, False),
    "meetings:invite": ("manage_group", meeting, True),
    "meetings:attendance": ("manage_group", meeting, False),
    "meetings:attendance_sheet": ("manage_group", meeting, False),
    "meetings:minutes": ("manage_group", meeting, False),
    "meetings:approve_minutes": ("manage_group", meeting, True),
    "meetings:minutes_docx": ("group_internal", meeting, False),
    "meetings:minutes_pdf": ("group_internal", meeting, False),
    "meetings:resolution_add": ("manage_group", meeting, False),
    "meetings:resolution_edit": ("manage_group", lambda w: [w.meeting.pk, w.resolution.pk], False),
    "meetings:resolution_delete": ("manage_group", lambda w: [w.meeting.pk, w.resolution.pk], True),
    "meetings:attachment_add": ("manage_group", meeting, False),
    "meetings:attachment_download": ("group_internal", lambda w: [w.meeting.pk, w.attachment.pk], False),
    "meetings:attachment_delete": ("manage_group", lambda w: [w.meeting.pk, w.attachment.pk], True),
}
for contribution in CONTRIBUTIONS:
    URLS.update(contribution.URLS)


@pytest.fixture
def world(db):
    orp = OrpFactory()
    coordinator = UserFactory()
    process = create_process(
        name="KPSS P",
        region=orp.region,
        orp=orp,
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
        coordinator=coordinator,
    )
    steering = GroupFactory(process=process, kind=Group.Kind.STEERING, name="Řídící skupina", focus="", theme="")
    working = GroupFactory(process=process, name="PS Senioři")
    other_working = GroupFactory(process=process, name="PS Rodina", theme=Group.Theme.CHILDREN_YOUTH_FAMILY)
    users = {
        "stranger": UserFactory(),
        "member": member_user(working),
        "other_group_member": member_user(other_working),
        "leader": member_user(working, Membership.Role.LEADER),
        "steering": member_user(steering),
        "coordinator": coordinator,
        "officer": UserFactory(),
        "other_officer": UserFactory(),
        "site_coordinator": UserFactory(),
        "administrator": UserFactory(is_superuser=True, is_staff=True),
    }
    participant = UserFactory()
    Participant.objects.create(
        process=process, person=PersonFactory(user=participant), triad_role=TriadRole.SERVICE_USER
    )
    users["participant"] = participant
    SiteRole.objects.create(user=users["officer"], kind=SiteRole.Kind.REGIONAL_OFFICER, region=process.region)
    other_orp = OrpFactory()
    SiteRole.objects.create(user=users["other_officer"], kind=SiteRole.Kind.REGIONAL_OFFICER, region=other_orp.region)
    SiteRole.objects.create(user=users["site_coordinator"], kind=SiteRole.Kind.COORDINATOR)

    other_coordinator = UserFactory()
    SiteRole.objects.create(user=other_coordinator, kind=SiteRole.Kind.COORDINATOR)
    other_process = create_process(
        name="KPSS Q",
        region=other_orp.region,
        orp=other_orp,
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
        coordinator=other_coordinator,
    )
    other_group = GroupFactory(process=other_process)
    users["other_process_coordinator"] = other_coordinator
    users["other_process_leader"] = member_user(other_group, Membership.Role.LEADER)

    meeting = MeetingFactory(group=working, is_open=False, title="Uzavřené jednání PS Senioři")
    AgendaItem.objects.create(meeting=meeting, title="Úvod", order=1)
    attendance = Attendance.objects.create(
        meeting=meeting, person=Membership.objects.filter(group=working).first().person
    )
    Minutes.objects.create(meeting=meeting, text="Návrh zápisu.")
    resolution = Resolution.objects.create(meeting=meeting, number="1/2025", text="Skupina souhlasí.")
    attachment = Attachment.objects.create(meeting=meeting, title="Podklad")
    attachment.file.save("podklad.txt", ContentFile(b"podklad"), save=True)
    document = Document.objects.create(process=process, kind=Document.Kind.STATUTE, title="Statut")
    version = DocumentVersion.objects.create(document=document, label="2025", text="Návrh statutu.")
    version.file.save("statut.txt", ContentFile(b"statut"), save=True)
    stage = Stage.objects.create(
        process=process, name="1. etapa", starts_on=datetime.date(2025, 1, 1), ends_on=datetime.date(2025, 6, 30)
    )
    world = SimpleNamespace(
        users=users,
        process=process,
        steering=steering,
        working=working,
        meeting=meeting,
        attendance=attendance,
        resolution=resolution,
        attachment=attachment,
        document=document,
        version=version,
        stage=stage,
        milestone=Milestone.objects.create(process=process, stage=stage, title="Analýzy", due_on=timezone.localdate()),
        step=Step.objects.filter(phase__process=process).first(),
        participant=Participant.objects.get(process=process),
        membership=Membership.objects.filter(group=working, role=Membership.Role.MEMBER).first(),
        agenda_item=meeting.agenda_items.first(),
    )
    for contribution in CONTRIBUTIONS:
        contribution.extend(world)
    return world


def snapshot():
    """Every row of the two apps (their many-to-many links too) and the mail sent, to prove a
    refused request changed nothing."""
    models = [
        PlanningProcess, PlanningProcess.coordinators.through, PlanningProcess.partners.through,
        PlanningProcess.municipalities.through, Group, Group.municipalities.through, Membership, Participant,
        Step, Stage, Milestone, Document, DocumentVersion,
        Meeting, Invitation, AgendaItem, Attendance, Minutes, Resolution, Attachment,
    ]  # fmt: skip
    models += [model for contribution in CONTRIBUTIONS for model in contribution.MODELS]
    rows = {model.__name__: list(model.objects.order_by("pk").values()) for model in models}
    return rows, len(mail.outbox)


def login(client, world, role):
    if role != "anonymous":
        client.force_login(world.users[role])


def app_urls():
    return sorted(name for name in named_urls() if name.split(":")[0] in MATRIX_APPS)


def test_every_url_of_the_apps_is_in_the_matrix():
    assert [name for name in app_urls() if name not in URLS] == []


def refused(response, role):
    if role == "anonymous":
        return response.status_code == 302 and response.url.startswith(reverse("accounts:login"))
    return response.status_code in (403, 404)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_exactly_what_its_rules_allow(client, world, role):
    login(client, world, role)
    wrong = []
    for name, (rule, args, post_only) in sorted(URLS.items()):
        url = reverse(name, args=args(world))
        allowed = role in RULES[rule]
        if not post_only:
            response = client.get(url)
            if allowed and response.status_code != 200:
                wrong.append(f"GET {name}: {response.status_code}, expected 200")
            if not allowed and not refused(response, role):
                wrong.append(f"GET {name}: {response.status_code}, expected a refusal")
        if not allowed:
            before = snapshot()
            response = client.post(url, {})
            if not refused(response, role):
                wrong.append(f"POST {name}: {response.status_code}, expected a refusal")
            if snapshot() != before:
                wrong.append(f"POST {name} changed data")
    assert wrong == []
