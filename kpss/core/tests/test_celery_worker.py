"""A real Celery worker, fed through the local Redis, runs the send_email task.

Everywhere else tasks run eagerly; this proves the wiring eager mode hides: the task is
registered under the name producers use, arguments survive JSON serialisation, the worker boots
with Django, and results come back through the result backend.
"""

import email
import email.policy
import os
import subprocess
import sys
import time
import uuid

import pytest
import redis
from celery import Celery
from django.conf import settings

REDIS_URL = os.environ.get("KPSS_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
WAIT_SECONDS = 30

pytestmark = pytest.mark.redis


def require_redis():
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:
        message = f"Redis is not reachable at {REDIS_URL}: {exc}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def start_worker(queue, mail_dir, log_file):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kpss.settings.worker_test",
        "KPSS_TEST_REDIS_URL": REDIS_URL,
        "KPSS_TEST_EMAIL_DIR": str(mail_dir),
    }
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "kpss",
        "worker",
        "--pool=solo",
        "--concurrency=1",
        "--loglevel=INFO",
        # A queue and node name of its own, so parallel runs never take each other's tasks.
        "-Q",
        queue,
        "-n",
        f"{queue}@%h",
        # Nothing to synchronise with: skipping these makes start-up faster.
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
    ]
    return subprocess.Popen(command, cwd=settings.BASE_DIR, env=env, stdout=log_file, stderr=subprocess.STDOUT)


def stop_worker(worker):
    if worker.poll() is None:
        worker.terminate()  # SIGTERM: warm shutdown
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def test_worker_sends_email_through_redis(tmp_path):
    require_redis()
    mail_dir = tmp_path / "mail"
    log_path = tmp_path / "worker.log"
    queue = f"kpss-test-{uuid.uuid4().hex[:12]}"
    # A producer of our own: the project's app runs eagerly under the test settings.
    producer = Celery("kpss-test-producer", broker=REDIS_URL, backend=REDIS_URL)

    subject, body = "Pozvánka na setkání", "Řídicí skupina se sejde ve čtvrtek."
    recipient = "clen@example.cz"
    result = None

    with log_path.open("wb") as log_file:
        worker = start_worker(queue, mail_dir, log_file)
        try:
            result = producer.send_task("kpss.core.tasks.send_email", args=[subject, body, [recipient]], queue=queue)
            try:
                sent = result.get(timeout=WAIT_SECONDS)
            except Exception as exc:  # any failure: show what the worker said
                pytest.fail(f"task failed: {exc!r}\n--- worker log ---\n{log_path.read_text()}")
            assert result.state == "SUCCESS"
            assert sent == 1

            deadline = time.monotonic() + WAIT_SECONDS
            while not (files := list(mail_dir.glob("*.log"))) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert len(files) == 1, log_path.read_text()
            raw = files[0].read_text()
            mail = email.message_from_string(raw, policy=email.policy.default)
            assert mail["Subject"] == subject
            assert mail["To"] == recipient
            assert body in raw  # 8-bit UTF-8 body, written as is
        finally:
            stop_worker(worker)
            if result is not None:
                result.forget()  # the result key would otherwise linger in Redis for a day
            producer.close()
            forget_queue(queue)


def forget_queue(queue):
    """Drop the bindings kombu keeps for the throw-away queue."""
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"_kombu.binding*.{queue}"):
        client.delete(key)
