"""`python -m kpss.bench` (`make bench`): how long the key pages take at national scale.

Recreates the PostgreSQL database kpss_bench, migrates it, seeds it (seed_national), collects
static files and serves the app with gunicorn under production settings (kpss.settings.bench).
Then it requests every page BENCH_REQUESTS times (default 200) in sequence over one keep-alive
connection. The app reports its own time and SQL query count in response headers
(ServerTimingMiddleware below, switched on only by the bench settings), so the numbers leave
out the client and the network. Prints a table and writes var/bench.json. See docs/benchmark.md.
"""

import datetime
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from django.db import connection

BASE_DIR = Path(__file__).resolve().parent.parent
# Its own variable, not DATABASE_URL: a DATABASE_URL left in the shell for the tests must never
# be the database this script drops.
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kpss_bench")
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "200"))
WARMUP = 10  # first requests fill caches, open the database connection, compile templates
WORKERS = 2

# Kraj Vysočina, its capital's ORP and municipality (ČSÚ codes are stable identifiers).
PAGES = [
    ("home", "/"),
    ("region Kraj Vysočina", "/regions/3107/"),
    ("ORP Jihlava", "/orp/6105/"),
    ("municipality Jihlava", "/municipalities/586846/"),
    ("search ?q=zdar", "/municipalities/?q=zdar"),
    ("healthz", "/healthz"),
    ("floor (no DB, no template)", "/bench/floor/"),
]
PROCESS_ORP = "6105"  # the seeded process of ORP Jihlava; see process_pages()
PROGRAMME_REGION = "CZ063"  # the seeded programme of Kraj Vysočina
TRACKER_QUERY = "?status=settled&q=taxi"  # a word of the seeded suggestions (seed_national.SUGGESTION_TEXTS)


class ServerTimingMiddleware:
    """Adds `Server-Timing: app;dur=<ms>` and `X-SQL-Queries: <n>` to every response.

    Listed first in the bench settings' MIDDLEWARE, so the time includes all other middleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        queries = 0

        def count(execute, sql, params, many, context):
            nonlocal queries
            queries += 1
            return execute(sql, params, many, context)

        start = time.perf_counter()
        with connection.execute_wrapper(count):
            response = self.get_response(request)
        response["Server-Timing"] = f"app;dur={(time.perf_counter() - start) * 1000:.3f}"
        response["X-SQL-Queries"] = str(queries)
        return response


def main():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "kpss.settings.bench", "DATABASE_URL": DATABASE_URL}
    started = time.monotonic()
    database = recreate_database(DATABASE_URL)
    manage(env, "migrate", "--verbosity=0")
    manage(env, "seed_national")
    manage(env, "collectstatic", "--noinput", "--verbosity=0")
    pages = PAGES + process_pages()

    port = free_port()
    log_path = BASE_DIR / "var" / "bench" / "gunicorn.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("wb") as log:
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "kpss.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                # gthread: the sync worker closes every connection, and browsers keep them alive.
                "--workers",
                str(WORKERS),
                "--worker-class",
                "gthread",
                "--threads",
                "2",
                "--keep-alive",
                "30",
                # Nothing to control, and two runs would fight over the default socket in ~/.gunicorn.
                "--no-control-socket",
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_up(port, server, log_path)
            print(f"\nmeasuring {len(pages)} pages × {REQUESTS} requests (after {WARMUP} warm-up)…")
            results = measure(port, pages)
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()

    print_table(results)
    report = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "git_commit": git("rev-parse", "HEAD"),
        "git_dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
        "requests": REQUESTS,
        "warmup": WARMUP,
        "server": f"gunicorn, {WORKERS} gthread workers × 2 threads, kpss.settings.bench",
        "database": database,
        "cpus": os.cpu_count(),
        "pages": results,
        "total_seconds": round(time.monotonic() - started, 1),
    }
    out = BASE_DIR / "var" / "bench.json"
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    print(f"\nwritten {out.relative_to(BASE_DIR)} ({report['total_seconds']} s in all)")


def recreate_database(url):
    """Drop and create the database of ``url``; return the server's version string."""
    import psycopg
    from psycopg import sql

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(url, dbname="postgres", autocommit=True) as admin:
        print(f"recreating database {name}")
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return "PostgreSQL " + admin.execute("SHOW server_version").fetchone()[0]


