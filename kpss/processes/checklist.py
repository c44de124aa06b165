"""The steps of each phase of the method, as seed 001 lists them; copied into every new process.

Stored in the language the process is created in; a coordinator edits them freely afterwards.
"""

from django.utils.translation import gettext_lazy as _

from .models import Phase

STEPS = {
    Phase.Number.START: [
        _("Form the initial working group"),
        _("Decide who must take part in preparing the plan"),
        _("Decide how to approach and invite the other participants"),
        _("Plan how to win the political support of the municipality (council resolution)"),
        _("Information strategy"),
    ],
    Phase.Number.STRUCTURE: [
        _("Create the organisational and steering structure (steering group, working groups)"),
        _("Set the rules of procedure of the steering structure"),
    ],
    Phase.Number.UNDERSTANDING: [
        _("Create and publish the ways the public takes part"),
        _("Analyse needs and assess existing resources"),
        _("Assess the strengths and weaknesses of the existing social services"),
        _("Name opportunities and threats and outline trends for the development of social services"),
    ],
    Phase.Number.VISION: [
        _("Agree the main values the plan will respect"),
        _("Set the direction social services will take"),
        _("Set the goal to reach and the priorities"),
        _("Name the obstacles to overcome"),
        _("Name the regional and national resources to use"),
        _("The vision is accepted by most participants"),
    ],
    Phase.Number.STRATEGY: [
        _("Plan the steps and tasks that reach the goals and priorities"),
        _("Set up the system of monitoring the plan"),
        _("Prepare the final version of the plan"),
        _("Submit the plan for public comment"),
        _("Approval of the plan by the council"),
    ],
    Phase.Number.IMPLEMENTATION: [
        _("Inform the public about carrying out the plan"),
        _("Find and involve new partners"),
        _("Tools for changing the plan"),
    ],
}
