"""What the pages of a process show, to whom, and that their cost in queries does not grow with the data.

Interface texts are translated at the end, so these tests look for data, links and markup."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kpss.meetings.models import Attendance, Meeting, Minutes, Resolution
from kpss.processes import queries
from kpss.processes.models import Document, DocumentVersion, Group, Membership, Milestone, Phase, Stage, Step

from .conftest import new_process
from .factories import MeetingFactory, MembershipFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def page_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def days(n):
    return timezone.now() + datetime.timedelta(days=n)


# List


def test_the_list_filters_by_region_and_pages(client, world):
    from kpss.territories.tests.factories import OrpFactory

    elsewhere = new_process(OrpFactory(name="Tábor"), None, name="KPSS Tábor")
    page = page_of(client, reverse("processes:list"))
    assert world.process.name in page and "KPSS Tábor" in page

    page = page_of(client, reverse("processes:list") + f"?region={world.process.region.pk}")
    assert world.process.name in page and world.other.name in page and "KPSS Tábor" not in page

    page = page_of(client, reverse("processes:list") + "?region=nonsense")  # ignored, not a 500
    assert "KPSS Tábor" in page
    assert elsewhere.get_absolute_url() in page


def test_the_list_is_paginated(client, demo_territory):
    for number in range(25):
        new_process(demo_territory.orp, None, name=f"Proces {number:02}")
    first = page_of(client, reverse("processes:list"))
    second = page_of(client, reverse("processes:list") + f"?region={demo_territory.region.pk}&page=2")
    assert first.count('<th scope="row"><a href="/processes/') == 20
    assert second.count('<th scope="row"><a href="/processes/') == 5
    assert f"region={demo_territory.region.pk}&amp;page=1" in second  # the filter stays on the other pages


# Detail


def test_the_process_page_shows_territory_funding_and_current_phase(client, world):
    process = world.process
    process.realiser = OrganisationFactory(name="Centrum pro komunitní práci")
    process.funding_note = "OP Zaměstnanost"
    process.project_number = "CZ.03.2.63/0.0/0.0/16_063/0006569"
    process.budget = "1609236.80"
    process.description = "Plánujeme **společně**.<script>alert(1)</script>"
    process.save()
    process.partners.add(OrganisationFactory(name="Město Žďár nad Sázavou"))
    Step.objects.filter(phase__process=process, phase__number=Phase.Number.START).update(
        done_on=datetime.date(2018, 6, 1)
    )

    response = client.get(process.get_absolute_url())
    page = response.content.decode()
    assert "1\xa0609\xa0236,80\xa0Kč" in page  # Czech money format
    assert "Centrum pro komunitní práci" in page and "Město Žďár nad Sázavou" in page
    assert "CZ.03.2.63/0.0/0.0/16_063/0006569" in page
    assert "<strong>společně</strong>" in page and "<script>alert" not in page
    assert world.territory.orp.get_absolute_url() in page and world.territory.region.get_absolute_url() in page
    assert "1. května 2018" in page  # the start, in the Czech date format
    assert response.context["current_phase"].number == Phase.Number.STRUCTURE
    progress = {phase.number: (phase.done, phase.total) for phase in response.context["phases"]}
    assert progress[1] == (5, 5) and progress[2] == (0, 2)
    assert reverse("meetings:process_calendar", args=[process.pk]) in page
    assert reverse("meetings:process_feed", args=[process.pk]) in page
    assert world.seniors.get_absolute_url() in page and world.steering.get_absolute_url() in page


def test_when_every_step_is_done_the_current_phase_is_the_last(world):
    Step.objects.filter(phase__process=world.process).update(done_on=datetime.date(2020, 1, 1))
    phases = queries.phases_with_progress(world.process)
    assert queries.current_phase(phases).number == Phase.Number.IMPLEMENTATION


def test_the_process_page_lists_upcoming_open_meetings_only(client, world):
    open_meeting = MeetingFactory(group=world.seniors, title="Setkání seniorů", starts_at=days(3))
    MeetingFactory(group=world.steering, title="Uzavřené jednání ŘS", is_open=False, starts_at=days(4))
    MeetingFactory(group=world.seniors, title="Loňské setkání", starts_at=days(-300))
    MeetingFactory(group=world.other_group, title="Jednání v Jihlavě", starts_at=days(5))
    page = page_of(client, world.process.get_absolute_url())
    assert "Setkání seniorů" in page and reverse("meetings:detail", args=[open_meeting.pk]) in page
    assert "Uzavřené jednání ŘS" not in page and "Loňské setkání" not in page and "Jednání v Jihlavě" not in page


@pytest.mark.parametrize(
    ("who", "links"),
    [
        (None, set()),
        ("outsider", set()),
        ("other_coordinator", set()),
        ("member", {"participants"}),
        ("steering_member", {"participants", "dashboard"}),
        ("coordinator", {"participants", "dashboard", "edit", "meeting"}),
    ],
)
def test_management_links_follow_the_permissions(client, world, who, links):
    if who:
        client.force_login(getattr(world, who))
    process = world.process
    page = page_of(client, process.get_absolute_url())
    urls = {
        "participants": reverse("processes:participants", args=[process.pk]),
        "dashboard": reverse("processes:dashboard", args=[process.pk]),
        "edit": reverse("processes:edit", args=[process.pk]),
        "meeting": reverse("meetings:create", args=[process.pk]),
    }
    assert {name for name, url in urls.items() if f'href="{url}"' in page} == links


def test_the_process_page_summarises_the_schedule_and_documents(client, world):
    process = world.process
    today = timezone.localdate()
    Milestone.objects.create(process=process, title="Zmeškaná analýza", due_on=today - datetime.timedelta(days=40))
    Milestone.objects.create(process=process, title="Tento měsíc", due_on=today.replace(day=1), precision="month")
    Milestone.objects.create(process=process, title="Hotovo dávno", due_on=datetime.date(2018, 1, 1), done_on=today)
    document = Document.objects.create(process=process, kind="statute", title="Statut KPSS")
    DocumentVersion.objects.create(document=document, label="2018", text="…", approved_on=datetime.date(2018, 6, 1))
    draft = Document.objects.create(process=process, kind="steering_rules", title="Jednací řád – návrh")
    DocumentVersion.objects.create(document=draft, label="1", text="…")

    response = client.get(process.get_absolute_url())
    page = response.content.decode()
    schedule = response.context["schedule"]
    assert [m.title for m in schedule["overdue"]] == ["Zmeškaná analýza"]
    assert [m.title for m in schedule["upcoming"]] == ["Tento měsíc"]  # a monthly one is on time all month
    assert "processes-flag--overdue" in page
    assert "Statut KPSS" in page and "Jednací řád – návrh" not in page


# Phases and schedule


def test_the_phases_page_shows_steps_and_edit_controls_only_to_coordinators(client, world):
    process = world.process
    meeting = MeetingFactory(group=world.steering, title="1. jednání ŘS")
    step = Step.objects.filter(phase__process=process).first()
    step.done_on, step.meeting, step.note = datetime.date(2018, 6, 26), meeting, "Schváleno"
    step.save()

    page = page_of(client, reverse("processes:phases", args=[process.pk]))
    assert step.title in page and "26.06.2018" in page and "1. jednání ŘS" in page
    assert reverse("meetings:detail", args=[meeting.pk]) in page
    assert reverse("processes:step_edit", args=[process.pk, step.pk]) not in page

    client.force_login(world.coordinator)
    page = page_of(client, reverse("processes:phases", args=[process.pk]))
    assert reverse("processes:step_edit", args=[process.pk, step.pk]) in page
    assert reverse("processes:step_add", args=[process.pk, 6]) in page


def test_the_schedule_table_and_timeline_mark_what_is_overdue(client, world):
    process = world.process
    stage = Stage.objects.create(
        process=process,
        name="1. etapa",
        starts_on=datetime.date(2018, 5, 1),
        ends_on=datetime.date(2018, 12, 31),
        closing_criterion="Ustaveny triády a řídící skupiny",
    )
    Stage.objects.create(
        process=process,
        name="2. etapa",
        starts_on=datetime.date(2019, 1, 1),
        ends_on=datetime.date(2019, 6, 30),
        closed_on=datetime.date(2019, 6, 30),
    )
    Milestone.objects.create(
        process=process, stage=stage, title="Analýza poskytovatelů", due_on=datetime.date(2018, 9, 1)
    )

    page = page_of(client, reverse("processes:schedule", args=[process.pk]))
    assert 'class="processes-timeline" aria-hidden="true"' in page
    assert page.count('<tr class="processes-overdue">') == 2  # the open stage and its milestone
    assert page.count("processes-flag--overdue") == 2
    assert "Ustaveny triády a řídící skupiny" in page
    assert "left: 0.00%" in page  # the first stage starts with the process
    assert ">2019<" in page and ">2\xa0019<" not in page  # years are not numbers to localise


# Groups


@pytest.fixture
def staffed(world):
    """The seniors' group with a leader from an organisation and contacts."""
    leader = Membership.objects.get(person__user=world.leader)
    leader.organisation = OrganisationFactory(name="Domov Věžky")
    leader.save()
    leader.person.phone = "+420 600 100 200"
    leader.person.save()
    member = Membership.objects.get(person__user=world.member).person
    return leader.person, member


