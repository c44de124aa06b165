"""What coordinators change through the forms, and what the forms refuse (nothing changes then)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kpss.accounts.models import Person
from kpss.meetings.models import Minutes, Resolution
from kpss.processes.models import (
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

from .factories import MeetingFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client, world):
    client.force_login(world.coordinator)
    return client


def errors_of(response):
    assert response.status_code == 200, response.status_code
    return response.context["form"].errors


PROCESS_FORM = {
    "name": "Komunitní plánování Mikroregionu Bystřicko",
    "scope": "orp",
    "starts_on": "2024-01-01",
    "ends_on": "2026-12-31",
    "status": "preparation",
    "budget": "1609236.80",
}


def test_a_site_coordinator_creates_a_process_with_its_phases_and_steps(client, demo_territory, site_coordinator):
    client.force_login(site_coordinator)
    data = {**PROCESS_FORM, "region": demo_territory.region.pk, "orp": demo_territory.orp.pk}
    response = client.post(reverse("processes:create"), data)

    process = PlanningProcess.objects.get()
    assert response.url == process.get_absolute_url()
    assert list(process.coordinators.all()) == [site_coordinator]
    assert process.phases.count() == 6
    assert Step.objects.filter(phase__process=process).count() == 25
    assert str(process.budget) == "1609236.80"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"orp": ""}, "orp"),
        ({"ends_on": "2023-12-31"}, "ends_on"),
        ({"starts_on": "31. 2. 2024"}, "starts_on"),
        ({"budget": "-5"}, "budget"),
        ({"budget": "hodně"}, "budget"),
        ({"region": "999999"}, "region"),
        ({"scope": "municipalities", "municipality_names": "Atlantida"}, "municipality_names"),
        ({"scope": "municipalities", "municipality_names": ""}, "municipality_names"),
    ],
)
def test_a_bad_process_form_says_what_is_wrong_in_czech_and_saves_nothing(
    client, demo_territory, site_coordinator, change, field
):
    client.force_login(site_coordinator)
    data = {**PROCESS_FORM, "region": demo_territory.region.pk, "orp": demo_territory.orp.pk, **change}
    response = client.post(reverse("processes:create"), data, HTTP_ACCEPT_LANGUAGE="cs")
    assert field in errors_of(response)
    assert not PlanningProcess.objects.exists()


def test_form_errors_are_in_the_users_language(client, demo_territory, site_coordinator):
    client.force_login(site_coordinator)
    data = {**PROCESS_FORM, "region": demo_territory.region.pk, "orp": demo_territory.orp.pk, "starts_on": "zítra"}
    page = client.post(reverse("processes:create"), data).content.decode()
    assert "Zadejte platné datum." in page
    assert 'value="Komunitní plánování Mikroregionu Bystřicko"' in page  # what was typed stays


def test_an_orp_of_another_region_is_refused(client, demo_territory, site_coordinator):
    from kpss.territories.tests.factories import OrpFactory

    client.force_login(site_coordinator)
    foreign_orp = OrpFactory()
    data = {**PROCESS_FORM, "region": demo_territory.region.pk, "orp": foreign_orp.pk}
    assert "orp" in errors_of(client.post(reverse("processes:create"), data))


def test_a_process_of_a_set_of_municipalities_by_their_names(client, demo_territory, site_coordinator):
    client.force_login(site_coordinator)
    data = {
        **PROCESS_FORM,
        "region": demo_territory.region.pk,
        "scope": "municipalities",
        "municipality_names": "zdar nad sazavou\nNové Město na Moravě",
    }
    client.post(reverse("processes:create"), data)
    process = PlanningProcess.objects.get()
    assert process.orp is None
    assert set(process.municipalities.all()) == {demo_territory.zdar, demo_territory.nove_mesto}


def test_coordinators_edit_the_process(coordinator_client, world):
    process = world.process
    data = {
        **PROCESS_FORM,
        "name": "Nový název",
        "region": process.region.pk,
        "orp": process.orp.pk,
        "status": "completed",
    }
    response = coordinator_client.post(reverse("processes:edit", args=[process.pk]), data)
    assert response.status_code == 302
    process.refresh_from_db()
    assert process.name == "Nový název" and process.status == "completed"


def test_coordinators_are_added_by_email_and_the_last_one_stays(coordinator_client, world):
    process = world.process
    add = reverse("processes:coordinator_add", args=[process.pk])
    coordinator_client.post(add, {"coordinator-email": "OBCAN@example.cz"})
    assert set(process.coordinators.all()) == {world.coordinator, world.outsider}

    response = coordinator_client.post(add, {"coordinator-email": "nikdo@example.cz"}, follow=True)
    assert [message.level_tag for message in response.context["messages"]][-1] == "error"
    assert process.coordinators.count() == 2

    remove = reverse("processes:coordinator_remove", args=[process.pk, world.outsider.pk])
    coordinator_client.post(remove)
    assert list(process.coordinators.all()) == [world.coordinator]
    coordinator_client.post(reverse("processes:coordinator_remove", args=[process.pk, world.coordinator.pk]))
    assert list(process.coordinators.all()) == [world.coordinator]


def test_a_coordinator_of_another_process_cannot_be_removed_through_this_one(coordinator_client, world):
    remove = reverse("processes:coordinator_remove", args=[world.process.pk, world.other_coordinator.pk])
    assert coordinator_client.post(remove).status_code == 404
    assert list(world.other.coordinators.all()) == [world.other_coordinator]


# Steps


def test_steps_are_added_edited_marked_done_and_removed(coordinator_client, world):
    process = world.process
    phase = process.phases.get(number=Phase.Number.STRUCTURE)
    coordinator_client.post(reverse("processes:step_add", args=[process.pk, 2]), {"title": "Ustavit PS Senioři"})
    step = phase.steps.get(title="Ustavit PS Senioři")
    assert step.order == 3  # after the two steps of the checklist

    coordinator_client.post(
        reverse("processes:step_edit", args=[process.pk, step.pk]), {"title": "Ustavit PS", "order": 1}
    )
    meeting = MeetingFactory(group=world.steering)
    coordinator_client.post(
        reverse("processes:step_done", args=[process.pk, step.pk]),
        {"done_on": "2018-06-26", "note": "Usnesení ŘS", "meeting": meeting.pk},
    )
    step.refresh_from_db()
    assert (step.title, step.order, step.done_on, step.meeting) == (
        "Ustavit PS",
        1,
        datetime.date(2018, 6, 26),
        meeting,
    )

    coordinator_client.post(reverse("processes:step_done", args=[process.pk, step.pk]), {"done_on": ""})
    step.refresh_from_db()
    assert step.done_on is None and step.meeting is None

    coordinator_client.post(reverse("processes:step_delete", args=[process.pk, step.pk]))
    assert not Step.objects.filter(pk=step.pk).exists()


def test_a_step_cannot_be_done_by_a_meeting_or_document_of_another_process(coordinator_client, world):
    step = Step.objects.filter(phase__process=world.process).first()
    foreign_meeting = MeetingFactory(group=world.other_group)
    foreign_document = Document.objects.create(process=world.other, kind="statute", title="Cizí statut")
    response = coordinator_client.post(
        reverse("processes:step_done", args=[world.process.pk, step.pk]),
        {"done_on": "2018-06-26", "meeting": foreign_meeting.pk, "document": foreign_document.pk},
    )
    assert set(errors_of(response)) == {"meeting", "document"}
    step.refresh_from_db()
    assert step.done_on is None


def test_a_step_of_another_process_is_404(coordinator_client, world):
    foreign = Step.objects.filter(phase__process=world.other).first()
    for name in ("step_edit", "step_done", "step_delete"):
        response = coordinator_client.post(reverse(f"processes:{name}", args=[world.process.pk, foreign.pk]))
        assert response.status_code == 404
    assert Step.objects.filter(pk=foreign.pk).exists()


def test_an_unknown_phase_number_is_404(coordinator_client, world):
    assert coordinator_client.get(reverse("processes:step_add", args=[world.process.pk, 7])).status_code == 404


# Schedule


def test_stages_and_milestones(coordinator_client, world):
    process = world.process
    coordinator_client.post(
        reverse("processes:stage_add", args=[process.pk]),
        {"name": "1. etapa", "starts_on": "2018-05-01", "ends_on": "2018-09-30", "closing_criterion": "ŘS ustavena"},
    )
    stage = Stage.objects.get(process=process)
    coordinator_client.post(
        reverse("processes:milestone_add", args=[process.pk]),
        {"title": "Analýza poskytovatelů", "stage": stage.pk, "due_on": "2018-09-01", "precision": "month"},
    )
    milestone = Milestone.objects.get(process=process)
    assert milestone.deadline == datetime.date(2018, 9, 30)

    coordinator_client.post(reverse("processes:stage_delete", args=[process.pk, stage.pk]))
    milestone.refresh_from_db()
    assert milestone.stage is None  # the milestone stays in the schedule
    coordinator_client.post(reverse("processes:milestone_delete", args=[process.pk, milestone.pk]))
    assert not Milestone.objects.exists()


def test_a_stage_ending_before_it_starts_is_refused(coordinator_client, world):
    response = coordinator_client.post(
        reverse("processes:stage_add", args=[world.process.pk]),
        {"name": "Zpětná", "starts_on": "2018-05-01", "ends_on": "2018-04-30"},
    )
    assert "ends_on" in errors_of(response)
    assert not Stage.objects.exists()


def test_a_milestone_cannot_join_a_stage_of_another_process(coordinator_client, world):
    foreign = Stage.objects.create(
        process=world.other, name="Cizí", starts_on=datetime.date(2018, 1, 1), ends_on=datetime.date(2018, 2, 1)
    )
    response = coordinator_client.post(
        reverse("processes:milestone_add", args=[world.process.pk]),
        {"title": "X", "stage": foreign.pk, "due_on": "2018-09-01", "precision": "day"},
    )
    assert "stage" in errors_of(response)
    assert not Milestone.objects.exists()


# Participants


def test_participants_people_new_or_known_and_organisations(coordinator_client, world):
    process = world.process
    add = reverse("processes:participant_add", args=[process.pk])
    organisation = OrganisationFactory(name="Charita Žďár")
    coordinator_client.post(
        add,
        {"first_name": "Eva", "last_name": "Malá", "email": "eva@example.cz", "organisation": organisation.pk,
         "triad_role": "provider"},
    )  # fmt: skip
    eva = Participant.objects.get(process=process, person__last_name="Malá")
    assert eva.person.organisation == organisation and eva.organisation is None

    member = Person.objects.get(user=world.member)
    coordinator_client.post(add, {"person": member.pk, "triad_role": "service_user"})
    coordinator_client.post(add, {"new_organisation": "Město Žďár", "triad_role": "commissioner"})
    town = Participant.objects.get(process=process, organisation__name="Město Žďár")
    assert town.person is None
    assert Participant.objects.filter(process=process).count() == 3

    coordinator_client.post(
        reverse("processes:participant_edit", args=[process.pk, town.pk]), {"triad_role": "other_stakeholder"}
    )
    town.refresh_from_db()
    assert town.triad_role == "other_stakeholder"
    coordinator_client.post(reverse("processes:participant_remove", args=[process.pk, town.pk]))
    assert Participant.objects.filter(process=process).count() == 2


@pytest.mark.parametrize(
    "data",
    [
        {"triad_role": "provider"},  # nobody
        {"first_name": "Eva", "triad_role": "provider"},  # half a name
        {"last_name": "Malá", "triad_role": "nonsense"},
    ],
)
def test_bad_participants_are_refused(coordinator_client, world, data):
    response = coordinator_client.post(reverse("processes:participant_add", args=[world.process.pk]), data)
    assert errors_of(response)
    assert not Participant.objects.exists() and not Person.objects.filter(last_name="Malá").exists()


def test_a_person_of_another_process_cannot_be_added_as_participant(coordinator_client, world):
    foreign = Person.objects.get(user=world.other_member)
    response = coordinator_client.post(
        reverse("processes:participant_add", args=[world.process.pk]), {"person": foreign.pk, "triad_role": "provider"}
    )
    assert "person" in errors_of(response)
    assert not Participant.objects.exists()


def test_the_same_person_does_not_take_part_twice(coordinator_client, world):
    person = Person.objects.get(user=world.member)
    Participant.objects.create(process=world.process, person=person, triad_role="provider")
    response = coordinator_client.post(
        reverse("processes:participant_add", args=[world.process.pk]), {"person": person.pk, "triad_role": "provider"}
    )
    assert "person" in errors_of(response)


# Groups and memberships


def test_a_territorial_group_with_municipalities_of_the_territory(coordinator_client, world):
    response = coordinator_client.post(
        reverse("processes:group_create", args=[world.process.pk]),
        {"kind": "working", "name": "Novoměstsko", "focus": "territorial", "order": 5,
         "municipalities": [world.territory.nove_mesto.pk]},
    )  # fmt: skip
    group = Group.objects.get(name="Novoměstsko")
    assert response.url == group.get_absolute_url()
    assert list(group.municipalities.all()) == [world.territory.nove_mesto]


def test_a_municipality_outside_the_territory_is_refused(coordinator_client, world):
    response = coordinator_client.post(
        reverse("processes:group_create", args=[world.process.pk]),
        {"kind": "working", "name": "Jihlavsko", "focus": "territorial", "order": 0,
         "municipalities": [world.territory.jihlava.pk]},
    )  # fmt: skip
    assert "municipalities" in errors_of(response)
    assert not Group.objects.filter(name="Jihlavsko").exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"kind": "steering", "name": "Druhá ŘS"}, "kind"),
        ({"kind": "working", "name": "PS", "focus": ""}, "focus"),
        ({"kind": "working", "name": "PS", "focus": "thematic"}, "theme"),
        ({"kind": "working", "name": "PS", "focus": "territorial"}, "municipalities"),
    ],
)
def test_bad_groups_are_refused(coordinator_client, world, data, field):
    count = Group.objects.count()
    response = coordinator_client.post(reverse("processes:group_create", args=[world.process.pk]), {"order": 0, **data})
    assert field in errors_of(response)
    assert Group.objects.count() == count


def test_editing_a_group_keeps_its_process(coordinator_client, world):
    coordinator_client.post(
        reverse("processes:group_edit", args=[world.process.pk, world.seniors.pk]),
        {"kind": "working", "name": "Senioři a zdraví", "focus": "thematic", "theme": "seniors", "order": 1},
    )
    world.seniors.refresh_from_db()
    assert world.seniors.name == "Senioři a zdraví" and world.seniors.process == world.process


def test_members_are_added_new_or_known_edited_and_ended(coordinator_client, world):
    process, group = world.process, world.seniors
    add = reverse("processes:membership_add", args=[process.pk, group.pk])
    coordinator_client.post(
        add,
        {"first_name": "Jan", "last_name": "Novák", "email": "jan@example.cz", "phone": "+420 777 123 456",
         "new_organisation": "Domov pro seniory Žďár", "role": "deputy", "triad_role": "provider",
         "starts_on": "2018-06-01"},
    )  # fmt: skip
    jan = Membership.objects.get(group=group, person__last_name="Novák")
    assert jan.role == "deputy" and jan.organisation.name == "Domov pro seniory Žďár"
    assert jan.person.organisation == jan.organisation and jan.person.phone == "+420 777 123 456"

    steering_member = Person.objects.get(user=world.steering_member)
    coordinator_client.post(add, {"person": steering_member.pk, "role": "member", "starts_on": "2018-06-01"})
    assert Membership.objects.filter(group=group, person=steering_member).exists()

    coordinator_client.post(
        reverse("processes:membership_edit", args=[process.pk, jan.pk]),
        {"role": "leader", "starts_on": "2018-06-01", "triad_role": "provider"},
    )
    jan.refresh_from_db()
    assert jan.role == "leader"

    coordinator_client.post(reverse("processes:membership_end", args=[process.pk, jan.pk]), {"ends_on": "2019-12-31"})
    jan.refresh_from_db()
    assert jan.ends_on == datetime.date(2019, 12, 31)
    assert not Membership.objects.current().filter(pk=jan.pk).exists()


def test_a_person_of_another_process_cannot_become_a_member(coordinator_client, world):
    foreign = Person.objects.get(user=world.other_member)
    count = Membership.objects.count()
    response = coordinator_client.post(
        reverse("processes:membership_add", args=[world.process.pk, world.seniors.pk]),
        {"person": foreign.pk, "role": "member"},
    )
    assert "person" in errors_of(response)
    assert Membership.objects.count() == count


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"role": "member"}, "person"),
        ({"person": "known", "first_name": "Jan", "last_name": "Novák", "role": "member"}, "__all__"),
        ({"person": "known", "role": "member"}, "person"),  # already a current member
        ({"first_name": "Jan", "last_name": "Novák", "role": "boss"}, "role"),
        ({"first_name": "Jan", "last_name": "Novák", "role": "member", "starts_on": "2019-01-01",
          "ends_on": "2018-01-01"}, "ends_on"),
    ],
)  # fmt: skip
def test_bad_memberships_are_refused(coordinator_client, world, data, field):
    if data.get("person") == "known":
        data["person"] = Person.objects.get(user=world.member).pk
    count, people = Membership.objects.count(), Person.objects.count()
    response = coordinator_client.post(
        reverse("processes:membership_add", args=[world.process.pk, world.seniors.pk]), data
    )
    assert field in errors_of(response)
    assert (Membership.objects.count(), Person.objects.count()) == (count, people)


def test_a_membership_cannot_end_before_it_started(coordinator_client, world):
    membership = Membership.objects.get(person__user=world.member)
    membership.starts_on = datetime.date(2019, 1, 1)
    membership.save()
    response = coordinator_client.post(
        reverse("processes:membership_end", args=[world.process.pk, membership.pk]), {"ends_on": "2018-12-31"}
    )
    assert "ends_on" in errors_of(response)
    membership.refresh_from_db()
    assert membership.ends_on is None


def test_a_membership_of_another_process_is_404(coordinator_client, world):
    foreign = Membership.objects.get(person__user=world.other_member)
    url = reverse("processes:membership_end", args=[world.process.pk, foreign.pk])
    assert coordinator_client.post(url, {"ends_on": "2019-01-01"}).status_code == 404


# Documents


@pytest.fixture
def resolution(world):
    meeting = MeetingFactory(group=world.steering, starts_at=datetime.datetime(2018, 6, 26, 14, tzinfo=datetime.UTC))
    Minutes.objects.create(meeting=meeting, text="Zápis", approved_on=datetime.date(2018, 7, 1))
    return Resolution.objects.create(meeting=meeting, number="ŘS 1/2018", text="Schvaluje statut.")


def test_documents_with_versions_approved_by_a_resolution(coordinator_client, world, resolution, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    process = world.process
    coordinator_client.post(
        reverse("processes:document_create", args=[process.pk]),
        {"kind": "statute", "title": "Statut KPSS", "label": "2018", "text": "# Statut\n\nČlánek 1",
         "approved_on": "2018-06-26", "resolution": resolution.pk},
    )  # fmt: skip
    document = Document.objects.get(process=process)
    version = document.versions.get()
    assert version.resolution == resolution and version.is_approved

    coordinator_client.post(
        reverse("processes:version_add", args=[process.pk, document.pk]),
        {"label": "2019 návrh", "file": SimpleUploadedFile("statut.pdf", b"%PDF-1.4 test")},
    )
    draft = document.versions.get(label="2019 návrh")
    assert not draft.is_approved and draft.file

    coordinator_client.post(
        reverse("processes:version_edit", args=[process.pk, draft.pk]),
        {"label": "2019", "approved_on": "2019-03-01", "approval_note": "Usnesení rady města č. 12/2019"},
    )
    draft.refresh_from_db()
    assert draft.label == "2019" and draft.approval_note.startswith("Usnesení rady")


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"label": "1"}, "__all__"),  # neither text nor file
        ({"label": "1", "text": "x", "approval_note": "RM 1/2018"}, "approved_on"),
        ({"label": "1", "text": "x", "approved_on": "2018-02-30"}, "approved_on"),
        ({"label": "1", "text": "x", "approved_on": "2018-06-26", "resolution": "foreign"}, "resolution"),
    ],
)
def test_bad_versions_are_refused(coordinator_client, world, data, field):
    if data.get("resolution") == "foreign":
        data["resolution"] = Resolution.objects.create(
            meeting=MeetingFactory(group=world.other_group), number="1", text="Cizí"
        ).pk
    document = Document.objects.create(process=world.process, kind="statute", title="Statut")
    response = coordinator_client.post(reverse("processes:version_add", args=[world.process.pk, document.pk]), data)
    assert field in errors_of(response)
    assert not DocumentVersion.objects.exists()


def test_version_files_are_public_once_approved(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = Document.objects.create(process=world.process, kind="statute", title="Statut")
    draft = DocumentVersion.objects.create(
        document=document, label="návrh", file=SimpleUploadedFile("navrh.pdf", b"%PDF draft")
    )
    approved = DocumentVersion.objects.create(
        document=document,
        label="2018",
        file=SimpleUploadedFile("statut.pdf", b"%PDF approved"),
        approved_on=datetime.date(2018, 6, 26),
    )
    no_file = DocumentVersion.objects.create(
        document=document, label="text", text="Jen text", approved_on=datetime.date(2018, 6, 26)
    )

    def file_url(version, process=world.process):
        return reverse("processes:version_file", args=[process.pk, version.pk])

    response = client.get(file_url(approved))
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF approved"
    assert client.get(file_url(draft)).status_code == 302  # anonymous: log in
    assert client.get(file_url(no_file)).status_code == 404
    assert client.get(file_url(approved, world.other)).status_code == 404

    client.force_login(world.outsider)
    assert client.get(file_url(draft)).status_code == 403
    client.force_login(world.other_coordinator)
    assert client.get(file_url(draft)).status_code == 403
    client.force_login(world.member)
    assert b"".join(client.get(file_url(draft)).streaming_content) == b"%PDF draft"


# Review fixes: regions of officers, the last coordinator, impossible dates, races, missing files


@pytest.fixture
def foreign_orp(db):
    from kpss.territories.tests.factories import OrpFactory

    return OrpFactory(name="Tábor")


def test_a_regional_officer_creates_processes_only_in_their_region(client, demo_territory, foreign_orp):
    from kpss.accounts.models import SiteRole

    from .factories import UserFactory

    officer = UserFactory()
    SiteRole.objects.create(user=officer, kind=SiteRole.Kind.REGIONAL_OFFICER, region=demo_territory.region)
    client.force_login(officer)
    form = client.get(reverse("processes:create")).context["form"]
    assert list(form.fields["region"].queryset) == [demo_territory.region]
    assert foreign_orp not in form.fields["orp"].queryset

    data = {**PROCESS_FORM, "region": foreign_orp.region.pk, "orp": foreign_orp.pk}
    errors = errors_of(client.post(reverse("processes:create"), data))
    assert "region" in errors and "orp" in errors
    assert not PlanningProcess.objects.exists()

    data = {**PROCESS_FORM, "region": demo_territory.region.pk, "orp": demo_territory.orp.pk}
    assert client.post(reverse("processes:create"), data).status_code == 302
    assert PlanningProcess.objects.get().region == demo_territory.region


def test_a_site_coordinator_creates_processes_in_any_region(client, site_coordinator, foreign_orp):
    client.force_login(site_coordinator)
    data = {**PROCESS_FORM, "region": foreign_orp.region.pk, "orp": foreign_orp.pk}
    assert client.post(reverse("processes:create"), data).status_code == 302
    assert PlanningProcess.objects.get().orp == foreign_orp


def test_a_process_coordinator_keeps_the_region_of_the_process(coordinator_client, world, foreign_orp):
    process = world.process
    data = {**PROCESS_FORM, "region": foreign_orp.region.pk, "orp": foreign_orp.pk}
    assert "region" in errors_of(coordinator_client.post(reverse("processes:edit", args=[process.pk]), data))
    process.refresh_from_db()
    assert process.region == world.territory.region


def test_removing_a_coordinator_locks_the_process_before_counting(world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kpss.processes import services

    world.process.coordinators.add(world.outsider)
    with CaptureQueriesContext(connection) as queries:
        assert services.remove_coordinator(world.process, world.outsider)
    sql = [query["sql"] for query in queries]
    lock = next(i for i, q in enumerate(sql) if "FOR UPDATE" in q and "processes_planningprocess" in q)
    count = next(i for i, q in enumerate(sql) if "processes_planningprocess_coordinators" in q)
    assert lock < count


def _date_cases():
    """(url name, whether it needs an object, the posted data, the field) for every form with a date."""
    cases = [
        ("create", None, {**PROCESS_FORM, "starts_on": "{date}", "ends_on": "9999-12-31"}, "starts_on"),
        ("edit", None, {**PROCESS_FORM, "starts_on": "{date}", "ends_on": "9999-12-31"}, "starts_on"),
        ("step_done", "step", {"done_on": "{date}"}, "done_on"),
        ("stage_add", None, {"name": "E", "starts_on": "{date}", "ends_on": "9999-12-31"}, "starts_on"),
        ("milestone_add", None, {"title": "M", "due_on": "{date}", "precision": "month"}, "due_on"),
        ("participant_add", None, {"last_name": "Nová", "first_name": "Jana", "triad_role": "public",
                                   "joined_on": "{date}"}, "joined_on"),
        ("participant_edit", "participant", {"triad_role": "public", "joined_on": "{date}"}, "joined_on"),
        ("membership_add", "group", {"last_name": "Nová", "first_name": "Jana", "role": "member",
                                     "starts_on": "{date}"}, "starts_on"),
        ("membership_edit", "membership", {"role": "member", "starts_on": "{date}"}, "starts_on"),
        ("membership_end", "membership", {"ends_on": "{date}"}, "ends_on"),
        ("version_add", "document", {"label": "1", "text": "x", "approved_on": "{date}"}, "approved_on"),
    ]  # fmt: skip
    return [
        pytest.param(*case[:2], {k: v.format(date=date) for k, v in case[2].items()}, case[3], id=f"{case[0]}-{date}")
        for case in cases
        for date in ("9999-12-01", "0001-01-01")
    ]


def _everything():
    """What the date forms could store, to check that a refused form stores nothing."""
    return (
        list(PlanningProcess.objects.values_list("starts_on", "ends_on")),
        list(Step.objects.filter(done_on__isnull=False).values_list("pk")),
        Stage.objects.count(),
        Milestone.objects.count(),
        list(Participant.objects.values_list("pk", "joined_on")),
        list(Membership.objects.values_list("pk", "starts_on", "ends_on")),
        DocumentVersion.objects.count(),
        Person.objects.count(),
    )


@pytest.mark.parametrize(("name", "target", "data", "field"), _date_cases())
def test_dates_out_of_range_are_refused_and_nothing_is_saved(
    client, world, site_coordinator, name, target, data, field
):
    process = world.process
    if name == "create":
        client.force_login(site_coordinator)
    else:
        client.force_login(world.coordinator)
    data = {"region": process.region.pk, "orp": process.orp.pk, **data} if name in ("create", "edit") else data
    objects = {
        "step": lambda: Step.objects.filter(phase__process=process).first(),
        "participant": lambda: Participant.objects.create(process=process, person=Person.objects.first(),
                                                          triad_role="public"),
        "group": lambda: world.seniors,
        "membership": lambda: Membership.objects.get(person__user=world.member),
        "document": lambda: Document.objects.create(process=process, kind="statute", title="Statut"),
    }  # fmt: skip
    args = [] if name == "create" else [process.pk] if target is None else [process.pk, objects[target]().pk]
    before = _everything()
    response = client.post(reverse(f"processes:{name}", args=args), data)
    assert field in (response.context["form"].errors if response.status_code == 200 else {})
    assert _everything() == before


def test_a_second_steering_group_stored_meanwhile_is_a_form_error(client, world, monkeypatch):
    """Two coordinators create the steering group at once: the second one learns why, no server error."""
    from kpss.processes import services

    save_group = services.save_group

    def racing(form):
        Group.objects.create(process=world.other, kind=Group.Kind.STEERING, name="ŘS od kolegy")
        return save_group(form)

    monkeypatch.setattr(services, "save_group", racing)
    client.force_login(world.other_coordinator)
    response = client.post(
        reverse("processes:group_create", args=[world.other.pk]), {"kind": "steering", "name": "ŘS", "order": 0}
    )
    assert "kind" in errors_of(response)
    assert list(Group.objects.filter(process=world.other, kind="steering").values_list("name", flat=True)) == [
        "ŘS od kolegy"
    ]


def test_a_participant_stored_meanwhile_is_a_form_error(coordinator_client, world, monkeypatch):
    from kpss.processes import services

    person = Person.objects.get(user=world.member)
    add_participant = services.add_participant

    def racing(form, process):
        Participant.objects.create(process=process, person=person, triad_role="public")
        return add_participant(form, process)

    monkeypatch.setattr(services, "add_participant", racing)
    response = coordinator_client.post(
        reverse("processes:participant_add", args=[world.process.pk]), {"person": person.pk, "triad_role": "provider"}
    )
    assert "person" in errors_of(response)
    assert list(Participant.objects.values_list("triad_role", flat=True)) == ["public"]


def test_a_version_file_missing_from_the_storage_is_404(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = Document.objects.create(process=world.process, kind="statute", title="Statut")
    version = DocumentVersion.objects.create(
        document=document, label="2018", file=SimpleUploadedFile("statut.pdf", b"%PDF"), approved_on="2018-06-26"
    )
    version.file.storage.delete(version.file.name)
    assert client.get(reverse("processes:version_file", args=[world.process.pk, version.pk])).status_code == 404
