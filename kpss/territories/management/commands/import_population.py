from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from kpss.territories import population, services
from kpss.territories.csv_files import DataFileError

from .import_territories import progress_bar


class Command(BaseCommand):
    help = (
        "Import population figures: the 2021 census table per municipality or ČSÚ's yearly open-data "
        "CSV. PATH is a file or a folder (every file of a known format in it); default: the shared "
        "census table. ORP, district, region and country figures are sums of the municipalities."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="a population CSV file or a folder of them")

    def handle(self, *args, path=None, **options):
        try:
            paths = population_files(Path(path) if path else Path(settings.KPSS_DATA_DIR) / "population")
            result = services.import_population(paths, progress=progress_bar(options))
        except DataFileError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"stored: {result['stored']} figures"))
        if result["unknown"]:
            self.stdout.write(
                self.style.WARNING(
                    f"skipped {len(result['unknown'])} unknown territory codes: {', '.join(result['unknown'][:20])}"
                )
            )


def population_files(path):
    if not path.is_dir():
        return [path]
    files = [file for file in sorted(path.glob("*.csv")) if population.detect_format(file)]
    if not files:
        raise DataFileError(path, _("no population file of a known format in this folder"))
    return files
