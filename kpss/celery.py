"""The Celery application. Settings come from Django's, under the CELERY_ prefix."""

import os

from celery import Celery

# Workers run production unless told otherwise; manage.py and the tests set their own settings.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kpss.settings.production")

app = Celery("kpss")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
