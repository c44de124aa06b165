"""The whole path of a suggestion in a real browser: sent by a visitor, triaged, settled, answered."""

import pytest
from playwright.sync_api import expect

from kpss.core.tests.browser import check, log_in, visit
from kpss.feedback.models import Suggestion

pytestmark = pytest.mark.browser


def log_out(page):
    page.click("form.kpss-logout button")
    page.wait_for_load_state("load")


def test_a_suggestion_goes_from_the_visitor_to_the_answer(page, world, mailoutbox):
    visit(page, world.process.get_absolute_url(), "process")
    page.fill("#id_text", "Na Novoměstsku chybí denní stacionář pro seniory.")
    page.select_option("#id_topic", "seniors")
    page.select_option("#id_municipality", str(world.territory.nove_mesto.pk))
    page.fill("#id_submitter_name", "Bohumila Tajná")
    page.fill("#id_submitter_email", "bohumila.tajna@example.cz")
    page.click("#suggestion button[type=submit]")
    expect(page.locator("#id_consent_error")).to_be_visible()  # contact without consent
    check(page, "consent-error")
    page.check("#id_consent")
    page.click("main form.feedback-form button[type=submit]")
    page.wait_for_url("**/suggestions/track/*/")
    suggestion = Suggestion.objects.get()
    expect(page.locator("#tracking-code strong")).to_have_text(suggestion.code)
    check(page, "tracking-code")
    assert [message.to for message in mailoutbox] == [["bohumila.tajna@example.cz"]]

    log_in(page, world.coordinator)
    visit(page, f"/suggestions/process/{world.process.pk}/agenda/", "agenda")
    page.click(f"main tbody a[href='{suggestion.get_absolute_url()}']")
    check(page, "detail-coordinator")
    expect(page.locator("#contact")).to_contain_text("bohumila.tajna@example.cz")
    page.click(f"a[href='/suggestions/{suggestion.pk}/triage/']")
    check(page, "triage")
    page.select_option("#id_group", str(world.seniors.pk))
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**{suggestion.get_absolute_url()}")
    check(page, "triaged")
    log_out(page)

    # Published and still holding the contact: no public page shows it.
    for url, name in [
        (f"/suggestions/process/{world.process.pk}/", "tracker-discussed"),
        (suggestion.get_tracking_url(), "tracking-discussed"),
        (world.process.get_absolute_url(), "process-discussed"),
    ]:
        visit(page, url, name)
        html = page.content()
        assert suggestion.code in html or url == world.process.get_absolute_url()
        assert "Tajná" not in html and "bohumila" not in html, url

    log_in(page, world.leader)
    visit(page, world.seniors.get_absolute_url(), "group")
    page.click(f"a[href='/suggestions/process/{world.process.pk}/group/{world.seniors.pk}/']")
    check(page, "worklist")
    page.click(f"a[href='/suggestions/{suggestion.pk}/settle/']")
    check(page, "settle")
    page.select_option("#id_settlement", "accepted")
    page.fill("#id_answer", "Stacionář v Novém Městě zařazujeme do plánu na rok 2026.")
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**{suggestion.get_absolute_url()}")
    check(page, "settled")
    log_out(page)

    visit(page, f"/suggestions/process/{world.process.pk}/", "tracker")
    row = page.locator("main tbody tr", has_text=suggestion.code)
    expect(row).to_contain_text("Stacionář v Novém Městě zařazujeme do plánu na rok 2026.")
    expect(row).to_contain_text("PS Senioři")
    visit(page, suggestion.get_tracking_url(), "tracking-answered")
    expect(page.locator(".feedback-path li")).to_have_count(4)
    visit(page, "/suggestions/track/", "lookup")
    page.fill("#id_code", suggestion.code.lower().replace("-", ""))
    page.click("main form button[type=submit]")
    page.wait_for_url(f"**{suggestion.get_tracking_url()}")

    assert len(mailoutbox) == 2
    answer = mailoutbox[1]
    assert answer.to == ["bohumila.tajna@example.cz"] and "zařazujeme do plánu" in answer.body
    assert suggestion.get_tracking_url() in answer.body
    suggestion.refresh_from_db()
    assert not suggestion.has_contact  # erased once the answer was sent
