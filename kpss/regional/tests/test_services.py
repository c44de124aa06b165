"""Writes of a programme: creating it, the call and its answers, linking and starting processes."""

import datetime
import threading

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from kpss.processes.models import PlanningProcess
from kpss.processes.services import create_process
from kpss.regional import services
from kpss.regional.models import Addressee, Call
from kpss.territories.tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate
LETTER = "Vážený pane starosto, …"


def new_call(programme, days=30, **emails):
    return services.create_call(
        programme, title="Zapojení", letter=LETTER, deadline=TODAY() + datetime.timedelta(days=days), **emails
    )


def orp_process(orp, **fields):
    defaults = {
        "name": f"KPSS {orp.name}",
        "starts_on": datetime.date(2025, 1, 1),
        "ends_on": datetime.date(2027, 12, 31),
    }
    return create_process(region=orp.region, orp=orp, **{**defaults, **fields})


def test_a_programme_is_a_region_wide_process_coordinated_by_its_creator(vysocina):
    process = vysocina.programme.process
    assert process.scope == PlanningProcess.Scope.REGION
    assert process.region == vysocina.region
    assert list(process.coordinators.all()) == [vysocina.officer]
    assert process.phases.count() == 6
    assert vysocina.programme.indicators.count() == 0


def test_a_call_goes_to_every_orp_and_to_the_pou_that_are_not_orp_towns(vysocina):
    call = new_call(vysocina.programme)
    orps = call.addressees.filter(orp__isnull=False)
    pous = call.addressees.filter(pou__isnull=False)
    assert orps.count() == 15
    assert pous.count() == 11
    assert set(pous.values_list("pou__name", flat=True)) == set(vysocina.pous)
    assert len(set(call.addressees.values_list("token", flat=True))) == 26


def test_sending_mails_each_address_once_with_its_own_link(vysocina, django_capture_on_commit_callbacks):
    jihlava, pacov = vysocina.orps["Jihlava"], vysocina.orps["Pacov"]
    call = new_call(vysocina.programme, emails={jihlava: "posta@jihlava.example", pacov: "podatelna@pacov.example"})
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_call(call, lambda a: f"https://kpss.example{a.get_answer_url()}") == 2
    assert sorted(message.to[0] for message in mail.outbox) == ["podatelna@pacov.example", "posta@jihlava.example"]
    jihlava_addressee = call.addressees.get(orp=jihlava)
    letter = next(m for m in mail.outbox if m.to == ["posta@jihlava.example"])
    assert f"https://kpss.example/regional/answer/{jihlava_addressee.token}/" in letter.body
    assert LETTER in letter.body
    call.refresh_from_db()
    assert call.sent_at is not None

    # A third address filled in later: sending again reaches only that one.
    telc = call.addressees.get(orp=vysocina.orps["Telč"])
    telc.email = "obec@telc.example"
    telc.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_call(call, lambda a: a.get_answer_url()) == 1
    assert [m.to for m in mail.outbox] == [["obec@telc.example"]]
    assert call.addressees.filter(sent_at__isnull=True).exclude(email="").count() == 0


def test_a_link_answer_records_today_and_the_representative(vysocina):
    addressee = new_call(vysocina.programme).addressees.get(orp=vysocina.orps["Telč"])
    services.answer_through_link(addressee, answer="no", representative="Roman Fabeš")
    addressee.refresh_from_db()
    assert (addressee.answer, addressee.representative, addressee.answered_on) == ("no", "Roman Fabeš", TODAY())
    assert addressee.channel == Addressee.Channel.LINK
    assert addressee.recorded_by is None
    # The answer may change while the call is open.
    services.answer_through_link(addressee, answer="yes", representative="Roman Fabeš")
    addressee.refresh_from_db()
    assert addressee.answer == "yes"


def test_a_call_is_open_until_the_end_of_its_deadline(vysocina):
    assert new_call(vysocina.programme, days=0).is_open
    assert not new_call(vysocina.programme, days=-1).is_open


