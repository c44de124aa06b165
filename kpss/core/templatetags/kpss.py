from django import template
from django.template.defaultfilters import floatformat
from django.utils.safestring import mark_safe

from kpss.core.markdown import render_markdown

register = template.Library()


@register.filter
def percent(share, digits=1):
    """A share 0…1 as a localised percentage: 0.1234 → "12,3 %" in Czech."""
    if share in (None, ""):
        return ""
    return f"{floatformat(share * 100, digits)}\N{NO-BREAK SPACE}%"


@register.filter
def accessible(field):
    """Render a form field tied to its help text and errors, so screen readers announce them.

    The ids match those that includes/form.html gives the help text and the error list.
    """
    described_by = [f"{field.auto_id}_helptext"] if field.help_text else []
    attrs = {}
    if field.errors:
        described_by.append(f"{field.auto_id}_error")
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


@register.filter(name="markdown")
def markdown_filter(text):
    """Stored Markdown as safe HTML (sanitised by nh3)."""
    return mark_safe(render_markdown(text))


@register.simple_tag(takes_context=True)
def page_url(context, number, param="page"):
    """The current URL with ``param`` set to page ``number``: a page with two paginated lists gives
    each its own parameter, and the other list's page is kept."""
    query = context["request"].GET.copy()
    query[param] = number
    return f"?{query.urlencode()}"
