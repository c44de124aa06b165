"""Django's own authentication views, on our two page templates. All public except password change."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _

from .forms import LoginForm, PasswordResetForm

app_name = "accounts"


def form_page(view, done, submit_label, **options):
    """A form step that leads to the URL named ``done``."""
    return view.as_view(
        template_name="accounts/form_page.html",
        success_url=reverse_lazy(f"accounts:{done}"),
        extra_context={"submit_label": submit_label},
        **options,
    )


def message_page(view, message):
    return view.as_view(template_name="accounts/message_page.html", extra_context={"message": message})


urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html", authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/change/",
        form_page(auth_views.PasswordChangeView, "password_change_done", _("Change password")),
        name="password_change",
    ),
    path(
        "password/change/done/",
        message_page(auth_views.PasswordChangeDoneView, _("Your password has been changed.")),
        name="password_change_done",
    ),
    path(
        "password/reset/",
        form_page(
            auth_views.PasswordResetView,
            "password_reset_done",
            _("Send the link"),
            form_class=PasswordResetForm,
            email_template_name="accounts/email/password_reset.txt",
            subject_template_name="accounts/email/password_reset_subject.txt",
        ),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        message_page(
            auth_views.PasswordResetDoneView,
            _("If an account with that e-mail address exists, we have sent it a link to choose a new password."),
        ),
        name="password_reset_done",
    ),
    path(
        "password/reset/<uidb64>/<token>/",
        form_page(auth_views.PasswordResetConfirmView, "password_reset_complete", _("Set the new password")),
        name="password_reset_confirm",
    ),
    path(
        "password/reset/done/",
        message_page(auth_views.PasswordResetCompleteView, _("Your new password is set. You can log in now.")),
        name="password_reset_complete",
    ),
]
