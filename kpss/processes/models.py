"""A planning process and its organisation: phases, schedule, participants, groups, documents."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kpss.accounts.models import Organisation, Person, Timestamped


class PlanningProcess(Timestamped):
    """One run of community planning for one territory and period (e.g. ORP Tábor 2018–2020)."""

    class Scope(models.TextChoices):
        ORP = "orp", _("administrative district of an ORP")
        MUNICIPALITIES = "municipalities", _("a set of municipalities")
        REGION = "region", _("region")

    class Status(models.TextChoices):
        PREPARATION = "preparation", _("in preparation")
        RUNNING = "running", _("running")
        COMPLETED = "completed", _("completed")

    name = models.CharField(_("name"), max_length=255)
    scope = models.CharField(_("territory"), max_length=20, choices=Scope.choices, default=Scope.ORP)
    # Every process lies in one region: it is how regional officers find the processes they oversee.
    region = models.ForeignKey(
        "territories.Region", models.PROTECT, related_name="planning_processes", verbose_name=_("region")
    )
    orp = models.ForeignKey(
        "territories.Orp",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="planning_processes",
        verbose_name=_("ORP"),
    )
    municipalities = models.ManyToManyField(
        "territories.Municipality",
        blank=True,
        related_name="planning_processes",
        verbose_name=_("municipalities"),
        help_text=_("For a microregion or another set of municipalities."),
    )
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    realiser = models.ForeignKey(
        Organisation,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="realised_processes",
        verbose_name=_("realiser"),
    )
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="partnered_processes", verbose_name=_("partner organisations")
    )
    funding_note = models.TextField(
        _("funding"), blank=True, help_text=_("For example the operational programme that funds the project.")
    )
    project_number = models.CharField(_("project registration number"), max_length=60, blank=True)
    budget = models.DecimalField(_("budget (CZK)"), max_digits=14, decimal_places=2, null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PREPARATION)
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="coordinated_processes", verbose_name=_("coordinators")
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)

    class Meta:
        verbose_name = _("planning process")
        verbose_name_plural = _("planning processes")
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="process_period"),
            models.CheckConstraint(
                condition=~models.Q(scope="orp") | models.Q(orp__isnull=False), name="process_orp_scope_has_orp"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("processes:detail", args=[self.pk])


class Phase(models.Model):
    """One of the six phases of the method (seed 001); every process has all six."""

    class Number(models.IntegerChoices):
        START = 1, _("Start")
        STRUCTURE = 2, _("Structure")
        UNDERSTANDING = 3, _("Understanding")
        VISION = 4, _("Vision")
        STRATEGY = 5, _("Strategy")
        IMPLEMENTATION = 6, _("Implementation")

    process = models.ForeignKey(PlanningProcess, models.CASCADE, related_name="phases")
    number = models.PositiveSmallIntegerField(_("phase"), choices=Number.choices)

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["process", "number"]
        constraints = [models.UniqueConstraint(fields=["process", "number"], name="phase_unique")]

    def __str__(self):
        return f"{self.number}. {self.get_number_display()}"


class Step(models.Model):
    """A checklist step of a phase; done when it has a date."""

    phase = models.ForeignKey(Phase, models.CASCADE, related_name="steps", verbose_name=_("phase"))
    title = models.CharField(_("step"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    meeting = models.ForeignKey(
        "meetings.Meeting",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="steps_done",
        verbose_name=_("meeting that did it"),
    )
    document = models.ForeignKey(
        "Document",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="steps_done",
        verbose_name=_("document that did it"),
    )

    class Meta:
        verbose_name = _("step")
        verbose_name_plural = _("steps")
        ordering = ["phase", "order", "pk"]

    def __str__(self):
        return self.title

    @property
    def is_done(self):
        return self.done_on is not None


class Stage(models.Model):
    """A stage of the schedule, closed when its criterion is met (seed 000: three stages)."""

    process = models.ForeignKey(PlanningProcess, models.CASCADE, related_name="stages")
    name = models.CharField(_("name"), max_length=200)
    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))
    closing_criterion = models.TextField(
        _("closing criterion"), blank=True, help_text=_("What must be true for the stage to be closed.")
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    class Meta:
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        ordering = ["process", "starts_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="stage_period")
        ]

    def __str__(self):
        return self.name

    @property
    def is_overdue(self):
        return self.closed_on is None and self.ends_on < timezone.localdate()


class Milestone(models.Model):
    """A dated item of the schedule; due by a day or, as project schedules often say, by a month."""

    class Precision(models.TextChoices):
        DAY = "day", _("day")
        MONTH = "month", _("month")

    process = models.ForeignKey(PlanningProcess, models.CASCADE, related_name="milestones")
    stage = models.ForeignKey(
        Stage, models.SET_NULL, null=True, blank=True, related_name="milestones", verbose_name=_("stage")
    )
    title = models.CharField(_("milestone"), max_length=300)
    due_on = models.DateField(_("due"), help_text=_("For a month, any day of that month."))
    precision = models.CharField(_("due by"), max_length=5, choices=Precision.choices, default=Precision.DAY)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["process", "due_on", "pk"]

    def __str__(self):
        return self.title

    @property
    def deadline(self):
        """The last day the milestone is on time: the end of its month for a monthly one."""
        if self.precision == self.Precision.MONTH:
            next_month = (self.due_on.replace(day=28) + timezone.timedelta(days=4)).replace(day=1)
            return next_month - timezone.timedelta(days=1)
        return self.due_on

    @property
    def is_overdue(self):
        return self.done_on is None and self.deadline < timezone.localdate()


class TriadRole(models.TextChoices):
    COMMISSIONER = "commissioner", _("commissioner")
    PROVIDER = "provider", _("provider")
    SERVICE_USER = "service_user", _("service user")
    PUBLIC = "public", _("public")
    OTHER_STAKEHOLDER = "other_stakeholder", _("other stakeholder")


class Participant(models.Model):
    """A person or an organisation taking part in a process, with its side of the triad."""

    process = models.ForeignKey(PlanningProcess, models.CASCADE, related_name="participants")
    person = models.ForeignKey(
        Person, models.CASCADE, null=True, blank=True, related_name="participations", verbose_name=_("person")
    )
    organisation = models.ForeignKey(
        Organisation,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("organisation"),
    )
    triad_role = models.CharField(_("triad role"), max_length=20, choices=TriadRole.choices)
    joined_on = models.DateField(_("joined on"), null=True, blank=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False, organisation__isnull=True)
                | models.Q(person__isnull=True, organisation__isnull=False),
                name="participant_person_xor_organisation",
            ),
            models.UniqueConstraint(fields=["process", "person"], name="participant_person_unique"),
            models.UniqueConstraint(fields=["process", "organisation"], name="participant_organisation_unique"),
        ]

    def __str__(self):
        return str(self.person or self.organisation)


class Group(models.Model):
    """The steering group or a working group of a process."""

    class Kind(models.TextChoices):
        STEERING = "steering", _("steering group")
        WORKING = "working", _("working group")

    class Focus(models.TextChoices):
        THEMATIC = "thematic", _("thematic")
        TERRITORIAL = "territorial", _("territorial")

    class Theme(models.TextChoices):
        SENIORS = "seniors", _("seniors")
        DISABILITIES = "disabilities", _("people with disabilities")
        CHILDREN_YOUTH_FAMILY = "children_youth_family", _("children, youth and family")
        MINORITIES = "minorities", _("minorities")
        ADVERSE_SITUATIONS = "adverse_situations", _("people in adverse social situations")
        CRISIS_UNEMPLOYED = "crisis_unemployed", _("people in crisis and the unemployed")
        ADDICTIONS = "addictions", _("people at risk of addiction and social pathology")
        OTHER = "other", _("other")

    process = models.ForeignKey(PlanningProcess, models.CASCADE, related_name="groups", verbose_name=_("process"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("abbreviation"), max_length=20, blank=True)
    focus = models.CharField(_("focus"), max_length=12, choices=Focus.choices, blank=True)
    theme = models.CharField(_("target group"), max_length=30, choices=Theme.choices, blank=True)
    municipalities = models.ManyToManyField(
        "territories.Municipality", blank=True, related_name="+", verbose_name=_("municipalities")
    )
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
        ordering = ["process", "order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["process"], condition=models.Q(kind="steering"), name="one_steering_group_per_process"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("processes:group", args=[self.process_id, self.pk])


class MembershipQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(models.Q(starts_on__isnull=True) | models.Q(starts_on__lte=on)).filter(
            models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=on)
        )


class Membership(models.Model):
    class Role(models.TextChoices):
        LEADER = "leader", _("leader")
        DEPUTY = "deputy", _("deputy leader")
        MEMBER = "member", _("member")
        SECRETARY = "secretary", _("secretary")
        FACILITATOR = "facilitator", _("facilitator")

    group = models.ForeignKey(Group, models.CASCADE, related_name="memberships", verbose_name=_("group"))
    person = models.ForeignKey(Person, models.CASCADE, related_name="memberships", verbose_name=_("person"))
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.MEMBER)
    organisation = models.ForeignKey(
        Organisation,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("represents"),
    )
    triad_role = models.CharField(_("triad role"), max_length=20, choices=TriadRole.choices, blank=True)
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["group", "role", "person__last_name", "person__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["group", "person", "starts_on"], name="membership_unique"),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(starts_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="membership_period",
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.group} ({self.get_role_display()})"


class Document(models.Model):
    """A foundational document of the process: statute or rules of procedure, kept in versions."""

    class Kind(models.TextChoices):
        STATUTE = "statute", _("statute")
        STEERING_RULES = "steering_rules", _("rules of procedure of the steering group")
        WORKING_RULES = "working_rules", _("rules of procedure of the working groups")
        PLAN = "plan", _("community plan of social services")
        OTHER = "other", _("other")

    process = models.ForeignKey(PlanningProcess, models.CASCADE, related_name="documents")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["process", "kind", "title"]

    def __str__(self):
        return self.title


def document_upload_to(version, filename):
    return f"processes/{version.document.process_id}/documents/{filename}"


class DocumentVersion(Timestamped):
    """One version of a document; public once approved."""

    document = models.ForeignKey(Document, models.CASCADE, related_name="versions")
    label = models.CharField(_("version"), max_length=40, help_text=_("For example 2018 or 2.1."))
    text = models.TextField(_("text"), blank=True, help_text=_("Markdown."))
    file = models.FileField(_("file"), upload_to=document_upload_to, blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    resolution = models.ForeignKey(
        "meetings.Resolution",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="approved_documents",
        verbose_name=_("approving resolution"),
    )
    approval_note = models.CharField(
        _("approved by"),
        max_length=255,
        blank=True,
        help_text=_("The body and resolution number when the resolution is not recorded here."),
    )

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["document", "-approved_on", "-created"]

    def __str__(self):
        return f"{self.document} ({self.label})"

    @property
    def is_approved(self):
        return self.approved_on is not None
