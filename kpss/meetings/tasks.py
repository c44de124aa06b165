"""Background work of the meetings app: invitation e-mails with an .ics attachment."""

from email.mime.text import MIMEText

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from . import ical
from .models import Meeting


def ics_part(meeting, url, method, attendee):
    """The .ics as a text/calendar part with its METHOD, as calendar clients expect of an invitation."""
    content = ical.calendar([(meeting, url)], method=method, attendee=attendee).decode()
    part = MIMEText(content, "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header(
        "Content-Disposition", "attachment", filename="invitation.ics" if method == "REQUEST" else "cancel.ics"
    )
    return part


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_invitation(meeting_id, recipient, url, method="REQUEST"):
    """The e-mail to one recipient (a retry resends to nobody else); METHOD:REQUEST invites, CANCEL cancels."""
    meeting = Meeting.objects.select_related("process", "group").prefetch_related("agenda_items").get(pk=meeting_id)
    with translation.override(settings.LANGUAGE_CODE):
        context = {"meeting": meeting, "url": url, "agenda": meeting.agenda_items.all()}
        if method == "CANCEL":
            subject = _("Cancelled: %(title)s") % {"title": meeting.title}
            body = render_to_string("meetings/email/cancellation.txt", context)
        else:
            subject = _("Invitation: %(title)s") % {"title": meeting.title}
            body = render_to_string("meetings/email/invitation.txt", context)
    message = EmailMessage(subject, body, to=[recipient])
    message.attach(ics_part(meeting, url, method, recipient))
    message.send()