@pytest.mark.parametrize(
    ("who", "sees_members", "sees_contacts", "runs_meetings"),
    [
        (None, False, False, False),
        ("outsider", False, False, False),
        ("other_coordinator", False, False, False),
        ("other_member", False, False, False),
        ("member", True, False, False),
        ("steering_member", True, False, False),
        ("leader", True, True, True),
        ("coordinator", True, True, True),
    ],
)
def test_the_group_page_shows_members_and_contacts_by_permission(
    client, world, staffed, who, sees_members, sees_contacts, runs_meetings
):
    leader, member = staffed
    if who:
        client.force_login(getattr(world, who))
    group = world.seniors
    page = page_of(client, group.get_absolute_url())
    assert str(leader) in page and "Domov Věžky" in page  # leaders are public
    assert (str(member) in page) == sees_members
    assert ("+420 600 100 200" in page) == sees_contacts
    assert (reverse("meetings:create_for_group", args=[group.pk]) in page) == runs_meetings
    assert reverse("meetings:group_feed", args=[world.process.pk, group.pk]) in page


def test_the_group_page_lists_meetings_and_public_minutes(client, world):
    group = world.seniors
    upcoming = MeetingFactory(group=group, title="Příští setkání", starts_at=days(10))
    MeetingFactory(group=group, title="Neveřejné setkání", starts_at=days(11), is_open=False)
    held = MeetingFactory(group=group, title="Setkání v březnu", starts_at=days(-30), status="held")
    Minutes.objects.create(meeting=held, text="…", approved_on=timezone.localdate())
    draft = MeetingFactory(group=group, title="Setkání bez schváleného zápisu", starts_at=days(-20), status="held")
    Minutes.objects.create(meeting=draft, text="…")

    page = page_of(client, group.get_absolute_url())
    assert reverse("meetings:detail", args=[upcoming.pk]) in page
    assert "Neveřejné setkání" not in page
    assert "Setkání v březnu" in page and reverse("meetings:detail", args=[held.pk]) in page
    assert "Setkání bez schváleného zápisu" not in page


