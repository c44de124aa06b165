"""iCalendar (RFC 5545) for meetings: invitations, cancellations, downloads and feeds."""

import datetime
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from .models import Meeting

PRODID = "-//kpss//Community planning of social services//CS"


def agenda_text(meeting):
    """The agenda as numbered lines; uses prefetched ``agenda_items`` when the caller loaded them."""
    return "\n".join(f"{number}. {item.title}" for number, item in enumerate(meeting.agenda_items.all(), start=1))


def uid(meeting):
    """Stable across changes of the meeting and unique across installations (RFC 5545: UID with a domain)."""
    return f"meeting-{meeting.pk}@{getattr(settings, 'KPSS_ICAL_DOMAIN', 'kpss.local')}"


def organizer():
    """The ORGANIZER of invitations: the address (and name) of DEFAULT_FROM_EMAIL, which may be
    in the display-name form ``KPSS <kpss@example.cz>``."""
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return address, {"CN": name} if name else {}


def location(meeting):
    return ", ".join(part for part in (meeting.place, meeting.online_url) if part)


def event(meeting, url, cancelled=False, invitation=False, attendee=None):
    utc = datetime.UTC
    item = Event()
    item.add("uid", uid(meeting))
    item.add("sequence", meeting.sequence)
    item.add("dtstamp", timezone.now().astimezone(utc))
    item.add("dtstart", meeting.starts_at.astimezone(utc))
    item.add("dtend", meeting.ends_at.astimezone(utc))
    item.add("summary", meeting.title)
    if location(meeting):
        item.add("location", location(meeting))
    item.add("url", url)
    description = "\n\n".join(part for part in (agenda_text(meeting), meeting.accessibility, url) if part)
    item.add("description", description)
    is_cancelled = cancelled or meeting.status == Meeting.Status.CANCELLED
    item.add("status", "CANCELLED" if is_cancelled else "CONFIRMED")
    item.add("class", "PUBLIC" if meeting.is_open else "PRIVATE")
    # An invitation (METHOD:REQUEST or CANCEL) names its organiser and its attendee (RFC 5546).
    if invitation:
        address, parameters = organizer()
        item.add("organizer", f"mailto:{address}", parameters=parameters)
    if attendee:
        item.add("attendee", f"mailto:{attendee}", parameters={"ROLE": "REQ-PARTICIPANT", "RSVP": "FALSE"})
    return item


def calendar(meetings_with_urls, method=None, name=None, attendee=None):
    """Bytes of a VCALENDAR with one VEVENT per (meeting, absolute url) pair."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    if method:
        cal.add("method", method)
    if name:
        cal.add("x-wr-calname", name)
    for meeting, url in meetings_with_urls:
        cal.add_component(event(meeting, url, method == "CANCEL", bool(method), attendee))
    return cal.to_ical()
