"""People and organisations that take part, and the accounts that sign in."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .validators import validate_ico


class UserManager(BaseUserManager):
    """Users sign in with their e-mail address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractUser):
    username = None
    email = models.EmailField(_("e-mail"), unique=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email

    def clean(self):
        super().clean()
        self.email = self.email.lower()

    def save(self, *args, **kwargs):
        # One account per address, whatever the case it is typed in: login matches case-insensitively.
        self.email = self.email.lower()
        super().save(*args, **kwargs)


class SiteRole(models.Model):
    """A role a user holds across the whole site, not within one planning process.

    A coordinator may start planning processes; what they coordinate is kept on each process.
    """

    class Kind(models.TextChoices):
        ADMINISTRATOR = "administrator", _("administrator")
        REGIONAL_OFFICER = "regional_officer", _("regional officer")
        COORDINATOR = "coordinator", _("KPSS coordinator")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="site_roles")
    kind = models.CharField(_("role"), max_length=20, choices=Kind.choices)
    region = models.ForeignKey(
        "territories.Region", models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("region")
    )

    class Meta:
        verbose_name = _("site role")
        verbose_name_plural = _("site roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "region"], name="site_role_unique"),
            # NULLs are distinct in a unique index, so the region-less role needs its own constraint.
            models.UniqueConstraint(
                fields=["user", "kind"], condition=models.Q(region__isnull=True), name="site_role_unique_without_region"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=["administrator", "coordinator"], region__isnull=True)
                | models.Q(kind="regional_officer", region__isnull=False),
                name="site_role_region_iff_officer",
            ),
        ]

    def __str__(self):
        if self.region_id:
            return f"{self.get_kind_display()} ({self.region})"
        return str(self.get_kind_display())


class Timestamped(models.Model):
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class Organisation(Timestamped):
    class LegalType(models.TextChoices):
        MUNICIPALITY = "municipality", _("municipality")
        REGION = "region", _("region")
        NGO = "ngo", _("non-governmental organisation")
        CHURCH = "church", _("church organisation")
        STATE = "state", _("state organisation")
        NATURAL_PERSON = "natural_person", _("natural person")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=255)
    ico = models.CharField(
        _("IČO"),
        max_length=8,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_ico],
        help_text=_("Eight digits; the last one is a check digit."),
    )
    legal_type = models.CharField(_("legal type"), max_length=20, choices=LegalType.choices)
    is_provider = models.BooleanField(_("provider of social services"), default=False)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    web = models.URLField(_("web"), blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Person(Timestamped):
    """Someone who takes part; may or may not have an account."""

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    title = models.CharField(pgettext_lazy("of a person", "academic title"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("organisation"),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("user account"),
    )
    consents_to_contact = models.BooleanField(
        _("consents to be contacted"),
        default=False,
        help_text=_("The person agreed to be contacted about community planning."),
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return " ".join(part for part in (self.title, self.first_name, self.last_name) if part)
