"""Build a national-scale dataset on top of the real Czech territories (benchmark, load tests).

Every step is deterministic (its own random generator, seeded from --seed and the step's name, so
a step's output does not depend on which steps ran before), idempotent (rows are keyed by IČO or
e-mail, a process by its contact e-mail, so a second run adds nothing), and writes in bulk inside
one transaction. Later issues add more (services, surveys...): write a function
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
from kpss.feedback.models import CODE_ALPHABET, Suggestion
from kpss.meetings.models import AgendaItem, Attendance, Meeting, Minutes
from kpss.processes.models import Group, Membership, PlanningProcess, Step, TriadRole
from kpss.processes.services import create_process
from kpss.regional import services as regional
from kpss.regional.demo import SEMINARS
from kpss.regional.models import Addressee, Indicator, Programme
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


# What people write (by topic) and how it may be answered (by settlement); the municipality is added.
SUGGESTION_TEXTS = [
    (Group.Theme.SENIORS, "Sociální taxi pro seniory by mělo jezdit i o víkendu a do okolních obcí."),
    (Group.Theme.SENIORS, "Na místo v domově pro seniory se čeká přes rok; chybí odlehčovací služba."),
    (Group.Theme.SENIORS, "Dovoz obědů do naší obce nefunguje, babička je na vaření sama."),
    (Group.Theme.DISABILITIES, "Do denního stacionáře se syn na vozíku nedostane, autobus není bezbariérový."),
    (Group.Theme.DISABILITIES, "Chybí chráněné bydlení pro dospělé s mentálním postižením."),
    (Group.Theme.DISABILITIES, "Osobní asistence nepřijímá nové klienty, čekáme už půl roku."),
    (Group.Theme.CHILDREN_YOUTH_FAMILY, "Pro teenagery tu chybí nízkoprahový klub, odpoledne nemají kam jít."),
    (Group.Theme.CHILDREN_YOUTH_FAMILY, "V rodinné poradně se na termín čeká dva měsíce."),
    (Group.Theme.ADVERSE_SITUATIONS, "Na dluhovou poradnu se čeká šest týdnů, pro rodiny s exekucí je to pozdě."),
    (Group.Theme.ADVERSE_SITUATIONS, "Lidé po výkonu trestu nemají kde bydlet, azylový dům je plný."),
    (Group.Theme.CRISIS_UNEMPLOYED, "Chybí poradenství pro lidi, kteří přišli o práci."),
    (Group.Theme.MINORITIES, "Rodiny cizinců nevědí, jak požádat o dávky; potřebují tlumočníka."),
    (Group.Theme.ADDICTIONS, "Na sídlišti chybí terénní program pro lidi ohrožené závislostmi."),
    ("", "Na náměstí nesvítí lampy a chodník k zastávce je rozbitý."),
]
ANSWERS = {
    Suggestion.Settlement.ACCEPTED: "Pracovní skupina podnět přijala; opatření je v akčním plánu na příští rok.",
    Suggestion.Settlement.PARTLY_ACCEPTED: "Poskytovatel službu rozšíří částečně; zbytek řeší návrh nového plánu.",
    Suggestion.Settlement.NOT_ACCEPTED: "Podnět nyní nelze splnit, chybí peníze i pracovníci; vrátíme se k němu.",
    Suggestion.Settlement.FORWARDED: "Podnět jsme předali příslušnému odboru městského úřadu k řešení.",
    Suggestion.Settlement.OUT_OF_SCOPE: "Podnět se netýká sociálních služeb; předali jsme jej správci.",
}
GROUP_SETTLEMENTS = [
    Suggestion.Settlement.ACCEPTED,
    Suggestion.Settlement.PARTLY_ACCEPTED,
    Suggestion.Settlement.NOT_ACCEPTED,
]
DEPARTMENTS = ["Odbor sociálních věcí", "Odbor dopravy", "Odbor správy majetku", "Odbor rozvoje města"]


@transaction.atomic
def suggestions(seeder):
    """The suggestions agenda of every seeded ORP process: 40–60 suggestions in every state.

    Rows are written in bulk, so they have no history records: the bench measures the tracker and
    the agenda, which read the suggestions themselves; only one suggestion's own page reads its
    history, and three history rows per suggestion would triple what this step writes.
    """
    processes = list(
        PlanningProcess.objects.filter(
            contact_email__endswith=f"@{SEED_DOMAIN}", scope=PlanningProcess.Scope.ORP, suggestions__isnull=True
        ).select_related("orp")
    )
    if not processes:
        return "nothing to add"
    ids = [process.pk for process in processes]
    groups, meetings, municipalities = {}, {}, {}
    for group_id, process_id, theme in Group.objects.filter(process__in=ids, kind=Group.Kind.WORKING).values_list(
        "pk", "process_id", "theme"
    ):
        groups.setdefault(process_id, []).append((group_id, theme))
    held = Meeting.objects.filter(process__in=ids, status=Meeting.Status.HELD, group__isnull=False)
    for meeting_id, process_id, starts_at in held.order_by("pk").values_list("pk", "process_id", "starts_at"):
        meetings.setdefault(process_id, []).append((meeting_id, timezone.localtime(starts_at).date()))
    for orp_id, municipality_id in Municipality.objects.order_by("code").values_list("orp_id", "id"):
        municipalities.setdefault(orp_id, []).append(municipality_id)
    today = timezone.localdate()
    statuses, weights = list(Suggestion.Status), [15, 20, 65]
    rows, codes = [], set()
    for process in processes:
        rng = random.Random(f"{seeder.seed}:suggestions:{process.orp.code}")
        for _i in range(rng.randint(40, 60)):
            rows.append(
                seeded_suggestion(process, rng, codes, today, statuses, weights, groups, meetings, municipalities)
            )
    for row in rows:  # bulk_create skips save(), which keeps the search column
        row.search_text = row.folded_text()
    Suggestion.objects.bulk_create(rows, batch_size=2000)
    counts = {status: sum(row.status == status for row in rows) for status in statuses}
    return f"{len(rows)} suggestions in {len(processes)} processes ({', '.join(f'{n} {s}' for s, n in counts.items())})"


def seeded_suggestion(process, rng, codes, today, statuses, weights, groups, meetings, municipalities):
    topic, text = rng.choice(SUGGESTION_TEXTS)
    source = rng.choice(list(Suggestion.Source))
    meeting_id = None
    received_on = process.starts_on + datetime.timedelta(days=rng.randrange((today - process.starts_on).days))
    if source == Suggestion.Source.MEETING and meetings.get(process.pk):
        meeting_id, received_on = rng.choice(meetings[process.pk])
    suggestion = Suggestion(
        process=process,
        code=tracking_code(rng, codes),
        text=text,
        topic=topic,
        municipality_id=rng.choice(municipalities.get(process.orp_id) or [None]),
        source=source,
        received_on=received_on,
        meeting_id=meeting_id,
        status=rng.choices(statuses, weights)[0],
    )
    if rng.random() < 0.1:
        suggestion.submitter_name = "Občan"
        suggestion.submitter_email = f"podnet.{suggestion.code.lower()}@{SEED_DOMAIN}"
        suggestion.consent_given_at = timezone.make_aware(datetime.datetime.combine(received_on, datetime.time(12)))
    if suggestion.status == Suggestion.Status.NEW:
        return suggestion
    suggestion.is_published = True

    def later(days):
        return min(today, received_on + datetime.timedelta(days=days))

    own_groups = [group_id for group_id, theme in groups.get(process.pk, []) if theme == topic]
    if own_groups:
        suggestion.group_id, suggestion.assigned_on = own_groups[0], later(rng.randint(2, 14))
    if not own_groups or rng.random() < 0.3:
        suggestion.department, suggestion.forwarded_on = rng.choice(DEPARTMENTS), later(rng.randint(2, 14))
    if suggestion.status == Suggestion.Status.SETTLED:
        if not topic:
            suggestion.settlement = Suggestion.Settlement.OUT_OF_SCOPE
        elif not own_groups:
            suggestion.settlement = Suggestion.Settlement.FORWARDED
        else:
            suggestion.settlement = rng.choice(GROUP_SETTLEMENTS)
        suggestion.answer = ANSWERS[suggestion.settlement]
        suggestion.settled_on = later(rng.randint(15, 90))
    return suggestion


def tracking_code(rng, taken):
    """A tracking code from the step's generator (the model's default is random per run)."""
    while True:
        raw = "".join(rng.choice(CODE_ALPHABET) for _i in range(8))
        code = f"{raw[:4]}-{raw[4:]}"
        if code not in taken:
            taken.add(code)
            return code


@transaction.atomic
def programmes(seeder):
    """A programme in every region, run by a seeded regional officer: a call to all its ORPs and POÚ
    with their answers, 3–6 participating ORP processes, 10 held seminars with guests, 4 indicators."""
    done = set(
        Programme.objects.filter(process__contact_email__endswith=f"@{SEED_DOMAIN}").values_list(
            "process__region_id", flat=True
        )
    )
    regions = [region for region in Region.objects.order_by("code") if region.pk not in done]
    users = list(User.objects.filter(email__endswith=f"@{SEED_DOMAIN}").order_by("email").values_list("id", flat=True))
    if not regions or not users:
        return f"nothing to add ({len(done)} seeded programmes, {len(users)} users)"
    bodies = dict(Organisation.objects.filter(email__endswith=f"@{SEED_DOMAIN}").values_list("name", "id"))
    starts_on, ends_on = process_period()
    seminars, attendances, agenda, indicators, addressees = [], [], [], [], 0
    for region in regions:
        rng = random.Random(f"{seeder.seed}:programmes:{region.code}")
        officer = User.objects.get(pk=rng.choice(users))
        SiteRole.objects.get_or_create(user=officer, kind=SiteRole.Kind.REGIONAL_OFFICER, region=region)
        programme = regional.create_programme(
            officer,
            name=f"Podpora komunitního plánování sociálních služeb – {region.name}",
            region=region,
            starts_on=starts_on,
            ends_on=ends_on,
            realiser_id=bodies.get(region.name),
            status=PlanningProcess.Status.RUNNING,
            contact_email=f"program.{region.code}@{SEED_DOMAIN}",
            funding_note="Operační program Zaměstnanost plus",
        )
        sent_on = starts_on + datetime.timedelta(days=14)
        call = regional.create_call(
            programme,
            title="Zapojení do programu podpory komunitního plánování",
            letter="Vážení starostové, zveme vaše obce do programu podpory komunitního plánování.",
            deadline=sent_on + datetime.timedelta(days=30),
            sent_at=timezone.make_aware(datetime.datetime.combine(sent_on, datetime.time(10))),
        )
        joined = answer_call(call, rng, officer)
        addressees += len(joined[1])
        ids = list(
            PlanningProcess.objects.filter(
                orp__in=joined[0], contact_email__endswith=f"@{SEED_DOMAIN}", scope=PlanningProcess.Scope.ORP
            )
            .order_by("orp__code")
            .values_list("pk", flat=True)
        )
        programme.participating_processes.add(*rng.sample(ids, min(len(ids), rng.randint(3, 6))))
        guests = [
            (f"{rng.choice(FEMALE_NAMES)} {rng.choice(SURNAMES)[1]} {n}", f"Městský úřad {rng.choice(joined[2])}")
            for n in range(40)
        ]
        for n, (_month, _leaders, topics) in enumerate(SEMINARS):
            date = starts_on + datetime.timedelta(days=45 + 40 * n)
            date += datetime.timedelta(days=(2 - date.weekday()) % 7)  # Wednesdays
            seminar = Meeting(
                process=programme.process,
                kind=Meeting.Kind.SEMINAR,
                title=f"{n + 1}. seminář pro triády",
                starts_at=timezone.make_aware(datetime.datetime.combine(date, datetime.time(9))),
                duration=datetime.timedelta(hours=6),
                place=f"Krajský úřad – {region.name}",
                status=Meeting.Status.HELD,
            )
            seminars.append(seminar)
            agenda += [AgendaItem(meeting=seminar, order=i, title=title) for i, title in enumerate(topics, start=1)]
            attendances += [
                Attendance(meeting=seminar, guest_name=name, guest_organisation=organisation)
                for name, organisation in rng.sample(guests, rng.randint(15, 30))
            ]
        indicators += [
            Indicator(
                programme=programme, order=1, name="Komunitní plány v ORP", measure="plans", target=3, unit="ORP"
            ),
            Indicator(programme=programme, order=2, name="Proškolení lidé", measure="trained", target=30, unit="osob"),
            Indicator(programme=programme, order=3, name="Lidé v pracovních skupinách", measure="active", target=150),
            Indicator(
                programme=programme,
                order=4,
                name="Koordinátoři",
                measure="entered",
                target=3,
                entered_value=rng.randint(1, 4),
            ),
        ]
    Meeting.objects.bulk_create(seminars, batch_size=1000)
    AgendaItem.objects.bulk_create(agenda, batch_size=2000)
    Attendance.objects.bulk_create(attendances, batch_size=5000)
    Indicator.objects.bulk_create(indicators)
    return (
        f"{len(regions)} programmes, {addressees} answers, {len(seminars)} seminars, "
        f"{len(attendances)} seminar attendance records"
    )


def answer_call(call, rng, officer):
    """Answer the call for every addressee (most say yes, by link or on paper, a few have not answered).

    Returns the ORPs that joined, the answered addressees and the names of the joined towns.
    """
    rows = list(call.addressees.select_related("orp", "pou").order_by("pk"))
    sent_on = call.sent_at.date()
    for row in rows:
        draw = rng.random()
        if draw < 0.05:
            continue
        row.answer = Addressee.Answer.NO if draw < 0.2 else Addressee.Answer.YES
        row.representative = f"{rng.choice(TITLES)} {rng.choice(MALE_NAMES)} {rng.choice(SURNAMES)[0]}".strip()
        row.answered_on = sent_on + datetime.timedelta(days=rng.randint(1, (call.deadline - sent_on).days))
        row.channel = rng.choice(list(Addressee.Channel))
        row.recorded_by = officer if row.channel == Addressee.Channel.PAPER else None
    Addressee.objects.bulk_update(rows, ["answer", "representative", "answered_on", "channel", "recorded_by"])
    answered = [row for row in rows if row.answer]
    joined = [row.orp for row in answered if row.orp_id and row.answer == Addressee.Answer.YES]
    return joined, answered, [row.territory.name for row in answered if row.answer == Addressee.Answer.YES] or [""]


STEPS = [territories, population, organisations, people, processes, suggestions, programmes]


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
        "organisations, people and user accounts, a planning process with groups, meetings and suggestions in "
        "every ORP, a programme in every region. "
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
