from django import template
from django.template.defaultfilters import floatformat

register = template.Library()


@register.filter
def percent(share, digits=1):
    """A share 0…1 as a localised percentage: 0.1234 → "12,3 %" in Czech."""
    if share in (None, ""):
        return ""
    return f"{floatformat(share * 100, digits)}\N{NO-BREAK SPACE}%"
