"""Helpers for browser tests: every page a test looks at is screenshotted and checked with axe-core.

    def test_home(page, demo_territory):
        visit(page, "/", "home")          # goto + check
        page.click("text=Kraj Vysočina")
        check(page, "region")             # screenshot, axe, no foreign requests

Screenshots go to var/screenshots/<test name>-<step>.png (var/ beside manage.py).
"""

import re
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from django.conf import settings

SCREENSHOTS = settings.BASE_DIR / "var" / "screenshots"
AXE = Axe()


def watch(page, server_url, test_name):
    """Record every request the page makes to a host other than ``server_url``."""
    server = urlsplit(server_url).netloc
    page.test_name = re.sub(r"[^\w.-]+", "_", test_name, flags=re.ASCII).strip("_")
    page.foreign_requests = []

    def on_request(request):
        url = urlsplit(request.url)
        if url.scheme not in ("data", "blob", "about") and url.netloc != server:
            page.foreign_requests.append(request.url)

    page.on("request", on_request)


def visit(page, path, step):
    """Open ``path`` on the live server, expect a 200, then check the page."""
    response = page.goto(path)
    assert response.status == 200, f"{path}: HTTP {response.status}"
    check(page, step)


def check(page, step):
    """Screenshot the whole page, then assert no axe-core violation and no request to another host."""
    page.wait_for_load_state("load")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{page.test_name}-{step}.png", full_page=True)
    results = AXE.run(page)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
    assert not page.foreign_requests, f"requests to other hosts: {page.foreign_requests}"


def log_in(page, user, password="heslo-pro-testy"):
    """Sign in through the login form (the password is UserFactory's by default)."""
    page.goto("/accounts/login/")
    page.fill("#id_username", user.email)
    page.fill("#id_password", password)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
