"""Demo data: two real planning processes retold from the seeds, a current one, and demo accounts.

- ORP Tábor 2018–2020 (seed 004): steering group, nine working groups and their 63 meetings,
  public meetings, mayors' round tables, foundational documents, the schedule, a finished checklist.
- ORP Tábor 2026–2028 (invented): the running continuation, with the same people in its steering
  group and thematic working groups, and meetings dated around the day the demo is loaded, so that
  the calendar, the process pages and the coordinator's dashboard always show what comes next.
- Otrokovicko 2012–2014 (seed 002): five working groups and a steering group meeting in the months
  of the project's schedule, and six workshops.

Dates, groups, organisations and decisions are the seeds' facts; every person's name and every text
(descriptions, agendas, minutes) is invented. ``load_demo_processes`` runs in one transaction and
keeps a process that is already there as it is, so running it twice adds nothing.
"""

import datetime
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kpss.accounts.demo import DEMO_PASSWORD, DemoAccount, ensure_account
from kpss.accounts.models import Organisation, Person, SiteRole
from kpss.core.text import fold
from kpss.meetings.models import AgendaItem, Attendance, Meeting, Minutes, Resolution
from kpss.territories.models import Municipality, Orp

from .models import (
    Document,
    DocumentVersion,
    Group,
    Membership,
    Milestone,
    Participant,
    PlanningProcess,
    Stage,
    Step,
    TriadRole,
)
from .services import create_process

TABOR_ORP = "3112"  # ČSÚ codes: stable, unlike names
OTROKOVICE_ORP = "7205"
DOMAIN = "demo.kpss.example"  # .example never resolves: no mail leaves for a demo person

TABOR_NAME = "Pokračování komunitního plánování sociálních služeb ORP Tábor"
TABOR_NOW_NAME = "Komunitní plánování sociálních služeb ORP Tábor 2026–2028"
OTROKOVICKO_NAME = "Monitoring a vyhodnocování KPSS na Otrokovicku"

PROVIDER, COMMISSIONER, USER, PUBLIC, OTHER = (
    TriadRole.PROVIDER,
    TriadRole.COMMISSIONER,
    TriadRole.SERVICE_USER,
    TriadRole.PUBLIC,
    TriadRole.OTHER_STAKEHOLDER,
)
LEGAL = Organisation.LegalType
HELD, PLANNED, CANCELLED = Meeting.Status.HELD, Meeting.Status.PLANNED, Meeting.Status.CANCELLED

# Invented people are drawn from these lists; none of the seeds' surnames is among them.
FEMALE_NAMES = [
    "Jitka", "Markéta", "Petra", "Zuzana", "Romana", "Monika", "Michaela", "Kristýna", "Barbora", "Gabriela",
    "Simona", "Renata", "Dana", "Iveta", "Šárka", "Olga", "Radka", "Helena", "Blanka", "Martina",
]  # fmt: skip
MALE_NAMES = [
    "Vojtěch", "Ondřej", "Radek", "Michal", "Karel", "Miroslav", "Stanislav", "Roman", "David", "Filip",
    "Jakub", "Vladimír", "Aleš", "Libor", "Daniel",
]  # fmt: skip
SURNAMES = [
    ("Kratochvíl", "Kratochvílová"), ("Šimek", "Šimková"), ("Urban", "Urbanová"), ("Vlček", "Vlčková"),
    ("Kolář", "Kolářová"), ("Bartoš", "Bartošová"), ("Holub", "Holubová"), ("Doležal", "Doležalová"),
    ("Kovář", "Kovářová"), ("Polák", "Poláková"), ("Říha", "Říhová"), ("Sýkora", "Sýkorová"),
    ("Tichý", "Tichá"), ("Vacek", "Vacková"), ("Zelenka", "Zelenková"), ("Beran", "Beranová"),
    ("Štěpánek", "Štěpánková"), ("Havlíček", "Havlíčková"), ("Matějka", "Matějková"), ("Hrubý", "Hrubá"),
    ("Blažek", "Blažková"), ("Kopecký", "Kopecká"), ("Šťastný", "Šťastná"), ("Mareš", "Marešová"),
    ("Pešek", "Pešková"), ("Jiránek", "Jiránková"), ("Musil", "Musilová"), ("Toman", "Tomanová"),
]  # fmt: skip
TOWNS = {"Tábor", "Bechyně", "Chýnov", "Mladá Vožice", "Sezimovo Ústí", "Planá nad Lužnicí", "Otrokovice", "Napajedla"}


def day(text):
    """A date as the seeds write it: "26. 6. 2018" or "26.6.2018"; a date object is taken as it is."""
    if isinstance(text, datetime.date):
        return text
    d, m, y = (int(part) for part in text.replace(" ", "").split("."))
    return datetime.date(y, m, d)


def at(date, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(hour, minute)))


def nth_weekday(year, month, n, weekday):
    """The n-th (1-based) given weekday (Monday 0) of a month."""
    first = datetime.date(year, month, 1)
    return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def week_day(weeks, weekday):
    """The given weekday (Monday 0) of the week ``weeks`` before (negative) or after the current one."""
    today = timezone.localdate()
    return today + datetime.timedelta(days=weekday - today.weekday(), weeks=weeks)


def spelled(date):
    """A date as the seeds write it."""
    return f"{date.day}. {date.month}. {date.year}"


def municipality_body(name):
    return f"Město {name}" if name in TOWNS else f"Obec {name}"


@dataclass
class DemoResult:
    messages: list = field(default_factory=list)
    accounts: list = field(default_factory=list)
    created: list = field(default_factory=list)  # the processes this run created


@transaction.atomic
def load_demo_processes():
    """Load the demo processes and their accounts; skip (with a message) what the territories lack."""
    result = DemoResult()
    # Checklist steps are stored in the language they are created in: the demo is Czech.
    with translation.override(settings.LANGUAGE_CODE):
        # Per ORP its processes in order; a later one builds on the loader before it (TaborNow on Tabor).
        for code, name, loaders in [
            (TABOR_ORP, "Tábor", [Tabor, TaborNow]),
            (OTROKOVICE_ORP, "Otrokovice", [Otrokovicko]),
        ]:
            orp = Orp.objects.select_related("region").filter(code=code).first()
            if orp is None:
                result.messages.append(
                    _("ORP %(name)s is missing from the territories: its demo process is not loaded.") % {"name": name}
                )
                continue
            builder = None
            for loader in loaders:
                builder = loader(orp, builder)
                created = builder.load()
                result.accounts += builder.accounts
                if created:
                    result.created.append(builder.process)
                message = _("Demo process loaded: %(name)s") if created else _("Demo process already there: %(name)s")
                result.messages.append(message % {"name": builder.process.name})
    return result


