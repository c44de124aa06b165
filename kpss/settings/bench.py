"""The benchmark (`python -m kpss.bench`): production settings on the local PostgreSQL and Redis.

Defaults below make it run on a developer machine; the environment may still override them.
The only addition to production is the timing middleware, so the numbers stay production's.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kpss_bench")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/14")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")  # plain HTTP, no TLS proxy in front
os.environ.setdefault("DJANGO_HSTS_SECONDS", "0")
os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")

from .production import *  # noqa: E402, F403
from .production import MIDDLEWARE, VAR_DIR  # noqa: E402

# Outermost, so it times every other middleware too.
MIDDLEWARE = ["kpss.bench.ServerTimingMiddleware", *MIDDLEWARE]
# Its own static root, so a bench run never touches another checkout's collected files.
STATIC_ROOT = VAR_DIR / "bench" / "static"
# The site plus the floor view, which production does not serve.
ROOT_URLCONF = "kpss.bench_urls"
