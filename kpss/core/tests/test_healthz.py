import json
import os
import subprocess
import sys

import pytest
from django.conf import settings


@pytest.mark.django_db
def test_healthz_reports_a_working_database(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_down():
    """The production settings pointed at a port where no database listens."""
    probe = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz', secure=True);"
        "print(json.dumps({'status': r.status_code, 'body': r.json()}))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kpss.settings.production",
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:9/kpss?connect_timeout=2",
    }
    result = subprocess.run(
        [sys.executable, "-c", probe], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=60
    )

    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["status"] == 503
    assert answer["body"]["database"] == "unavailable"
