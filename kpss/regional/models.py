"""A region's programme that supports its ORPs in planning (seeds 000 and 003).

A programme is run as a planning process of the region (scope ``region``): that process carries
its name, period, realiser and partners, funding, schedule (stages and milestones), steering group
and meetings, so seminars are meetings of the programme's process with the kind seminar or
workshop. This app adds what only a programme has: the call to the region's ORPs and POÚ with
their answers, the ORP processes taking part, and indicators against targets.
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kpss.accounts.models import Timestamped
from kpss.processes.models import PlanningProcess


class Programme(Timestamped):
    process = models.OneToOneField(
        PlanningProcess, models.CASCADE, related_name="programme", verbose_name=_("process of the programme")
    )
    participating_processes = models.ManyToManyField(
        PlanningProcess,
        blank=True,
        related_name="programmes",
        verbose_name=_("participating processes"),
        help_text=_("The planning processes of the ORPs and municipalities that joined."),
    )

    class Meta:
        verbose_name = _("regional programme")
        verbose_name_plural = _("regional programmes")
        ordering = ["-process__starts_on"]

    def __str__(self):
        return self.process.name

    def get_absolute_url(self):
        return reverse("regional:programme", args=[self.pk])


class Call(Timestamped):
    """A letter to the mayors of the region's ORPs and POÚ asking whether they join, with a deadline."""

    programme = models.ForeignKey(Programme, models.CASCADE, related_name="calls", verbose_name=_("programme"))
    title = models.CharField(_("title"), max_length=255)
    letter = models.TextField(_("letter"), help_text=_("Markdown. The text the mayors receive."))
    deadline = models.DateField(_("answer by"))
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("call to municipalities")
        verbose_name_plural = _("calls to municipalities")
        ordering = ["programme", "-created"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("regional:call", args=[self.programme_id, self.pk])

    @property
    def is_open(self):
        return timezone.localdate() <= self.deadline


def new_answer_token():
    return secrets.token_urlsafe(24)


class Addressee(models.Model):
    """One municipality a call went to: an ORP, or a POÚ that is not an ORP, and its answer.

    The answer comes through the personal link of the e-mail (``token``) or is entered by the
    officer from a paper reply (``recorded_by``).
    """

    class Answer(models.TextChoices):
        YES = "yes", _("yes, we join")
        NO = "no", _("no")

    class Channel(models.TextChoices):
        LINK = "link", _("through the link")
        PAPER = "paper", _("on paper")

    call = models.ForeignKey(Call, models.CASCADE, related_name="addressees", verbose_name=_("call"))
    orp = models.ForeignKey(
        "territories.Orp", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("ORP")
    )
    pou = models.ForeignKey(
        "territories.Pou", models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("POU")
    )
    email = models.EmailField(_("e-mail of the mayor's office"), blank=True)
    token = models.CharField(max_length=40, unique=True, default=new_answer_token, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    answer = models.CharField(_("answer"), max_length=3, choices=Answer.choices, blank=True)
    representative = models.CharField(_("statutory representative"), max_length=200, blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    channel = models.CharField(_("answered"), max_length=5, choices=Channel.choices, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("entered by")
    )
    process = models.ForeignKey(
        PlanningProcess,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("participating process"),
        help_text=_("The process that stands for this municipality in the programme, linked when it joined."),
    )

    class Meta:
        verbose_name = _("addressee")
        verbose_name_plural = _("addressees")
        ordering = ["call", models.F("orp__name").asc(nulls_last=True), "pou__name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(orp__isnull=False, pou__isnull=True) | models.Q(orp__isnull=True, pou__isnull=False),
                name="addressee_orp_xor_pou",
            ),
            models.UniqueConstraint(fields=["call", "orp"], name="addressee_orp_unique"),
            models.UniqueConstraint(fields=["call", "pou"], name="addressee_pou_unique"),
            models.CheckConstraint(
                condition=models.Q(answer="") | ~models.Q(representative="") & models.Q(answered_on__isnull=False),
                name="answer_has_representative_and_date",
            ),
        ]

    def __str__(self):
        return str(self.territory)

    @property
    def territory(self):
        return self.orp or self.pou

    @property
    def is_orp(self):
        return self.orp_id is not None

    def get_answer_url(self):
        return reverse("regional:answer", args=[self.token])


class Indicator(models.Model):
    """A target of the programme (seed 000: plans in at least 8 ORP, 30 people trained, …)."""

    class Measure(models.TextChoices):
        PLANS = "plans", _("participating processes with an approved community plan")
        PARTICIPATING = "participating", _("participating processes")
        TRAINED = "trained", _("people trained at the programme's seminars and workshops")
        ACTIVE = "active", _("people active in the working groups of participating processes")
        ENTERED = "entered", _("entered by hand")

    programme = models.ForeignKey(Programme, models.CASCADE, related_name="indicators", verbose_name=_("programme"))
    name = models.CharField(_("indicator"), max_length=255)
    measure = models.CharField(_("how it is counted"), max_length=15, choices=Measure.choices)
    target = models.PositiveIntegerField(_("target"))
    unit = models.CharField(_("unit"), max_length=40, blank=True, help_text=_("For example: ORP, people, jobs."))
    entered_value = models.PositiveIntegerField(
        _("current value"), null=True, blank=True, help_text=_("Only for an indicator entered by hand.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["programme", "order", "pk"]

    def __str__(self):
        return self.name
