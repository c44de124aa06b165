"""The suggestions agenda of a process (seed 002): every suggestion, whom it went to, how it was settled.

A suggestion comes from anyone: through the public form, or entered by staff from a meeting, a
letter, a phone call or an e-mail. The coordinator triages it to a group or forwards it to a
department of the town office; the group (or the coordinator) settles it with a public answer.
``history`` keeps every change (django-simple-history); the submitter's contact is left out of it
so that erasing a contact erases it everywhere.
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kpss.accounts.models import Timestamped
from kpss.core.text import fold
from kpss.processes.models import Group, PlanningProcess

# No 0/O, 1/I/L: a code read out over the phone or copied from paper comes through.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def new_tracking_code():
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{raw[:4]}-{raw[4:]}"


class SuggestionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Suggestion(Timestamped):
    class Source(models.TextChoices):
        WEB = "web", _("web form")
        MEETING = "meeting", _("at a meeting")
        PAPER = "paper", _("on paper")
        PHONE = "phone", _("by phone")
        EMAIL = "email", _("by e-mail")
        IN_PERSON = "in_person", _("in person")

    class Status(models.TextChoices):
        NEW = "new", _("new")
        UNDER_DISCUSSION = "under_discussion", _("under discussion")
        SETTLED = "settled", _("settled")

    class Settlement(models.TextChoices):
        ACCEPTED = "accepted", _("accepted")
        PARTLY_ACCEPTED = "partly_accepted", _("partly accepted")
        NOT_ACCEPTED = "not_accepted", _("not accepted")
        FORWARDED = "forwarded", _("forwarded")
        OUT_OF_SCOPE = "out_of_scope", _("outside the scope of social services")

    process = models.ForeignKey(PlanningProcess, models.CASCADE, related_name="suggestions", verbose_name=_("process"))
    code = models.CharField(_("tracking code"), max_length=9, unique=True, default=new_tracking_code, editable=False)
    text = models.TextField(_("suggestion"))
    topic = models.CharField(_("topic"), max_length=30, choices=Group.Theme.choices, blank=True)
    municipality = models.ForeignKey(
        "territories.Municipality",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality it concerns"),
    )
    source = models.CharField(_("received"), max_length=10, choices=Source.choices, default=Source.WEB)
    received_on = models.DateField(_("received on"))
    meeting = models.ForeignKey(
        "meetings.Meeting",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggestions",
        verbose_name=_("meeting"),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entered by")
    )

    # Contact: given only with consent, never shown publicly, never exported, erasable.
    submitter_name = models.CharField(_("name"), max_length=200, blank=True)
    submitter_email = models.EmailField(_("e-mail"), blank=True)
    submitter_phone = models.CharField(_("phone"), max_length=40, blank=True)
    consent_given_at = models.DateTimeField(_("consent given"), null=True, blank=True)

    # Handling
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    is_published = models.BooleanField(
        _("shown in the public tracker"),
        default=False,
        help_text=_("Only suggestions the coordinator has looked at appear in the public tracker."),
    )
    group = models.ForeignKey(
        Group, models.SET_NULL, null=True, blank=True, related_name="suggestions", verbose_name=_("assigned to group")
    )
    assigned_on = models.DateField(_("assigned on"), null=True, blank=True)
    department = models.CharField(
        _("forwarded to department"),
        max_length=200,
        blank=True,
        help_text=_("A department of the town office, for example the social affairs department."),
    )
    forwarded_on = models.DateField(_("forwarded on"), null=True, blank=True)
    settlement = models.CharField(_("settlement"), max_length=20, choices=Settlement.choices, blank=True)
    answer = models.TextField(_("public answer"), blank=True)
    settled_on = models.DateField(_("settled on"), null=True, blank=True)
    notified_at = models.DateTimeField(_("submitter notified"), null=True, blank=True)
    # The text and answer folded (kpss.core.text.fold): search ignores case and diacritics on
    # SQLite and PostgreSQL alike ("bezbarierovy" finds "bezbariérový").
    search_text = models.TextField(editable=False, blank=True)

    history = HistoricalRecords(excluded_fields=["submitter_name", "submitter_email", "submitter_phone", "search_text"])
    objects = SuggestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        ordering = ["-received_on", "-pk"]
        indexes = [
            models.Index(fields=["process", "is_published", "received_on"]),
            models.Index(fields=["process", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="settled") | ~models.Q(settlement=""),
                name="settled_suggestion_has_settlement",
            ),
        ]

    def __str__(self):
        return self.code

    def get_absolute_url(self):
        return reverse("feedback:detail", args=[self.pk])

    def get_tracking_url(self):
        return reverse("feedback:track", args=[self.code])

    def save(self, *args, **kwargs):
        self.search_text = self.folded_text()
        super().save(*args, **kwargs)

    def folded_text(self):
        return fold(f"{self.text}\n{self.answer}")

    @property
    def has_contact(self):
        return bool(self.submitter_name or self.submitter_email or self.submitter_phone)
