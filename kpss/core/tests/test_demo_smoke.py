"""`make demo` end to end: the demo command prepares a fresh database and serves Czech pages."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

from django.conf import settings


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url, seconds):
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, response.read().decode(), response.headers
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(1)


def test_demo_serves_the_czech_home_page_and_healthz(tmp_path):
    """Also loads the demo processes of ORP Tábor and Otrokovicko (kpss/processes/demo.py)."""
    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "kpss.settings.demo", "KPSS_VAR_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    demo = subprocess.Popen(
        [sys.executable, "manage.py", "demo", "--port", str(port)],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        status, page, headers = wait_for(f"http://127.0.0.1:{port}/", seconds=240)
        assert status == 200
        assert 'lang="cs"' in page and "Kraj Vysočina" in page
        status, body, _ = wait_for(f"http://127.0.0.1:{port}/healthz", seconds=10)
        assert (status, body) == (200, '{"status": "ok", "database": "ok"}')
        assert (tmp_path / "kpss.sqlite3").exists()
    finally:
        demo.terminate()
        output = demo.communicate(timeout=30)[0]
    assert "obcan@kpss.example" in output  # the demo accounts were printed
    # with those of the demo processes, which the real territories let it load
    assert "koordinator.tabor@kpss.example" in output and "koordinator.otrokovicko@kpss.example" in output
    assert "ORP Tábor" in output and "Otrokovicku" in output