def test_a_territorial_group_names_its_municipalities(client, world):
    group = Group.objects.create(process=world.process, kind="working", name="Novoměstsko", focus="territorial")
    group.municipalities.add(world.territory.nove_mesto)
    page = page_of(client, group.get_absolute_url())
    assert world.territory.nove_mesto.get_absolute_url() in page


def test_ended_memberships_are_shown_as_former(client, world):
    membership = Membership.objects.get(person__user=world.member)
    membership.ends_on = datetime.date(2019, 12, 31)
    membership.save()
    client.force_login(world.coordinator)
    response = client.get(world.seniors.get_absolute_url())
    assert [m.person for m in response.context["former_members"]] == [membership.person]
    assert membership.person not in [m.person for m in response.context["members"]]
    assert response.context["member_count"] == 1  # the leader


def test_the_groups_page_counts_current_members(client, world):
    response = client.get(reverse("processes:groups", args=[world.process.pk]))
    counts = {group.name: group.member_count for group in response.context["groups"]}
    assert counts == {"Řídící skupina": 1, "Senioři": 2}
    assert list(counts)[0] == "Řídící skupina"  # the steering group first


# Documents and participants


def test_drafts_are_shown_only_inside_the_process(client, world):
    document = Document.objects.create(process=world.process, kind="statute", title="Statut")
    DocumentVersion.objects.create(document=document, label="2018", text="Schválený **text**", approved_on="2018-06-01")
    DocumentVersion.objects.create(document=document, label="2019", text="Rozpracovaný návrh")
    Document.objects.create(process=world.process, kind="other", title="Jen koncept")
    url = reverse("processes:documents", args=[world.process.pk])

    page = page_of(client, url)
    assert "Schválený <strong>text</strong>" in page and "Rozpracovaný návrh" not in page and "Jen koncept" not in page
    client.force_login(world.member)
    page = page_of(client, url)
    assert "Rozpracovaný návrh" in page and "Jen koncept" in page


