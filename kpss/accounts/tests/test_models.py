import pytest
from django.db import IntegrityError, transaction

from kpss.accounts.models import Person, SiteRole, User
from kpss.territories.models import Region

pytestmark = pytest.mark.django_db


def test_users_are_created_by_email_without_a_username():
    user = User.objects.create_user(email="Petr.Novak@Obec.example", password="x")
    admin = User.objects.create_superuser(email="admin@kpss.example", password="x")

    assert user.email == "petr.novak@obec.example"
    assert not user.is_staff
    assert admin.is_staff and admin.is_superuser
    with pytest.raises(ValueError):
        User.objects.create_user(email="", password="x")


def test_one_account_per_address_whatever_its_case():
    User.objects.create_user(email="eva@obec.example", password="x")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create(email="EVA@Obec.example")


def test_a_person_may_exist_without_an_account():
    person = Person.objects.create(first_name="Hana", last_name="Malá", title="Mgr.")
    assert str(person) == "Mgr. Hana Malá"
    assert person.user is None and not person.consents_to_contact


def test_a_regional_officer_needs_a_region_and_an_administrator_has_none():
    region = Region.objects.create(
        code="3107", name="Kraj Vysočina", short_name="Vysočina", ruian_code=108, nuts_code="CZ063"
    )
    user = User.objects.create_user(email="kraj@kpss.example", password="x")

    SiteRole.objects.create(user=user, kind=SiteRole.Kind.REGIONAL_OFFICER, region=region)
    for kind, role_region in ((SiteRole.Kind.REGIONAL_OFFICER, None), (SiteRole.Kind.ADMINISTRATOR, region)):
        with pytest.raises(IntegrityError), transaction.atomic():
            SiteRole.objects.create(user=user, kind=kind, region=role_region)


def test_an_administrator_role_is_held_once():
    user = User.objects.create_user(email="admin@kpss.example", password="x")
    SiteRole.objects.create(user=user, kind=SiteRole.Kind.ADMINISTRATOR)
    with pytest.raises(IntegrityError), transaction.atomic():
        SiteRole.objects.create(user=user, kind=SiteRole.Kind.ADMINISTRATOR)
