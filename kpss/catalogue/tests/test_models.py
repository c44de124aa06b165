import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from kpss.catalogue.models import Provider, RelatedServiceType, Service, ServiceDelivery, ServiceForm, ServiceType

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider():
    return Provider.objects.create(ico="00064581", name="Centrum sociálních služeb Tábor")


@pytest.fixture
def home_care():
    return ServiceType.objects.create(paragraph="§ 40", name="Pečovatelská služba", category="care")


@pytest.fixture
def meals():
    return RelatedServiceType.objects.create(slug="meals-on-wheels", name="Dovážka obědů")


def test_a_service_has_a_service_type_or_a_related_type_never_both_nor_none(provider, home_care, meals):
    Service.objects.create(provider=provider, name="Pečovatelská služba Tábor", service_type=home_care)
    Service.objects.create(provider=provider, name="Obědy", related_type=meals)
    for kinds in ({"service_type": home_care, "related_type": meals}, {}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Service.objects.create(provider=provider, name="Nic", **kinds)


def test_a_related_service_has_no_registry_identifier(provider, meals):
    with pytest.raises(IntegrityError):
        Service.objects.create(provider=provider, name="Obědy", related_type=meals, registry_identifier="1234567")


@pytest.mark.parametrize(
    ("ico", "valid"), [("00064581", True), ("25755277", True), ("00064582", False), ("1234567", False)]
)
def test_provider_ico_is_checked(ico, valid):
    provider = Provider(ico=ico, name="Poskytovatel")
    if valid:
        provider.full_clean()
    else:
        with pytest.raises(ValidationError) as error:
            provider.full_clean()
        assert "ico" in error.value.message_dict


def test_the_database_refuses_an_ico_that_is_not_eight_digits():
    with pytest.raises(IntegrityError):
        Provider.objects.create(ico="12345", name="Poskytovatel")


def test_providers_without_ico_may_coexist():
    Provider.objects.create(name="Paní Nováková, pečovatelka")
    Provider.objects.create(name="Svépomocná skupina")
    assert Provider.objects.filter(ico=None).count() == 2


def test_search_text_folds_name_provider_type_and_description(provider, home_care):
    service = Service.objects.create(
        provider=provider, name="Pečovatelská SLUŽBA", service_type=home_care, description="Dovoz obědů, úklid."
    )
    assert provider.search_name == "centrum socialnich sluzeb tabor"
    assert "pecovatelska sluzba" in service.search_text
    assert "centrum socialnich sluzeb tabor" in service.search_text
    assert "dovoz obedu, uklid." in service.search_text
    assert Service.objects.filter(search_text__contains="pecovatelska").get() == service

    service.name = "Osobní asistence Žďár"
    service.save()
    assert "osobni asistence zdar" in Service.objects.get().search_text


def test_comes_home_when_provided_in_the_field(provider, home_care):
    field = ServiceForm.objects.create(code=ServiceForm.Code.FIELD, name="Terénní")
    outpatient = ServiceForm.objects.create(code=ServiceForm.Code.OUTPATIENT, name="Ambulantní")
    service = Service.objects.create(provider=provider, name="Pečovatelská služba", service_type=home_care)
    ServiceDelivery.objects.create(service=service, form=outpatient)
    assert not service.comes_home

    ServiceDelivery.objects.create(service=service, form=field)
    assert Service.objects.prefetch_related("deliveries__form").get().comes_home
