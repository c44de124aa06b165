import pytest
from django.contrib.auth.models import AnonymousUser

from kpss.accounts.models import SiteRole, User
from kpss.territories.tests.factories import RegionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def regions():
    return RegionFactory(name="Kraj Vysočina"), RegionFactory(name="Zlínský kraj")


def user_with(kind=None, region=None):
    user = User.objects.create_user(email=f"{kind}-{region and region.pk}@kpss.example", password="x")
    if kind:
        SiteRole.objects.create(user=user, kind=kind, region=region)
    return user


def test_a_regional_officer_oversees_only_their_region(regions):
    vysocina, zlin = regions
    officer = user_with(SiteRole.Kind.REGIONAL_OFFICER, vysocina)

    assert officer.has_perm("territories.oversee_region", vysocina)
    assert not officer.has_perm("territories.oversee_region", zlin)
    assert not officer.has_perm("territories.import_data")
    assert not officer.has_perm("territories.oversee_region")  # a view must name the region


def test_an_administrator_oversees_every_region_and_imports(regions):
    admin = user_with(SiteRole.Kind.ADMINISTRATOR)

    assert all(admin.has_perm("territories.oversee_region", region) for region in regions)
    assert admin.has_perm("territories.import_data")


def test_participants_and_anonymous_visitors_have_no_site_role(regions):
    for user in (user_with(), AnonymousUser()):
        assert not user.has_perm("territories.oversee_region", regions[0])
        assert not user.has_perm("territories.import_data")
