"""kpss: community planning of social services for Czech municipalities and regions."""

from .celery import app as celery_app

__all__ = ("celery_app",)
