"""``{% suggestion_form process %}``: the short public form and the links to the suggestions of a process."""

from django import template
from django.urls import reverse

from kpss.processes.models import Group, Membership

from ..forms import SuggestionForm

register = template.Library()


@register.inclusion_tag("feedback/includes/process_section.html", takes_context=True)
def suggestion_form(context, process):
    user = context["request"].user
    own_groups = []
    if user.is_authenticated:
        # A current member of a group may see its worklist (processes.view_group_internal).
        memberships = Membership.objects.current().filter(person__user=user)
        own_groups = list(Group.objects.filter(process=process, memberships__in=memberships).distinct())
    return {
        "process": process,
        "form": SuggestionForm(process=process),
        "action": reverse("feedback:submit", args=[process.pk]),
        "can_view_agenda": user.has_perm("feedback.view_agenda", process),
        "own_groups": own_groups,
    }
