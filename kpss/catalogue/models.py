"""The catalogue of social and related services, shaped after the MPSV provider registry (RPSS).

Codelists carry the registry's open-data id ("DruhSocialniSluzby/13") and the internal API id where
known. Some ids in the shared CSVs are inferred; the registry's own codelist files, when loaded,
replace them (``is_inferred`` False, ``from_registry_file`` True). Statutory bodies' personal names
are never stored anywhere here.
"""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kpss.accounts.models import Timestamped
from kpss.accounts.validators import validate_ico
from kpss.core.text import fold


class Codelist(models.Model):
    registry_id = models.CharField(
        _("registry id"), max_length=60, unique=True, null=True, blank=True, help_text=_("e.g. DruhSocialniSluzby/13")
    )
    api_id = models.PositiveIntegerField(_("registry API id"), null=True, blank=True)
    name = models.CharField(_("name"), max_length=255)
    is_inferred = models.BooleanField(
        _("inferred"), default=False, help_text=_("The id or name is inferred and not confirmed by the registry.")
    )
    from_registry_file = models.BooleanField(
        _("from the registry's codelist"),
        default=False,
        editable=False,
        help_text=_("Name and id come from the registry's own codelist file; the shared CSV no longer changes them."),
    )

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class ServiceCategory(models.TextChoices):
    COUNSELLING = "counselling", _("social counselling (§ 37)")
    CARE = "care", _("social care services (§ 38)")
    PREVENTION = "prevention", _("social prevention services (§ 53)")


class ServiceForm(Codelist):
    """Forma poskytování (§ 33 of Act 108/2006 Sb.)."""

    class Code(models.TextChoices):
        RESIDENTIAL = "residential", _("residential")
        OUTPATIENT = "outpatient", _("outpatient")
        FIELD = "field", _("field")

    code = models.CharField(_("code"), max_length=12, choices=Code.choices, unique=True)

    class Meta(Codelist.Meta):
        verbose_name = _("service form")
        verbose_name_plural = _("service forms")


