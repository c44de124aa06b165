"""Demo data: the suggestions agendas of the current Tábor process and of Otrokovicko 2012–2014 (seed 002).

What citizens, service users and providers bring to a process, written as they write it, and how
each was handled: new ones waiting for the coordinator, ones under discussion in a working group or
forwarded to a department of the town office, and settled ones with their public answer. Everything
goes through the services, as a user's actions would, dated over the process's period (past days
only): the services date the history by the day of each action, so every public path is in order.
When the load commits, a submitter with an e-mail hears of a settled suggestion and their contact is
erased, as it would be; contacts stay on suggestions not yet settled and on phone-only ones.
``load_demo_suggestions`` runs in one transaction and leaves an agenda that is already there as it is.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kpss.accounts.models import User
from kpss.meetings.models import Meeting
from kpss.processes.demo import DOMAIN, OTROKOVICKO_NAME, TABOR_NOW_NAME
from kpss.processes.models import Group, Membership, PlanningProcess
from kpss.territories.models import Municipality

from . import services
from .models import Suggestion

TRACKING_URL = "http://127.0.0.1:8000/suggestions/track/{}/"

Source, Settlement, Theme = Suggestion.Source, Suggestion.Settlement, Group.Theme
WEB, MEETING, PAPER, PHONE, EMAIL, IN_PERSON = (
    Source.WEB, Source.MEETING, Source.PAPER, Source.PHONE, Source.EMAIL, Source.IN_PERSON,
)  # fmt: skip
ACCEPTED, PARTLY, NOT_ACCEPTED, FORWARDED, OUT_OF_SCOPE = (
    Settlement.ACCEPTED, Settlement.PARTLY_ACCEPTED, Settlement.NOT_ACCEPTED, Settlement.FORWARDED,
    Settlement.OUT_OF_SCOPE,
)  # fmt: skip


@dataclass
class Entry:
    """One suggestion and its path. ``at``: where in the process's period (0–1, up to today) it came.

    No group, department nor settlement: new, not yet looked at. A group or department without a
    settlement: under discussion. A settlement: settled (after going where the entry says).
    """

    at: float
    source: str
    topic: str
    place: str
    text: str
    group: bool = False
    department: str = ""
    settlement: str = ""
    answer: str = ""
    contact: tuple = ()  # (name, e-mail, phone), given with consent
    contact_without_consent: bool = False


SOCIAL = "Odbor sociálních věcí MěÚ Tábor"
TRANSPORT = "Odbor dopravy MěÚ Tábor"
PROPERTY = "Odbor správy majetku MěÚ Tábor"
DEVELOPMENT = "Odbor rozvoje MěÚ Tábor"

TABOR = [
    Entry(0.05, WEB, Theme.SENIORS, "Tábor",
          "Moje maminka (84 let) potřebuje pečovatelku i o víkendu. Pečovatelská služba jezdí jen ve všední dny "
          "a v sobotu a v neděli musíme jezdit z Prahy. Šlo by službu rozšířit i na víkendy?",
          group=True, settlement=PARTLY,
          answer="Pracovní skupina Senioři podnět projednala. Pečovatelská služba města od září rozšířila provoz "
                 "na soboty dopoledne. Nedělní provoz zatím zajistit neumíme, chybí pracovníci; rozšíření o neděle "
                 "je opatřením návrhu nového plánu.",
          contact=("Hana Lorencová", f"hana.lorencova@{DOMAIN}", "")),
    Entry(0.10, PHONE, Theme.DISABILITIES, "Chýnov",
          "Volala paní z Chýnova: syn na vozíku se nemá jak dostat do denního stacionáře v Táboře. Autobus není "
          "bezbariérový a sociální taxi z Chýnova nejezdí.",
          group=True, department=TRANSPORT, settlement=ACCEPTED,
          answer="Od dubna jezdí sociální taxi dvakrát týdně i do obcí Chýnovska (Chýnov, Dolní Hořice, Radenín). "
                 "Jízdy se objednávají na dispečinku, jehož číslo je v katalogu služeb.",
          contact=("Věra Chalupová", "", "+420 604 111 222"), contact_without_consent=True),
    Entry(0.12, EMAIL, Theme.ADVERSE_SITUATIONS, "Tábor",
          "Pracuji v dluhové poradně a lidé u nás čekají na první konzultaci až šest týdnů. Pro rodiny "
          "s exekucemi je to moc dlouho. Chybí kapacita odborného sociálního poradenství.",
          group=True, settlement=ACCEPTED,
          answer="Pracovní skupina navrhla posílit dluhové poradenství o jeden úvazek. Opatření je v akčním plánu "
                 "na příští rok a město na ně vyčlenilo peníze v rozpočtu."),
    Entry(0.15, PAPER, Theme.SENIORS, "Bechyně",
          "V Bechyni chybí odlehčovací služba. Staráme se doma o tátu s demencí a nemáme si kdy odpočinout, "
          "ani zajít k lékaři.",
          group=True, settlement=PARTLY,
          answer="Domov seniorů Bechyně nabízí od ledna dvě lůžka odlehčovací pobytové služby. Terénní "
                 "odlehčovací služba v Bechyni zatím chybí; pracovní skupina hledá poskytovatele."),
    Entry(0.18, WEB, "", "Tábor",
          "Na Žižkově náměstí nesvítí dvě lampy a večer je tam úplná tma.",
          department=PROPERTY, settlement=OUT_OF_SCOPE,
          answer="Podnět se netýká sociálních služeb. Předali jsme ho odboru správy majetku, který veřejné "
                 "osvětlení spravuje."),
    Entry(0.20, WEB, Theme.CHILDREN_YOUTH_FAMILY, "Sezimovo Ústí",
          "V Sezimově Ústí chybí nízkoprahový klub pro teenagery. Děti se odpoledne potulují u nádraží.",
          group=True, settlement=NOT_ACCEPTED,
          answer="Samostatný klub v Sezimově Ústí zatím nezřídíme, podle analýzy by se nenaplnil. Terénní program "
                 "nízkoprahového klubu z Tábora ale od jara dojíždí do Sezimova Ústí dvakrát týdně. Situaci "
                 "vyhodnotíme znovu za rok."),
    Entry(0.22, EMAIL, Theme.MINORITIES, "Tábor",
          "Jako terénní pracovnice vidím, že romské rodiny ze sídliště nevědí, kam se obrátit s problémy "
          "s bydlením. Leták o službách by měl být srozumitelnější.",
          group=True, settlement=ACCEPTED,
          answer="Připravili jsme zjednodušený leták „Kam se obrátit“ s obrázky a kontakty. Dostanete ho "
                 "v terénních službách a na podatelně městského úřadu."),
    Entry(0.25, PHONE, Theme.SENIORS, "Mladá Vožice",
          "Senioři z Mladé Vožice by uvítali dovoz obědů i o víkendu.",
          group=True, department="Městský úřad Mladá Vožice", settlement=FORWARDED,
          answer="Dovoz obědů v Mladé Vožici zajišťuje město. Podnět jsme předali Městskému úřadu Mladá Vožice, "
                 "který o rozšíření rozhodne při přípravě rozpočtu."),
    Entry(0.28, WEB, Theme.DISABILITIES, "Tábor",
          "Na úřadu práce v Táboře se jde do budovy po schodech a plošina je často mimo provoz. Pro vozíčkáře "
          "je to ponižující.",
          department=DEVELOPMENT, settlement=FORWARDED,
          answer="Podnět jsme předali Úřadu práce ČR, kontaktnímu pracovišti Tábor, a odboru rozvoje města. Úřad "
                 "práce přislíbil opravu plošiny a do té doby přijímá klienty na vozíku v přízemí.",
          contact=("Petr Slabý", f"petr.slaby@{DOMAIN}", "+420 777 123 456")),
    Entry(0.30, PAPER, Theme.ADVERSE_SITUATIONS, "Tábor",
          "Lidé propuštění z výkonu trestu nemají kde bydlet. Azylový dům je pořád plný.",
          group=True, settlement=PARTLY,
          answer="Město vyčlenilo dva byty pro prostupné bydlení s doprovodem sociálního pracovníka. Kapacitu "
                 "azylového domu rozšířit nelze; pracovní skupina jedná o noclehárně."),
    Entry(0.33, WEB, Theme.CHILDREN_YOUTH_FAMILY, "Tábor",
          "Jsme pěstouni a chybí nám v Táboře svépomocná skupina a hlídání dětí, když musíme na povinné "
          "vzdělávání.",
          group=True, settlement=ACCEPTED,
          answer="Doprovázející organizace pěstounů otevřela svépomocnou skupinu (každý druhý čtvrtek) a hlídání "
                 "dětí během povinného vzdělávání zajišťuje zdarma."),
    Entry(0.36, EMAIL, "", "Tábor",
          "Proč se zdražilo parkování u nemocnice? Návštěvy u babičky nás vyjdou draho.",
          settlement=OUT_OF_SCOPE,
          answer="Parkování u nemocnice nespadá do plánování sociálních služeb. Dotaz jsme předali Nemocnici "
                 "Tábor, a.s."),
    Entry(0.40, PHONE, Theme.SENIORS, "Planá nad Lužnicí",
          "Tísňová péče je pro babičku drahá, platí přes 600 Kč měsíčně. Nedá se to nějak snížit?",
          group=True, settlement=NOT_ACCEPTED,
          answer="Úhradu tísňové péče stanovuje poskytovatel podle vyhlášky a plán ji snížit nemůže. Na úhradu lze "
                 "použít příspěvek na péči; sociální pracovnice městského úřadu pomůže se žádostí."),
    Entry(0.43, WEB, Theme.DISABILITIES, "Sezimovo Ústí",
          "Chybí chráněné bydlení pro dospělé s mentálním postižením. Syn bydlí doma s námi a bojíme se, co "
          "bude, až se o něj nebudeme moci starat.",
          group=True, settlement=PARTLY,
          answer="Potřebu chráněného bydlení potvrdila i analýza potřeb. Návrh plánu počítá s jednou domácností "
                 "chráněného bydlení pro čtyři lidi v Sezimově Ústí; záleží na dotaci kraje.",
          contact=("Jarmila Benešová", f"jarmila.benesova@{DOMAIN}", "")),
    Entry(0.46, IN_PERSON, Theme.MINORITIES, "Tábor",
          "Ukrajinské rodiny nevědí, jak požádat o příspěvek na bydlení, potřebují tlumočníka.",
          group=True, settlement=ACCEPTED,
          answer="Každou středu je v kontaktním místě úřadu tlumočnice ukrajinštiny a poradna pro cizince pomáhá "
                 "s formuláři."),
    Entry(0.50, WEB, Theme.SENIORS, "Tábor",
          "Denní stacionář pro seniory s demencí má dlouhou čekací listinu. Nešlo by přidat místa?",
          group=True, settlement=PARTLY,
          answer="Stacionář od ledna přidá pět míst. Pokrýt celou poptávku je prioritou návrhu nového plánu."),
    Entry(0.53, EMAIL, Theme.ADVERSE_SITUATIONS, "Tábor",
          "V Táboře chybí noclehárna pro ženy bez domova, musí jezdit až do Českých Budějovic.",
          group=True, settlement=NOT_ACCEPTED,
          answer="Samostatnou noclehárnu pro ženy zatím otevřít nelze, chybí vhodný objekt i peníze. Azylový dům "
                 "v zimě vyhradil dvě lůžka pro ženy. Pracovní skupina se k podnětu vrátí při přípravě plánu."),
    Entry(0.56, WEB, "", "Chýnov",
          "Prosím o opravu chodníku k zastávce v Chýnově, maminky s kočárky musí jít po silnici.",
          settlement=OUT_OF_SCOPE,
          answer="Chodníky v Chýnově spravuje město Chýnov; podnět jsme mu předali."),
    Entry(0.60, PHONE, Theme.CHILDREN_YOUTH_FAMILY, "Bechyně",
          "Rodiny v Bechyni nemají blízko sociálně aktivizační službu, nejbližší je v Táboře.",
          group=True, settlement=ACCEPTED,
          answer="Služba pro rodiny s dětmi rozšířila terénní práci do Bechyně; pracovnice je k zastižení každé "
                 "úterý v budově městského úřadu."),
    Entry(0.62, PAPER, Theme.DISABILITIES, "Tábor",
          "Ve městě je málo bezbariérových záchodů.",
          department=DEVELOPMENT, settlement=FORWARDED,
          answer="Předali jsme odboru rozvoje města; bezbariérové WC bude součástí rekonstrukce autobusového "
                 "nádraží."),
    Entry(0.66, WEB, Theme.SENIORS, "Tábor",
          "Sociální taxi by mělo jezdit i večer, abychom se dostali na koncert nebo do divadla.",
          group=True),
    Entry(0.70, EMAIL, Theme.DISABILITIES, "Tábor",
          "Osobní asistence v Táboře nestačí, poskytovatel nepřijímá nové klienty a my nevíme kam jinam.",
          group=True, department=SOCIAL),
    Entry(0.74, PHONE, Theme.ADVERSE_SITUATIONS, "Sezimovo Ústí",
          "Terénní sociální pracovník by měl chodit i za lidmi na ubytovnách v Sezimově Ústí.",
          group=True, contact=("Karel Vondrášek", "", "+420 731 456 789")),
    Entry(0.78, WEB, Theme.CHILDREN_YOUTH_FAMILY, "Tábor",
          "V rodinné poradně se čeká na termín dva měsíce. Když se rodina rozpadá, je to pozdě.",
          group=True, contact=("Tereza Malá", f"tereza.mala@{DOMAIN}", "")),
    Entry(0.82, PAPER, Theme.SENIORS, "Mladá Vožice",
          "Osamělí senioři z malých obcí Mladovožicka se nemají jak dostat k lékaři do Tábora.",
          department=TRANSPORT),
    Entry(0.90, MEETING, Theme.MINORITIES, "Tábor",
          "Na setkání zaznělo, že na sídlišti Maredova chybí komunitní centrum s programem pro děti odpoledne.",
          group=True),
    Entry(0.92, MEETING, Theme.SENIORS, "Tábor",
          "Člen skupiny upozornil, že informace o službách pro seniory na webu města jsou zastaralé."),
    Entry(0.96, WEB, Theme.DISABILITIES, "Tábor",
          "Je v Táboře odlehčovací služba pro dítě s autismem? Nikde jsem ji nenašla a potřebovala bych si "
          "na pár dní odpočinout.",
          contact=("Lucie Kadlecová", f"lucie.kadlecova@{DOMAIN}", "")),
    Entry(0.97, WEB, Theme.ADVERSE_SITUATIONS, "Tábor",
          "Soused žije v bytě bez elektřiny a v hromadách odpadků. Myslím, že by potřeboval pomoc, sám si o ni "
          "neřekne."),
    Entry(0.98, EMAIL, Theme.SENIORS, "Tábor",
          "Navrhuji zřídit v Táboře kavárnu pro lidi s demencí a jejich pečující, jako mají v jiných městech."),
    Entry(0.99, PHONE, Theme.CHILDREN_YOUTH_FAMILY, "Tábor",
          "Maminka samoživitelka shání rychlou pomoc, bojí se, že přijde o byt."),
]  # fmt: skip

O_SOCIAL = "Odbor sociálních věcí MěÚ Otrokovice"
O_TRANSPORT = "Odbor dopravy a silničního hospodářství MěÚ Otrokovice"
O_PROPERTY = "Odbor správy majetku MěÚ Otrokovice"
O_SCHOOLS = "Odbor školství MěÚ Otrokovice"

OTROKOVICKO = [
    Entry(0.03, MEETING, Theme.SENIORS, "Otrokovice",
          "Senioři z domu s pečovatelskou službou nemají přes den kam chodit, klub seniorů je otevřený jen "
          "dvakrát týdně.",
          group=True, settlement=PARTLY,
          answer="SENIOR Otrokovice otevřel klub čtyři dny v týdnu. Každodenní provoz zatím nelze zajistit."),
    Entry(0.06, WEB, Theme.DISABILITIES, "Otrokovice",
          "Na nádraží v Otrokovicích není výtah na nástupiště. Na vozíku se na vlak nedostanu.",
          department=O_TRANSPORT, settlement=FORWARDED,
          answer="Odbor dopravy podnět projednal se správcem železniční dopravní cesty. Výtahy jsou součástí "
                 "plánované rekonstrukce stanice.",
          contact=("Radim Ondráček", f"radim.ondracek@{DOMAIN}", "")),
    Entry(0.10, PAPER, Theme.CRISIS_UNEMPLOYED, "Napajedla",
          "V Napajedlech chybí poradna pro lidi, kteří přišli o práci a mají dluhy.",
          group=True, settlement=ACCEPTED,
          answer="Občanská poradna Naděje Otrokovice má od ledna 2013 konzultační den v Napajedlech každé první "
                 "pondělí v měsíci."),
    Entry(0.13, MEETING, Theme.ADDICTIONS, "Otrokovice",
          "Na setkání skupiny zaznělo, že v okolí Baťova chybí terénní program pro uživatele drog.",
          group=True, settlement=ACCEPTED,
          answer="Občanské sdružení ONYX rozšířilo terénní program o Baťov; pracovníci tam chodí dvakrát týdně."),
    Entry(0.16, PHONE, Theme.SENIORS, "Žlutava",
          "Babička ve Žlutavě potřebuje dovážet obědy, ale služba do obce nejezdí.",
          group=True, settlement=ACCEPTED,
          answer="Pečovatelská služba rozváží obědy od září 2012 i do Žlutavy a Bělova."),
    Entry(0.20, EMAIL, Theme.CHILDREN_YOUTH_FAMILY, "Otrokovice",
          "Maminky na rodičovské by uvítaly mateřské centrum s hlídáním dětí.",
          department=O_SCHOOLS, settlement=OUT_OF_SCOPE,
          answer="Mateřské centrum není sociální služba, a proto je komunitní plán nemůže zahrnout. Podnět jsme "
                 "předali odboru školství, který vypisuje granty na volnočasové aktivity."),
    Entry(0.23, WEB, Theme.DISABILITIES, "Halenkovice",
          "Rodiče dětí s postižením z Halenkovic nemají jak je vozit do speciální školy.",
          group=True, department=O_TRANSPORT, settlement=PARTLY,
          answer="Centrum pro zdravotně postižené Zlínského kraje zajistí svoz dvakrát týdně. Každodenní odvoz "
                 "zatím zajistit nejde.",
          contact=("Eva Pospíchalová", f"eva.pospichalova@{DOMAIN}", "+420 603 222 333")),
    Entry(0.26, PAPER, Theme.CRISIS_UNEMPLOYED, "Otrokovice",
          "Lidé bez domova v zimě přespávají na nádraží, noclehárna nemá dost míst.",
          group=True, settlement=PARTLY,
          answer="Naděje Otrokovice od prosince 2012 v zimních měsících přidala v noclehárně šest přistýlek."),
    Entry(0.30, MEETING, Theme.SENIORS, "Napajedla",
          "Na místo v Domově pro seniory Napajedla se čeká přes rok.",
          group=True, settlement=NOT_ACCEPTED,
          answer="Kapacitu domova nelze v období plánu navýšit. Plán proto posiluje terénní pečovatelskou službu, "
                 "aby senioři mohli zůstat déle doma."),
    Entry(0.33, WEB, "", "Otrokovice",
          "Na Štěrkovišti je málo laviček a v létě chybí stín.",
          department=O_PROPERTY, settlement=OUT_OF_SCOPE,
          answer="Podnět se netýká sociálních služeb; předali jsme ho odboru správy majetku."),
    Entry(0.36, EMAIL, Theme.ADDICTIONS, "Otrokovice",
          "Na sídlišti se večer schází mládež a pije alkohol. Chybí tu někdo, kdo by s nimi pracoval.",
          group=True, settlement=ACCEPTED,
          answer="Nízkoprahový klub prodloužil otevírací dobu do 20 hodin a terénní pracovník chodí na sídliště "
                 "v pátek večer."),
    Entry(0.40, PHONE, Theme.DISABILITIES, "Napajedla",
          "Osobní asistence v Napajedlech není k dispozici o víkendu.",
          group=True, settlement=PARTLY,
          answer="Poskytovatel zajistí osobní asistenci v sobotu; v neděli jen v naléhavých případech."),
    Entry(0.44, WEB, Theme.CHILDREN_YOUTH_FAMILY, "Pohořelice",
          "Rodinám z Pohořelic by pomohlo doučování dětí, rodiče na to nemají.",
          group=True, settlement=ACCEPTED,
          answer="Charita sv. Anežky Otrokovice rozšířila službu pro rodiny s dětmi o doučování v Pohořelicích "
                 "jednou týdně.",
          contact=("Martina Zapletalová", f"martina.zapletalova@{DOMAIN}", "")),
    Entry(0.48, PAPER, Theme.CRISIS_UNEMPLOYED, "Otrokovice",
          "Úřad práce by měl mít poradce pro nezaměstnané i v Otrokovicích, ne jen ve Zlíně.",
          department="Úřad práce ČR, kontaktní pracoviště Otrokovice", settlement=FORWARDED,
          answer="Podnět jsme předali Úřadu práce ČR. Kontaktní pracoviště v Otrokovicích nabízí poradenství "
                 "každé úterý."),
    Entry(0.52, MEETING, Theme.SENIORS, "Otrokovice",
          "Senioři o službách nevědí, katalog sociálních služeb skoro nikdo nezná.",
          group=True, settlement=ACCEPTED,
          answer="Katalog sociálních služeb dostaly všechny domácnosti v Otrokovicích jako přílohu Otrokovických "
                 "novin."),
    Entry(0.56, WEB, Theme.DISABILITIES, "Otrokovice",
          "Chráněné dílny jsou plné a lidé s postižením nemají kde pracovat.",
          group=True, settlement=PARTLY,
          answer="Chráněná pracovní místa nejsou sociální službou, podnět jsme proto předali i úřadu práce. Plán "
                 "ale rozšiřuje sociální rehabilitaci, která lidem pomáhá práci najít."),
    Entry(0.60, PHONE, Theme.ADDICTIONS, "Napajedla",
          "Kvůli herně u náměstí v Napajedlech přicházejí rodiny o peníze.",
          department="Městský úřad Napajedla", settlement=FORWARDED,
          answer="Regulace heren patří zastupitelstvu města Napajedla; podnět jsme mu předali."),
    Entry(0.64, EMAIL, Theme.CRISIS_UNEMPLOYED, "Otrokovice",
          "Na dluhovou poradnu se čeká měsíc, to je při exekuci pozdě.",
          group=True, settlement=ACCEPTED,
          answer="Poradna zavedla den bez objednání (středa) pro naléhavé případy."),
    Entry(0.68, PAPER, Theme.SENIORS, "Bělov",
          "Z Bělova odpoledne nejede autobus, senioři se nedostanou domů od lékaře.",
          department=O_TRANSPORT, settlement=FORWARDED,
          answer="Odbor dopravy podnět předal krajskému koordinátorovi dopravy; od prosince přibyl odpolední spoj."),
    Entry(0.72, MEETING, Theme.CHILDREN_YOUTH_FAMILY, "Otrokovice",
          "Pracovní skupina upozornila, že chybí krizové lůžko pro matky s dětmi.",
          group=True, settlement=PARTLY,
          answer="Azylový dům vyhradil jeden pokoj pro krizové přijetí matky s dětmi na nejvýš tři noci."),
    Entry(0.76, WEB, Theme.DISABILITIES, "Otrokovice",
          "Na poštu na Štěrkovišti se na vozíku nedostanete, jsou tam schody.",
          department=O_PROPERTY, settlement=FORWARDED,
          answer="Budovu spravuje Česká pošta; město jí podnět předalo a pošta slíbila přístupovou rampu."),
    Entry(0.80, PHONE, Theme.SENIORS, "Oldřichovice",
          "Tatínek v Oldřichovicích žije sám; potřebovali bychom tísňové tlačítko.",
          group=True, settlement=ACCEPTED,
          answer="Tísňová péče je dostupná ve všech obcích Otrokovicka; kontakt na poskytovatele je v katalogu."),
    Entry(0.84, EMAIL, Theme.ADDICTIONS, "Otrokovice",
          "Substituční léčba je nejblíž ve Zlíně, pro klienty je to daleko.",
          settlement=OUT_OF_SCOPE,
          answer="Substituční léčba je zdravotní služba a komunitní plán sociálních služeb ji nezahrnuje. "
                 "Terénní program ONYX klienty do Zlína doprovodí."),
    Entry(0.88, WEB, Theme.CRISIS_UNEMPLOYED, "Otrokovice",
          "Rodiny po exekuci nemají šanci na nájem, město by mělo mít sociální byty.",
          department=O_SOCIAL, contact=("Jiří Kolařík", f"jiri.kolarik@{DOMAIN}", "")),
    Entry(0.92, PAPER, Theme.SENIORS, "Napajedla",
          "V Napajedlech by se hodilo senior taxi za symbolickou cenu.",
          group=True),
    Entry(0.95, MEETING, Theme.DISABILITIES, "Otrokovice",
          "Na setkání zaznělo, že chybí sdílená dílna pro lidi po úrazu hlavy.",
          group=True),
    Entry(0.99, WEB, Theme.CRISIS_UNEMPLOYED, "Otrokovice",
          "Kde najdu pomoc s vyplněním žádosti o dávku v hmotné nouzi?"),
]  # fmt: skip


def tracking_url_of(code):
    return TRACKING_URL.format(code)


@transaction.atomic
def load_demo_suggestions():
    """Load both agendas; skip (with a message) a process that is missing or already has suggestions."""
    messages = []
    for name, coordinator_email, entries in [
        (TABOR_NOW_NAME, "koordinator.tabor@kpss.example", TABOR),
        (OTROKOVICKO_NAME, "koordinator.otrokovicko@kpss.example", OTROKOVICKO),
    ]:
        process = PlanningProcess.objects.filter(name=name).select_related("orp").first()
        coordinator = User.objects.filter(email=coordinator_email).first()
        if process is None or coordinator is None:
            messages.append(_("Process %(name)s is missing: its suggestions are not loaded.") % {"name": name})
        elif process.suggestions.exists():
            messages.append(_("Demo suggestions already there: %(name)s") % {"name": name})
        else:
            Agenda(process, coordinator).load(entries)
            messages.append(_("Demo suggestions loaded: %(name)s") % {"name": name})
    return messages


class Agenda:
    def __init__(self, process, coordinator):
        self.process, self.coordinator = process, coordinator
        self.first = process.starts_on
        self.last = min(process.ends_on, timezone.localdate() - datetime.timedelta(days=1))
        self.groups = {group.theme: group for group in process.groups.filter(kind=Group.Kind.WORKING)}
        leaders = Membership.objects.filter(
            group__process=process, role=Membership.Role.LEADER, person__user__isnull=False
        ).select_related("person__user")
        self.leaders = {membership.group_id: membership.person.user for membership in leaders}
        self.municipalities = {
            m.name: m
            for m in Municipality.objects.filter(
                Q(orp=process.orp_id) | Q(pk__in=process.municipalities.values("pk"))
            ).order_by("-code")
        }
        self.meetings = list(
            process.meetings.filter(status=Meeting.Status.HELD, kind=Meeting.Kind.WORKING).select_related("group")
        )

    def day(self, at, plus=0):
        date = self.first + datetime.timedelta(days=round(at * (self.last - self.first).days) + plus)
        return min(date, self.last)

    def meeting_for(self, entry):
        """The held working-group meeting nearest the entry's day, of its topic's group when there is one."""
        same_topic = [m for m in self.meetings if m.group.theme == entry.topic] or self.meetings
        target = self.day(entry.at)
        return min(same_topic, key=lambda m: abs((timezone.localtime(m.starts_at).date() - target).days), default=None)

    def load(self, entries):
        for entry in entries:
            suggestion = self.receive(entry)
            received = suggestion.received_on
            group = self.groups.get(entry.topic) if entry.group else None
            if group or entry.department or entry.settlement:
                on = min(received + datetime.timedelta(days=5), self.last)
                services.triage(suggestion, self.coordinator, group=group, department=entry.department, on=on)
            if entry.settlement:
                services.settle(
                    suggestion,
                    self.leaders.get(group.pk, self.coordinator) if group else self.coordinator,
                    settlement=entry.settlement,
                    answer=entry.answer,
                    tracking_url=tracking_url_of(suggestion.code),
                    settled_on=min(received + datetime.timedelta(days=21 + len(entry.text) % 30), self.last),
                )

    def receive(self, entry):
        contact = {}
        if entry.contact:
            name, email, phone = entry.contact
            contact = {"submitter_name": name, "submitter_email": email, "submitter_phone": phone}
        fields = {
            "text": entry.text,
            "topic": entry.topic,
            "municipality": self.municipalities.get(entry.place),
            "consent": bool(entry.contact) and not entry.contact_without_consent,
            **contact,
        }
        if entry.source == WEB:
            return services.submit_suggestion(
                self.process, tracking_url_of=tracking_url_of, received_on=self.day(entry.at), **fields
            )
        meeting = self.meeting_for(entry) if entry.source == MEETING else None
        received_on = timezone.localtime(meeting.starts_at).date() if meeting else self.day(entry.at)
        return services.enter_suggestion(
            self.process,
            self.coordinator,
            source=entry.source,
            received_on=received_on,
            meeting=meeting,
            **fields,
        )