def test_a_paper_answer_keeps_the_date_of_the_letter_and_who_entered_it(vysocina):
    addressee = new_call(vysocina.programme, days=-10).addressees.get(pou=vysocina.pous["Polná"])
    services.record_paper_answer(
        addressee,
        vysocina.officer,
        answer="yes",
        representative="Ivana Zvěřinová",
        answered_on=datetime.date(2025, 3, 1),
    )
    addressee.refresh_from_db()
    assert addressee.answered_on == datetime.date(2025, 3, 1)
    assert addressee.channel == Addressee.Channel.PAPER
    assert addressee.recorded_by == vysocina.officer


def test_a_yes_links_the_municipalitys_only_process(vysocina):
    programme = vysocina.programme
    jihlava, pacov = vysocina.orps["Jihlava"], vysocina.orps["Pacov"]
    process = orp_process(jihlava)
    orp_process(pacov, name="KPSS Pacov 2018")
    orp_process(pacov, name="KPSS Pacov 2025")
    call = new_call(programme)
    services.answer_through_link(call.addressees.get(orp=jihlava), answer="yes", representative="Petr Ryška")
    services.answer_through_link(call.addressees.get(orp=pacov), answer="yes", representative="Lukáš Vlček")
    # Two processes of Pacov: which one takes part is the officer's choice.
    assert list(programme.participating_processes.all()) == [process]


def test_a_no_links_nothing(vysocina):
    orp_process(vysocina.orps["Jihlava"])
    call = new_call(vysocina.programme)
    services.answer_through_link(call.addressees.get(orp=vysocina.orps["Jihlava"]), answer="no", representative="X")
    assert not vysocina.programme.participating_processes.exists()


def test_starting_the_process_of_an_orp_and_of_a_pou(vysocina):
    programme = vysocina.programme
    call = new_call(programme)
    orp_addressee = call.addressees.get(orp=vysocina.orps["Telč"])
    polna = vysocina.pous["Polná"]
    MunicipalityFactory.create_batch(2, pou=polna, orp=polna.orp)
    pou_addressee = call.addressees.get(pou=polna)
    for addressee in (orp_addressee, pou_addressee):
        services.answer_through_link(addressee, answer="yes", representative="Starosta")

    orp = services.start_process_for(orp_addressee, vysocina.officer)
    pou = services.start_process_for(pou_addressee, vysocina.officer)

    assert (orp.scope, orp.orp, orp.region) == ("orp", vysocina.orps["Telč"], vysocina.region)
    assert (orp.starts_on, orp.ends_on) == (programme.process.starts_on, programme.process.ends_on)
    assert list(orp.coordinators.all()) == [vysocina.officer]
    assert orp.phases.count() == 6
    assert pou.scope == "municipalities"
    assert set(pou.municipalities.all()) == set(polna.municipalities.all())
    assert set(programme.participating_processes.all()) == {orp, pou}
    # The POÚ's process names the ORP too, yet does not stand for it.
    assert list(services.processes_of(orp_addressee)) == [orp]
    assert list(services.processes_of(pou_addressee)) == [pou]


def test_a_changed_address_gets_the_letter_again_unless_answered(vysocina):
    from kpss.regional.forms import EmailFormSet

    call = new_call(vysocina.programme, emails={vysocina.orps["Telč"]: "a@telc.example"})
    services.send_call(call, lambda a: "/")
    addressees = call.addressees.select_related("orp", "pou")
    data = {"form-TOTAL_FORMS": str(addressees.count()), "form-INITIAL_FORMS": str(addressees.count())}
    for index, addressee in enumerate(addressees):
        data[f"form-{index}-id"] = str(addressee.pk)
        data[f"form-{index}-email"] = "b@telc.example" if addressee.orp_id == vysocina.orps["Telč"].pk else ""
    formset = EmailFormSet(data, queryset=addressees)
    assert formset.is_valid(), formset.errors
    services.save_emails(formset)
    telc = call.addressees.get(orp=vysocina.orps["Telč"])
    assert (telc.email, telc.sent_at) == ("b@telc.example", None)


