"""Demo accounts of the embedded demo. Never used by production settings."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from kpss.territories.models import Region

from .models import Person, SiteRole, User


@dataclass
class DemoAccount:
    email: str
    password: str
    role: str


DEMO_PASSWORD = "kpss-demo-2026"


@transaction.atomic
def ensure_demo_accounts():
    """Create (or reset) the demo accounts and return them for printing."""
    vysocina = Region.objects.filter(nuts_code="CZ063").first()
    accounts = [
        ("admin@kpss.example", "Alena", "Horáková", SiteRole.Kind.ADMINISTRATOR, None),
        ("kraj@kpss.example", "Marek", "Dvořák", SiteRole.Kind.REGIONAL_OFFICER, vysocina),
        ("obcan@kpss.example", "Jana", "Veselá", None, None),
    ]
    result = []
    for email, first_name, last_name, kind, region in accounts:
        user, _created = User.objects.update_or_create(
            email=email,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "is_staff": kind == SiteRole.Kind.ADMINISTRATOR,
                "is_superuser": kind == SiteRole.Kind.ADMINISTRATOR,
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        Person.objects.update_or_create(
            user=user, defaults={"first_name": first_name, "last_name": last_name, "email": email}
        )
        role = _("registered participant")
        if kind and (region or kind == SiteRole.Kind.ADMINISTRATOR):
            SiteRole.objects.get_or_create(user=user, kind=kind, region=region)
            role = f"{kind.label}{f' ({region.name})' if region else ''}"
        result.append(DemoAccount(email, DEMO_PASSWORD, str(role)))
    return result
