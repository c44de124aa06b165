"""Demo data: the programme "Komunitní plánování sociálních služeb v kraji Vysočina" (seeds 000 and 003).

The region's programme of 2005–2007, run by the demo regional officer (kraj@kpss.example): the call
to the mayors of the 15 ORPs and 11 POÚ with their answers (13 and 8 yes, as the seed says), ten
seminars for the triads and the final conference, the three stages of the schedule, and a planning
process in each of the 13 ORPs that joined, with working groups, their meetings and, in 9 of them, an
approved community plan. Dates, bodies and figures are the seeds'; people, mayors and texts are
invented. ``load_demo_programme`` runs in one transaction; a programme already there is kept as it is.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from kpss.accounts.models import User
from kpss.core.text import fold
from kpss.meetings.models import AgendaItem, Meeting
from kpss.processes.demo import (
    CITIZEN,
    CLIENT,
    COMMISSIONER,
    DOMAIN,
    LEGAL,
    PROVIDER,
    DemoResult,
    Loader,
    at,
    nth_weekday,
)
from kpss.processes.models import Document, DocumentVersion, Group, Membership, Milestone, PlanningProcess
from kpss.processes.services import create_process
from kpss.territories.models import Region

from . import services
from .models import Addressee, Indicator, Programme

VYSOCINA = "CZ063"
OFFICER = "kraj@kpss.example"
NAME = "Komunitní plánování sociálních služeb v kraji Vysočina"
STARTS_ON, ENDS_ON = datetime.date(2005, 9, 1), datetime.date(2007, 6, 30)  # 22 months

DESCRIPTION = """\
Projekt podpořil zavádění komunitního plánování sociálních služeb v obcích s rozšířenou působností
kraje Vysočina. Kraj chce z komunitních plánů obcí vycházet při plánování sítě sociálních služeb,
a proto s obcemi postupuje zdola: nejdřív plány měst a obcí, z nich potom krajský plán.

Projekt připravilo a realizovalo občanské sdružení Agora Central Europe, které už pomáhalo s plány
v Pelhřimově a v Třebíči. Vzdělávání zajišťovali lektoři o.p.s. Komunitní plánování Písek a Centra
komunitní práce Ústí nad Labem. Partnerem projektu byl Kraj Vysočina; projekt řídila řídící skupina
z pracovníků Agory CE a odboru sociálních věcí a zdravotnictví krajského úřadu.

Co projekt obcím dal:

- deset seminářů pro triády (zadavatele, poskytovatele a uživatele) přibližně jednou měsíčně,
- podporu při ustavení řídících a pracovních skupin a facilitaci klíčových jednání,
- pomoc s dotazníky, analýzou poskytovatelů a potřeb uživatelů, SWOT analýzami a veřejnými setkáními,
- podporu při sestavení vlastního komunitního plánu sociálních služeb.

Cíle: komunitní plány v nejméně 8 ORP, 4 pracovní místa koordinátorů, nejméně 30 proškolených lidí
a nejméně 200 lidí aktivně zapojených v pracovních skupinách.

Rada kraje Vysočina přijala dne 1. 3. 2005 usnesení č. 0279/10/2005/RK: metodu komunitního plánování
považuje za vhodný nástroj k tvorbě sítě sociálních služeb na místní i regionální úrovni.
"""
FUNDING = (
    "Společný regionální operační program, opatření 3.2, grantové schéma „Podpora sociální integrace "
    "v kraji Vysočina 2004–2006“, podprogram C"
)
AGORA = ("Agora Central Europe, o.s.", LEGAL.NGO)
LECTURERS = [("Komunitní plánování Písek, o.p.s.", LEGAL.NGO), ("Centrum komunitní práce Ústí nad Labem", LEGAL.NGO)]
REGION_BODY = ("Kraj Vysočina", LEGAL.REGION)

LETTER = """\
Vážený pane starosto, vážená paní starostko,

jak jste byli informováni na setkání dne 20. 1. 2005 a na semináři v Pelhřimově 16. 2. 2005, chceme
připravit Krajský strategický plán sociálních služeb, z něhož bude kraj vycházet při plánování sítě
sociálních služeb. Plán vznikne komunitně a zdola: z komunitních plánů sociálních služeb jednotlivých
obcí s rozšířenou působností.

