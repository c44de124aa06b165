import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from kpss.accounts.models import Organisation
from kpss.accounts.validators import ico_check_digit, validate_ico


@pytest.mark.parametrize("ico", ["00064581", "00216305", "70890749", "25596641"])
def test_real_icos_are_valid(ico):
    validate_ico(ico)


@pytest.mark.parametrize(
    ("ico", "message"),
    [
        ("00064582", "nesouhlasí kontrolní číslice"),
        ("0006458", "přesně osm číslic"),
        ("0006458a", "přesně osm číslic"),
        ("0006458²", "přesně osm číslic"),
        ("", "přesně osm číslic"),
    ],
)
def test_invalid_icos_are_refused_with_a_reason(ico, message):
    with pytest.raises(ValidationError, match=message):
        validate_ico(ico)


@given(st.text(alphabet="0123456789", min_size=7, max_size=7))
def test_exactly_one_check_digit_fits_any_seven_digits(first_seven):
    fitting = [d for d in "0123456789" if _valid(first_seven + d)]
    assert fitting == [str(ico_check_digit(first_seven))]


def _valid(ico):
    try:
        validate_ico(ico)
    except ValidationError:
        return False
    return True


@pytest.mark.django_db
def test_an_organisation_with_a_wrong_ico_does_not_validate():
    organisation = Organisation(name="Charita Žďár nad Sázavou", ico="12345678", legal_type="church")
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "ico" in error.value.message_dict
