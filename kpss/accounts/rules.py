"""Site-wide roles as `rules` predicates; process and group roles come with the processes app.

Autodiscovered by ``rules.apps.AutodiscoverRulesConfig``.
"""

import rules

from .models import SiteRole


@rules.predicate
def is_administrator(user):
    return user.is_authenticated and (
        user.is_superuser or user.site_roles.filter(kind=SiteRole.Kind.ADMINISTRATOR).exists()
    )


@rules.predicate
def is_regional_officer_of(user, region):
    """True for an officer of ``region``; without a region, for an officer of any region."""
    if not user.is_authenticated:
        return False
    roles = user.site_roles.filter(kind=SiteRole.Kind.REGIONAL_OFFICER)
    return roles.filter(region=region).exists() if region is not None else roles.exists()


rules.add_perm("territories.import_data", is_administrator)
rules.add_perm("territories.oversee_region", is_administrator | is_regional_officer_of)
