"""The public pages in a real browser: they work, look right (screenshots) and pass axe-core."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from kpss.accounts.models import User

from .browser import check, visit

pytestmark = pytest.mark.browser


def test_home_lists_regions_and_searches(page, demo_territory):
    visit(page, "/", "home")
    assert page.locator("html").get_attribute("lang") == "cs"
    assert page.locator("main li", has_text="Kraj Vysočina").count() == 1

    page.fill("#municipality-q", "ŽĎÁR")
    page.press("#municipality-q", "Enter")
    page.wait_for_url("**/municipalities/?q=*")
    check(page, "search")
    assert page.locator("main tbody td:first-child").all_inner_texts() == ["Žďár nad Sázavou"]


@pytest.mark.parametrize("path", ["/", "/orp/6114/", "/accounts/login/"], ids=["home", "orp", "login"])
def test_pages_fit_a_phone(page, demo_territory, path):
    page.set_viewport_size({"width": 360, "height": 740})
    visit(page, path, "phone")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scrolling


def test_region_lists_its_orps(page, demo_territory):
    visit(page, demo_territory.region.get_absolute_url(), "region")
    orps = page.locator("#orps-heading + ul li")
    assert orps.all_inner_texts()[0].startswith("Jihlava")
    assert orps.all_inner_texts()[1].startswith("Žďár nad Sázavou")

    orps.get_by_role("link", name="Žďár nad Sázavou").click()
    page.wait_for_url("**/orp/6114/")
    check(page, "orp")


def test_orp_shows_population_and_age_structure(page, demo_territory):
    visit(page, "/orp/6114/", "orp")
    rows = page.locator(".kpss-population tbody tr")
    assert rows.count() == 8
    assert rows.first.locator("th").inner_text() == "0–17"
    assert rows.last.locator("th").inner_text() == "80+"
    assert rows.locator(".kpss-bar[aria-hidden=true]").count() == 8
    widest = rows.first.locator(".kpss-bar").evaluate("bar => bar.style.width")
    assert widest == "100%"  # 0–17 is the largest band; the others are scaled to it
    assert page.locator("main").get_by_role("link", name="Nové Město na Moravě").count() == 1


def test_municipality_page(page, demo_territory):
    visit(page, "/municipalities/595209/", "municipality")
    assert page.locator("h1").inner_text() == "Žďár nad Sázavou"
    assert page.locator(".kpss-population tbody tr").count() == 8
    breadcrumbs = page.locator(".gov-breadcrumbs li")
    assert breadcrumbs.all_inner_texts()[1:] == ["Kraj Vysočina", "ORP Žďár nad Sázavou", "Žďár nad Sázavou"]


@pytest.mark.parametrize("query", ["zdar", "ŽĎÁR"], ids=["plain", "capitals-and-accents"])
def test_search_ignores_accents_and_case(page, demo_territory, query):
    visit(page, f"/municipalities/?q={query}", "results")
    assert page.locator("main tbody td:first-child").all_inner_texts() == ["Žďár nad Sázavou"]


def test_log_in_and_out(page, db):
    User.objects.create_user(email="koordinatorka@zdar.example", password="Sedm-mostu-2026")
    visit(page, "/accounts/login/", "login")

    page.fill("#id_username", "koordinatorka@zdar.example")
    page.fill("#id_password", "wrong")
    page.click("main button[type=submit]")
    expect(page.locator(".kpss-form-errors")).to_be_visible()
    check(page, "wrong-password")

    page.fill("#id_password", "Sedm-mostu-2026")
    page.click("main button[type=submit]")
    page.wait_for_url(re.compile(r"^http://[^/]+/$"))
    check(page, "logged-in")
    expect(page.locator(".kpss-header__user")).to_contain_text("koordinatorka@zdar.example")

    page.click(".kpss-header__user")
    check(page, "password-change")
    page.fill("#id_old_password", "Sedm-mostu-2026")
    page.fill("#id_new_password1", "Nove-heslo-2027")
    page.fill("#id_new_password2", "Nove-heslo-2027")
    page.click("main button[type=submit]")
    page.wait_for_url("**/accounts/password/change/done/")
    check(page, "password-changed")

    page.click(".kpss-logout button")
    expect(page.locator(".kpss-header__user")).to_have_count(0)
    check(page, "logged-out")
    expect(page.locator("header a[href='/accounts/login/']")).to_have_count(1)


@pytest.mark.parametrize("path", ["/accessibility/", "/contact/"])
def test_footer_pages(page, db, path):
    visit(page, path, path.strip("/"))
    assert page.locator(f"footer a[href='{path}']").count() == 1


def test_password_reset_form(page, db):
    visit(page, "/accounts/password/reset/", "form")
    page.fill("#id_email", "nikdo@example.cz")
    page.click("main button[type=submit]")
    page.wait_for_url("**/password/reset/sent/")
    check(page, "sent")


def test_language_switch(page, db):
    english = [
        "Community planning of social services",
        "Territories",
        "Find a municipality",
        "Planning processes",
        "Regional programmes",
        "Calendar of meetings",
        "Contact",
    ]
    with translation.override("cs"):
        czech = [translation.gettext(text) for text in english]
    assert czech != english, "the Czech catalogue is not compiled (make messages)"

    visit(page, "/", "czech")
    assert heading_and_nav(page) == czech

    page.click("header button[lang=en]")
    page.wait_for_function("document.documentElement.lang == 'en'")
    check(page, "english")
    assert heading_and_nav(page) == english

    page.click("header button[lang=cs]")
    page.wait_for_function("document.documentElement.lang == 'cs'")
    check(page, "czech-again")
    assert heading_and_nav(page) == czech


def heading_and_nav(page):
    return [page.locator("h1").inner_text(), *page.locator("nav.kpss-nav a").all_inner_texts()]


def test_skip_link_moves_focus_to_main(page, db):
    visit(page, "/contact/", "contact")
    page.keyboard.press("Tab")
    skip_link = page.locator(".kpss-skip-link")
    assert skip_link.evaluate("link => link === document.activeElement")
    expect(skip_link).to_be_in_viewport()  # visible once focused
    assert skip_link.bounding_box()["width"] > 50
    check(page, "skip-link-focused")

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_a_request_to_another_host_fails_the_check(page, db):
    visit(page, "/contact/", "contact")
    page.evaluate("fetch('http://cdn.example.invalid/x.js').catch(() => {})")
    with pytest.raises(AssertionError, match="cdn.example.invalid"):
        check(page, "foreign-request")
    page.foreign_requests.clear()
