"""A regional officer runs a programme in a real browser; every page passes axe-core."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from kpss.accounts.models import SiteRole
from kpss.core.tests.browser import check, log_in, visit, watch
from kpss.meetings.models import AgendaItem, Attendance, Meeting
from kpss.processes.services import create_process
from kpss.processes.tests.factories import OrganisationFactory, PersonFactory, UserFactory
from kpss.regional.models import Addressee, Programme
from kpss.territories.tests.factories import OrpFactory, PouFactory, RegionFactory

pytestmark = pytest.mark.browser


def czech(msgid, **values):
    """The text the page shows (Czech when the catalogue has it, else the English msgid)."""
    with translation.override("cs"):
        return gettext(msgid) % values


@pytest.fixture
def region(db):
    region = RegionFactory(name="Kraj Vysočina", short_name="Vysočina")
    orps = {name: OrpFactory(name=name, region=region) for name in ("Jihlava", "Pelhřimov", "Telč")}
    for orp in orps.values():
        PouFactory(orp=orp, name=orp.name)
    PouFactory(orp=orps["Jihlava"], name="Polná")
    officer = UserFactory(email="referentka@kr-vysocina.example")
    SiteRole.objects.create(user=officer, kind=SiteRole.Kind.REGIONAL_OFFICER, region=region)
    OrganisationFactory(name="Agora Central Europe")
    jihlava = create_process(
        name="KPSS Jihlava",
        region=region,
        orp=orps["Jihlava"],
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2027, 12, 31),
    )
    return region, orps, officer, jihlava


def test_an_officer_runs_a_call_and_follows_the_programme(page, browser, live_server, region):
    region, orps, officer, jihlava_process = region
    log_in(page, officer)
    visit(page, "/regional/", "list")
    page.click("main a[href='/regional/new/']")
    check(page, "create-form")
    page.fill("#id_name", "Příprava Komunitního plánu sociálních služeb kraje Vysočina")
    page.select_option("#id_region", label="Kraj Vysočina")
    page.fill("#id_starts_on", "2025-01-01")
    page.fill("#id_ends_on", "2026-10-31")
    page.select_option("#id_realiser", label="Agora Central Europe")
    page.fill("#id_contact_email", "socialni@kr-vysocina.example")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/regional/\d+/$"))
    check(page, "programme-new")
    programme = Programme.objects.get()

    page.click(f"main a[href='/regional/{programme.pk}/calls/new/']")
    expect(page.locator("#id_letter")).to_contain_text("Agora Central Europe")
    page.fill("#id_deadline", (timezone.localdate() + datetime.timedelta(days=14)).isoformat())
    check(page, "call-form")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/emails/")
    check(page, "emails")
    page.get_by_label(re.compile("^Jihlava")).fill("posta@jihlava.example")
    page.get_by_label(re.compile("^Pelhřimov")).fill("podatelna@pelhrimov.example")
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/calls/\d+/$"))
    check(page, "call-before-sending")
    page.click("main form[action$='/send/'] button")
    page.wait_for_load_state("load")
    check(page, "call-sent")
    assert sorted(m.to[0] for m in mail.outbox) == ["podatelna@pelhrimov.example", "posta@jihlava.example"]

    # Two ORPs answer through the links in their e-mails, without logging in.
    mayor = browser.new_context(base_url=live_server.url, locale="cs-CZ").new_page()
    watch(mayor, live_server.url, "mayor")
    for message, answer, representative in (
        (next(m for m in mail.outbox if m.to == ["posta@jihlava.example"]), "yes", "Petr Ryška"),
        (next(m for m in mail.outbox if m.to == ["podatelna@pelhrimov.example"]), "no", "Ladislav Med"),
    ):
        link = re.search(r"http://\S+/regional/answer/\S+/", message.body).group(0)
        mayor.goto(link)
        check(mayor, f"answer-{answer}")
        mayor.check(f"input[name=answer][value={answer}]")
        mayor.fill("#id_representative", representative)
        mayor.click("main form button[type=submit]")
        expect(mayor.locator("#recorded-answer")).to_contain_text(representative)
        check(mayor, f"answered-{answer}")
    mayor.context.close()

    # Telč answers on paper.
    call = programme.calls.get()
    telc = call.addressees.get(orp=orps["Telč"])
    page.reload()
    page.click(f"a[href$='/addressees/{telc.pk}/answer/']")
    check(page, "paper-form")
    page.check("input[name=answer][value=yes]")
    page.fill("#id_representative", "Roman Fabeš")
    page.fill("#id_answered_on", (timezone.localdate() - datetime.timedelta(days=2)).isoformat())
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/calls/\d+/$"))
    check(page, "call-answered")
    rows = page.locator(".regional-addressees tbody tr")
    expect(rows.filter(has_text="Jihlava")).to_contain_text("Petr Ryška")
    expect(rows.filter(has_text="Jihlava")).to_contain_text("KPSS Jihlava")  # its one process joined
    expect(rows.filter(has_text="Pelhřimov")).to_contain_text("Ladislav Med")
    expect(rows.filter(has_text="Telč")).to_contain_text("Roman Fabeš")
    orp_tally = czech("ORP: %(yes)s of %(total)s yes, %(no)s no, %(waiting)s waiting", yes=2, total=3, no=1, waiting=0)
    expect(page.locator("main")).to_contain_text(orp_tally)
    assert Addressee.objects.get(pk=telc.pk).channel == "paper"

    # Telč had its process already, not yet in the programme: the officer links it instead of starting one.
    create_process(
        name="KPSS Telč",
        region=region,
        orp=orps["Telč"],
        starts_on=datetime.date(2024, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
    )
    page.reload()
    telc_row = rows.filter(has_text="Telč")
    expect(telc_row.locator("form[action$='/start/']")).to_have_count(0)
    telc_row.locator(f"a[href$='/addressees/{telc.pk}/process/']").click()
    check(page, "link-process-form")
    page.get_by_label("KPSS Telč").check()
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r"/calls/\d+/$"))
    expect(rows.filter(has_text="Telč")).to_contain_text("KPSS Telč")

    # A seminar was held; the officer adds the indicator of trained people.
    seminar = Meeting.objects.create(
        process=programme.process,
        kind=Meeting.Kind.SEMINAR,
        title="1. seminář pro triády",
        starts_at=timezone.now() - datetime.timedelta(days=7),
        status=Meeting.Status.HELD,
    )
    AgendaItem.objects.create(meeting=seminar, title="Co je komunitní plánování", order=1)
    for person in PersonFactory.create_batch(2):
        Attendance.objects.create(meeting=seminar, person=person)
    Attendance.objects.create(meeting=seminar, guest_name="Eva Malá", guest_organisation="Město Telč")
    visit(page, f"/regional/{programme.pk}/indicators/new/", "indicator-form")
    page.fill("#id_name", "Proškolení lidé")
    page.select_option("#id_measure", "trained")
    page.fill("#id_target", "30")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**/regional/{programme.pk}/")
    check(page, "programme-with-indicator")
    indicator = page.locator(".regional-indicators tbody tr", has_text="Proškolení lidé")
    expect(indicator).to_contain_text(czech("%(value)s of %(target)s (%(percent)s %%)", value=3, target=30, percent=10))
    assert indicator.locator("progress").get_attribute("value") == "3"
    main = page.locator("main")
    expect(main).to_contain_text(orp_tally)
    expect(main).to_contain_text("KPSS Jihlava")
    expect(main).to_contain_text("Co je komunitní plánování")

    visit(page, "/regional/", "list-with-programme")
    page.context.clear_cookies()
    visit(page, f"/regional/{programme.pk}/", "programme-public")
