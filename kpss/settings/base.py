"""Settings shared by every environment. Environment-specific modules import * from here."""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("KPSS_VAR_DIR", BASE_DIR / "var"))

# The shared data (ČSÚ codelists, census, social-service codelists) live beside the project.
KPSS_DATA_DIR = Path(os.environ.get("KPSS_DATA_DIR", BASE_DIR.parent / "shared" / "data"))

INSTALLED_APPS = [
    "kpss.accounts",
    "kpss.core",
    "kpss.territories",
    "kpss.processes",
    "kpss.meetings",
    "kpss.feedback",
    "kpss.regional",
    "kpss.catalogue",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "simple_history",
    "rules.apps.AutodiscoverRulesConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kpss.core.middleware.CzechFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "kpss.urls"
WSGI_APPLICATION = "kpss.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:home"

LANGUAGE_CODE = "cs"
LANGUAGES = [("cs", _("Czech")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "kpss" / "locale"]
TIME_ZONE = "Europe/Prague"
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
# The Gov Design System comes from npm (package.json) into node_modules at build time.
STATICFILES_DIRS = [("gov", BASE_DIR / "node_modules" / "@gov-design-system-ce")]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "media/"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "kpss@localhost")

CELERY_TASK_ACKS_LATE = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

KPSS_OPERATOR_EMAIL = os.environ.get("KPSS_OPERATOR_EMAIL", "kpss@example.cz")

# The domain in the identifiers of calendar entries (.ics UID): one per installation.
KPSS_ICAL_DOMAIN = os.environ.get("KPSS_ICAL_DOMAIN", "kpss.local")

# Public forms (suggestions, comments) are limited per client address. Behind a reverse proxy, name
# the header that carries the client's address, e.g. KPSS_CLIENT_IP_HEADER=HTTP_X_REAL_IP.
RATELIMIT_IP_META_KEY = os.environ.get("KPSS_CLIENT_IP_HEADER", "REMOTE_ADDR")
KPSS_SUGGESTION_RATE = os.environ.get("KPSS_SUGGESTION_RATE", "5/h")
