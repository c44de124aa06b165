"""Spam defences of the public form: a honeypot and a rate limit per address; no CAPTCHA."""

import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from kpss.feedback.models import Suggestion

pytestmark = pytest.mark.django_db


def post(client, world, address="198.51.100.7", **fields):
    data = {"text": "Podnět z formuláře", **fields}
    return client.post(reverse("feedback:submit", args=[world.process.pk]), data, REMOTE_ADDR=address)


def test_a_scripted_flood_from_one_address_stores_exactly_five(client, world, settings):
    settings.KPSS_SUGGESTION_RATE = "5/h"

    statuses = [post(client, world, text=f"Spam {n}").status_code for n in range(20)]

    assert statuses == [302] * 5 + [429] * 15
    assert Suggestion.objects.count() == 5


def test_the_limited_form_says_so_and_keeps_the_text(client, world):
    for _ in range(5):
        post(client, world)

    response = post(client, world, text="Můj opravdový podnět")

    assert response.status_code == 429
    assert response.context["form"].non_field_errors()
    assert "Můj opravdový podnět" in response.content.decode()


def test_another_address_still_gets_through(client, world):
    for _ in range(6):
        post(client, world, address="198.51.100.7")

    assert post(client, world, address="203.0.113.9").status_code == 302
    assert Suggestion.objects.count() == 6


def test_a_mistyped_form_does_not_use_up_the_limit(client, world):
    for _ in range(5):
        post(client, world, text="")

    assert post(client, world).status_code == 302


def test_a_filled_honeypot_stores_nothing(client, world):
    responses = [post(client, world, website="http://spam.example") for _ in range(10)]

    assert {response.status_code for response in responses} == {400}
    assert Suggestion.objects.count() == 0
    form = responses[0].context["form"]
    assert form.is_trapped and "Podnět z formuláře" in responses[0].content.decode()


def test_the_honeypot_is_hidden_by_css_and_out_of_the_tab_order(client, world):
    html = client.get(reverse("feedback:submit", args=[world.process.pk])).content.decode()

    [tag] = re.findall(r"<input[^>]*name=\"website\"[^>]*>", html)
    assert 'autocomplete="off"' in tag and 'tabindex="-1"' in tag
    assert html.index('class="feedback-trap"') < html.index(tag) < html.index('type="submit"', html.index(tag))
    css = Path(finders.find("feedback/feedback.css")).read_text()
    assert re.search(r"\.feedback-trap\s*\{\s*display:\s*none", css)


def test_one_e_mail_address_gets_at_most_three_suggestions_a_day_from_any_address(client, world):
    def send(n, email):
        contact = {"submitter_email": email, "consent": "on"}
        return post(client, world, address=f"198.51.100.{n}", text=f"Podnět {n}", **contact).status_code

    statuses = [send(n, email) for n, email in enumerate(["obet@example.cz", "Obet@Example.cz", "OBET@example.cz "])]
    refused = post(client, world, address="203.0.113.50", submitter_email="obet@example.cz", consent="on")

    assert statuses == [302] * 3 and refused.status_code == 429
    assert "submitter_email" in refused.context["form"].errors
    assert Suggestion.objects.count() == 3
    assert send(60, "jina@example.cz") == 302
