"""Background tasks of the core app."""

from celery import shared_task
from django.core.mail import send_mail


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_email(subject, body, recipients):
    """Send a plain-text e-mail; retried with back-off while the mail server is unreachable."""
    return send_mail(subject, body, None, recipients)
