from io import StringIO

import pytest
from django.core.management import call_command

from kpss.accounts.models import Organisation, Person, User
from kpss.accounts.validators import validate_ico
from kpss.territories.models import Municipality, PopulationStat


def seed(**sizes):
    call_command("seed_national", verbosity=0, stdout=StringIO(), **sizes)


def counts():
    return Organisation.objects.count(), Person.objects.count(), User.objects.count()


@pytest.mark.django_db
def test_seeds_the_country_deterministically_and_only_once():
    seed(providers=50, people=120)
    first = counts()
    names = set(Organisation.objects.values_list("name", "ico"))

    seed(providers=50, people=120)

    assert counts() == first
    assert set(Organisation.objects.values_list("name", "ico")) == names
    assert Municipality.objects.count() == 6258
    assert PopulationStat.objects.filter(level="country").exists()
    assert Person.objects.count() == 120
    assert Organisation.objects.filter(is_provider=True).count() == 50
    for ico in Organisation.objects.values_list("ico", flat=True):
        validate_ico(ico)
