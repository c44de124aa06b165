"""Background work of the regional programmes: the call letters."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from .models import Addressee


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_call_letter(addressee_id, answer_url):
    """The call's letter to one municipality, with the personal link to answer it."""
    addressee = Addressee.objects.select_related("call__programme__process__region", "orp", "pou").get(pk=addressee_id)
    call = addressee.call
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string("regional/email/call.txt", {"call": call, "addressee": addressee, "url": answer_url})
    send_mail(call.title, body, None, [addressee.email])