class ServiceType(Codelist):
    """Druh sociální služby: one of §37–§70 of Act 108/2006 Sb. (or a newer type without a paragraph)."""

    paragraph = models.CharField(_("paragraph"), max_length=10, blank=True, help_text=_("e.g. § 49"))
    category = models.CharField(_("category"), max_length=12, choices=ServiceCategory.choices, blank=True)
    allowed_forms = models.ManyToManyField(
        ServiceForm, blank=True, related_name="service_types", verbose_name=_("forms the law allows")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta(Codelist.Meta):
        ordering = ["order", "name"]
        verbose_name = _("service type")
        verbose_name_plural = _("service types")

    def __str__(self):
        return f"{self.paragraph} {self.name}" if self.paragraph else self.name


class CapacityType(Codelist):
    class Meta(Codelist.Meta):
        verbose_name = _("capacity type")
        verbose_name_plural = _("capacity types")


class TargetGroup(Codelist):
    class Meta(Codelist.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class AgeGroup(Codelist):
    age_from = models.PositiveSmallIntegerField(_("age from"))
    age_to = models.PositiveSmallIntegerField(_("age to"), null=True, blank=True, help_text=_("Empty: no upper limit."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta(Codelist.Meta):
        ordering = ["order", "age_from"]
        verbose_name = _("age group")
        verbose_name_plural = _("age groups")


class RelatedServiceType(models.Model):
    """Type of a related service (doprovodná služba): not registered under the Act, still listed."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("related service type")
        verbose_name_plural = _("related service types")

    def __str__(self):
        return self.name


class Provider(Timestamped):
    class FounderType(models.TextChoices):
        MUNICIPALITY = "municipality", _("municipality")
        REGION = "region", _("region")
        STATE = "state", _("state")
        CHURCH = "church", _("church")
        NGO = "ngo", _("non-governmental organisation")
        NATURAL_PERSON = "natural_person", _("natural person")
        COMPANY = "company", _("company")
        OTHER = "other", _("other")

    ico = models.CharField(
        _("IČO"),
        max_length=8,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_ico],
        help_text=_("Eight digits; the last one is a check digit."),
    )
    name = models.CharField(_("name"), max_length=255)
    legal_form = models.CharField(_("legal form"), max_length=255, blank=True)
    founder_type = models.CharField(_("founder type"), max_length=20, choices=FounderType.choices, blank=True)
    street = models.CharField(_("street"), max_length=255, blank=True)
    house_number = models.CharField(_("house number"), max_length=20, blank=True)
    orientation_number = models.CharField(_("orientation number"), max_length=20, blank=True)
    postcode = models.CharField(
        _("postcode"), max_length=6, blank=True, validators=[RegexValidator(r"^\d{3} ?\d{2}$", _("Five digits."))]
    )
    municipality = models.ForeignKey(
        "territories.Municipality",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="providers",
        verbose_name=_("municipality"),
    )
    town = models.CharField(_("town"), max_length=255, blank=True)
    web = models.CharField(_("web"), max_length=500, blank=True)
    email = models.CharField(_("e-mail"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    search_name = models.CharField(max_length=255, db_index=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("provider")
        verbose_name_plural = _("providers")
        constraints = [models.CheckConstraint(condition=Q(ico__regex=r"^[0-9]{8}$"), name="provider_ico_eight_digits")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_name = fold(self.name)
        super().save(*args, **kwargs)


class Service(Timestamped):
    """A registered social service (from the registry, or local) or a related service.

    Fields a coordinator or provider may edit locally are listed in ``LOCALLY_EDITABLE``. When one is
    edited its name goes to ``local_fields``; an import then keeps the local value and stores the
    registry's in ``registry_values`` so that pages can show both.
    """

    LOCALLY_EDITABLE = ("name", "description", "age_note", "opening_hours", "emails", "phones", "webs", "fees_note")

    registry_identifier = models.CharField(
        _("registry identifier"), max_length=20, unique=True, null=True, blank=True, editable=False
    )
    service_type = models.ForeignKey(
        ServiceType, models.PROTECT, null=True, blank=True, related_name="services", verbose_name=_("service type")
    )
    related_type = models.ForeignKey(
        RelatedServiceType,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="services",
        verbose_name=_("related service type"),
    )
    provider = models.ForeignKey(Provider, models.PROTECT, related_name="services", verbose_name=_("provider"))
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    target_groups = models.ManyToManyField(
        TargetGroup, blank=True, related_name="services", verbose_name=_("target groups")
    )
    age_groups = models.ManyToManyField(AgeGroup, blank=True, related_name="services", verbose_name=_("age groups"))
    age_note = models.TextField(_("note on age"), blank=True)
    orps = models.ManyToManyField("territories.Orp", blank=True, related_name="services", verbose_name=_("ORPs served"))
    municipalities = models.ManyToManyField(
        "territories.Municipality", blank=True, related_name="services", verbose_name=_("municipalities served")
    )
    opening_hours = models.TextField(_("opening hours"), blank=True)
    emails = models.JSONField(_("e-mails"), default=list, blank=True, help_text=_("A list of {value, note}."))
    phones = models.JSONField(_("phones"), default=list, blank=True, help_text=_("A list of {value, note}."))
    webs = models.JSONField(_("webs"), default=list, blank=True, help_text=_("A list of {value, note}."))
    fees_note = models.TextField(_("fees"), blank=True)
    valid_from = models.DateField(_("provided from"), null=True, blank=True)
    valid_to = models.DateField(_("provided until"), null=True, blank=True)
    ended_on = models.DateField(
        _("ended on"), null=True, blank=True, help_text=_("Set when the service left the registry; never deleted.")
    )
    search_text = models.TextField(editable=False, default="")
    registry_values = models.JSONField(_("registry values"), default=dict, blank=True, editable=False)
    local_fields = models.JSONField(_("locally edited fields"), default=list, blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        constraints = [
            models.CheckConstraint(
                condition=Q(service_type__isnull=False, related_type__isnull=True)
                | Q(service_type__isnull=True, related_type__isnull=False),
                name="service_type_xor_related_type",
            ),
            # A related service is never in the registry.
            models.CheckConstraint(
                condition=Q(related_type__isnull=True) | Q(registry_identifier__isnull=True),
                name="related_service_not_registered",
            ),
        ]
        indexes = [
            models.Index(fields=["ended_on", "service_type"], name="service_current_by_type"),
            models.Index(fields=["ended_on", "provider"], name="service_current_by_provider"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_text = self.folded_text()
        super().save(*args, **kwargs)

    def folded_text(self):
        kind = self.service_type or self.related_type
        parts = [self.name, self.provider.name, kind.name if kind else "", self.description]
        return fold(" ".join(part for part in parts if part))

    @property
    def is_related(self):
        return self.related_type_id is not None

    @property
    def comes_home(self):
        """Whether it is provided in the field (terénní forma); uses prefetched deliveries when present."""
        return any(delivery.form.code == ServiceForm.Code.FIELD for delivery in self.deliveries.all())


class ServiceDelivery(models.Model):
    """One form in which a service is provided, with its hours and capacities."""

    service = models.ForeignKey(Service, models.CASCADE, related_name="deliveries", verbose_name=_("service"))
    form = models.ForeignKey(ServiceForm, models.PROTECT, related_name="deliveries", verbose_name=_("form"))
    continuous = models.BooleanField(_("provided around the clock"), default=False)
    hours = models.TextField(_("hours"), blank=True)

    class Meta:
        verbose_name = _("form of a service")
        verbose_name_plural = _("forms of a service")
        constraints = [models.UniqueConstraint(fields=["service", "form"], name="service_delivery_one_per_form")]

    def __str__(self):
        return f"{self.service} – {self.form}"


class Capacity(models.Model):
    """Registered maximum capacity of a service in one form (not free places)."""

    delivery = models.ForeignKey(
        ServiceDelivery, models.CASCADE, related_name="capacities", verbose_name=_("form of a service")
    )
    count = models.PositiveIntegerField(_("count"))
    capacity_type = models.ForeignKey(
        CapacityType, models.PROTECT, related_name="capacities", verbose_name=_("capacity type")
    )
    description = models.CharField(_("description"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("capacity")
        verbose_name_plural = _("capacities")

    def __str__(self):
        return f"{self.count} {self.capacity_type}"


class Facility(models.Model):
    """Zařízení: a place where the service is provided."""

    service = models.ForeignKey(Service, models.CASCADE, related_name="facilities", verbose_name=_("service"))
    name = models.CharField(_("name"), max_length=255, blank=True)
    street = models.CharField(_("street"), max_length=255, blank=True)
    house_number = models.CharField(_("house number"), max_length=20, blank=True)
    orientation_number = models.CharField(_("orientation number"), max_length=20, blank=True)
    postcode = models.CharField(_("postcode"), max_length=6, blank=True)
    municipality = models.ForeignKey(
        "territories.Municipality",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="facilities",
        verbose_name=_("municipality"),
    )
    part_of_municipality = models.CharField(_("part of the municipality"), max_length=255, blank=True)
    ruian_address_code = models.PositiveBigIntegerField(_("RÚIAN address code"), null=True, blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)

    class Meta:
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")

    def __str__(self):
        return self.name or ", ".join(part for part in (self.street, self.house_number) if part) or str(self.service)
