"""Czech territorial units as the ČSÚ codelists define them.

Region (kraj, CIS 100) ⊃ ORP (CIS 65) ⊃ POU (CIS 61) ⊃ Municipality (CIS 43); districts (okres,
CIS 101) cut across and are kept because statistics and addresses use them.
"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kpss.core.text import fold


class Territory(models.Model):
    """A territorial unit; ``level`` names its kind in population statistics (PopulationStat.Level)."""

    code = models.CharField(_("ČSÚ code"), max_length=6, unique=True)
    name = models.CharField(_("name"), max_length=100)
    search_name = models.CharField(max_length=100, db_index=True, editable=False)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_name = fold(self.name)
        super().save(*args, **kwargs)


class Region(Territory):
    """Kraj, a NUTS 3 region."""

    level = "region"
    short_name = models.CharField(_("short name"), max_length=100)
    ruian_code = models.PositiveIntegerField(_("RÚIAN code"), unique=True)
    nuts_code = models.CharField(_("NUTS code"), max_length=5, unique=True)

    class Meta(Territory.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def get_absolute_url(self):
        return reverse("territories:region", args=[self.code])


class District(Territory):
    """Okres, a LAU 1 unit."""

    level = "district"
    region = models.ForeignKey(Region, models.PROTECT, related_name="districts", verbose_name=_("region"))
    ruian_code = models.PositiveIntegerField(_("RÚIAN code"), unique=True, null=True, blank=True)
    nuts_code = models.CharField(_("LAU 1 code"), max_length=6, unique=True)

    class Meta(Territory.Meta):
        verbose_name = _("district")
        verbose_name_plural = _("districts")


class Orp(Territory):
    """Obec s rozšířenou působností: the usual territory of a community plan."""

    level = "orp"
    region = models.ForeignKey(Region, models.PROTECT, related_name="orps", verbose_name=_("region"))
    ruian_code = models.PositiveIntegerField(_("RÚIAN code"), unique=True)

    class Meta(Territory.Meta):
        verbose_name = _("ORP")
        verbose_name_plural = _("ORPs")

    def get_absolute_url(self):
        return reverse("territories:orp", args=[self.code])

    @property
    def title(self):
        """ "ORP Tábor": the name alone is also the town's, so pages say which unit they mean."""
        return _("ORP %(name)s") % {"name": self.name}


class Pou(Territory):
    """Obec s pověřeným obecním úřadem."""

    level = "pou"
    orp = models.ForeignKey(Orp, models.PROTECT, related_name="pous", verbose_name=_("ORP"))

    class Meta(Territory.Meta):
        verbose_name = _("POU")
        verbose_name_plural = _("POUs")


class Municipality(Territory):
    """Obec. Its ČSÚ code is also its RÚIAN code and its LAU 2 code."""

    level = "municipality"
    pou = models.ForeignKey(Pou, models.PROTECT, related_name="municipalities", verbose_name=_("POU"))
    orp = models.ForeignKey(Orp, models.PROTECT, related_name="municipalities", verbose_name=_("ORP"))
    district = models.ForeignKey(District, models.PROTECT, related_name="municipalities", verbose_name=_("district"))

    class Meta(Territory.Meta):
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def get_absolute_url(self):
        return reverse("territories:municipality", args=[self.code])

    @property
    def ruian_code(self):
        return int(self.code)


class PopulationStat(models.Model):
    """One population count of one territory, at one date, for one sex and one age band.

    ``age_from``/``age_to`` are inclusive; ``age_to`` is empty for an open band ("80+"); the
    total of all ages is the band 0 to empty. The territory is given by its level and ČSÚ code so
    that municipalities, ORPs, districts, regions and the country share one table.
    """

    class Level(models.TextChoices):
        MUNICIPALITY = "municipality", _("municipality")
        ORP = "orp", _("ORP")
        DISTRICT = "district", _("district")
        REGION = "region", _("region")
        COUNTRY = "country", _("country")

    class Sex(models.TextChoices):
        BOTH = "", _("both sexes")
        MALE = "m", _("men")
        FEMALE = "f", _("women")

    COUNTRY_CODE = "CZ"

    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    territory_code = models.CharField(_("territory code"), max_length=6)
    reference_date = models.DateField(_("reference date"))
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True, default="")
    age_from = models.PositiveSmallIntegerField(_("age from"), default=0)
    age_to = models.PositiveSmallIntegerField(_("age to"), null=True, blank=True)
    count = models.PositiveIntegerField(_("count"))
    source = models.CharField(_("source"), max_length=40)

    class Meta:
        verbose_name = _("population figure")
        verbose_name_plural = _("population figures")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "level", "territory_code", "reference_date", "sex", "age_from", "age_to"],
                name="population_stat_unique_band",
            ),
            # NULLs are distinct in a unique index, so open bands need their own constraint.
            models.UniqueConstraint(
                fields=["source", "level", "territory_code", "reference_date", "sex", "age_from"],
                condition=models.Q(age_to__isnull=True),
                name="population_stat_unique_open_band",
            ),
        ]
        indexes = [models.Index(fields=["level", "territory_code", "reference_date"])]

    def __str__(self):
        return f"{self.level} {self.territory_code} {self.reference_date} {self.age_band}: {self.count}"

    @property
    def is_census(self):
        return self.source.startswith("census")

    @property
    def is_total(self):
        return self.age_from == 0 and self.age_to is None

    @property
    def age_band(self):
        if self.is_total:
            return _("total")
        if self.age_to is None:
            return f"{self.age_from}+"
        return f"{self.age_from}–{self.age_to}"
