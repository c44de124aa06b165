from django.core.management.base import BaseCommand, CommandError

from kpss.catalogue.codelists import load_codelists
from kpss.territories.csv_files import DataFileError


class Command(BaseCommand):
    help = (
        "Load the catalogue's codelists (service types, forms, capacity types, target groups, age groups, "
        "related service types) from the shared social-services CSVs. With --codelists DIR, the registry's "
        "own codelist JSON files in DIR (druhy-socialni-sluzby.json, cilove-skupiny-osoby.json, "
        "formy-soc-sluzby.json, typy-kapacity-socialni-sluzby.json) override inferred names and ids."
    )

    def add_arguments(self, parser):
        parser.add_argument("--data", help="folder with the shared CSVs (default: KPSS_DATA_DIR/social_services)")
        parser.add_argument("--codelists", help="folder with the registry's codelist JSON files")

    def handle(self, *args, data=None, codelists=None, **options):
        try:
            report = load_codelists(data, registry_directory=codelists)
        except DataFileError as exc:
            raise CommandError(str(exc)) from exc
        for name, counts in report.items():
            self.stdout.write(f"{name}: " + ", ".join(f"{key} {value}" for key, value in counts.items()))