class Loader:
    """What both demo processes share: people, organisations, groups, meetings and their records."""

    name = ""
    tag = ""  # e-mail subdomain of the invented people

    def __init__(self, orp, before=None):
        self.orp = orp
        self.before = before  # the loader of the process this one continues
        self.rng = random.Random(f"kpss-demo:{self.tag}")
        self.organisations = {}
        self.used_names = set()
        self.accounts = []
        self.members = {}  # group -> its memberships
        self.meetings = []  # (meeting, agenda, minutes, resolutions, guests)
        self.resolutions = {}  # number -> Resolution

    # -- accounts, organisations, people

    def account(self, email, first_name, last_name, role, title="", organisation=None, kind=None):
        self.used_names.add((first_name, last_name))
        user, person = ensure_account(email, first_name, last_name, kind, title=title, organisation=organisation)
        self.accounts.append(DemoAccount(email, DEMO_PASSWORD, role))
        return user, person

    def organisation(self, name, legal_type=LEGAL.OTHER, is_provider=False):
        if name is None:
            return None
        if name not in self.organisations:
            self.organisations[name], _created = Organisation.objects.get_or_create(
                name=name, defaults={"legal_type": legal_type, "is_provider": is_provider}
            )
        return self.organisations[name]

    def new_person(self, organisation=None, title=""):
        """An unsaved Person with an invented name not used before in this process."""
        while True:
            female = self.rng.random() < 0.7  # social services employ mostly women
            first_name = self.rng.choice(FEMALE_NAMES if female else MALE_NAMES)
            last_name = self.rng.choice(SURNAMES)[female]
            if (first_name, last_name) not in self.used_names:
                break
        self.used_names.add((first_name, last_name))
        return Person(
            first_name=first_name,
            last_name=last_name,
            title=title,
            email=f"{fold(first_name)}.{fold(last_name)}@{self.tag}.{DOMAIN}",
            phone=f"+420 {self.rng.randrange(600, 800)} {self.rng.randrange(1000):03d} {self.rng.randrange(1000):03d}",
            organisation=organisation,
            consents_to_contact=True,
        )

    # -- groups and memberships

    def add_group(self, order, kind, name, short_name="", focus="", theme="", description=""):
        group = Group.objects.create(
            process=self.process,
            kind=kind,
            name=name,
            short_name=short_name,
            focus=focus,
            theme=theme,
            description=description,
            order=order,
        )
        self.members[group] = []
        return group

    def fill_group(self, group, size, pool, starts_on, fixed=()):
        """``fixed`` are (person, role, triad) already known; the rest up to ``size`` are invented,
        representing the organisations of ``pool`` ((name, legal type, triad), cycled)."""
        new = []
        for i in range(size - len(fixed)):
            name, legal_type, triad = pool[i % len(pool)]
            organisation = self.organisation(name, legal_type, triad == PROVIDER)
            new.append((self.new_person(organisation, self.rng.choice(["", "", "Bc.", "Mgr."])), triad))
        Person.objects.bulk_create(person for person, _triad in new)
        memberships = [
            Membership(
                group=group,
                person=person,
                role=role,
                organisation=person.organisation,
                triad_role=triad,
                starts_on=starts_on,
            )
            for person, role, triad in [*fixed, *((person, Membership.Role.MEMBER, triad) for person, triad in new)]
        ]
        Membership.objects.bulk_create(memberships)
        self.members[group] += memberships

    def add_participants(self):
        """Every organisation represented in a group, and every person who represents none."""
        seen_organisations, seen_people, rows = set(), set(), []
        for memberships in self.members.values():
            for membership in memberships:
                if membership.organisation_id and membership.organisation_id not in seen_organisations:
                    seen_organisations.add(membership.organisation_id)
                    rows.append(
                        Participant(organisation_id=membership.organisation_id, triad_role=membership.triad_role)
                    )
                elif not membership.organisation_id and membership.person_id not in seen_people:
                    seen_people.add(membership.person_id)
                    rows.append(Participant(person_id=membership.person_id, triad_role=membership.triad_role))
        for row in rows:
            row.process = self.process
            row.joined_on = self.process.starts_on
        Participant.objects.bulk_create(rows)

    # -- meetings

    def meeting(
        self,
        kind,
        title,
        starts_at,
        group=None,
        place="",
        agenda=(),
        minutes="",
        resolutions=(),
        guests=(),
        **fields,
    ):
        meeting = Meeting(
            process=self.process, group=group, kind=kind, title=title, starts_at=starts_at, place=place, **fields
        )
        if "status" not in fields:
            meeting.status = HELD if starts_at < timezone.now() else PLANNED
        self.meetings.append((meeting, agenda, minutes, resolutions, guests))
        return meeting

    def save_meetings(self, author=None):
        """Write the meetings and, for the held ones, attendance (most members present), minutes
        (approved two weeks later) and resolutions, in one bulk insert per table."""
        Meeting.objects.bulk_create(meeting for meeting, *_rest in self.meetings)
        agenda_items, attendances, minutes_rows, resolutions = [], [], [], []
        for meeting, agenda, minutes, meeting_resolutions, guests in self.meetings:
            agenda_items += [
                AgendaItem(meeting=meeting, order=order, title=title) for order, title in enumerate(agenda, start=1)
            ]
            if meeting.status != HELD:
                continue
            # Most members come; up to a quarter of them, never the leader who chairs, excuse themselves
            # or stay away.
            members = self.members.get(meeting.group, [])
            others = [m for m in members if m.role != Membership.Role.LEADER]
            missing = self.rng.sample(others, self.rng.randint(0, len(members) // 4))
            for membership in members:
                status = Attendance.Status.PRESENT
                if membership in missing:
                    status = self.rng.choice([Attendance.Status.EXCUSED] * 3 + [Attendance.Status.ABSENT])
                attendances.append(Attendance(meeting=meeting, person=membership.person, status=status))
            present = len(members) - len(missing)
            for guest in guests:
                if isinstance(guest, Person):
                    attendances.append(Attendance(meeting=meeting, person=guest))
                else:
                    attendances.append(Attendance(meeting=meeting, guest_name=guest[0], guest_organisation=guest[1]))
            if minutes:
                minutes_rows.append(
                    Minutes(
                        meeting=meeting,
                        text=minutes,
                        author=author,
                        approved_on=meeting.starts_at.date() + datetime.timedelta(days=14),
                    )
                )
            for number, text in meeting_resolutions:
                resolution = Resolution(
                    meeting=meeting, number=number, text=text, votes_for=present, votes_against=0, votes_abstained=0
                )
                self.resolutions[number] = resolution
                resolutions.append(resolution)
        AgendaItem.objects.bulk_create(agenda_items)
        Attendance.objects.bulk_create(attendances, batch_size=1000)
        Minutes.objects.bulk_create(minutes_rows)
        Resolution.objects.bulk_create(resolutions)

    # -- checklist, documents, schedule

    def mark_steps(self, done):
        """``done``: per phase number, a list of (date, note, meeting, document) in the order of its steps."""
        steps = Step.objects.filter(phase__process=self.process).select_related("phase").order_by("order", "pk")
        by_phase = {}
        for step in steps:
            by_phase.setdefault(step.phase.number, []).append(step)
        changed = []
        for number, rows in done.items():
            for step, (date, note, meeting, document) in zip(by_phase.get(number, []), rows, strict=False):
                step.done_on, step.note, step.meeting, step.document = day(date), note, meeting, document
                changed.append(step)
        Step.objects.bulk_update(changed, ["done_on", "note", "meeting", "document"])

    def document(self, kind, title, label, text, resolution):
        document = Document.objects.create(process=self.process, kind=kind, title=title)
        DocumentVersion.objects.create(
            document=document,
            label=label,
            text=text,
            approved_on=resolution.meeting.starts_at.date(),
            resolution=resolution,
        )
        return document

    def schedule(self, stages, milestones):
        """``stages``: (name, start, end, criterion, closed on); ``milestones``: (title, due, precision,
        done on, stage index or None)."""
        saved = Stage.objects.bulk_create(
            Stage(
                process=self.process,
                name=name,
                starts_on=day(start),
                ends_on=day(end),
                closing_criterion=criterion,
                closed_on=day(closed) if closed else None,
            )
            for name, start, end, criterion, closed in stages
        )
        Milestone.objects.bulk_create(
            Milestone(
                process=self.process,
                stage=saved[stage] if stage is not None else None,
                title=title,
                due_on=day(due),
                precision=precision,
                done_on=day(done) if done else None,
            )
            for title, due, precision, done, stage in milestones
        )

    def existing(self):
        return PlanningProcess.objects.filter(name=self.name, starts_on=self.starts_on).first()


# ---------------------------------------------------------------------------------------------
# ORP Tábor 2018–2020 (seed 004)

TABOR_DESCRIPTION = """\
Projekt navázal na předchozí plánování sociálních služeb na Táborsku, jehož poslední střednědobý
plán platil pro roky 2013–2015. Jeho cílem bylo udržet komunitní plánování v celém správním obvodu
ORP Tábor živé a zpracovat nový střednědobý plán, který pomůže zajistit síť potřebných služeb.

Co se v projektu dělo:

- aktualizace základních dokumentů (statut a jednací řády),
- evaluace předchozího procesu a monitoring plnění předchozího plánu,
- informační kampaň, dvě veřejná setkání a kulaté stoly starostů,
- analýzy: sociodemografická, zajištění sociálních služeb, poskytovatelů, zadavatelů a potřeb uživatelů,
- Akční plán rozvoje sociálních služeb na rok 2019,
- Střednědobý plán sociálních služeb ORP Tábor na období 2020–2022,
- Katalog sociálních a doprovodných služeb ORP Tábor 2020.
"""

PS_PLACE = "Městský úřad Tábor, zasedací místnost"
HALL = "Městský úřad Tábor, velký sál"
# Thematic and territorial working groups: key, name, abbreviation, theme, seat, size, place, hour,
# meeting dates exactly as seed 004 lists them (its slips such as 18. 10. 2019 kept).
TABOR_GROUPS = [
    ("DMR", "Děti, mládež a rodina", "DMR", Group.Theme.CHILDREN_YOUTH_FAMILY, None, 10, PS_PLACE, 13,
     "12.9.2018, 8. 11. 2018, 5. 2. 2019, 19. 3. 2019, 26. 4. 2019, 25. 6. 2019,  1. 10. 2019, 26. 11. 2019, "
     "16. 1. 2020"),
    ("MEN", "Menšiny", "", Group.Theme.MINORITIES, None, 7, PS_PLACE, 10,
     "17. 9. 2018, 13. 11. 2018, 5. 2. 2019, 19. 3. 2019, 23. 4. 2019, 6. 6. 2019, 24. 10. 2019, 16. 1. 2020"),
    ("ONZS", "Osoby v nepříznivé životní situaci", "ONŽS", Group.Theme.ADVERSE_SITUATIONS, None, 8, PS_PLACE, 13,
     "31. 10. 2018, 15. 2. 2019, 18. 3. 2019, 29. 4. 2019, 7. 10. 2019, 3. 12. 2019, 23. 1. 2019, 11. 2. 2020"),
    ("SEN", "Senioři", "", Group.Theme.SENIORS, None, 12, PS_PLACE, 9,
     "11.9.2018, 18. 10. 2019, 17. 1. 2019, 8. 4. 2019, 27. 5. 2019, 8. 10. 2019, 25. 11. 2019, 27. 1. 2020"),
    ("ZPS", "Zdravotně postižení", "ZPS", Group.Theme.DISABILITIES, None, 11, PS_PLACE, 14,
     "18. 9. 2018, 18. 10. 2018, 31. 1. 2019, 4. 4. 2019, 9. 5. 2019, 25. 6. 2019, 14. 10. 2019,  28. 11. 2019, "
     "28. 1. 2020"),
    ("BEC", "Bechyňsko", "", "", "Bechyně", 8, "Městský úřad Bechyně, zasedací místnost", 14,
     "13. 9. 2018, 31. 10. 2018, 25. 2. 2019, 15. 4. 2019, 30. 9. 2019, 2. 12. 2019, 13. 1. 2020"),
    ("CHY", "Chýnovsko", "", "", "Chýnov", 6, "Městský úřad Chýnov, obřadní síň", 15,
     "17. 9. 2018, 4. 3. 2019, 7. 10. 2019, 6. 1. 2020"),
    ("MVO", "Mladovožicko", "", "", "Mladá Vožice", 6, "Městský úřad Mladá Vožice, zasedací místnost", 14,
     "12. 9. 2018, 6. 3. 2019, 16. 10. 2019, 8. 1. 2020"),
    ("SEZ", "Sezimoústecko", "", "", "Sezimovo Ústí", 7, "Městský úřad Sezimovo Ústí, zasedací místnost", 13,
     "18. 9. 2018, 22. 2. 2019, 5. 4. 2019, 4. 6. 2019, 8. 10. 2019, 7. 1. 2020"),
]  # fmt: skip

# The municipalities of ORP Tábor around each territorial group's seat.
TABOR_TERRITORIES = {
    "BEC": ["Bechyně", "Březnice", "Černýšovice", "Dobronice u Bechyně", "Haškovcova Lhota", "Hodětín", "Hodonice",
            "Radětice", "Rataje", "Sudoměřice u Bechyně", "Záhoří"],
    "CHY": ["Chýnov", "Nová Ves u Chýnova", "Dolní Hořice", "Dolní Hrachovice", "Krtov", "Pohnání", "Pohnánec",
            "Radenín", "Zhoř u Tábora"],
    "MVO": ["Mladá Vožice", "Běleč", "Hlasivo", "Nová Ves u Mladé Vožice", "Oldřichov", "Řemíčov", "Slapsko",
            "Smilovy Hory", "Šebířov", "Vilice", "Zhoř u Mladé Vožice"],
    "SEZ": ["Sezimovo Ústí", "Planá nad Lužnicí", "Košice"],
}  # fmt: skip

CHARITY = ("Farní charita Tábor", LEGAL.CHURCH, PROVIDER)
CHEIRON = ("Cheiron T, o.p.s.", LEGAL.NGO, PROVIDER)
G_CENTRUM = ("G-centrum Tábor", LEGAL.OTHER, PROVIDER)
FOKUS = ("Fokus Tábor, z.s.", LEGAL.NGO, PROVIDER)
DS_BECHYNE = ("Domov seniorů Bechyně", LEGAL.OTHER, PROVIDER)
TOWN_TABOR = ("Město Tábor", LEGAL.MUNICIPALITY, COMMISSIONER)
LABOUR_OFFICE = ("Úřad práce ČR, kontaktní pracoviště Tábor", LEGAL.STATE, OTHER)
HOSPITAL = ("Nemocnice Tábor, a.s.", LEGAL.OTHER, OTHER)
CLIENT, CITIZEN = (None, None, USER), (None, None, PUBLIC)
CPKP = ("Centrum pro komunitní práci jižní Čechy", LEGAL.NGO)

TABOR_POOLS = {
    "DMR": [CHARITY, TOWN_TABOR, CLIENT, CHEIRON, LABOUR_OFFICE, CITIZEN],
    "MEN": [CHEIRON, CLIENT, TOWN_TABOR, CHARITY, LABOUR_OFFICE],
    "ONZS": [CHARITY, LABOUR_OFFICE, CLIENT, TOWN_TABOR, CHEIRON],
    "SEN": [G_CENTRUM, DS_BECHYNE, CLIENT, CHARITY, TOWN_TABOR, CITIZEN],
    "ZPS": [FOKUS, CLIENT, CHARITY, TOWN_TABOR, HOSPITAL],
}

# The steering group as seed 004 lists it (names invented): key, title, organisation, triad, the
# working group it leads. "osv" (head of the town's social department) chairs it.
TABOR_STEERING = [
    ("fch", "Mgr.", CHARITY, None),
    ("men", "Bc.", CHEIRON, "MEN"),
    ("sen", "Mgr.", G_CENTRUM, "SEN"),
    ("zps", "Bc.", FOKUS, "ZPS"),
    ("osv", "Mgr.", TOWN_TABOR, None),
    ("chy", "", ("Město Chýnov", LEGAL.MUNICIPALITY, COMMISSIONER), "CHY"),
    ("mu", "Ing.", TOWN_TABOR, None),
    ("sez", "Bc.", ("Město Sezimovo Ústí", LEGAL.MUNICIPALITY, COMMISSIONER), "SEZ"),
    ("mvo", "Bc.", ("Město Mladá Vožice", LEGAL.MUNICIPALITY, COMMISSIONER), "MVO"),
    ("bec", "Mgr.", DS_BECHYNE, "BEC"),
    ("dmr", "Mgr.", (None, None, PROVIDER), "DMR"),
]

STATUTE = """\
# Statut komunitního plánování sociálních služeb ORP Tábor

## Článek 1 – Účel
Komunitní plánování sociálních služeb (KPSS) je otevřený proces, ve kterém obce, poskytovatelé
a uživatelé sociálních služeb společně zjišťují potřeby a hledají, jak je na území ORP Tábor pokrýt.

## Článek 2 – Organizační struktura
- řídící skupina – řídí a schvaluje celý proces,
- oborové pracovní skupiny – Děti, mládež a rodina; Menšiny; Osoby v nepříznivé životní situaci;
  Senioři; Zdravotně postižení,
- územní pracovní skupiny – Bechyňsko, Chýnovsko, Mladovožicko, Sezimoústecko,
- koordinátor a realizační tým.

## Článek 3 – Zásady
Rovnost partnerů triády, otevřenost, veřejnost jednání pracovních skupin a hledání shody.

## Článek 4 – Výstupy
Střednědobý plán rozvoje sociálních služeb, akční plány a katalog sociálních služeb.
"""
STEERING_RULES = """\
# Jednací řád řídící skupiny

1. Řídící skupina se schází podle potřeby, zpravidla jednou za tři až čtyři měsíce.
2. Jednání svolává a řídí předseda; pozvánka s programem se rozesílá nejméně týden předem.
3. Skupina je usnášeníschopná za přítomnosti nadpoloviční většiny členů; usnesení se přijímá
   většinou hlasů přítomných. V naléhavých případech lze hlasovat elektronicky (per rollam).
4. Z každého jednání se pořizuje prezenční listina a zápis, který členové schvalují na dalším jednání.
"""
WORKING_RULES = """\
# Jednací řád pracovních skupin

1. Pracovní skupina je otevřená každému, kdo se chce plánování sociálních služeb účastnit.
2. Skupinu vede vedoucí, kterého volí členové; realizační tým zajišťuje metodika a zápisy.
3. Skupina projednává potřeby své cílové skupiny nebo svého území a navrhuje priority a opatření plánu.
4. Návrhy skupiny předkládá vedoucí řídící skupině.
"""

# Steering-group meetings of seed 004, plus the vote of 25. 3. 2020 that approved the plan:
# key, date, hour, place, agenda, minutes, resolutions.
TABOR_STEERING_MEETINGS = [
    ("sg1", "26. 6. 2018", 9, PS_PLACE,
     ["Zahájení projektu Pokračování KPSS ORP Tábor", "Složení řídící skupiny a obnovení pracovních skupin",
      "Harmonogram projektu a aktualizace základních dokumentů", "Různé"],
     "Řídící skupina obnovila činnost v obdobném složení jako v letech 2012–2013. Realizační tým "
     "představil cíle projektu, harmonogram a plán setkání pracovních skupin na podzim 2018.\n\n"
     "Členové se shodli, že statut a jednací řády je třeba aktualizovat a že první veřejné setkání "
     "proběhne v září.",
     [("ŘS 1/2018", "Řídící skupina bere na vědomí harmonogram projektu a ukládá realizačnímu týmu připravit "
                    "aktualizaci statutu KPSS a jednacích řádů řídící a pracovních skupin."),
      ("ŘS 2/2018", "Řídící skupina souhlasí s obnovením činnosti pěti oborových a čtyř územních pracovních "
                    "skupin.")]),
    ("sg2", "20. 9. 2018", 13, PS_PLACE,
     ["Aktualizovaný statut KPSS ORP Tábor", "Jednací řád řídící skupiny a jednací řád pracovních skupin",
      "Příprava 1. veřejného setkání", "Zahájení prací na akčním plánu 2019"],
     "Členové prošli připomínky k aktualizovanému statutu a k oběma jednacím řádům a schválili je. "
     "Realizační tým shrnul první setkání pracovních skupin a pozval členy na odpolední veřejné setkání.",
     [("ŘS 3/2018", "Řídící skupina schvaluje Statut (základní listinu) KPSS ORP Tábor 2018."),
      ("ŘS 4/2018", "Řídící skupina schvaluje Jednací řád řídící skupiny 2018."),
      ("ŘS 5/2018", "Řídící skupina schvaluje Jednací řád pracovních skupin 2018.")]),
    ("sg3", "13. 11. 2018", 9, PS_PLACE,
     ["Návrh Akčního plánu rozvoje sociálních služeb ORP Tábor na rok 2019", "Informace z pracovních skupin",
      "Příprava kulatého stolu starostů"],
     "Vedoucí pracovních skupin představili opatření, která skupiny navrhly do akčního plánu. "
     "Řídící skupina návrh upravila a doporučuje jej zastupitelstvu.",
     [("ŘS 6/2018", "Řídící skupina schvaluje návrh Akčního plánu rozvoje sociálních služeb v ORP Tábor na rok "
                    "2019 a doporučuje jej Zastupitelstvu města Tábora ke schválení.")]),
    ("sg4", "14. 5. 2019", 9, PS_PLACE,
     ["Evaluace předchozího procesu plánování", "Výsledky analýz a průzkumů", "Postup tvorby SPRSS 2020–2022"],
     "Realizační tým představil evaluaci předchozího procesu, zprávu o plnění plánu 2013–2015 "
     "a výsledky sociodemografické analýzy, analýzy zajištění služeb a analýz poskytovatelů a zadavatelů.",
     [("ŘS 1/2019", "Řídící skupina bere na vědomí výsledky evaluace předchozího procesu plánování."),
      ("ŘS 2/2019", "Řídící skupina schvaluje strukturu Střednědobého plánu sociálních služeb 2020–2022 "
                    "a postup jeho tvorby.")]),
    ("sg5", "29. 10. 2019", 9, PS_PLACE,
     ["SWOT analýzy pracovních skupin", "Klíčová témata a priority SPRSS 2020–2022", "Různé"],
     "Pracovní skupiny dokončily SWOT analýzy. Řídící skupina projednala klíčová témata plánu a shodla "
     "se na prioritách pro další období.",
     [("ŘS 3/2019", "Řídící skupina schvaluje klíčová témata a priority Střednědobého plánu sociálních služeb "
                    "2020–2022 navržené pracovními skupinami.")]),
    ("sg6", "27. 2. 2020", 9, PS_PLACE,
     ["Návrh SPRSS 2020–2022", "Veřejné připomínkování a 2. veřejné projednání", "Katalog služeb"],
     "Řídící skupina projednala návrh plánu a rozhodla jej zveřejnit k připomínkám.",
     [("ŘS 1/2020", "Řídící skupina schvaluje návrh Střednědobého plánu sociálních služeb ORP Tábor 2020–2022 "
                    "k veřejnému připomínkování.")]),
    ("sg7", "25. 3. 2020", 9, "Hlasování per rollam (elektronicky)",
     ["Schválení SPRSS 2020–2022 po vypořádání připomínek"],
     "Vzhledem k mimořádným opatřením hlasovali členové elektronicky. Připomínky z veřejného "
     "připomínkování byly vypořádány a zapracovány.",
     [("ŘS 2/2020", "Řídící skupina schvaluje Komunitní plán sociálních služeb ORP Tábor 2020–2022 a doporučuje "
                    "jej Radě a Zastupitelstvu města Tábora ke schválení.")]),
]  # fmt: skip


def working_agenda(date):
    """What a Tábor working group dealt with at that point of the project."""
    if date < datetime.date(2018, 10, 1):
        return [
            "Představení projektu a obnovení činnosti skupiny",
            "Jednací řád pracovních skupin",
            "Hlavní problémy cílové skupiny a území",
        ]
    if date < datetime.date(2019, 1, 1):
        return ["Návrhy opatření do akčního plánu 2019", "Informace z řídící skupiny"]
    if date < datetime.date(2019, 7, 1):
        return ["Plnění předchozího plánu", "Výsledky analýz a průzkumů", "SWOT analýza"]
    if date < datetime.date(2020, 1, 1):
        return ["Klíčová témata a priority plánu 2020–2022", "Rozpracování opatření"]
    return ["Připomínky k návrhu plánu 2020–2022", "Spolupráce po skončení projektu"]


class Tabor(Loader):
    name = TABOR_NAME
    tag = "tabor"
    starts_on = datetime.date(2018, 5, 1)

    def load(self):
        # Accounts first: three of their people take seats in the groups below.
        self.coordinator, self.coordinator_person = self.account(
            "koordinator.tabor@kpss.example",
            "Renata",
            "Kolářová",
            _("KPSS coordinator, ORP Tábor"),
            title="Mgr.",
            organisation=self.organisation(*CPKP),
            kind=SiteRole.Kind.COORDINATOR,
        )
        _user, self.steering_member = self.account(
            "clen.rs@kpss.example", "Jitka", "Urbanová", _("steering group member, ORP Tábor"), "Ing.",
            self.organisation(*TOWN_TABOR[:2]),
        )  # fmt: skip
        _user, self.leader = self.account(
            "vedouci.ps@kpss.example", "Markéta", "Šimková", _("leader of a working group, ORP Tábor"), "Mgr.",
            self.organisation(*G_CENTRUM[:2], True),
        )  # fmt: skip
        _user, self.member = self.account(
            "clen.ps@kpss.example", "Ondřej", "Bartoš", _("working group member, ORP Tábor")
        )
        if self.found():
            return False
        self.create(
            ends_on=datetime.date(2020, 4, 30),
            description=TABOR_DESCRIPTION,
            realiser=self.organisation(*CPKP),
            partners=[self.organisation(*TOWN_TABOR[:2])],
            funding_note="Evropský sociální fond, Operační program Zaměstnanost",
            project_number="CZ.03.2.63/0.0/0.0/16_063/0006569",
            status=PlanningProcess.Status.COMPLETED,
        )
        steering = self.steering_group(self.steering_member, self.leader)
        groups = self.working_groups(self.member)
        self.add_participants()
        self.tabor_meetings(steering, groups)
        self.save_meetings(author=self.coordinator)
        self.documents_and_checklist()
        return True

    # -- what the Tábor processes share

    def found(self):
        """Whether the process is there already; the demo coordinator coordinates it in any case."""
        self.process = self.existing()
        if self.process:
            self.process.coordinators.add(self.coordinator)
        return self.process is not None

    def create(self, **fields):
        self.process = create_process(
            coordinator=self.coordinator,
            name=self.name,
            scope=PlanningProcess.Scope.ORP,
            region=self.orp.region,
            orp=self.orp,
            starts_on=self.starts_on,
            contact_email="koordinator.tabor@kpss.example",
            contact_phone="+420 381 000 000",
            **fields,
        )

    def steering_meeting(self, group, date, hour, place=PS_PLACE, guests=(), **fields):
        # The working groups met in public (seed 004); the steering group in its composition.
        return self.meeting(
            Meeting.Kind.STEERING,
            f"Jednání řídící skupiny {spelled(date)}",
            at(date, hour),
            group=group,
            place=place,
            is_open=False,
            guests=[self.coordinator_person, *guests],
            duration=datetime.timedelta(hours=2, minutes=30),
            **fields,
        )

    def working_meeting(self, group, number, date, hour, place, **fields):
        return self.meeting(
            Meeting.Kind.WORKING,
            f"{number}. setkání PS {group.short_name or group.name}",
            at(date, hour),
            group=group,
            place=place,
            **fields,
        )

    def steering_group(self, steering_member, leader):
        group = self.add_group(
            0, Group.Kind.STEERING, "Řídící skupina", "ŘS", description="Řídí a schvaluje celý proces plánování."
        )
        fixed, self.steering_people = [], {}
        for key, title, (organisation, legal_type, triad), _leads in TABOR_STEERING:
            organisation = self.organisation(organisation, legal_type, triad == PROVIDER)
            person = {"mu": steering_member, "sen": leader}.get(key)
            if person is None:
                person = self.new_person(organisation, title)
                person.save()
            self.steering_people[key] = person
            role = Membership.Role.LEADER if key == "osv" else Membership.Role.MEMBER
            fixed.append((person, role, triad))
        self.fill_group(group, len(fixed), [], self.starts_on, fixed)
        return group

    def working_groups(self, demo_member):
        leaders = {leads: (self.steering_people[key], org[2]) for key, _t, org, leads in TABOR_STEERING if leads}
        municipalities = {}
        for municipality in Municipality.objects.filter(orp=self.orp).order_by("name"):
            municipalities.setdefault(municipality.name, municipality)  # names repeat across Czechia, not in an ORP
        groups = {}
        for order, (key, name, short, theme, seat, size, place, hour, dates) in enumerate(TABOR_GROUPS, start=1):
            territory = [municipalities[n] for n in TABOR_TERRITORIES.get(key, []) if n in municipalities]
            group = self.add_group(
                order,
                Group.Kind.WORKING,
                name,
                short,
                Group.Focus.TERRITORIAL if seat else Group.Focus.THEMATIC,
                theme,
                description=(
                    f"Územní pracovní skupina obcí v okolí města {seat}."
                    if seat
                    else f"Oborová pracovní skupina pro cílovou skupinu {name.lower()}."
                ),
            )
            group.municipalities.set(territory)
            dates = [day(text) for text in dates.split(",")]
            leader, triad = leaders.get(key) or (
                self.new_person(self.organisation(*CHARITY[:2], True), "Bc."),
                PROVIDER,
            )
            if leader.pk is None:
                leader.save()
            fixed = [(leader, Membership.Role.LEADER, triad)]
            if key == "SEN":
                fixed.append((demo_member, Membership.Role.MEMBER, USER))
            pool = TABOR_POOLS.get(key) or [
                *((municipality_body(m.name), LEGAL.MUNICIPALITY, COMMISSIONER) for m in territory[1:4]),
                CHARITY,
                CLIENT,
                CITIZEN,
            ]
            self.fill_group(group, size, pool, min(dates), fixed)
            groups[key] = (group, place, hour, dates)
        return groups

    def tabor_meetings(self, steering, groups):
        self.sg = {}
        for key, date, hour, place, agenda, minutes, resolutions in TABOR_STEERING_MEETINGS:
            self.sg[key] = self.steering_meeting(
                steering,
                day(date),
                hour,
                place,
                guests=[("Tomáš Vacek", CPKP[0])],  # the realiser's team
                agenda=agenda,
                minutes=minutes,
                resolutions=resolutions,
            )
        for group, place, hour, dates in groups.values():
            for number, date in enumerate(sorted(dates), start=1):
                first_or_last = number in (1, len(dates))
                self.working_meeting(
                    group,
                    number,
                    date,
                    hour,
                    place,
                    agenda=working_agenda(date),
                    # Short minutes for the first and last meeting of each group.
                    minutes=(
                        f"Setkání vedl vedoucí skupiny. Účastníci probrali: {', '.join(working_agenda(date)).lower()}. "
                        "Podněty skupiny předá vedoucí řídící skupině."
                        if first_or_last
                        else ""
                    ),
                )
        self.public1 = self.meeting(
            Meeting.Kind.PUBLIC,
            "1. veřejné setkání – komunitní plánování sociálních služeb na Táborsku",
            at(day("20. 9. 2018"), 16),
            place=HALL,
            headcount=46,
            accessibility="Bezbariérový vstup z nádvoří.",
            agenda=["Co je komunitní plánování sociálních služeb", "Představení projektu", "SWOT analýza ve skupinách"],
            minutes=(
                "Realizační tým seznámil veřejnost s významem komunitního plánování a s projektem. "
                "Účastníci diskutovali o hlavních problémech v sociální oblasti a ve skupinách "
                "zpracovali SWOT analýzu.\n\n"
                "- silné stránky: široká nabídka služeb ve městě, spolupráce poskytovatelů,\n"
                "- slabé stránky: dostupnost terénních služeb v malých obcích,\n"
                "- příležitosti: dotace z ESF, zájem obcí,\n"
                "- hrozby: nejisté financování, nedostatek pracovníků."
            ),
        )
        self.public2 = self.meeting(
            Meeting.Kind.PUBLIC,
            "2. veřejné projednání návrhu Střednědobého plánu sociálních služeb 2020–2022",
            at(day("11. 3. 2020"), 16),
            place=HALL,
            status=CANCELLED,
            cancellation_reason=(
                "Zrušeno vzhledem k nařízením Ministerstva zdravotnictví ČR. Návrh střednědobého plánu "
                "2020–2022 bylo možné připomínkovat elektronicky; byl zveřejněn na webu realizátora "
                "a partnera projektu."
            ),
            agenda=["Představení návrhu SPRSS 2020–2022", "Připomínky a diskuse"],
        )
        mayors = [
            (f"{person.first_name} {person.last_name}", f"{municipality_body(name)}")
            for person, name in zip(
                (self.new_person() for _i in range(6)),
                ["Chotoviny", "Malšice", "Jistebnice", "Opařany", "Slapy", "Dražice"],
                strict=True,
            )
        ]
        self.meeting(
            Meeting.Kind.MAYORS_ROUND_TABLE,
            "1. kulatý stůl starostů",
            at(day("27. 2. 2019"), 10),
            place=PS_PLACE,
            is_open=False,
            agenda=["Procesy komunitního plánování", "Priority Akčního plánu 2019"],
            guests=[self.coordinator_person, *mayors],
        )
        self.meeting(
            Meeting.Kind.MAYORS_ROUND_TABLE,
            "2. kulatý stůl starostů",
            at(day("2. 3. 2020"), 10),
            place=PS_PLACE,
            is_open=False,
            agenda=["Diskuse k návrhu SPRSS 2020–2022"],
            guests=[self.coordinator_person, *mayors[1:]],
        )

    def documents_and_checklist(self):
        statute = self.document(
            Document.Kind.STATUTE, "Statut KPSS ORP Tábor 2018", "2018", STATUTE, self.resolutions["ŘS 3/2018"]
        )
        steering_rules = self.document(
            Document.Kind.STEERING_RULES,
            "Jednací řád ŘS Tábor 2018",
            "2018",
            STEERING_RULES,
            self.resolutions["ŘS 4/2018"],
        )
        self.document(
            Document.Kind.WORKING_RULES,
            "Jednací řád PS Tábor 2018",
            "2018",
            WORKING_RULES,
            self.resolutions["ŘS 5/2018"],
        )
        sg = self.sg
        self.mark_steps({
            1: [
                ("26. 6. 2018", "Řídící skupina obnovila činnost.", sg["sg1"], None),
                ("26. 6. 2018", "Obce, poskytovatelé a uživatelé; pět oborových a čtyři územní skupiny.", sg["sg1"],
                 None),
                ("31. 8. 2018", "Pozvánky rozeslány poskytovatelům, obcím a uživatelům.", None, None),
                ("1. 5. 2018", "Město Tábor je partnerem projektu.", None, None),
                ("5. 9. 2018", "Noviny táborské radnice: informace o projektu a pozvání na veřejné setkání.", None,
                 None),
            ],
            2: [
                ("31. 10. 2018", "Řídící skupina a devět pracovních skupin.", None, statute),
                ("20. 9. 2018", "Jednací řády schváleny řídící skupinou.", sg["sg2"], steering_rules),
            ],
            3: [
                ("20. 9. 2018", "1. veřejné setkání; jednání pracovních skupin jsou otevřená.", self.public1, None),
                ("14. 5. 2019", "Analýzy a průzkumy podle potřeb pracovních skupin.", sg["sg4"], None),
                ("29. 10. 2019", "SWOT analýzy pracovních skupin.", sg["sg5"], None),
                ("29. 10. 2019", "", sg["sg5"], None),
            ],
            4: [*[("29. 10. 2019", "", sg["sg5"], None)] * 5, ("27. 2. 2020", "", sg["sg6"], None)],
            5: [
                ("28. 1. 2020", "Opatření rozpracována v pracovních skupinách.", None, None),
                ("27. 2. 2020", "Monitoring je součástí návrhu plánu.", sg["sg6"], None),
                ("27. 2. 2020", "", sg["sg6"], None),
                ("11. 3. 2020", "Veřejné projednání zrušeno; připomínky elektronicky.", self.public2, None),
                ("25. 5. 2020", "Rada města 27. 4. 2020, zastupitelstvo 25. 5. 2020.", None, None),
            ],
            6: [
                ("29. 5. 2020", "Schválený plán rozeslán všem obcím ORP Tábor.", None, None),
                ("30. 4. 2020", "Katalog sociálních a doprovodných služeb ORP Tábor 2020.", None, None),
                ("25. 3. 2020", "Plán popisuje, jak se aktualizuje.", sg["sg7"], None),
            ],
        })  # fmt: skip
        DAY, MONTH = Milestone.Precision.DAY, Milestone.Precision.MONTH
        self.schedule(
            [
                ("Příprava a obnovení struktury", "1. 5. 2018", "31. 12. 2018",
                 "Skupiny pracují, základní dokumenty jsou aktualizované, akční plán 2019 je schválen.",
                 "17. 12. 2018"),
                ("Analýzy a evaluace", "1. 1. 2019", "31. 10. 2019",
                 "Analýzy a evaluace předchozího procesu jsou hotové, priority plánu dohodnuté.", "29. 10. 2019"),
                ("Tvorba střednědobého plánu", "1. 11. 2019", "30. 4. 2020",
                 "Plán 2020–2022 je schválen řídící skupinou a předložen radě města.", "27. 4. 2020"),
            ],
            [
                ("Aktualizované základní dokumenty schváleny", "20. 9. 2018", DAY, "20. 9. 2018", 0),
                ("1. veřejné setkání", "20. 9. 2018", DAY, "20. 9. 2018", 0),
                ("Akční plán 2019 schválen zastupitelstvem města", "17. 12. 2018", DAY, "17. 12. 2018", 0),
                ("1. kulatý stůl starostů", "27. 2. 2019", DAY, "27. 2. 2019", 1),
                ("Analýzy: sociodemografická, zajištění služeb, poskytovatelů, zadavatelů", "1. 9. 2019", MONTH,
                 "14. 5. 2019", 1),
                ("Návrh plánu 2020–2022 k veřejnému připomínkování", "1. 3. 2020", MONTH, "2. 3. 2020", 2),
                ("Plán 2020–2022 schválen řídící skupinou", "25. 3. 2020", DAY, "25. 3. 2020", 2),
                ("Katalog sociálních a doprovodných služeb ORP Tábor 2020", "1. 4. 2020", MONTH, "30. 4. 2020", 2),
                ("Plán 2020–2022 schválen radou města", "27. 4. 2020", DAY, "27. 4. 2020", 2),
                ("Plán 2020–2022 schválen zastupitelstvem města", "25. 5. 2020", DAY, "25. 5. 2020", None),
            ],
        )  # fmt: skip


# ---------------------------------------------------------------------------------------------
# ORP Tábor 2026–2028: the running continuation (invented), dated around the day the demo is loaded

TABOR_NOW_DESCRIPTION = """\
Komunitní plánování sociálních služeb na Táborsku pokračuje. Proces navazuje na Střednědobý plán
sociálních služeb ORP Tábor 2020–2022 a na plán 2023–2025: vyhodnocuje, co se z nich podařilo,
zjišťuje, co lidé v obcích Táborska od sociálních služeb potřebují, a připravuje plán na další období.

Řídící skupina a pět oborových pracovních skupin pracují ve složení, které se osvědčilo od roku 2018.
Setkání pracovních skupin i veřejná setkání jsou otevřená každému, kdo se chce zapojit.
"""
# The thematic working groups' meetings in weeks from the current one (negative: held already); each
# group keeps its weekday. The steering group meets on Tuesdays, the public meeting is on a Thursday.
TABOR_NOW_WEEKS = {"DMR": (-4, 3, 8), "MEN": (-2, 5), "ONZS": (-1, 6), "SEN": (-3, 2, 7), "ZPS": (-2, 4, 9)}
TABOR_NOW_WEEKDAYS = {"DMR": 0, "MEN": 1, "ONZS": 2, "SEN": 3, "ZPS": 4}
STEERING_HELD_WEEKS, STEERING_NEXT_WEEKS, PUBLIC_WEEKS = -5, 7, 4
TABOR_NOW_AGENDA = {
    HELD: ["Analýza dostupnosti služeb v ORP Tábor", "Dotazníkové šetření potřeb uživatelů", "Podněty členů"],
    PLANNED: ["SWOT analýza oblasti", "Příprava veřejného setkání", "Informace z řídící skupiny"],
}


class TaborNow(Tabor):
    """Continues the Tábor process of 2018 (``before``): its steering group and thematic working groups
    with the same people in the same roles, coordinated by the same demo coordinator."""

    name = TABOR_NOW_NAME
    starts_on = datetime.date(2026, 1, 1)

    def __init__(self, orp, before):
        super().__init__(orp, before)
        self.coordinator, self.coordinator_person = before.coordinator, before.coordinator_person

    def load(self):
        if self.found():
            return False
        self.create(
            ends_on=datetime.date(2028, 12, 31),
            description=TABOR_NOW_DESCRIPTION,
            realiser=self.organisation(*TOWN_TABOR[:2]),
            status=PlanningProcess.Status.RUNNING,
        )
        groups = self.groups_of_before()
        self.add_participants()
        self.current_meetings(groups)
        self.save_meetings(author=self.coordinator)
        self.checklist_and_schedule()
        return True

    def groups_of_before(self):
        """The steering group ("ŘS") and the thematic working groups (by their TABOR_GROUPS key) of the
        process before, copied with their memberships."""
        keys = {name: key for key, name, _short, _theme, seat, *_rest in TABOR_GROUPS if not seat}
        previous = (
            self.before.process.groups.filter(Q(kind=Group.Kind.STEERING) | Q(name__in=keys))
            .prefetch_related(Prefetch("memberships", Membership.objects.select_related("person__organisation")))
            .order_by("order")
        )
        groups = {}
        for old in previous:
            group = self.add_group(old.order, old.kind, old.name, old.short_name, old.focus, old.theme, old.description)
            fixed = [(m.person, m.role, m.triad_role) for m in old.memberships.all()]
            self.fill_group(group, len(fixed), [], self.starts_on, fixed)
            groups[keys.get(old.name, "ŘS")] = group
        return groups

    def current_meetings(self, groups):
        steering, held_on = groups.pop("ŘS"), week_day(STEERING_HELD_WEEKS, 1)
        self.held_steering = self.steering_meeting(
            steering,
            held_on,
            9,
            agenda=["Analýza dostupnosti sociálních služeb v ORP Tábor", "Postup dotazníkového šetření", "Různé"],
            minutes=(
                "Koordinátorka představila analýzu dostupnosti sociálních služeb v obcích ORP Tábor. "
                "Členové upozornili na slabé pokrytí terénních služeb v malých obcích a na dlouhé čekací "
                "doby v pobytových službách pro seniory.\n\n"
                "Dotazníkové šetření potřeb uživatelů se protahuje; vyhodnocení se přesouvá."
            ),
            resolutions=[
                (f"ŘS 3/{held_on.year}", "Řídící skupina bere na vědomí analýzu dostupnosti sociálních služeb "
                 "v ORP Tábor a ukládá pracovním skupinám zpracovat do příštího jednání SWOT analýzy svých oblastí."),
            ],
        )  # fmt: skip
        self.steering_meeting(
            steering,
            week_day(STEERING_NEXT_WEEKS, 1),
            9,
            agenda=["SWOT analýzy pracovních skupin", "Výsledky veřejného setkání", "Harmonogram na další pololetí"],
        )
        places = {key: (place, hour) for key, _name, _short, _theme, _seat, _size, place, hour, _d in TABOR_GROUPS}
        for key, group in groups.items():
            place, hour = places[key]
            for number, weeks in enumerate(TABOR_NOW_WEEKS[key], start=1):
                date = week_day(weeks, TABOR_NOW_WEEKDAYS[key])
                self.working_meeting(
                    group, number, date, hour, place, agenda=TABOR_NOW_AGENDA[HELD if weeks < 0 else PLANNED]
                )
        self.public = self.meeting(
            Meeting.Kind.PUBLIC,
            "Veřejné setkání k potřebám sociálních služeb na Táborsku",
            at(week_day(PUBLIC_WEEKS, 3), 16),
            place=HALL,
            accessibility=(
                "Bezbariérový vstup z nádvoří. Tlumočník do českého znakového jazyka na vyžádání – "
                "stačí se přihlásit u koordinátorky nejpozději týden předem."
            ),
            agenda=[
                "Komunitní plánování na Táborsku v letech 2026–2028",
                "Co ukázalo vyhodnocení plánu 2023–2025",
                "Diskuse u stolů: co v sociálních službách chybí",
                "Jak se zapojit do pracovních skupin",
            ],
        )

    def checklist_and_schedule(self):
        self.mark_steps({
            1: [
                ("12. 1. 2026", "Přípravný tým: město Tábor, koordinátorka a vedoucí pracovních skupin.", None, None),
                ("12. 1. 2026", "Obce ORP, poskytovatelé a uživatelé jako v letech 2018–2025.", None, None),
                ("26. 1. 2026", "Pozvánky rozeslány obcím, poskytovatelům a organizacím uživatelů.", None, None),
                ("16. 2. 2026", "Rada města Tábora vzala zahájení procesu na vědomí.", None, None),
                ("2. 3. 2026", "Informace v radničních novinách a na webu města.", None, None),
            ],
            2: [
                ("24. 2. 2026", "Řídící skupina a pět oborových pracovních skupin.", None, None),
                ("24. 2. 2026", "Statut a jednací řády z roku 2018 potvrzeny beze změny.", None, None),
            ],
            3: [
                ("9. 3. 2026", "Setkání pracovních skupin jsou otevřená, kalendář je zveřejněn.", None, None),
                (self.held_steering.starts_at.date(), "Analýza dostupnosti hotova; dotazníkové šetření běží.",
                 self.held_steering, None),
            ],
        })  # fmt: skip
        DAY, MONTH = Milestone.Precision.DAY, Milestone.Precision.MONTH
        today = timezone.localdate()
        last_month = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=15)
        self.schedule(
            [
                ("Analýza potřeb a vyhodnocení plánu 2023–2025", "1. 1. 2026", "31. 3. 2027",
                 "Analýzy a vyhodnocení předchozího plánu jsou hotové, priority dohodnuté.", None),
                ("Tvorba a zavádění nového střednědobého plánu", "1. 4. 2027", "31. 12. 2028",
                 "Plán je schválen zastupitelstvem města a jeho plnění se sleduje.", None),
            ],
            [
                ("Struktura plánování obnovena", "28. 2. 2026", DAY, "24. 2. 2026", 0),
                ("Katalog sociálních a doprovodných služeb ORP Tábor 2026", "1. 5. 2026", MONTH, "28. 5. 2026", 0),
                ("Vyhodnocení dotazníkového šetření potřeb uživatelů", last_month, DAY, None, 0),
                ("Veřejné setkání k potřebám sociálních služeb", self.public.starts_at.date(), DAY, None, 0),
                ("Analýza potřeb a vyhodnocení plánu 2023–2025", "1. 3. 2027", MONTH, None, 0),
                ("Návrh nového plánu k veřejnému připomínkování", "1. 9. 2027", MONTH, None, 1),
                ("Plán schválen zastupitelstvem města", "1. 12. 2027", MONTH, None, 1),
            ],
        )  # fmt: skip


# ---------------------------------------------------------------------------------------------
# Otrokovicko 2012–2014 (seed 002)

OTROKOVICKO_DESCRIPTION = """\
Projekt zlepšoval monitoring, vyhodnocování a aktualizaci komunitního plánu sociálních služeb na
Otrokovicku a nastavoval nový rámec spolupráce obcí, poskytovatelů a uživatelů. Pracovní skupiny
a řídící skupina se scházely pravidelně, sbíraly podněty občanů a projednávaly slabá místa sítě
služeb; pro poskytovatele se konalo šest odborných workshopů.

Celkové náklady projektu: 1 609 236,80 Kč. Prioritní osa 4.3 Sociální integrace a rovné příležitosti.
"""
OTROKOVICKO_MUNICIPALITIES = [
    "Otrokovice", "Napajedla", "Bělov", "Halenkovice", "Nová Dědina", "Oldřichovice", "Pohořelice", "Žlutava",
]  # fmt: skip
OTROKOVICKO_ORGANISATIONS = [
    ("Centrum pro zdravotně postižené Zlínského kraje", LEGAL.NGO),
    ("Domov pro seniory Napajedla", LEGAL.OTHER),
    ("Občanské sdružení ONYX", LEGAL.NGO),
    ("Charita sv. Anežky Otrokovice", LEGAL.CHURCH),
    ("SENIOR Otrokovice", LEGAL.OTHER),
    ("Naděje Otrokovice", LEGAL.NGO),
    ("Oblastní spolek ČČK Zlín", LEGAL.NGO),
]
# Months of the seed's schedule: group meetings, and workshops with their topics in the listed order.
OTROKOVICKO_MEETING_MONTHS = (
    [(2012, m) for m in (5, 7, 9, 11)]
    + [(2013, m) for m in (1, 3, 5, 7, 9, 11)]
    + [
        (2014, 1),
        (2014, 3),
    ]
)
WORKSHOPS = [
    ((2012, 6), "Fundraising a samofinancování soc. služeb"),
    ((2012, 10), "Strategické plánování a řízení"),
    ((2013, 2), "Trendy v sociální práci, přístup k uživatelům"),
    ((2013, 6), "Motivace uživatele"),
    ((2013, 10), "Kvalita služeb vs. současné dotace"),
    ((2014, 2), "Transformace služeb"),
]
OTROKOVICKO_GROUPS = [  # name, theme, size, its providers
    ("Senioři", Group.Theme.SENIORS, 15, ["Domov pro seniory Napajedla", "SENIOR Otrokovice"]),
    ("Osoby se zdravotním postižením", Group.Theme.DISABILITIES, 12,
     ["Centrum pro zdravotně postižené Zlínského kraje", "Občanské sdružení ONYX"]),
    ("Rodiny s dětmi", Group.Theme.CHILDREN_YOUTH_FAMILY, 11,
     ["Charita sv. Anežky Otrokovice", "Oblastní spolek ČČK Zlín"]),
    ("Osoby ohrožené sociálně patologickými jevy", Group.Theme.ADDICTIONS, 8,
     ["Naděje Otrokovice", "Občanské sdružení ONYX"]),
    ("Osoby v krizi a nezaměstnaní", Group.Theme.CRISIS_UNEMPLOYED, 9,
     ["Naděje Otrokovice", "Charita sv. Anežky Otrokovice"]),
]  # fmt: skip


class Otrokovicko(Loader):
    name = OTROKOVICKO_NAME
    tag = "otrokovicko"
    starts_on = datetime.date(2012, 5, 1)

    def load(self):
        coordinator, coordinator_person = self.account(
            "koordinator.otrokovicko@kpss.example",
            "Simona",
            "Holubová",
            _("KPSS coordinator, Otrokovicko"),
            title="Bc.",
            organisation=self.organisation("Město Otrokovice", LEGAL.MUNICIPALITY),
            kind=SiteRole.Kind.COORDINATOR,
        )
        self.process = self.existing()
        if self.process:
            self.process.coordinators.add(coordinator)
            return False

        # The towns and municipalities of the seed, found by name in the region (Nová Dědina lies in
        # a neighbouring ORP); preferring those of ORP Otrokovice when a name repeats.
        found = {}
        for municipality in Municipality.objects.filter(
            orp__region=self.orp.region, name__in=OTROKOVICKO_MUNICIPALITIES
        ).order_by("name", "code"):
            if municipality.name not in found or municipality.orp_id == self.orp.pk:
                found[municipality.name] = municipality
        municipalities = [found[name] for name in OTROKOVICKO_MUNICIPALITIES if name in found]
        partners = [
            self.organisation(municipality_body(name), LEGAL.MUNICIPALITY) for name in OTROKOVICKO_MUNICIPALITIES
        ]
        partners += [self.organisation(name, legal_type, True) for name, legal_type in OTROKOVICKO_ORGANISATIONS]
        self.process = create_process(
            coordinator=coordinator,
            municipalities=municipalities,
            partners=partners,
            name=OTROKOVICKO_NAME,
            scope=PlanningProcess.Scope.MUNICIPALITIES,
            region=self.orp.region,
            orp=self.orp,
            starts_on=self.starts_on,
            ends_on=datetime.date(2014, 4, 30),
            description=OTROKOVICKO_DESCRIPTION,
            realiser=partners[0],
            funding_note=(
                "Evropský sociální fond, Operační program Lidské zdroje a zaměstnanost, a státní rozpočet ČR"
            ),
            project_number="CZ.1.04/3.1.03/78.00040",
            budget=Decimal("1609236.80"),
            status=PlanningProcess.Status.COMPLETED,
            contact_email="koordinator.otrokovicko@kpss.example",
        )
        town_pool = [(municipality_body(name), LEGAL.MUNICIPALITY, COMMISSIONER) for name in OTROKOVICKO_MUNICIPALITIES]
        steering = self.add_group(
            0,
            Group.Kind.STEERING,
            "Řídící skupina",
            "ŘS",
            description="Zástupci partnerů projektu, uživatelů, místních samospráv a spolupracujících organizací.",
        )
        chair = self.new_person(partners[0], "Ing.")
        chair.save()
        steering_pool = [
            *town_pool[1:4],
            *((name, legal_type, PROVIDER) for name, legal_type in OTROKOVICKO_ORGANISATIONS),
            CLIENT,
            CLIENT,
        ]
        self.fill_group(steering, 13, steering_pool, self.starts_on, [(chair, Membership.Role.LEADER, COMMISSIONER)])
        groups = [steering]
        for order, (name, theme, size, providers) in enumerate(OTROKOVICKO_GROUPS, start=1):
            group = self.add_group(order, Group.Kind.WORKING, name, focus=Group.Focus.THEMATIC, theme=theme)
            pool = [
                *((provider, LEGAL.OTHER, PROVIDER) for provider in providers),
                town_pool[order % len(town_pool)],
                CLIENT,
                town_pool[0],
                CITIZEN,
            ]
            leader = self.new_person(self.organisation(providers[0]), "Mgr.")
            leader.save()
            self.fill_group(group, size, pool, self.starts_on, [(leader, Membership.Role.LEADER, PROVIDER)])
            groups.append(group)
        self.add_participants()

        # Each month of the schedule all groups meet: working groups Monday to Friday of the second
        # week, the steering group on the third Thursday.
        for year, month in OTROKOVICKO_MEETING_MONTHS:
            for i, group in enumerate(groups):
                date = nth_weekday(year, month, 3, 3) if i == 0 else nth_weekday(year, month, 2, i - 1)
                is_steering = group.kind == Group.Kind.STEERING
                self.meeting(
                    Meeting.Kind.STEERING if is_steering else Meeting.Kind.WORKING,
                    f"{'Řídící skupina' if is_steering else f'PS {group.name}'} – {month}/{year}",
                    at(date, 9 if is_steering else 14),
                    group=group,
                    place="Městský úřad Otrokovice, zasedací místnost",
                    agenda=(
                        ["Monitoring plnění komunitního plánu", "Podněty z pracovních skupin", "Usnesení"]
                        if is_steering
                        else ["Slabá místa sítě služeb", "Nenaplněné priority a opatření", "Podněty občanů"]
                    ),
                    minutes=(
                        "Řídící skupina projednala zprávu o monitoringu plánu a podněty pracovních skupin."
                        if is_steering
                        else ""
                    ),
                )
        for n, ((year, month), topic) in enumerate(WORKSHOPS, start=1):
            self.meeting(
                Meeting.Kind.WORKSHOP,
                f"Workshop {n}: {topic}",
                at(nth_weekday(year, month, 3, 2), 9),
                place="Městský úřad Otrokovice, velká zasedací místnost",
                duration=datetime.timedelta(hours=6),
                headcount=10 + self.rng.randrange(10),
                agenda=[topic, "Sdílení praxe poskytovatelů", "Závěry pro plánování"],
            )
        self.save_meetings(author=coordinator)
        self.mark_steps({
            1: [("1. 5. 2012", "Navazuje na předchozí proces plánování.", None, None)] * 5,
            2: [("17. 5. 2012", "", None, None)] * 2,
            3: [("30. 11. 2012", "Dotazníková šetření, konzultace, veřejná setkání.", None, None)] * 4,
            4: [("31. 1. 2013", "", None, None)] * 6,
            5: [("31. 3. 2013", "Komunitní plán na období 2013–2015; systém monitoringu.", None, None)] * 5,
            6: [("31. 3. 2014", "Aktualizovaný komunitní plán.", None, None)] * 3,
        })  # fmt: skip
        MONTH = Milestone.Precision.MONTH
        self.schedule(
            [
                ("Nastavení systému monitoringu", "1. 5. 2012", "31. 12. 2012",
                 "Systém získávání a vyhodnocování informací o službách je popsán.", "31. 12. 2012"),
                ("Monitoring a vyhodnocování", "1. 1. 2013", "30. 4. 2014",
                 "Aktualizovaný komunitní plán a vypořádaná agenda podnětů.", "30. 4. 2014"),
            ],
            [
                *((f"Workshop: {topic}", f"1. {month}. {year}", MONTH, f"28. {month}. {year}", None)
                  for (year, month), topic in WORKSHOPS),
                ("Dokument popisující systém monitoringu a vyhodnocování", "1. 12. 2012", MONTH, "18. 12. 2012", 0),
                ("Aktualizovaný Komunitní plán sociálních služeb na Otrokovicku", "1. 3. 2014", MONTH, "20. 3. 2014",
                 1),
            ],
        )  # fmt: skip
        return True
