"""Forms of a region's programme. Choices are limited to the programme's region and call, so an id
from elsewhere (another region's process, another call's addressee) is refused."""

from django import forms
from django.core.validators import MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kpss.core.forms import DateInput, SensibleDatesMixin
from kpss.processes.forms import PeriodMixin, regions_for
from kpss.processes.models import PlanningProcess

from . import queries, services
from .models import Addressee, Call, Indicator


class ProgrammeForm(SensibleDatesMixin, PeriodMixin, forms.ModelForm):
    """The programme's data, kept on its region-wide process."""

    class Meta:
        model = PlanningProcess
        fields = [
            "name",
            "region",
            "starts_on",
            "ends_on",
            "status",
            "realiser",
            "partners",
            "funding_note",
            "project_number",
            "budget",
            "description",
            "contact_email",
            "contact_phone",
        ]
        widgets = {
            "starts_on": DateInput,
            "ends_on": DateInput,
            "partners": forms.SelectMultiple(attrs={"size": 6}),
            "funding_note": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"name": _("Name of the programme"), "realiser": _("Expert partner (realiser)")}
        help_texts = {
            "contact_email": _("Municipalities with a question about the call write here."),
            "region": _("The region whose ORPs and POÚ the programme supports."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions_for(user, self.instance.region_id)
        self.fields["budget"].validators.append(MinValueValidator(0))
        self.fields["realiser"].queryset = self.fields["realiser"].queryset.order_by("name")
        self.fields["partners"].queryset = self.fields["partners"].queryset.order_by("name")

    def clean_region(self):
        region = self.cleaned_data["region"]
        programme = getattr(self.instance, "programme", None) if self.instance.pk else None
        if programme is not None and region != self.instance.region and self._region_is_in_use(programme):
            raise forms.ValidationError(
                _(
                    "The region can no longer be changed: the programme has a call to its municipalities or "
                    "participating processes of the region."
                )
            )
        return region

    @staticmethod
    def _region_is_in_use(programme):
        return programme.calls.exists() or programme.participating_processes.exists()


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "measure", "target", "unit", "entered_value", "order"]
        help_texts = {
            "measure": _(
                "Counted from the data: participating processes, those with an approved plan, people trained at "
                "the programme's seminars, people active in working groups. Or entered by hand, such as jobs."
            ),
            "order": _("Leave empty to put the indicator at the end."),
        }

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.programme = programme
        self.fields["target"].validators.append(MinValueValidator(1))
        self.fields["order"].required = False
        if not self.instance.pk:
            self.initial["order"] = None

    def clean_order(self):
        return self.cleaned_data.get("order") or 0

    def clean(self):
        cleaned = super().clean()
        measure = cleaned.get("measure")
        if measure and measure != Indicator.Measure.ENTERED and cleaned.get("entered_value") is not None:
            self.add_error("entered_value", _("Only an indicator entered by hand takes its value from here."))
        return cleaned


class ProcessLinkForm(forms.Form):
    process = forms.ModelChoiceField(
        None,
        label=_("Planning process"),
        help_text=_("A process of the region that does not take part yet."),
    )

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["process"].queryset = queries.linkable_processes(programme)


class AddresseeProcessForm(forms.Form):
    """Which of its own processes stands for a municipality that joined."""

    process = forms.ModelChoiceField(
        None,
        label=_("Planning process"),
        help_text=_("The municipality's processes in the region, newest first."),
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, addressee, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["process"].queryset = services.processes_of(addressee).order_by("-starts_on", "-pk")


def default_letter(programme):
    """The letter to the mayors, in the spirit of the Vysočina letter of 2005 (seed 003)."""
    process = programme.process
    realiser = process.realiser.name if process.realiser_id else gettext("our expert partner")
    return gettext(
        "Dear Mayor,\n\n"
        "%(region)s prepares its regional plan of social services bottom-up: it will build on the community "
        "plans of social services made by the municipalities with extended competence (ORP) and by the "
        "municipalities with a delegated authority (POÚ), and its results will in turn serve the local plans.\n\n"
        "Together with %(realiser)s we run the programme **%(programme)s**. Every municipality that joins gets "
        "support in making its own community plan: seminars for the triads and coordinators about once a month, "
        "help with the analyses of users and providers, with the steering and working groups, with public "
        "meetings and with the final draft of the plan. The activities of the programme are paid for by the "
        "project.\n\n"
        "Municipalities that already have a community plan will get support with their action plans or with "
        "extending the plan to the whole district.\n\n"
        "Please tell us whether your municipality wants to join the programme and make its community plan of "
        "social services, which will also be an important basis for the regional plan.\n\n"
        "Yours sincerely"
    ) % {"region": process.region.name, "realiser": realiser, "programme": process.name}


class CallForm(SensibleDatesMixin, forms.ModelForm):
    class Meta:
        model = Call
        fields = ["title", "letter", "deadline"]
        widgets = {"deadline": DateInput, "letter": forms.Textarea(attrs={"rows": 18})}
        help_texts = {
            "letter": _(
                "Markdown. Each municipality receives it by e-mail with its own link to answer; the link and the "
                "deadline are added below the letter."
            ),
            "deadline": _("Municipalities answer through their link until the end of this day."),
        }

    def __init__(self, *args, programme, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault(
                "title", gettext("Joining the programme %(name)s") % {"name": programme.process.name}
            )
            self.initial.setdefault("letter", default_letter(programme))

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise forms.ValidationError(_("The deadline must not be in the past."))
        return deadline


class AddresseeEmailForm(forms.ModelForm):
    class Meta:
        model = Addressee
        fields = ["email"]


class BaseEmailFormSet(forms.BaseModelFormSet):
    def clean(self):
        super().clean()
        # A row whose id is not one of the call's addressees (another call's, or gone) would become a new
        # addressee without a call.
        if any(form.instance.pk is None for form in self.forms):
            raise forms.ValidationError(_("The list of municipalities does not match the call; reload the page."))


EmailFormSet = forms.modelformset_factory(
    Addressee, form=AddresseeEmailForm, formset=BaseEmailFormSet, extra=0, edit_only=True
)


class AnswerForm(forms.Form):
    """A municipality's own answer to the call, through its personal link."""

    answer = forms.ChoiceField(
        label=_("Does the municipality want to join?"), choices=Addressee.Answer.choices, widget=forms.RadioSelect
    )
    representative = forms.CharField(
        label=_("Statutory representative"),
        max_length=200,
        help_text=_("The name of the mayor or whoever represents the municipality."),
    )

    def clean_representative(self):
        return self.cleaned_data["representative"].strip()


class PaperAnswerForm(SensibleDatesMixin, forms.ModelForm):
    """An answer that came by post."""

    class Meta:
        model = Addressee
        fields = ["answer", "representative", "answered_on"]
        widgets = {"answer": forms.RadioSelect, "answered_on": DateInput}
        labels = {"answered_on": _("Date of the letter")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.fields:
            self.fields[name].required = True
        self.fields["answer"].choices = Addressee.Answer.choices

    def clean_answered_on(self):
        answered_on = self.cleaned_data["answered_on"]
        if answered_on > timezone.localdate():
            raise forms.ValidationError(_("The date of the letter must not be in the future."))
        return answered_on
