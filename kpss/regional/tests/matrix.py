"""The regional app's rows of the role matrix (kpss/core/tests/test_role_matrix.py).

The world gets a programme of region R created by the "officer" (so the officer coordinates it;
"other_officer" works in another region), a call to R's ORP and a POÚ, and an indicator. The
coordinator of process P has nothing to do with the programme.
"""

import datetime

from django.utils import timezone

from kpss.regional import services
from kpss.regional.models import Addressee, Call, Indicator, Programme
from kpss.territories.tests.factories import PouFactory

URLS = {
    "regional:list": ("public", lambda w: [], False),
    "regional:create": ("regional_add", lambda w: [], False),
    "regional:programme": ("public", lambda w: [w.programme.pk], False),
    "regional:edit": ("regional_change", lambda w: [w.programme.pk], False),
    "regional:indicator_add": ("regional_change", lambda w: [w.programme.pk], False),
    "regional:indicator_edit": ("regional_change", lambda w: [w.programme.pk, w.indicator.pk], False),
    "regional:indicator_delete": ("regional_change", lambda w: [w.programme.pk, w.indicator.pk], True),
    "regional:indicators_xlsx": ("public", lambda w: [w.programme.pk], False),
    "regional:process_link": ("regional_change", lambda w: [w.programme.pk], False),
    "regional:process_unlink": ("regional_change", lambda w: [w.programme.pk, w.process.pk], True),
    "regional:call_create": ("regional_change", lambda w: [w.programme.pk], False),
    "regional:call": ("regional_calls", lambda w: [w.programme.pk, w.call.pk], False),
    "regional:call_emails": ("regional_change", lambda w: [w.programme.pk, w.call.pk], False),
    "regional:call_send": ("regional_change", lambda w: [w.programme.pk, w.call.pk], True),
    "regional:paper_answer": ("regional_change", lambda w: [w.programme.pk, w.call.pk, w.addressee.pk], False),
    "regional:paper_letter": ("regional_change", lambda w: [w.programme.pk, w.call.pk, w.addressee.pk], False),
    "regional:start_process": ("regional_change", lambda w: [w.programme.pk, w.call.pk, w.addressee.pk], True),
    "regional:addressee_link": ("regional_change", lambda w: [w.programme.pk, w.call.pk, w.addressee.pk], False),
    "regional:answer": ("public", lambda w: [w.addressee.token], False),
}
RULES = {
    "regional_add": {"administrator", "officer", "other_officer"},
    "regional_change": {"administrator", "officer"},
    # Every officer of the region; the world's only one of region R is the programme's coordinator.
    "regional_calls": {"administrator", "officer"},
}
MODELS = [Programme, Programme.participating_processes.through, Call, Addressee, Indicator]


def extend(world):
    region = world.process.region
    programme = services.create_programme(
        world.users["officer"],
        name="Podpora komunitního plánování v kraji",
        region=region,
        starts_on=datetime.date(2025, 1, 1),
        ends_on=datetime.date(2026, 10, 31),
    )
    services.link_process(programme, world.process)
    PouFactory(orp=world.process.orp, name="Pověřená obec")
    call = services.create_call(
        programme,
        title="Zapojení do projektu",
        letter="Vážený pane starosto, …",
        deadline=timezone.localdate() + datetime.timedelta(days=30),
        emails={world.process.orp: "podatelna@orp.example.cz"},
    )
    addressee = call.addressees.get(orp=world.process.orp)
    services.record_paper_answer(
        addressee, world.users["officer"], answer="yes", representative="Jan Starosta", answered_on=timezone.localdate()
    )
    world.programme = programme
    world.call = call
    world.addressee = addressee
    world.indicator = Indicator.objects.create(
        programme=programme, name="Pracovní místa koordinátorů", measure="entered", target=4, entered_value=1
    )