def test_participants_list(client, world):
    from kpss.processes.models import Participant

    Participant.objects.create(process=world.process, person=PersonFactory(last_name="Účastnická"), triad_role="public")
    Participant.objects.create(
        process=world.process, organisation=OrganisationFactory(name="Úřad práce"), triad_role="other_stakeholder"
    )
    client.force_login(world.member)
    page = page_of(client, reverse("processes:participants", args=[world.process.pk]))
    assert "Účastnická" in page and "Úřad práce" in page
    assert reverse("processes:participant_add", args=[world.process.pk]) not in page


# Dashboard


def held_meeting(group, year, present=(), process=None, **fields):
    meeting = MeetingFactory(
        group=group,
        process=process or group.process,
        status=Meeting.Status.HELD,
        starts_at=datetime.datetime(year, 3, 1, 15, tzinfo=datetime.UTC),
        **fields,
    )
    for person in present:
        Attendance.objects.create(meeting=meeting, person=person)
    return meeting


def test_the_dashboard_counts_meetings_per_group_and_year_and_active_people(client, world):
    alice, bob, carol = PersonFactory(), PersonFactory(), PersonFactory()
    held_meeting(world.seniors, 2018, [alice, bob])
    held_meeting(world.seniors, 2019, [alice])
    held_meeting(world.seniors, 2019, [])
    held_meeting(world.steering, 2019, [carol])  # the steering group is not a working group
    public = held_meeting(world.seniors, 2019, process=world.process, kind=Meeting.Kind.PUBLIC)
    public.group = None
    public.save()
    absent = held_meeting(world.seniors, 2020)
    Attendance.objects.create(meeting=absent, person=carol, status=Attendance.Status.EXCUSED)
    MeetingFactory(group=world.seniors, starts_at=days(7), title="Plánované setkání")
    held_meeting(world.other_group, 2019, [PersonFactory()])

    client.force_login(world.coordinator)
    response = client.get(reverse("processes:dashboard", args=[world.process.pk]))
    context = response.context
    assert context["years"] == [2018, 2019, 2020]
    table = {(group.name if group else None): cells for group, cells, _ in context["rows"]}
    assert table == {"Řídící skupina": [0, 1, 0], "Senioři": [1, 2, 1], None: [0, 1, 0]}
    assert context["totals"] == [1, 4, 1] and context["grand_total"] == 6
    assert context["active_people"] == 2  # Alice and Bob; Carol was only at the steering group or excused
    assert [m.title for m in context["upcoming_meetings"]] == ["Plánované setkání"]
    assert len(context["open_steps"]) == 25
    page = response.content.decode()
    assert "<caption" in page and '<th scope="col" class="kpss-num">2019</th>' in page


