"""The feedback app's rows of the role matrix (kpss/core/tests/test_role_matrix.py)."""

from kpss.feedback import services
from kpss.feedback.models import Suggestion

# Who may see the agenda: the process's overseers and the steering group.
AGENDA = {"administrator", "coordinator", "officer", "steering"}
RULES = {
    "view_agenda": AGENDA,
    "manage_suggestions": {"administrator", "coordinator"},
    # world.suggestion is assigned to the working group: its leader handles it, its members see it.
    "handle_suggestion": {"administrator", "coordinator", "leader"},
    "view_suggestion": AGENDA | {"leader", "member"},
}


def process(world):
    return [world.process.pk]


def suggestion(world):
    return [world.suggestion.pk]


URLS = {
    "feedback:tracker": ("public", process, False),
    "feedback:submit": ("public", process, False),
    "feedback:lookup": ("public", lambda w: [], False),
    "feedback:track": ("public", lambda w: [w.suggestion.code], False),
    "feedback:agenda": ("view_agenda", process, False),
    "feedback:agenda_xlsx": ("view_agenda", process, False),
    "feedback:agenda_docx": ("view_agenda", process, False),
    "feedback:enter": ("manage_suggestions", process, False),
    "feedback:group_suggestions": ("group_internal", lambda w: [w.process.pk, w.working.pk], False),
    "feedback:detail": ("view_suggestion", suggestion, False),
    "feedback:triage": ("manage_suggestions", suggestion, False),
    "feedback:settle": ("handle_suggestion", suggestion, False),
    "feedback:erase_contact": ("manage_suggestions", suggestion, True),
}
MODELS = [Suggestion]


def extend(world):
    suggestion = services.submit_suggestion(
        world.process,
        tracking_url_of=lambda code: f"http://testserver/suggestions/track/{code}/",
        text="Chybí odlehčovací služba pro rodiny pečující o seniory.",
        submitter_name="Pavla Podatelová",
        submitter_email="pavla@example.cz",
        consent=True,
    )
    world.suggestion = services.triage(suggestion, world.users["coordinator"], group=world.working)
