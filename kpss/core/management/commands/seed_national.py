"""Build a national-scale dataset on top of the real Czech territories (benchmark, load tests).

Every step is deterministic (its own random generator, seeded from --seed and the step's name, so
a step's output does not depend on which steps ran before), idempotent (rows are keyed by IČO or
e-mail, so a second run adds nothing), and writes in bulk inside one transaction. Later issues
add processes, services, meetings...: write a function ``step(seeder) -> summary`` and append it
to STEPS.

Seeded rows are recognisable by their e-mail domain, SEED_DOMAIN (``.example`` never resolves,
so no mail ever leaves for a seeded address).
"""

import random
import time
from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from kpss.accounts.models import Organisation, Person, User
from kpss.accounts.validators import ico_check_digit
from kpss.core.text import fold
from kpss.territories.models import Municipality, Orp, PopulationStat, Region

SEED_DOMAIN = "seed.kpss.example"
SEED_PASSWORD = "kpss-seed-2026"  # noqa: S105 -- every seeded account shares it; test data only

PROVIDER_NAMES = [  # name pattern, legal type
    ("Oblastní charita {}", Organisation.LegalType.CHURCH),
    ("Diakonie ČCE – středisko {}", Organisation.LegalType.CHURCH),
    ("Domov pro seniory {}", Organisation.LegalType.OTHER),
    ("Domov se zvláštním režimem {}", Organisation.LegalType.OTHER),
    ("Centrum sociálních služeb {}", Organisation.LegalType.OTHER),
    ("Pečovatelská služba {}", Organisation.LegalType.MUNICIPALITY),
    ("Rodinné centrum {}", Organisation.LegalType.NGO),
    ("Azylový dům {}", Organisation.LegalType.NGO),
    ("Nízkoprahový klub {}", Organisation.LegalType.NGO),
    ("Denní stacionář {}", Organisation.LegalType.NGO),
    ("Osobní asistence {}, z. ú.", Organisation.LegalType.NGO),
    ("Terénní služby {}, o. p. s.", Organisation.LegalType.NGO),
]
MALE_NAMES = [
    "Jan",
    "Petr",
    "Jiří",
    "Josef",
    "Pavel",
    "Martin",
    "Tomáš",
    "Jaroslav",
    "Zdeněk",
    "Lukáš",
]
FEMALE_NAMES = [
    "Jana",
    "Marie",
    "Eva",
    "Hana",
    "Anna",
    "Lenka",
    "Kateřina",
    "Lucie",
    "Věra",
    "Alena",
    "Tereza",
]
SURNAMES = [  # male, female
    ("Novák", "Nováková"),
    ("Svoboda", "Svobodová"),
    ("Novotný", "Novotná"),
    ("Dvořák", "Dvořáková"),
    ("Černý", "Černá"),
    ("Procházka", "Procházková"),
    ("Kučera", "Kučerová"),
    ("Veselý", "Veselá"),
    ("Horák", "Horáková"),
    ("Němec", "Němcová"),
    ("Pospíšil", "Pospíšilová"),
    ("Hájek", "Hájková"),
    ("Král", "Králová"),
    ("Jelínek", "Jelínková"),
    ("Růžička", "Růžičková"),
    ("Beneš", "Benešová"),
    ("Fiala", "Fialová"),
    ("Sedláček", "Sedláčková"),
    ("Zeman", "Zemanová"),
    ("Pokorný", "Pokorná"),
]
TITLES = ["", "", "", "", "Bc.", "Mgr.", "Ing.", "PhDr."]


@dataclass
class Seeder:
    seed: int
    providers: int
    people: int
    user_share: float

    def random(self, step):
        return random.Random(f"{self.seed}:{step.__name__}")


def territories(seeder):
    if not Municipality.objects.exists():
        call_command("import_territories", verbosity=0)  # verbosity 0: no progress bars
    return (
        f"{Region.objects.count()} regions, {Orp.objects.count()} ORPs, {Municipality.objects.count()} municipalities"
    )


def population(seeder):
    if not PopulationStat.objects.exists():
        call_command("import_population", verbosity=0)
    return f"{PopulationStat.objects.count()} population figures"