def test_a_yes_records_its_process_and_a_change_to_no_takes_it_out(vysocina):
    programme = vysocina.programme
    jihlava = orp_process(vysocina.orps["Jihlava"])
    first, second = new_call(programme), new_call(programme)
    addressee = first.addressees.get(orp=vysocina.orps["Jihlava"])
    services.answer_through_link(addressee, answer="yes", representative="Petr Ryška")
    addressee.refresh_from_db()
    assert addressee.process == jihlava
    services.answer_through_link(addressee, answer="no", representative="Petr Ryška")
    addressee.refresh_from_db()
    assert addressee.process is None
    assert not programme.participating_processes.exists()

    # While another yes of the same town stands on the process, it stays in.
    services.answer_through_link(addressee, answer="yes", representative="Petr Ryška")
    again = second.addressees.get(orp=vysocina.orps["Jihlava"])
    services.answer_through_link(again, answer="yes", representative="Petr Ryška")
    services.answer_through_link(addressee, answer="no", representative="Petr Ryška")
    assert list(programme.participating_processes.all()) == [jihlava]
    again.refresh_from_db()
    assert again.process == jihlava


def test_a_change_to_no_takes_out_the_process_started_for_the_municipality(vysocina):
    programme = vysocina.programme
    addressee = new_call(programme).addressees.get(pou=vysocina.pous["Polná"])
    services.answer_through_link(addressee, answer="yes", representative="Ivana Zvěřinová")
    process = services.start_process_for(addressee, vysocina.officer)
    addressee.refresh_from_db()
    assert addressee.process == process
    services.record_paper_answer(
        addressee, vysocina.officer, answer="no", representative="Ivana Zvěřinová", answered_on=TODAY()
    )
    assert not programme.participating_processes.exists()
    assert PlanningProcess.objects.filter(pk=process.pk).exists()  # the municipality's process itself stays


def test_linking_a_process_records_it_for_the_municipalities_that_joined_and_unlinking_clears_it(vysocina):
    programme = vysocina.programme
    pacov = vysocina.orps["Pacov"]
    orp_process(pacov, name="KPSS Pacov 2018")
    chosen = orp_process(pacov, name="KPSS Pacov 2025")
    call = new_call(programme)
    addressee = call.addressees.get(orp=pacov)
    services.answer_through_link(addressee, answer="yes", representative="Lukáš Vlček")
    services.link_process(programme, chosen)
    addressee.refresh_from_db()
    assert addressee.process == chosen
    services.unlink_process(programme, chosen)
    addressee.refresh_from_db()
    assert addressee.process is None


def test_a_process_is_started_once_even_from_a_stale_page(vysocina):
    addressee = new_call(vysocina.programme).addressees.get(orp=vysocina.orps["Telč"])
    services.answer_through_link(addressee, answer="yes", representative="Roman Fabeš")
    stale = Addressee.objects.get(pk=addressee.pk)
    assert services.start_process_for(addressee, vysocina.officer) is not None
    assert services.start_process_for(stale, vysocina.officer) is None
    assert PlanningProcess.objects.filter(orp=vysocina.orps["Telč"]).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_submits_at_once_mail_each_address_once(vysocina):
    """The first send holds the rows while it works; the second waits for it, then finds nothing to send."""
    jihlava, pacov = vysocina.orps["Jihlava"], vysocina.orps["Pacov"]
    call = new_call(vysocina.programme, emails={jihlava: "posta@jihlava.example", pacov: "podatelna@pacov.example"})
    first_is_sending, second_done = threading.Event(), threading.Event()
    counts = {}

    def slow_link(addressee):
        first_is_sending.set()
        second_done.wait(timeout=2)  # without the lock the second send finishes meanwhile
        return "/"

    def send(name, answer_url_of):
        try:
            counts[name] = services.send_call(Call.objects.get(pk=call.pk), answer_url_of)
        finally:
            connection.close()

    first = threading.Thread(target=send, args=("first", slow_link))
    first.start()
    assert first_is_sending.wait(timeout=10)
    second = threading.Thread(target=send, args=("second", lambda a: "/"))
    second.start()
    second.join(timeout=1)
    second_done.set()
    first.join()
    second.join()
    assert counts == {"first": 2, "second": 0}
    assert sorted(m.to[0] for m in mail.outbox) == ["podatelna@pacov.example", "posta@jihlava.example"]
