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


def ensure_account(email, first_name, last_name, kind=None, region=None, **person_fields):
    """Create or reset one demo account, its Person and its site role; return (user, person)."""
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
    person, _created = Person.objects.update_or_create(
        user=user, defaults={"first_name": first_name, "last_name": last_name, "email": email, **person_fields}
    )
    if kind:
        SiteRole.objects.get_or_create(user=user, kind=kind, region=region)
    return user, person


@transaction.atomic
def ensure_demo_accounts():
    """Create (or reset) the site-wide demo accounts and return them for printing.

    Accounts with a role in a demo process come with that process (kpss.processes.demo).
    """
    vysocina = Region.objects.filter(nuts_code="CZ063").first()
    accounts = [
        ("admin@kpss.example", "Alena", "Horáková", SiteRole.Kind.ADMINISTRATOR, None),
        ("kraj@kpss.example", "Marek", "Dvořák", SiteRole.Kind.REGIONAL_OFFICER, vysocina),
        ("obcan@kpss.example", "Jana", "Veselá", None, None),
    ]
    result = []
    for email, first_name, last_name, kind, region in accounts:
        # A regional officer needs a region: without the territories the account is a plain one.
        if kind == SiteRole.Kind.REGIONAL_OFFICER and region is None:
            kind = None
        ensure_account(email, first_name, last_name, kind, region)
        role = f"{kind.label}{f' ({region.name})' if region else ''}" if kind else _("registered participant")
        result.append(DemoAccount(email, DEMO_PASSWORD, str(role)))
    return result
