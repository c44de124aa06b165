"""Every URL states who may use it, and anonymous visitors get exactly that.

A new view must be added to ACCESS, or this test fails: that is the point.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from kpss.accounts.models import User
from kpss.territories.tests.factories import MunicipalityFactory

PUBLIC, SIGNED_IN, STAFF = "public", "signed in", "staff"

ACCESS = {
    "healthz": PUBLIC,
    "set_language": PUBLIC,
    "core:home": PUBLIC,
    "core:accessibility": PUBLIC,
    "core:contact": PUBLIC,
    "territories:region": PUBLIC,
    "territories:orp": PUBLIC,
    "territories:municipality": PUBLIC,
    "territories:search": PUBLIC,
    "accounts:login": PUBLIC,
    "accounts:logout": PUBLIC,
    "accounts:password_reset": PUBLIC,
    "accounts:password_reset_done": PUBLIC,
    "accounts:password_reset_confirm": PUBLIC,
    "accounts:password_reset_complete": PUBLIC,
    "accounts:password_change": SIGNED_IN,
    "accounts:password_change_done": SIGNED_IN,
}
POST_ONLY = {"set_language", "accounts:logout"}
# The apps whose URLs test_role_matrix.py tries with every role of a planning process.
MATRIX_APPS = {"processes", "meetings", "feedback", "regional"}


def named_urls(resolver=None, namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_urls(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def rule_for(name):
    if name.split(":")[0] in MATRIX_APPS:
        return "every role: see test_role_matrix.py"
    return STAFF if name.startswith("admin:") else ACCESS.get(name)


def test_every_named_url_has_an_access_rule():
    assert [name for name in named_urls() if rule_for(name) is None] == []


@pytest.fixture
def url_of(db):
    municipality = MunicipalityFactory()
    examples = {
        "territories:region": [municipality.orp.region.code],
        "territories:orp": [municipality.orp.code],
        "territories:municipality": [municipality.code],
        "accounts:password_reset_confirm": ["MQ", "set-password"],
    }
    return lambda name: reverse(name, args=examples.get(name, []))


@pytest.mark.parametrize("name", [name for name, rule in ACCESS.items() if name not in POST_ONLY])
def test_anonymous_visitors_get_what_the_rule_says(client, url_of, name):
    response = client.get(url_of(name))

    if ACCESS[name] == PUBLIC:
        assert response.status_code == 200
    else:
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


def test_the_admin_is_closed_to_anonymous_and_to_non_staff_users(client, db):
    assert client.get(reverse("admin:index")).status_code == 302
    client.force_login(User.objects.create_user(email="obcan@example.cz", password="x"))
    response = client.get(reverse("admin:territories_municipality_changelist"))
    assert response.status_code == 302
    assert "/admin/login/" in response.url