# Queries do not grow with the data


def grow(world, size):
    """``size`` members, meetings (held, with attendance), milestones, documents and groups more."""
    process = world.process
    for n in range(size):
        person = MembershipFactory(group=world.seniors).person
        MembershipFactory(group=world.steering, person=person, role=Membership.Role.DEPUTY)
        meeting = held_meeting(world.seniors, 2018 + n % 3, [person])
        Minutes.objects.create(meeting=meeting, text="…", approved_on=datetime.date(2019, 1, 1))
        MeetingFactory(group=world.seniors, starts_at=days(n + 1))
        Meeting.objects.create(process=process, kind="public", title=f"Veřejné {n}", starts_at=days(n + 1))
        Milestone.objects.create(process=process, title=f"M{n}", due_on=datetime.date(2018 + n % 5, 1, 1))
        document = Document.objects.create(process=process, kind="other", title=f"D{n}")
        DocumentVersion.objects.create(document=document, label="1", text="…", approved_on="2018-06-01")
        group = Group.objects.create(process=process, kind="working", name=f"PS {n}", focus="territorial")
        group.municipalities.add(world.territory.zdar)
        world.seniors.municipalities.add(world.territory.zdar)


@pytest.mark.parametrize(
    "url_of",
    [
        lambda world: world.process.get_absolute_url(),
        lambda world: world.seniors.get_absolute_url(),
        lambda world: reverse("processes:dashboard", args=[world.process.pk]),
        lambda world: reverse("processes:phases", args=[world.process.pk]),
        lambda world: reverse("processes:schedule", args=[world.process.pk]),
        lambda world: reverse("processes:groups", args=[world.process.pk]),
        lambda world: reverse("processes:documents", args=[world.process.pk]),
        lambda world: reverse("processes:participants", args=[world.process.pk]),
    ],
    ids=["detail", "group", "dashboard", "phases", "schedule", "groups", "documents", "participants"],
)
def test_queries_per_page_do_not_grow_with_the_data(client, world, url_of):
    client.force_login(world.coordinator)
    grow(world, 2)
    url = url_of(world)
    client.get(url)  # warm up the session and the content types
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    grow(world, 20)
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(large) == len(small), [q["sql"] for q in large][len(small) - 3 :]


def test_a_regional_process_and_a_microregion_have_pages_too(client, world, site_coordinator):
    territory = world.territory
    regional = new_process(territory.orp, world.coordinator, name="Krajský plán", scope="region", orp=None)
    micro = new_process(
        territory.orp, world.coordinator, name="Mikroregion", scope="municipalities", orp=None,
        municipalities=[territory.zdar, territory.nove_mesto],
    )  # fmt: skip
    assert "Krajský plán" in page_of(client, regional.get_absolute_url())
    page = page_of(client, micro.get_absolute_url())
    assert territory.nove_mesto.get_absolute_url() in page

    client.force_login(world.coordinator)
    form = client.get(reverse("processes:group_create", args=[regional.pk])).context["form"]
    assert set(form.fields["municipalities"].queryset) == {territory.zdar, territory.nove_mesto, territory.jihlava}
    form = client.get(reverse("processes:edit", args=[micro.pk])).context["form"]
    assert form.initial["municipality_names"].splitlines() == ["Nové Město na Moravě", "Žďár nad Sázavou"]


# What the public must not learn through the phases and documents pages


