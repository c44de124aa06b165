from django import forms
from django.contrib.auth import forms as auth_forms
from django.template import loader
from django.utils.translation import gettext_lazy as _

from kpss.core.tasks import send_email


class LoginForm(auth_forms.AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail"), widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"})
    )


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Sends the reset link through the background queue, so a slow mail server never blocks a page."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        send_email.delay(subject, body, [to_email])
