from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from kpss.accounts.demo import ensure_demo_accounts
from kpss.feedback.demo import load_demo_suggestions
from kpss.processes.demo import load_demo_processes
from kpss.regional.demo import load_demo_programme
from kpss.territories.models import Municipality, PopulationStat


class Command(BaseCommand):
    help = (
        "Prepare the embedded demo (database, territories, census, demo accounts, the demo processes of "
        "ORP Tábor and Otrokovicko with their suggestions, the programme of Kraj Vysočina) and serve it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", default="8000")
        parser.add_argument("--no-serve", action="store_true", help="prepare the data and stop")

    def handle(self, *args, port, no_serve, **options):
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", verbosity=0)
        if not Municipality.objects.exists():
            call_command("import_territories", verbosity=1)
        if not PopulationStat.objects.exists():
            try:
                call_command("import_population", verbosity=1)
            except CommandError as exc:  # the demo still runs; the pages say the figures are missing
                self.stderr.write(f"population figures not loaded: {exc}")
        # The catalogue's codelists (service types, target groups, …): idempotent, so loaded on every start.
        call_command("load_codelists", verbosity=0)
        accounts = ensure_demo_accounts()
        processes = load_demo_processes()
        # The programme is run by the regional officer of the demo accounts; the suggestions need the processes.
        programme = load_demo_programme()
        for message in processes.messages + programme.messages + load_demo_suggestions():
            self.stdout.write(message)
        self.stdout.write("\nDemo accounts (e-mail / password / role):")
        for account in accounts + processes.accounts:
            self.stdout.write(f"  {account.email:<38} {account.password:<16} {account.role}")
        if not no_serve:
            self.stdout.write(f"\nkpss answers at http://127.0.0.1:{port}/  (Ctrl+C stops it)\n")
            call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)
