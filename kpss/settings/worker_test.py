"""Settings for the Celery worker integration test (kpss/core/tests/test_celery_worker.py).

A real worker process runs with these: Redis is broker and result backend (a dedicated DB
number, so nothing else's queues are touched) and mail goes to files, because the test process
cannot see another process's memory. The tasks under test need no database.
"""

import os

from .base import *  # noqa: F403
from .base import VAR_DIR

DEBUG = False
SECRET_KEY = "worker-test-only-not-secret"  # noqa: S105
DATABASES = {}

REDIS_URL = os.environ.get("KPSS_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
CELERY_BROKER_URL = CELERY_RESULT_BACKEND = REDIS_URL
CELERY_TASK_ALWAYS_EAGER = False

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ.get("KPSS_TEST_EMAIL_DIR", str(VAR_DIR / "test-mail"))
