"""Meetings of a process: agenda, attendance, minutes, resolutions, attachments."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kpss.accounts.models import Person, Timestamped
from kpss.processes.models import Group, PlanningProcess


class MeetingQuerySet(models.QuerySet):
    def open_to_public(self):
        return self.filter(is_open=True)

    def upcoming(self):
        return self.filter(starts_at__gte=timezone.now()).exclude(status=Meeting.Status.CANCELLED)


class Meeting(Timestamped):
    class Kind(models.TextChoices):
        STEERING = "steering", _("steering group meeting")
        WORKING = "working", _("working group meeting")
        PUBLIC = "public", _("public meeting")
        MAYORS_ROUND_TABLE = "mayors_round_table", _("mayors' round table")
        SEMINAR = "seminar", _("seminar")
        WORKSHOP = "workshop", _("workshop")
        CONFERENCE = "conference", _("conference")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    process = models.ForeignKey(PlanningProcess, models.CASCADE, related_name="meetings", verbose_name=_("process"))
    group = models.ForeignKey(
        Group,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("group"),
        help_text=_("Empty for a meeting of the whole process, such as a public meeting."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255)
    starts_at = models.DateTimeField(_("starts at"))
    duration = models.DurationField(_("duration"), default=datetime.timedelta(hours=2))
    place = models.CharField(_("place"), max_length=255, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    is_open = models.BooleanField(
        _("open to the public"), default=True, help_text=_("Open meetings appear in the public calendar.")
    )
    accessibility = models.TextField(
        _("accessibility"),
        blank=True,
        help_text=_("For example: barrier-free entrance, sign-language interpreter, induction loop."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)
    cancellation_reason = models.TextField(_("reason for cancelling"), blank=True)
    headcount = models.PositiveIntegerField(
        _("headcount"), null=True, blank=True, help_text=_("How many people came, for an open public meeting.")
    )
    invitation_sent_at = models.DateTimeField(_("invitation sent"), null=True, blank=True)
    # A stable identifier keeps calendar entries in step when the meeting moves or is cancelled.
    sequence = models.PositiveIntegerField(default=0, editable=False)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["process", "starts_at"]), models.Index(fields=["is_open", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="cancelled") | ~models.Q(cancellation_reason=""),
                name="cancelled_meeting_has_reason",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:detail", args=[self.pk])

    @property
    def ends_at(self):
        return self.starts_at + self.duration


class Invitation(models.Model):
    """One e-mailed invitation: who got it, at which address, when; a cancellation goes to the same."""

    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="invitations")
    person = models.ForeignKey(Person, models.SET_NULL, null=True, related_name="invitations")
    email = models.EmailField(_("e-mail"))
    sent_at = models.DateTimeField(_("sent"))

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["meeting", "email"]
        constraints = [models.UniqueConstraint(fields=["meeting", "email"], name="invitation_unique_address")]

    def __str__(self):
        return self.email


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("item"), max_length=300)
    presenter = models.CharField(_("presented by"), max_length=200, blank=True)
    minutes = models.PositiveSmallIntegerField(_("minutes allotted"), null=True, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "order", "pk"]

    def __str__(self):
        return self.title


class Attendance(models.Model):
    """Who came: a member or invited person (``person``) or a guest known only by name."""

    class Status(models.TextChoices):
        PRESENT = "present", _("present")
        EXCUSED = "excused", _("excused")
        ABSENT = "absent", _("absent")

    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="attendances")
    person = models.ForeignKey(
        Person, models.CASCADE, null=True, blank=True, related_name="attendances", verbose_name=_("person")
    )
    guest_name = models.CharField(_("guest"), max_length=200, blank=True)
    guest_organisation = models.CharField(_("guest's organisation"), max_length=200, blank=True)
    status = models.CharField(_("attendance"), max_length=10, choices=Status.choices, default=Status.PRESENT)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_unique_person"),
            models.CheckConstraint(
                condition=models.Q(person__isnull=False, guest_name="")
                | models.Q(person__isnull=True) & ~models.Q(guest_name=""),
                name="attendance_person_xor_guest",
            ),
        ]

    def __str__(self):
        return str(self.person or self.guest_name)

    @property
    def is_guest(self):
        return self.person_id is None


class Minutes(Timestamped):
    """The written record of a meeting; public once the group approved it, for an open meeting."""

    meeting = models.OneToOneField(Meeting, models.CASCADE, related_name="minutes")
    text = models.TextField(_("minutes"), help_text=_("Markdown."))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("written by")
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self):
        return str(self.meeting)

    @property
    def is_approved(self):
        return self.approved_on is not None

    @property
    def is_public(self):
        return self.is_approved and self.meeting.is_open


class Resolution(models.Model):
    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="resolutions", verbose_name=_("meeting"))
    number = models.CharField(_("number"), max_length=40)
    text = models.TextField(_("text"))
    votes_for = models.PositiveIntegerField(_("for"), null=True, blank=True)
    votes_against = models.PositiveIntegerField(_("against"), null=True, blank=True)
    votes_abstained = models.PositiveIntegerField(_("abstained"), null=True, blank=True)
    adopted = models.BooleanField(_("adopted"), default=True)

    class Meta:
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        ordering = ["meeting", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "number"], name="resolution_number_unique")]

    def __str__(self):
        return f"{self.number}: {self.text[:60]}"


def attachment_upload_to(attachment, filename):
    return f"meetings/{attachment.meeting_id}/{filename}"


class Attachment(Timestamped):
    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="attachments")
    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(_("file"), upload_to=attachment_upload_to)
    is_public = models.BooleanField(
        _("shown to the public"),
        default=False,
        help_text=_("Shown to everyone when the meeting is open to the public."),
    )

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["meeting", "title"]

    def __str__(self):
        return self.title