S odborným partnerem, občanským sdružením Agora Central Europe, předkládáme projekt „Příprava
Komunitního plánu sociálních služeb kraje Vysočina“ ze Společného regionálního operačního programu.
Obcím, které se zapojí, nabídneme vzdělávání přibližně jednou měsíčně, supervizi mezi semináři
a podporu při analýzách, práci řídících a pracovních skupin, veřejných setkáních a při zpracování
návrhu plánu. Aktivity projektu budou plně hrazeny.

Prosíme Vás o vyjádření, zda má Vaše obec zájem se do projektu zapojit a zpracovat svůj komunitní
plán sociálních služeb.

Krajský úřad kraje Vysočina, odbor sociálních věcí a zdravotnictví, oddělení sociálních služeb,
Žižkova 57, 587 33 Jihlava
"""
LETTER_SENT = datetime.date(2005, 3, 14)
DEADLINE = datetime.date(2005, 4, 15)
# ČSÚ codes of the ORPs and POÚ that said no (the seed gives the counts, not the names).
ORPS_NO = {"6104", "6107"}  # Chotěboř, Náměšť nad Oslavou
POUS_NO = {"61021", "61103", "61131"}  # Golčův Jeníkov, Počátky, Hrotovice
# How far each joined ORP got by the end of the project: "done" all six phases, "implementing" a plan
# approved and phase 6 begun, "drafting" still in phase 5 without an approved plan.
DONE = {"6102", "6110", "6113"}  # Havlíčkův Brod, Pelhřimov, Třebíč: Agora CE had worked there before
DRAFTING = {"6101", "6106", "6109", "6112"}  # Bystřice n. P., Moravské Budějovice, Pacov, Telč

# Seminars: project month, whom for, topics (seed 000).
SEMINARS = [
    (3, False, ["Úvod – co je komunitní plánování, proč je dobré jej dělat, triády, řídící skupiny",
                "PR projektu", "Sestavení řídící a konzultační skupiny"]),
    (4, False, ["Supervize uskutečněných aktivit", "Struktura rozhodování a řízení projektu KPSS ve městě a v PO3 "
                "a v PO2", "Partneři projektu a práce s nimi", "Mediální podpora projektu"]),
    (5, False, ["Supervize uskutečněných aktivit", "Analýza poskytovatelů",
                "Ustavení a úloha pracovních skupin v procesu", "Zahájení tvorby dotazníků pro poskytovatele"]),
    (6, False, ["Supervize uskutečněných aktivit", "SWOT analýza s řídící a pracovními skupinami",
                "Analýza: sociodemografické podklady potřebné pro Komunitní plán sociálních služeb"]),
    (7, False, ["Jak uskutečnit efektivní veřejné setkání", "Práce s pracovními skupinami",
                "Facilitace a vedení pracovních skupin (pro koordinátory a triády)"]),
    (9, False, ["Analýza potřeb uživatelů",
                "Analýza potřeb potenciálních uživatelů – dotazník pro nejširší veřejnost", "Práce s veřejností"]),
    (11, True, ["Vedení pracovních skupin, zpracování výstupů"]),
    (13, True, ["Práce v pracovních skupinách se získanými podklady", "Jak dát dohromady první verzi KPSS"]),
    (15, False, ["Supervize uskutečněných aktivit", "Komunitní plán sociálních služeb – jeho části",
                 "Zpracování obecných částí Komunitních plánů sociálních služeb (metodika, průběh, základní "
                 "sociologické údaje)"]),
    (17, False, ["Supervize uskutečněných aktivit", "Konzultace ke komunitním plánům sociálních služeb"]),
]  # fmt: skip
SEMINAR_PLACES = [
    "Jihlava, Krajský úřad kraje Vysočina, Žižkova 57",
    "Pelhřimov, Městský úřad, zasedací místnost",
    "Havlíčkův Brod, Městský úřad, velká zasedací místnost",
    "Třebíč, Městský úřad, zasedací místnost",
    "Žďár nad Sázavou, Městský úřad, zasedací místnost",
]
GUESTS = 42  # distinct people at the seminars (seed: at least 30 trained)
WORKING_GROUP_NAMES = {
    Group.Theme.SENIORS: "Senioři",
    Group.Theme.DISABILITIES: "Osoby se zdravotním postižením",
    Group.Theme.CHILDREN_YOUTH_FAMILY: "Rodina, děti a mládež",
    Group.Theme.ADVERSE_SITUATIONS: "Osoby v nepříznivé sociální situaci",
    Group.Theme.CRISIS_UNEMPLOYED: "Osoby v krizi a nezaměstnaní",
    Group.Theme.ADDICTIONS: "Osoby ohrožené závislostmi",
    Group.Theme.MINORITIES: "Národnostní a etnické menšiny",
}
MORE_THEMES = list(WORKING_GROUP_NAMES)[2:]  # every process has the first two groups


def month(n, day=1):
    """The given day of the project's n-th month (month 1 is September 2005)."""
    index = STARTS_ON.month - 1 + n - 1
    return datetime.date(STARTS_ON.year + index // 12, index % 12 + 1, day)


def month_end(n):
    return month(n + 1) - datetime.timedelta(days=1)


@transaction.atomic
def load_demo_programme():
    """Load the Vysočina programme; skip (with a message) when the region or the officer is missing."""
    result = DemoResult()
    region = Region.objects.filter(nuts_code=VYSOCINA).first()
    officer = User.objects.filter(email=OFFICER).first()
    if region is None or officer is None:
        result.messages.append(_("Kraj Vysočina or its demo officer is missing: the demo programme is not loaded."))
        return result
    existing = Programme.objects.filter(process__name=NAME, process__starts_on=STARTS_ON).first()
    if existing:
        result.messages.append(_("Demo programme already there: %(name)s") % {"name": NAME})
        return result
    # Checklist steps and ORP titles are stored in the language they are created in: the demo is Czech.
    with translation.override(settings.LANGUAGE_CODE):
        VysocinaProgramme(region, officer).load()
    result.messages.append(_("Demo programme loaded: %(name)s") % {"name": NAME})
    return result


class VysocinaProgramme(Loader):
    tag = "vysocina"

    def __init__(self, region, officer):
        super().__init__(None)
        self.region, self.officer = region, officer
        self.all_members = {}

    def load(self):
        self.programme = services.create_programme(
            self.officer,
            partners=[self.organisation(*REGION_BODY), *(self.organisation(*lecturer) for lecturer in LECTURERS)],
            name=NAME,
            region=self.region,
            starts_on=STARTS_ON,
            ends_on=ENDS_ON,
            description=DESCRIPTION,
            realiser=self.organisation(*AGORA),
            funding_note=FUNDING,
            status=PlanningProcess.Status.COMPLETED,
            contact_email=OFFICER,
        )
        self.process = self.programme.process
        self.programme_schedule()
        self.seminars_and_conference()
        joined = self.call()
        for orp in joined:
            self.orp_process(orp)
        self.members = self.all_members
        self.save_meetings()
        self.lecturers_present_the_topics()
        self.indicators()

    # -- the programme's own process

    def programme_schedule(self):
        officer_person = getattr(self.officer, "person", None)
        steering = self.add_group(
            0,
            Group.Kind.STEERING,
            "Řídící skupina projektu",
            "ŘS",
            description="Pracovníci Agory CE a zástupci odboru sociálních věcí a zdravotnictví krajského úřadu.",
        )
        fixed = [(officer_person, Membership.Role.LEADER, COMMISSIONER)] if officer_person else []
        pool = [(*AGORA, PROVIDER), ("Krajský úřad kraje Vysočina", LEGAL.REGION, COMMISSIONER)]
        self.fill_group(steering, 6, pool, STARTS_ON, fixed)
        self.all_members.update(self.members)
        self.mark_steps({
            1: [(month(1), "Agora CE a odbor sociálních věcí a zdravotnictví krajského úřadu.", None, None),
                ("15. 4. 2005", "Výzva starostům: zapojilo se 13 ORP a 8 pověřených obcí.", None, None),
                (month(1, 20), "Jednání se starosty jednotlivých měst – partnerské smlouvy.", None, None),
                ("1. 3. 2005", "Usnesení Rady kraje Vysočina č. 0279/10/2005/RK ze dne 1. 3. 2005.", None, None),
                (month(2, 28), "PR projektu na 1. semináři; zprávy v médiích a na webu kraje.", None, None)],
            2: [(month(2, 15), "Řídící skupina projektu.", None, None), (month(2, 15), "", None, None)],
            3: [(month(7, 31), "Veřejná setkání ve městech.", None, None),
                (month(10, 30), "Analýzy poskytovatelů v zapojených obcích.", None, None),
                (month(14, 31), "SWOT analýzy a analýzy potřeb uživatelů.", None, None),
                (month(14, 31), "", None, None)],
            4: [(month(17, 31), "Priority navržené pracovními skupinami měst.", None, None)] * 6,
            5: [(month(17, 31), "", None, None), (month(17, 31), "", None, None),
                (month(17, 31), "Návrhy KPSS schválené řídícími skupinami měst.", None, None),
                (month(20, 30), "Veřejná setkání k návrhům KPSS v 10 městech.", None, None),
                (month(21, 31), "Plány schválila zastupitelstva měst.", None, None)],
            6: [(month(21, 24), "Závěrečná konference.", None, None),
                (month(22, 30), "Navazující projekt: krajský plán a akční plány ORP.", None, None),
                (month(22, 30), "", None, None)],
        })  # fmt: skip
        DAY, MONTH = Milestone.Precision.DAY, Milestone.Precision.MONTH
        self.schedule(
            [
                ("1. etapa: navázání spolupráce se městy", month(1), month_end(5),
                 "Navázána spolupráce se městy, ustaveny triády a řídící skupiny.", month_end(5)),
                ("2. etapa: analýzy poskytovatelů", month(6), month_end(10),
                 "Hotovy analýzy poskytovatelů v min. 8 obcích typu PO3 nebo PO2.", month_end(10)),
                ("3. etapa: analýzy uživatelů", month(11), month_end(16),
                 "Hotovy analýzy uživatelů minimálně v 8 obcích, ustaveny pracovní skupiny.", month_end(16)),
            ],
            [
                ("Partnerské smlouvy se starosty měst", month(2), MONTH, month(2, 27), 0),
                ("Ustavení řídících skupin ve městech", month(3), MONTH, month(3, 30), 0),
                ("Ustavení pracovních skupin a jejich vedoucích", month(7), MONTH, month(7, 29), 1),
                ("1. veřejná setkání ve městech", month(8), MONTH, month(8, 28), 1),
                ("Vyhodnocení dotazníku pro poskytovatele", month(9), MONTH, month(9, 26), 1),
                ("Dotazníky pro uživatele – dokončení a distribuce", month(13), MONTH, month(13, 29), 2),
                ("Analýzy potřeb uživatelů zpracovány", month(16), MONTH, month(16, 15), 2),
                ("Návrhy KPSS vyvěšeny k připomínkování", month(17), MONTH, month(17, 30), None),
                ("Veřejná setkání k návrhům KPSS (v 10 městech)", month(20), MONTH, month(20, 26), None),
                ("Schválení KPSS zastupitelstvy měst", month(21), MONTH, month(21, 31), None),
                ("Závěrečná konference", month(21, 24), DAY, month(21, 24), None),
                ("Ukončení projektu: komunitní plány v nejméně 8 obcích", ENDS_ON, DAY, ENDS_ON, None),
                ("Zpráva z projektu", month(22), MONTH, month(22, 29), None),
            ],
        )  # fmt: skip

    def seminars_and_conference(self):
        people = [self.new_person() for _i in range(GUESTS)]
        towns = [
            "Jihlava", "Třebíč", "Pelhřimov", "Havlíčkův Brod", "Žďár nad Sázavou", "Velké Meziříčí", "Humpolec",
            "Světlá nad Sázavou", "Telč", "Pacov", "Bystřice nad Pernštejnem", "Nové Město na Moravě",
            "Moravské Budějovice",
        ]  # fmt: skip
        organisations = [
            *(f"Městský úřad {town}" for town in towns),
            *(f"Oblastní charita {town}" for town in towns[:4]),
            "Sdružení zdravotně postižených, místní organizace Pelhřimov",
            "Domov pro seniory Třebíč",
            "Klub uživatelů sociálních služeb Jihlava",
        ]
        guests = [
            (f"{p.first_name} {p.last_name}", organisations[i % len(organisations)]) for i, p in enumerate(people)
        ]
        self.seminar_meetings = []
        for n, (project_month, for_leaders, topics) in enumerate(SEMINARS, start=1):
            audience = "pro triády a vedoucí pracovních skupin" if for_leaders else "pro triády"
            self.seminar_meetings.append(
                self.meeting(
                    Meeting.Kind.SEMINAR,
                    f"{n}. seminář {audience}",
                    at(nth_weekday(month(project_month).year, month(project_month).month, 2, 2), 9),
                    place=SEMINAR_PLACES[(n - 1) % len(SEMINAR_PLACES)],
                    duration=datetime.timedelta(hours=6),
                    agenda=topics,
                    guests=self.rng.sample(guests, self.rng.randint(18, 30)),
                )
            )
        self.meeting(
            Meeting.Kind.CONFERENCE,
            "Závěrečná konference projektu Komunitní plánování sociálních služeb v kraji Vysočina",
            at(month(21, 24), 9),
            place="Jihlava, Krajský úřad kraje Vysočina, velký sál",
            duration=datetime.timedelta(hours=7),
            headcount=118,
            agenda=[
                "Výsledky projektu v kraji Vysočina",
                "Komunitní plány zapojených měst",
                "Komunitní plánování v dalších krajích a celostátní pohled",
                "Navazující projekt: krajský plán sociálních služeb",
            ],
        )

    def lecturers_present_the_topics(self):
        for parity, (lecturer, _legal_type) in enumerate(LECTURERS):
            AgendaItem.objects.filter(meeting__in=self.seminar_meetings[parity::2]).update(presenter=lecturer)

    # -- the call and its answers

    def call(self):
        """The letter to the mayors, its answers, and the ORPs that joined (in code order)."""
        orps, pous = services.addressable(self.region)
        emails = {t: f"podatelna@{fold(t.name).replace(' ', '-')}.{DOMAIN}" for t in [*orps, *pous]}
        call = services.create_call(
            self.programme,
            emails=emails,
            title="Zapojení do projektu Příprava Komunitního plánu sociálních služeb kraje Vysočina",
            letter=LETTER,
            deadline=DEADLINE,
            sent_at=at(LETTER_SENT, 10),
        )
        # The letter went out in March 2005; send_call would date it (and e-mail it) today.
        call.addressees.update(sent_at=call.sent_at)
        joined = []
        addressees = call.addressees.select_related("orp", "pou").order_by("orp__code", "pou__code")
        for i, addressee in enumerate(addressees):
            code = addressee.territory.code
            says_no = code in (ORPS_NO if addressee.is_orp else POUS_NO)
            answer = Addressee.Answer.NO if says_no else Addressee.Answer.YES
            mayor = self.new_person(title=self.rng.choice(["", "Ing.", "Mgr.", "JUDr."]))
            representative = f"{mayor.title} {mayor.first_name} {mayor.last_name}".strip()
            answered_on = datetime.date(2005, 3, 21) + datetime.timedelta(days=i % 24)
            if i % 3 == 0:
                services.record_paper_answer(
                    addressee, self.officer, answer=answer, representative=representative, answered_on=answered_on
                )
            else:
                services.answer_through_link(addressee, answer=answer, representative=representative)
                # The service dates a link answer today; these came in spring 2005.
                Addressee.objects.filter(pk=addressee.pk).update(answered_on=answered_on)
            if addressee.is_orp and answer == Addressee.Answer.YES:
                joined.append(addressee.orp)
        return joined

    # -- the processes of the ORPs that joined

    def orp_process(self, orp):
        town = orp.name
        self.members = {}
        # The officer coordinates it until the town's own coordinator has an account (as start_process_for).
        self.process = create_process(
            coordinator=self.officer,
            partners=[self.organisation(*AGORA)],
            name=f"Komunitní plánování sociálních služeb ORP {town} 2005–2007",
            scope=PlanningProcess.Scope.ORP,
            region=self.region,
            orp=orp,
            starts_on=month(3),
            ends_on=ENDS_ON,
            description=(
                f"Proces komunitního plánování ORP {town} v rámci projektu {NAME}: řídící skupina, "
                "pracovní skupiny podle cílových skupin, analýzy poskytovatelů a potřeb uživatelů "
                "a komunitní plán sociálních služeb."
            ),
            realiser=self.organisation(f"Město {town}", LEGAL.MUNICIPALITY),
            status=PlanningProcess.Status.COMPLETED,
        )
        services.link_process(self.programme, self.process)
        pool = [
            (f"Město {town}", LEGAL.MUNICIPALITY, COMMISSIONER),
            (f"Oblastní charita {town}", LEGAL.CHURCH, PROVIDER),
            CLIENT,
            (f"Sociální služby města {town}", LEGAL.MUNICIPALITY, PROVIDER),
            CITIZEN,
            ("Úřad práce, kontaktní pracoviště " + town, LEGAL.STATE, COMMISSIONER),
        ]
        steering = self.add_group(0, Group.Kind.STEERING, "Řídící skupina", "ŘS")
        self.fill_group(steering, 5, pool, month(3), [])
        themes = list(WORKING_GROUP_NAMES)[:2] + self.rng.sample(MORE_THEMES, self.rng.randint(0, 2))
        for order, theme in enumerate(themes, start=1):
            group = self.add_group(
                order, Group.Kind.WORKING, WORKING_GROUP_NAMES[theme], focus=Group.Focus.THEMATIC, theme=theme
            )
            leader = self.new_person(self.organisation(*pool[1][:2], True), "Mgr.")
            leader.save()
            self.fill_group(group, self.rng.randint(5, 7), pool, month(7), [(leader, Membership.Role.LEADER, PROVIDER)])
            for project_month in sorted(self.rng.sample(range(8, 21), self.rng.randint(4, 6))):
                self.meeting(
                    Meeting.Kind.WORKING,
                    f"PS {group.name} – {month(project_month).month}/{month(project_month).year}",
                    at(nth_weekday(month(project_month).year, month(project_month).month, 3, order % 5), 14),
                    group=group,
                    place=f"Městský úřad {town}, zasedací místnost",
                    agenda=["Analýza potřeb cílové skupiny", "Priority a opatření do komunitního plánu"],
                )
        for project_month in (3, 4, 6, 10, 17):
            self.meeting(
                Meeting.Kind.STEERING,
                f"Jednání řídící skupiny {month(project_month).month}/{month(project_month).year}",
                at(nth_weekday(month(project_month).year, month(project_month).month, 4, 1), 9),
                group=steering,
                place=f"Městský úřad {town}",
                is_open=False,
                agenda=["Postup komunitního plánování ve městě", "Informace z projektu kraje"],
            )
        self.add_participants()
        self.all_members.update(self.members)
        self.progress(orp)

    def progress(self, orp):
        """Checklist steps done as far as the town got; an approved plan unless still drafting."""
        finished_phases = 4 if orp.code in DRAFTING else 6 if orp.code in DONE else 5
        done_in = {1: 3, 2: 5, 3: 10, 4: 14, 5: 21, 6: 22}  # project month each phase was finished
        sizes = {1: 5, 2: 2, 3: 4, 4: 6, 5: 5, 6: 3}
        steps = {number: [(month_end(done_in[number]), "", None, None)] * sizes[number] for number in sizes}
        done = {number: rows for number, rows in steps.items() if number <= finished_phases}
        if finished_phases < 6:  # the next phase begun
            done[finished_phases + 1] = steps[finished_phases + 1][:2]
        self.mark_steps(done)
        if orp.code in DRAFTING:
            return
        plan = Document.objects.create(
            process=self.process,
            kind=Document.Kind.PLAN,
            title=f"Komunitní plán sociálních služeb ORP {orp.name} 2007–2009",
        )
        approved_on = datetime.date(2007, 3, 12) + datetime.timedelta(days=7 * (int(orp.code) % 10))
        DocumentVersion.objects.create(
            document=plan,
            label="2007",
            text=(
                f"# Komunitní plán sociálních služeb ORP {orp.name} 2007–2009\n\n"
                "Plán vznikl v pracovních skupinách ze zadavatelů, poskytovatelů a uživatelů sociálních "
                "služeb. Obsahuje popis procesu, základní sociodemografické údaje, analýzu poskytovatelů "
                "a potřeb uživatelů, priority a opatření pro jednotlivé cílové skupiny."
            ),
            approved_on=approved_on,
            approval_note=f"Zastupitelstvo města {orp.name}, usnesení č. {20 + int(orp.code) % 50}/2007/ZM",
        )

    def indicators(self):
        for measure, name, target, unit, value in [
            (Indicator.Measure.PLANS, "Komunitní plány sociálních služeb v obcích s rozšířenou působností", 8,
             "ORP", None),
            (Indicator.Measure.ENTERED, "Pracovní místa koordinátorů na ORP", 4, "pracovní místa", 4),
            (Indicator.Measure.TRAINED, "Lidé proškolení v komunitním plánování", 30, "osob", None),
            (Indicator.Measure.ACTIVE, "Lidé aktivně zapojení v pracovních skupinách", 200, "osob", None),
        ]:  # fmt: skip
            services.save_indicator(
                Indicator(
                    programme=self.programme, measure=measure, name=name, target=target, unit=unit, entered_value=value
                )
            )