def test_the_phases_page_names_closed_meetings_and_draft_documents_only_inside_the_process(client, world):
    open_meeting = MeetingFactory(group=world.seniors, title="Veřejné setkání")
    closed_meeting = MeetingFactory(group=world.steering, title="Neveřejné jednání ŘS", is_open=False)
    approved = Document.objects.create(process=world.process, kind="statute", title="Schválený statut")
    DocumentVersion.objects.create(document=approved, label="1", text="…", approved_on=datetime.date(2018, 6, 1))
    draft = Document.objects.create(process=world.process, kind="other", title="Tajný koncept")
    DocumentVersion.objects.create(document=draft, label="1", text="…")
    steps = list(Step.objects.filter(phase__process=world.process).order_by("pk")[:2])
    for step, meeting, document in zip(steps, [open_meeting, closed_meeting], [approved, draft], strict=True):
        step.done_on, step.meeting, step.document = datetime.date(2018, 6, 26), meeting, document
        step.save()
    url = reverse("processes:phases", args=[world.process.pk])

    for who in (None, "outsider", "other_coordinator"):
        if who:
            client.force_login(getattr(world, who))
        page = page_of(client, url)
        assert "Veřejné setkání" in page and "Schválený statut" in page
        assert "Neveřejné jednání ŘS" not in page and reverse("meetings:detail", args=[closed_meeting.pk]) not in page
        assert "Tajný koncept" not in page and f"#document-{draft.pk}" not in page

    client.force_login(world.member)
    page = page_of(client, url)
    assert "Neveřejné jednání ŘS" in page and "Tajný koncept" in page


@pytest.mark.parametrize(
    ("is_open", "who", "named"), [(True, None, True), (False, None, False), (False, "member", True)]
)
def test_the_documents_page_names_a_closed_approving_meeting_only_to_insiders(client, world, is_open, who, named):
    meeting = MeetingFactory(group=world.steering, title="Jednání ŘS o statutu", is_open=is_open)
    resolution = Resolution.objects.create(meeting=meeting, number="ŘS 1/2018", text="Schvaluje statut.")
    document = Document.objects.create(process=world.process, kind="statute", title="Statut")
    DocumentVersion.objects.create(
        document=document, label="2018", text="…", approved_on=datetime.date(2018, 6, 26), resolution=resolution
    )
    if who:
        client.force_login(getattr(world, who))
    page = page_of(client, reverse("processes:documents", args=[world.process.pk]))
    assert "ŘS 1/2018" in page
    assert ("Jednání ŘS o statutu" in page) == named


def test_the_progress_table_has_a_header_for_every_column(client, world):
    page = page_of(client, world.process.get_absolute_url())
    head = page[page.index('class="kpss-table processes-progress"') :].split("</thead>")[0]
    assert "<td" not in head and head.count('<th scope="col"') == 3
    assert '<span class="kpss-visually-hidden">' in head  # the bar column is named for screen readers


def test_the_group_page_lists_the_latest_minutes_and_links_to_the_older_ones(client, world):
    for n in range(queries.MINUTES_LIMIT + 2):
        meeting = MeetingFactory(group=world.seniors, title=f"Setkání číslo {n:02}", starts_at=days(-100 + n))
        Minutes.objects.create(meeting=meeting, text="…", approved_on=timezone.localdate())
    page = page_of(client, world.seniors.get_absolute_url())
    assert "Setkání číslo 21" in page and "Setkání číslo 02" in page
    assert "Setkání číslo 01" not in page and "Setkání číslo 00" not in page
    assert reverse("meetings:process_calendar", args=[world.process.pk]) + "?when=past" in page


@pytest.mark.parametrize("who", [None, "member", "coordinator"])
def test_the_group_page_costs_the_same_for_everyone_as_the_group_grows(client, world, who):
    if who:
        client.force_login(getattr(world, who))
    url = world.seniors.get_absolute_url()
    grow(world, 2)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    grow(world, 20)
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(large) == len(small)
    # The public part counts the members in the database rather than loading every membership.
    assert any("COUNT(" in q["sql"] and "processes_membership" in q["sql"] for q in large)
