"""Build a national-scale dataset on top of the real Czech territories (benchmark, load tests).

Every step is deterministic (its own random generator, seeded from --seed and the step's name, so
a step's output does not depend on which steps ran before), idempotent (rows are keyed by IČO or
e-mail, a process by its contact e-mail, so a second run adds nothing), and writes in bulk inside
one transaction. Later issues add services, suggestions...: write a function
``step(seeder) -> summary`` and append it to STEPS.

Seeded rows are recognisable by their e-mail domain, SEED_DOMAIN (``.example`` never resolves,
so no mail ever leaves for a seeded address).
"""

import datetime
import random
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import capfirst

from kpss.accounts.models import Organisation, Person, SiteRole, User
from kpss.accounts.validators import ico_check_digit
from kpss.core.text import fold
from kpss.meetings.models import Attendance, Meeting, Minutes
from kpss.processes.models import Group, Membership, PlanningProcess, Step, TriadRole
from kpss.processes.services import create_process
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


WORKING_THEMES = [theme for theme in Group.Theme if theme != Group.Theme.OTHER]
MEETING_HOURS = [(9, 0), (10, 0), (13, 0), (14, 0), (15, 30)]


def process_period(today=None):
    """Four years around today: two past, this one and the next, so that every process has years
    of held meetings and upcoming ones (the calendars show those). Fixed within a calendar year."""
    year = (today or timezone.localdate()).year
    return datetime.date(year - 2, 1, 1), datetime.date(year + 1, 12, 31)