def manage(env, *args):
    print("manage.py", *args)
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(port, server, log_path, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"gunicorn exited:\n{log_path.read_text()}")
        probe = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        try:
            probe.request("GET", "/healthz")
            probe.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
        finally:
            probe.close()
    sys.exit(f"gunicorn did not answer within {timeout} s:\n{log_path.read_text()}")


def process_pages():
    """The pages of one seeded planning process (ORP Jihlava's), the calendars, the process's public
    suggestions tracker and the programme of Kraj Vysočina.

    Their ids exist only once the database is seeded, so they are looked up in it, through Django
    set up on the bench database in this process.
    """
    import django

    os.environ.update(DJANGO_SETTINGS_MODULE="kpss.settings.bench", DATABASE_URL=DATABASE_URL)
    django.setup()
    from django.urls import reverse

    from kpss.meetings.models import Meeting
    from kpss.processes.models import Group
    from kpss.regional.models import Programme

    group = (
        Group.objects.filter(process__orp__code=PROCESS_ORP, kind=Group.Kind.WORKING)
        .select_related("process")
        .order_by("order", "pk")
        .first()
    )
    process = group.process
    # A held open meeting with approved minutes: the fullest public meeting page.
    meeting = (
        Meeting.objects.filter(group=group, is_open=True, minutes__approved_on__isnull=False)
        .order_by("-starts_at")
        .first()
    )
    programme = Programme.objects.get(process__region__nuts_code=PROGRAMME_REGION)
    connection.close()  # the measuring client needs the database no more
    # The suggestions agenda of a process is for signed-in users only, so its public tracker stands
    # for it. Paths as the feedback and regional apps define them.
    tracker = f"/suggestions/process/{process.pk}/"
    return [
        ("process ORP Jihlava", reverse("processes:detail", args=[process.pk])),
        ("working group", reverse("processes:group", args=[process.pk, group.pk])),
        ("calendar", reverse("meetings:calendar")),
        ("process calendar", reverse("meetings:process_calendar", args=[process.pk])),
        ("meeting with minutes", reverse("meetings:detail", args=[meeting.pk])),
        ("process iCalendar feed", reverse("meetings:process_feed", args=[process.pk])),
        ("suggestions tracker", tracker),
        ("tracker settled ?q=taxi", tracker + TRACKER_QUERY),
        ("programme Kraj Vysočina", f"/regional/{programme.pk}/"),
        ("programme indicators XLSX", f"/regional/{programme.pk}/indicators.xlsx"),
    ]


def measure(port, pages):
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    results = []
    for name, path in pages:
        server_ms, client_ms, queries, connections = [], [], set(), 0
        for i in range(WARMUP + REQUESTS):
            connections += client.sock is None  # http.client reconnects when the server closed
            start = time.perf_counter()
            client.request("GET", path, headers={"Accept-Language": "cs"})
            response = client.getresponse()
            response.read()
            elapsed = (time.perf_counter() - start) * 1000
            if response.status != 200:
                sys.exit(f"{path} answered {response.status}; the bench needs 200")
            if i >= WARMUP:
                client_ms.append(elapsed)
                server_ms.append(float(response.headers["Server-Timing"].partition("dur=")[2]))
                queries.add(int(response.headers["X-SQL-Queries"]))
        results.append(
            {
                "page": name,
                "path": path,
                "p50_ms": round(percentile(server_ms, 50), 2),
                "p95_ms": round(percentile(server_ms, 95), 2),
                "client_p50_ms": round(percentile(client_ms, 50), 2),
                # A page's query count must not vary (nor grow with the data): report it if it does.
                "sql_queries": min(queries) if len(queries) == 1 else sorted(queries),
                # New TCP connections: with keep-alive, 1 for the first page and 0 after it.
                "connections": connections,
            }
        )
    client.close()
    return results


def percentile(values, p):
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def print_table(results):
    print(f"\n{'page':<28} {'p50 ms':>8} {'p95 ms':>8} {'client p50':>11} {'SQL':>5}")
    for row in results:
        print(
            f"{row['page']:<28} {row['p50_ms']:>8.2f} {row['p95_ms']:>8.2f} "
            f"{row['client_p50_ms']:>11.2f} {str(row['sql_queries']):>5}"
        )


def git(*args):
    done = subprocess.run(["git", *args], cwd=BASE_DIR, capture_output=True, text=True)
    return done.stdout.strip() if done.returncode == 0 else None


if __name__ == "__main__":
    main()
