from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def ico_check_digit(first_seven):
    """The eighth digit of an IČO: mod-11 of the first seven weighted 8…2."""
    remainder = sum(int(d) * w for d, w in zip(first_seven, range(8, 1, -1), strict=True)) % 11
    return (11 - remainder) % 10


def validate_ico(value):
    """An IČO has eight digits, the last one the mod-11 check digit of the others."""
    if len(value) != 8 or not (value.isascii() and value.isdigit()):
        raise ValidationError(_("An IČO has exactly eight digits."), code="ico_format")
    if ico_check_digit(value[:7]) != int(value[7]):
        raise ValidationError(_("This IČO is not valid: its check digit does not match."), code="ico_check")