@transaction.atomic
def processes(seeder):
    """A planning process in every ORP: a steering group, 4–6 working groups of seeded people,
    40–60 meetings over four years with attendance and minutes for the held ones."""
    # Each ORP draws from its own generator: an ORP's process does not depend on which were seeded before.
    done = set(
        PlanningProcess.objects.filter(contact_email__endswith=f"@{SEED_DOMAIN}").values_list("orp_id", flat=True)
    )
    orps = [orp for orp in Orp.objects.select_related("region").order_by("code") if orp.pk not in done]
    people = list(
        Person.objects.filter(email__endswith=f"@{SEED_DOMAIN}").order_by("email").values_list("id", "organisation_id")
    )
    users = list(User.objects.filter(email__endswith=f"@{SEED_DOMAIN}").order_by("email").values_list("id", flat=True))
    if not orps or len(people) < 20 or not users:
        return f"nothing to add ({len(done)} seeded processes, {len(people)} people, {len(users)} users)"
    towns = dict(Organisation.objects.filter(email__endswith=f"@{SEED_DOMAIN}").values_list("name", "id"))
    providers = list(
        Organisation.objects.filter(email__endswith=f"@{SEED_DOMAIN}", is_provider=True)
        .order_by("ico")
        .values_list("id", flat=True)
    )
    provider_set = set(providers)
    municipalities = {}
    for orp_id, municipality_id in Municipality.objects.order_by("code").values_list("orp_id", "id"):
        municipalities.setdefault(orp_id, []).append(municipality_id)
    starts_on, ends_on = process_period()
    today = timezone.localdate()

    # 1. Processes with their phases and checklist, through the service every process is made by.
    plans = []
    for orp in orps:
        rng = random.Random(f"{seeder.seed}:processes:{orp.code}")
        coordinator = rng.choice(users)
        process = create_process(
            coordinator=coordinator,
            partners=rng.sample(providers, min(3, len(providers))),
            name=f"Komunitní plánování sociálních služeb ORP {orp.name} {starts_on.year}–{ends_on.year}",
            scope=PlanningProcess.Scope.ORP,
            region=orp.region,
            orp=orp,
            starts_on=starts_on,
            ends_on=ends_on,
            realiser_id=towns.get(f"Město {orp.name}"),
            status=PlanningProcess.Status.RUNNING,
            contact_email=f"kpss.{orp.code}@{SEED_DOMAIN}",
            funding_note="Operační program Zaměstnanost plus",
        )
        plans.append((process, orp, rng, coordinator))
    SiteRole.objects.bulk_create(
        [SiteRole(user_id=coordinator, kind=SiteRole.Kind.COORDINATOR) for *_rest, coordinator in plans],
        ignore_conflicts=True,
    )
    # Phases done so far: the first two years bring a process through understanding (3 phases) or more.
    phases_done = {process.pk: rng.randint(2, 5) for process, _orp, rng, _c in plans}
    for number in range(1, 6):
        Step.objects.filter(
            phase__process__in=[pk for pk, done in phases_done.items() if done >= number], phase__number=number
        ).update(done_on=starts_on + datetime.timedelta(days=120 * number))

    # 2. Groups, bulk: the steering group and 4–6 working groups, one of them territorial at times.
    groups, territories = [], []
    for process, orp, rng, _coordinator in plans:
        groups.append(Group(process=process, kind=Group.Kind.STEERING, name="Řídící skupina", short_name="ŘS"))
        for order, theme in enumerate(rng.sample(WORKING_THEMES, rng.randint(4, 6)), start=1):
            name = f"PS {capfirst(theme.label)}"
            groups.append(
                Group(
                    process=process,
                    kind=Group.Kind.WORKING,
                    name=name,
                    order=order,
                    focus=Group.Focus.THEMATIC,
                    theme=theme,
                )
            )
        if rng.random() < 0.5 and municipalities.get(orp.pk):
            name = f"PS {orp.name} a okolí"
            group = Group(process=process, kind=Group.Kind.WORKING, name=name, order=9, focus=Group.Focus.TERRITORIAL)
            groups.append(group)
            area = municipalities[orp.pk]
            territories.append((group, rng.sample(area, min(len(area), rng.randint(3, 8)))))
    Group.objects.bulk_create(groups, batch_size=1000)
    Group.municipalities.through.objects.bulk_create(
        Group.municipalities.through(group_id=group.pk, municipality_id=m) for group, area in territories for m in area
    )

    # 3. Members: seeded people; the first of each group leads it.
    rngs = {process.pk: rng for process, _orp, rng, _c in plans}
    memberships, members = [], {}
    for group in groups:
        rng = rngs[group.process_id]
        size = rng.randint(9, 13) if group.kind == Group.Kind.STEERING else rng.randint(6, 14)
        chosen = rng.sample(people, size)
        members[group.pk] = [person_id for person_id, _organisation in chosen]
        for i, (person_id, organisation_id) in enumerate(chosen):
            role = Membership.Role.LEADER if i == 0 else Membership.Role.DEPUTY if i == 1 else Membership.Role.MEMBER
            triad = TriadRole.PROVIDER if organisation_id in provider_set else rng.choice(list(TriadRole))
            memberships.append(
                Membership(
                    group=group,
                    person_id=person_id,
                    organisation_id=organisation_id,
                    role=role,
                    triad_role=triad,
                    starts_on=starts_on,
                )
            )
    Membership.objects.bulk_create(memberships, batch_size=2000)

    # 4. Meetings over the four years: held in the past (a few cancelled), planned ahead.
    by_process = {}
    for group in groups:
        by_process.setdefault(group.process_id, []).append(group)
    meetings = []
    span = (ends_on - starts_on).days
    for process, orp, rng, _coordinator in plans:
        process_groups = by_process[process.pk]
        steering_open = rng.random() < 0.5
        for _i in range(rng.randint(40, 60)):
            group = rng.choice([*process_groups, None])  # None: a public meeting of the whole process
            date = starts_on + datetime.timedelta(days=rng.randrange(span - 2))
            if date.weekday() >= 5:  # to Monday
                date += datetime.timedelta(days=7 - date.weekday())
            status = Meeting.Status.HELD if date < today else Meeting.Status.PLANNED
            reason = ""
            if rng.random() < 0.04:
                status, reason = Meeting.Status.CANCELLED, "Jednání bylo zrušeno pro nízký počet potvrzených účastníků."
            if group is None:
                kind, title = Meeting.Kind.PUBLIC, f"Veřejné setkání ke komunitnímu plánu ORP {orp.name}"
            elif group.kind == Group.Kind.STEERING:
                kind, title = Meeting.Kind.STEERING, f"Jednání řídící skupiny ORP {orp.name}"
            else:
                kind, title = Meeting.Kind.WORKING, f"Setkání {group.name}"
            meetings.append(
                Meeting(
                    process=process,
                    group=group,
                    kind=kind,
                    title=title,
                    starts_at=timezone.make_aware(
                        datetime.datetime.combine(date, datetime.time(*rng.choice(MEETING_HOURS)))
                    ),
                    place=f"Městský úřad {orp.name}, zasedací místnost",
                    is_open=steering_open or kind != Meeting.Kind.STEERING,
                    status=status,
                    cancellation_reason=reason,
                    headcount=rng.randint(15, 80)
                    if kind == Meeting.Kind.PUBLIC and status == Meeting.Status.HELD
                    else None,
                )
            )
    Meeting.objects.bulk_create(meetings, batch_size=2000)

    # 5. Attendance (most members present) and approved minutes of the held group meetings.
    attendances, minutes = [], []
    statuses, weights = list(Attendance.Status), [80, 14, 6]
    for meeting in meetings:
        if meeting.status != Meeting.Status.HELD or meeting.group is None:
            continue
        rng = rngs[meeting.process_id]
        for person_id in members[meeting.group.pk]:
            attendances.append(
                Attendance(meeting=meeting, person_id=person_id, status=rng.choices(statuses, weights)[0])
            )
        minutes.append(
            Minutes(
                meeting=meeting,
                text="Skupina projednala plnění plánu a podněty členů. Úkoly a termíny jsou v příloze.",
                approved_on=min(today, meeting.starts_at.date() + datetime.timedelta(days=14)),
            )
        )
    Attendance.objects.bulk_create(attendances, batch_size=5000)
    Minutes.objects.bulk_create(minutes, batch_size=2000)
    return (
        f"{len(plans)} processes, {len(groups)} groups, {len(memberships)} memberships, "
        f"{len(meetings)} meetings, {len(attendances)} attendance records"
    )


STEPS = [territories, population, organisations, people, processes]


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
        "organisations, people and user accounts, a planning process with groups and meetings in every ORP. "
        "Deterministic and idempotent."
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
            # Texts taken from translations (checklist steps, group names) are stored in the site's language.
            with translation.override(settings.LANGUAGE_CODE):
                summary = step(seeder)
            if options["verbosity"]:
                self.stdout.write(f"{step.__name__}: {summary} ({time.monotonic() - start:.1f} s)")
