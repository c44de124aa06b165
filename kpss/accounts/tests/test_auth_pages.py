import re

import pytest
from django.core import mail
from django.urls import reverse

from kpss.accounts.models import User

pytestmark = pytest.mark.django_db
PASSWORD = "Sedm-mostu-2026"


@pytest.fixture
def user():
    return User.objects.create_user(email="Koordinatorka@Tabor.example", password=PASSWORD, first_name="Eva")


def test_email_is_the_login_and_ignores_case(client, user):
    response = client.post(reverse("accounts:login"), {"username": "KOORDINATORKA@tabor.example", "password": PASSWORD})

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_wrong_password_says_so_in_czech_and_keeps_the_email(client, user):
    response = client.post(
        reverse("accounts:login"), {"username": user.email, "password": "nope"}, HTTP_ACCEPT_LANGUAGE="cs"
    )

    assert response.status_code == 200
    assert "Zadejte správnou hodnotu pole e-mail a heslo" in response.content.decode()
    assert f'value="{user.email}"' in response.content.decode()


def test_logout_needs_a_post_and_ends_the_session(client, user):
    client.force_login(user)

    assert client.get(reverse("accounts:logout")).status_code == 405
    client.post(reverse("accounts:logout"))
    assert "_auth_user_id" not in client.session


def test_password_change_is_for_signed_in_users_only(client, user):
    url = reverse("accounts:password_change")

    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))

    client.force_login(user)
    response = client.post(
        url, {"old_password": PASSWORD, "new_password1": "Nove-heslo-2027", "new_password2": "Nove-heslo-2027"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Nove-heslo-2027")


def test_password_reset_mails_a_working_link_in_czech(client, user):
    response = client.post(reverse("accounts:password_reset"), {"email": user.email}, HTTP_ACCEPT_LANGUAGE="cs")
    assert response.status_code == 302

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert "Obnovení hesla" in message.subject
    link = re.search(r"https?://[^/]+(/\S+)", message.body).group(1)

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": "Jine-heslo-2027", "new_password2": "Jine-heslo-2027"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Jine-heslo-2027")


def test_password_reset_for_an_unknown_address_sends_nothing_and_reveals_nothing(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "nikdo@example.cz"})

    assert response.status_code == 302
    assert mail.outbox == []


def test_a_signed_in_user_is_sent_on_from_the_login_page(client, user):
    client.force_login(user)
    assert client.get(reverse("accounts:login")).status_code == 302


def test_field_errors_are_tied_to_their_input_for_screen_readers(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "not an address"})
    page = response.content.decode()

    assert 'aria-invalid="true"' in page
    assert 'aria-describedby="id_email_error"' in page
    assert 'id="id_email_error"' in page
