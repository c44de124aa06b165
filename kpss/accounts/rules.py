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
    """True for an officer of ``region``; never without a region, so a view must name the region."""
    if not user.is_authenticated or region is None:
        return False
    return user.site_roles.filter(kind=SiteRole.Kind.REGIONAL_OFFICER, region=region).exists()


rules.add_perm("territories.import_data", is_administrator)
rules.add_perm("territories.oversee_region", is_administrator | is_regional_officer_of)
