import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from kpss.territories import csu, services
from kpss.territories.csv_files import DataFileError


class Command(BaseCommand):
    help = (
        "Import Czech regions, districts, ORPs, POUs and municipalities from the ČSÚ codelists in DIR "
        "(default: the shared data folder, else a download from ČSÚ)."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", help="folder with the ČSÚ CSV files")

    def handle(self, *args, directory=None, **options):
        try:
            with tempfile.TemporaryDirectory() as scratch:
                directory = directory or default_directory(scratch, self.stdout)
                counts = services.import_territories(directory, progress=progress_bar(options))
        except DataFileError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(", ".join(f"{k}: {v}" for k, v in counts.items())))


def default_directory(scratch, stdout):
    shared = Path(settings.KPSS_DATA_DIR) / "territories"
    if shared.is_dir():
        return shared
    stdout.write(f"{shared} not found; downloading the codelists from ČSÚ")
    return csu.download(scratch)


def progress_bar(options):
    """tqdm on stderr, quiet at verbosity 0."""

    def wrap(rows, desc):
        return tqdm(rows, desc=desc, unit=" rows", disable=options["verbosity"] == 0, leave=False)

    return wrap
