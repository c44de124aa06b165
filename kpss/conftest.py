"""Fixtures shared by every app's tests: demo territory data and a real browser (Playwright)."""

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

CHROMIUM = Path(os.environ.get("KPSS_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(autouse=True)
def czech_by_default():
    """Each test starts in the site's default language, whatever an earlier test switched to."""
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; missing Chromium fails on CI and skips elsewhere."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread; the ORM calls of the tests are
    # still synchronous, so Django's async-safety check must not stop them.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, request):
    """A fresh page (own cookies) of a Czech visitor on the live server; see kpss/core/tests/browser.py."""
    from kpss.core.tests.browser import watch

    context = browser.new_context(base_url=live_server.url, locale="cs-CZ")
    page = context.new_page()
    watch(page, live_server.url, request.node.name)
    yield page
    context.close()
    assert not page.foreign_requests, f"requests to other hosts: {page.foreign_requests}"


@pytest.fixture
def demo_territory(db):
    """Kraj Vysočina with ORP Žďár nad Sázavou (two municipalities, census figures) and ORP Jihlava."""
    from kpss.territories.tests.factories import MunicipalityFactory, OrpFactory, RegionFactory, add_census

    region = RegionFactory(code="3107", name="Kraj Vysočina", short_name="Vysočina", nuts_code="CZ063", ruian_code=108)
    orp = OrpFactory(code="6114", name="Žďár nad Sázavou", region=region, ruian_code=6114)
    zdar = MunicipalityFactory(code="595209", name="Žďár nad Sázavou", orp=orp)
    nove_mesto = MunicipalityFactory(code="596230", name="Nové Město na Moravě", orp=orp)
    jihlava_orp = OrpFactory(code="6107", name="Jihlava", region=region, ruian_code=6107)
    jihlava = MunicipalityFactory(code="586846", name="Jihlava", orp=jihlava_orp)
    add_census(orp, [10230, 6120, 7015, 8540, 7260, 7710, 5450, 2480])
    add_census(zdar, [3540, 2205, 2390, 3100, 2570, 2860, 2110, 1030])
    add_census(nove_mesto, [1720, 1010, 1180, 1460, 1250, 1330, 930, 460])
    return SimpleNamespace(
        region=region, orp=orp, zdar=zdar, nove_mesto=nove_mesto, jihlava_orp=jihlava_orp, jihlava=jihlava
    )
