"""Background work of the suggestions agenda: e-mails to the submitter."""

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import services
from .models import Suggestion

SUBJECTS = {
    "received": lambda s: _("Your suggestion %(code)s has been received") % {"code": s.code},
    "settled": lambda s: _("Your suggestion %(code)s has been answered") % {"code": s.code},
}


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_to_submitter(suggestion_id, kind, tracking_url):
    """Tell the submitter their suggestion arrived (``received``) or how it was settled (``settled``).

    The contact was kept only to send the answer: once it is sent, the contact is erased.
    """
    suggestion = Suggestion.objects.select_related("process", "group").get(pk=suggestion_id)
    if not (suggestion.submitter_email and suggestion.consent_given_at):
        return  # the contact was erased meanwhile
    with translation.override(settings.LANGUAGE_CODE):
        subject = SUBJECTS[kind](suggestion)
        body = render_to_string(f"feedback/email/{kind}.txt", {"suggestion": suggestion, "url": tracking_url})
    send_mail(subject, body, None, [suggestion.submitter_email])
    if kind == "settled":
        # Not through the history: a delivered e-mail is not a change of the suggestion.
        Suggestion.objects.filter(pk=suggestion_id).update(notified_at=timezone.now())
        services.erase_contact(suggestion, None)