@transaction.atomic
def organisations(seeder):
    """Every region and ORP town as a public body, plus providers spread as people live."""
    rng = seeder.random(organisations)
    rows = [(region.name, Organisation.LegalType.REGION, False) for region in Region.objects.order_by("code")]
    rows += [(f"Město {orp.name}", Organisation.LegalType.MUNICIPALITY, False) for orp in Orp.objects.order_by("code")]

    # Providers sit where people live: pick their towns weighted by census population.
    totals = dict(
        PopulationStat.objects.filter(level="municipality", sex="", age_from=0, age_to=None).values_list(
            "territory_code", "count"
        )
    )
    towns = list(Municipality.objects.order_by("code").values_list("code", "name"))
    weights = [totals.get(code, 1) for code, _name in towns]
    names = {row[0] for row in rows}
    for _code, town in rng.choices(towns, weights, k=seeder.providers):
        pattern, legal_type = rng.choice(PROVIDER_NAMES)
        name, n = pattern.format(town), 2
        while name in names:  # big towns get several of a kind: number them
            name, n = pattern.format(f"{town} {n}"), n + 1
        names.add(name)
        rows.append((name, legal_type, True))

    # IČOs come from the generator alone (never from what the database holds), so every run
    # draws the same ones; the IČO is the key, and rows of an earlier run conflict and are skipped.
    icos = set()
    new = []
    for name, legal_type, is_provider in rows:
        ico = new_ico(rng, icos)
        new.append(
            Organisation(
                name=name,
                ico=ico,
                legal_type=legal_type,
                is_provider=is_provider,
                email=f"podatelna.{ico}@{SEED_DOMAIN}",
                phone=phone(rng),
            )
        )
    before = Organisation.objects.count()
    Organisation.objects.bulk_create(new, batch_size=1000, ignore_conflicts=True)
    return f"{Organisation.objects.count() - before} created, {len(new)} wanted"


@transaction.atomic
def people(seeder):
    """People of the organisations and citizens; some of them with an account."""
    rng = seeder.random(people)
    seeded_organisations = list(
        Organisation.objects.filter(email__endswith=f"@{SEED_DOMAIN}").order_by("ico").values_list("id", flat=True)
    )
    password = make_password(SEED_PASSWORD)  # hashed once: hashing per user would take minutes
    persons, users = [], []
    for i in range(seeder.people):
        female = rng.random() < 0.6  # social services employ mostly women
        first_name = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
        last_name = rng.choice(SURNAMES)[female]
        email = f"{fold(first_name)}.{fold(last_name)}.{i}@{SEED_DOMAIN}"
        # Most take part for an organisation; the rest are citizens and service users.
        organisation = rng.choice(seeded_organisations) if rng.random() < 0.8 else None
        persons.append(
            Person(
                first_name=first_name,
                last_name=last_name,
                title=rng.choice(TITLES),
                email=email,
                phone=phone(rng),
                organisation_id=organisation,
                consents_to_contact=rng.random() < 0.7,
            )
        )
        if rng.random() < seeder.user_share:
            users.append(User(email=email, first_name=first_name, last_name=last_name, password=password))

    users_before, people_before = User.objects.count(), Person.objects.count()
    User.objects.bulk_create(users, batch_size=1000, ignore_conflicts=True)  # e-mail is unique
    user_ids = dict(User.objects.filter(email__endswith=f"@{SEED_DOMAIN}").values_list("email", "id"))
    existing = set(Person.objects.filter(email__endswith=f"@{SEED_DOMAIN}").values_list("email", flat=True))
    missing = [person for person in persons if person.email not in existing]
    for person in missing:
        person.user_id = user_ids.get(person.email)
    Person.objects.bulk_create(missing, batch_size=1000)
    return (
        f"{Person.objects.count() - people_before} people and "
        f"{User.objects.count() - users_before} users created (password {SEED_PASSWORD})"
    )


STEPS = [territories, population, organisations, people]


def new_ico(rng, taken):
    """A valid IČO not in ``taken`` (and add it there): seven random digits and the check digit."""
    while True:
        first_seven = f"{rng.randrange(10**7):07d}"
        ico = f"{first_seven}{ico_check_digit(first_seven)}"
        if ico not in taken:
            taken.add(ico)
            return ico


def phone(rng):
    return f"+420 {rng.randrange(200, 800)} {rng.randrange(1000):03d} {rng.randrange(1000):03d}"


class Command(BaseCommand):
    help = (
        "Seed a national-scale dataset on top of the real territories (imported first if missing): "
        "organisations, people and user accounts. Deterministic and idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
        parser.add_argument("--providers", type=int, default=2000, help="provider organisations")
        parser.add_argument("--people", type=int, default=5000, help="people")
        parser.add_argument("--user-share", type=float, default=0.4, help="share of people with an account (0.4)")

    def handle(self, *args, seed, providers, people, user_share, **options):
        seeder = Seeder(seed=seed, providers=providers, people=people, user_share=user_share)
        for step in STEPS:
            start = time.monotonic()
            summary = step(seeder)
            if options["verbosity"]:
                self.stdout.write(f"{step.__name__}: {summary} ({time.monotonic() - start:.1f} s)")
