"""Forms of the processes app. Choices of related objects are limited to the process, so a foreign id
(another process's person, meeting, resolution or a municipality outside the territory) is refused."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import MinValueValidator
from django.db.models import Q
from django.forms.models import construct_instance
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kpss.accounts.models import Organisation, SiteRole
from kpss.accounts.rules import is_administrator
from kpss.core.forms import DateInput, SensibleDatesMixin
from kpss.core.text import fold
from kpss.territories.models import Municipality, Orp, Region

from . import queries
from .models import Document, DocumentVersion, Group, Membership, Milestone, Participant, PlanningProcess, Stage, Step
from .rules import is_site_coordinator


def date_fields(*names):
    return dict.fromkeys(names, DateInput)


class PeriodMixin:
    """Refuses an end before the start."""

    period = ("starts_on", "ends_on")

    def clean(self):
        cleaned = super().clean()
        start, end = (cleaned.get(name) for name in self.period)
        if start and end and end < start:
            self.add_error(self.period[1], _("The end must not be before the start."))
        return cleaned


class ProcessFilterForm(forms.Form):
    region = forms.ModelChoiceField(Region.objects.all(), required=False, label=_("Region"), empty_label=_("All"))


def regions_for(user, current_region_id=None):
    """The regions ``user`` may plan in: administrators and site coordinators anywhere, a regional
    officer in their own regions. The current region of an edited process or programme stays a
    choice, so that its coordinators can keep it."""
    if is_administrator(user) or is_site_coordinator(user):
        return Region.objects.all()
    officer_of = user.site_roles.filter(kind=SiteRole.Kind.REGIONAL_OFFICER).values("region")
    return Region.objects.filter(Q(pk__in=officer_of) | Q(pk=current_region_id))


class ProcessForm(SensibleDatesMixin, PeriodMixin, forms.ModelForm):
    municipality_names = forms.CharField(
        label=_("Municipalities"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For a set of municipalities: their names in the chosen region, one per line."),
    )

    class Meta:
        model = PlanningProcess
        fields = [
            "name",
            "scope",
            "region",
            "orp",
            "municipality_names",
            "starts_on",
            "ends_on",
            "status",
            "description",
            "realiser",
            "partners",
            "funding_note",
            "project_number",
            "budget",
            "contact_email",
            "contact_phone",
        ]
        widgets = {**date_fields("starts_on", "ends_on"), "partners": forms.SelectMultiple(attrs={"size": 6})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        regions = regions_for(user, self.instance.region_id)
        self.fields["region"].queryset = regions
        # Municipality names are looked up in the chosen region, so the ORPs alone need limiting here.
        self.fields["orp"].queryset = Orp.objects.filter(region__in=regions).order_by("name")
        self.fields["orp"].help_text = _("Required when the territory is the district of an ORP.")
        self.fields["budget"].validators.append(MinValueValidator(0))
        if self.instance.pk:
            self.initial["municipality_names"] = "\n".join(self.instance.municipalities.values_list("name", flat=True))

    def clean(self):
        cleaned = super().clean()
        scope, region, orp = cleaned.get("scope"), cleaned.get("region"), cleaned.get("orp")
        cleaned["municipalities"] = []
        if scope == PlanningProcess.Scope.ORP:
            if not orp:
                self.add_error("orp", _("Choose the ORP."))
            elif region and orp.region_id != region.pk:
                self.add_error("orp", _("The ORP lies in another region."))
        else:
            cleaned["orp"] = None
        if scope == PlanningProcess.Scope.MUNICIPALITIES and region:
            cleaned["municipalities"] = self._municipalities(cleaned.get("municipality_names", ""), region)
        return cleaned

    def _municipalities(self, text, region):
        names = [line.strip() for line in text.replace(",", "\n").splitlines() if line.strip()]
        if not names:
            self.add_error("municipality_names", _("List the municipalities."))
            return []
        found = {}
        for municipality in Municipality.objects.filter(orp__region=region, search_name__in={fold(n) for n in names}):
            found.setdefault(municipality.search_name, []).append(municipality)
        unknown = [name for name in names if fold(name) not in found]
        ambiguous = [name for name in names if len(found.get(fold(name), [])) > 1]
        if unknown:
            self.add_error(
                "municipality_names",
                _("No such municipality in the region: %(names)s.") % {"names": ", ".join(unknown)},
            )
        if ambiguous:
            self.add_error(
                "municipality_names",
                _("More municipalities of the region have this name: %(names)s.") % {"names": ", ".join(ambiguous)},
            )
        return [] if unknown or ambiguous else [found[fold(name)][0] for name in names]


class CoordinatorForm(forms.Form):
    email = forms.EmailField(label=_("E-mail of the new coordinator"), help_text=_("The person must have an account."))

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.process = process

    def clean_email(self):
        email = self.cleaned_data["email"]
        user = get_user_model().objects.filter(email__iexact=email).first()
        if user is None:
            raise forms.ValidationError(_("No account has this e-mail address."))
        if self.process.coordinators.filter(pk=user.pk).exists():
            raise forms.ValidationError(_("This person already coordinates the process."))
        self.cleaned_data["user"] = user
        return email


class StepForm(forms.ModelForm):
    class Meta:
        model = Step
        fields = ["title", "order"]
        help_texts = {"order": _("Leave empty to put the step at the end of the phase.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False
        if not self.instance.pk:
            self.initial["order"] = None


class StepDoneForm(SensibleDatesMixin, forms.ModelForm):
    """Marks a step done (or, with no date, open again) and says what did it."""

    class Meta:
        model = Step
        fields = ["done_on", "note", "meeting", "document"]
        widgets = {**date_fields("done_on"), "note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"done_on": _("Leave empty to mark the step as not done.")}

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = queries.meetings_of(process).order_by("-starts_at")
        self.fields["document"].queryset = Document.objects.filter(process=process)
        if not self.instance.done_on and not self.is_bound:
            self.initial["done_on"] = timezone.localdate()


class StageForm(SensibleDatesMixin, PeriodMixin, forms.ModelForm):
    class Meta:
        model = Stage
        fields = ["name", "starts_on", "ends_on", "closing_criterion", "closed_on"]
        widgets = {**date_fields("starts_on", "ends_on", "closed_on"), "closing_criterion": forms.Textarea({"rows": 3})}


class MilestoneForm(SensibleDatesMixin, forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "stage", "due_on", "precision", "done_on", "note"]
        widgets = {**date_fields("due_on", "done_on"), "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = Stage.objects.filter(process=process)


class PersonChoiceForm(SensibleDatesMixin, forms.ModelForm):
    """Picks a person already known to the process, or creates one from the name fields."""

    person = forms.ModelChoiceField(
        None, required=False, label=_("Person"), help_text=_("Or fill in a new person below.")
    )
    first_name = forms.CharField(label=_("First name of a new person"), max_length=100, required=False)
    last_name = forms.CharField(label=_("Last name of a new person"), max_length=100, required=False)
    email = forms.EmailField(label=_("E-mail of a new person"), required=False)
    phone = forms.CharField(label=_("Phone of a new person"), max_length=40, required=False)
    new_organisation = forms.CharField(
        label=_("New organisation"),
        max_length=255,
        required=False,
        help_text=_("When the organisation is not in the list above."),
    )
    person_required = True

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.process = process
        self.fields["person"].queryset = queries.people_of(process)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")

    def clean(self):
        cleaned = super().clean()
        new_name = cleaned.get("first_name") or cleaned.get("last_name")
        if cleaned.get("person") and new_name:
            raise forms.ValidationError(_("Pick a person or fill in a new one, not both."))
        if new_name and not (cleaned.get("first_name") and cleaned.get("last_name")):
            self.add_error("last_name" if cleaned.get("first_name") else "first_name", _("Fill in both names."))
        if self.person_required and not cleaned.get("person") and not new_name:
            self.add_error("person", _("Pick a person or fill in a new one."))
        if cleaned.get("organisation") and cleaned.get("new_organisation"):
            self.add_error("new_organisation", _("Pick an organisation or name a new one, not both."))
        return cleaned

    def _post_clean(self):
        # Fill the instance but skip the model's checks: the person (or organisation) may not exist yet;
        # the service creates it, and clean() has already checked what the model would.
        self.instance = construct_instance(self, self.instance, self._meta.fields, self._meta.exclude)

    def new_person(self):
        """The fields of the person to create, or None when an existing one was picked."""
        if self.cleaned_data.get("person") or not self.cleaned_data.get("last_name"):
            return None
        return {name: self.cleaned_data[name] for name in ("first_name", "last_name", "email", "phone")}


class ParticipantForm(PersonChoiceForm):
    person_required = False

    class Meta:
        model = Participant
        fields = ["person", "organisation", "triad_role", "joined_on"]
        widgets = date_fields("joined_on")
        help_texts = {"organisation": _("For an organisation taking part, or the organisation of a new person.")}

    field_order = ["person", "first_name", "last_name", "email", "phone", "organisation", "new_organisation"]

    def clean(self):
        cleaned = super().clean()
        person, organisation = cleaned.get("person"), cleaned.get("organisation")
        has_person = person or cleaned.get("last_name")
        if not has_person and not organisation and not cleaned.get("new_organisation"):
            raise forms.ValidationError(_("Pick or fill in a person or an organisation."))
        taking_part = Participant.objects.filter(process=self.process)
        if person and organisation:
            self.add_error("organisation", _("An organisation goes with a new person only."))
        if person and taking_part.filter(person=person).exists():
            self.add_error("person", _("This person already takes part in the process."))
        if not has_person and organisation and taking_part.filter(organisation=organisation).exists():
            self.add_error("organisation", _("This organisation already takes part in the process."))
        return cleaned


class ParticipantEditForm(SensibleDatesMixin, forms.ModelForm):
    class Meta:
        model = Participant
        fields = ["triad_role", "joined_on"]
        widgets = date_fields("joined_on")


class GroupForm(forms.ModelForm):
    class Meta:
        model = Group
        fields = ["kind", "name", "short_name", "focus", "theme", "municipalities", "description", "order"]
        widgets = {
            "municipalities": forms.SelectMultiple(attrs={"size": 8}),
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"municipalities": _("For a territorial working group.")}

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.process = process
        self.fields["municipalities"].queryset = queries.territory_municipalities(process).order_by("name")

    def clean(self):
        cleaned = super().clean()
        kind, focus = cleaned.get("kind"), cleaned.get("focus")
        if kind == Group.Kind.STEERING:
            cleaned.update(focus="", theme="", municipalities=[])
            steering = Group.objects.filter(process=self.instance.process, kind=Group.Kind.STEERING)
            if steering.exclude(pk=self.instance.pk).exists():
                self.add_error("kind", _("The process already has a steering group."))
        elif not focus:
            self.add_error("focus", _("Say whether the working group is thematic or territorial."))
        elif focus == Group.Focus.THEMATIC:
            cleaned["municipalities"] = []
            if not cleaned.get("theme"):
                self.add_error("theme", _("Choose the target group of a thematic working group."))
        elif focus == Group.Focus.TERRITORIAL and not cleaned.get("municipalities") and "municipalities" in cleaned:
            self.add_error("municipalities", _("Choose the municipalities of a territorial working group."))
        return cleaned


class MembershipForm(PersonChoiceForm):
    class Meta:
        model = Membership
        fields = ["person", "role", "organisation", "triad_role", "starts_on", "ends_on"]
        widgets = date_fields("starts_on", "ends_on")

    field_order = ["person", "first_name", "last_name", "email", "phone", "role", "organisation", "new_organisation"]

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, process=group.process, **kwargs)
        self.instance.group = group
        if not self.is_bound:
            self.initial.setdefault("starts_on", timezone.localdate())

    def clean(self):
        cleaned = super().clean()
        person, start, end = cleaned.get("person"), cleaned.get("starts_on"), cleaned.get("ends_on")
        if start and end and end < start:
            self.add_error("ends_on", _("The end must not be before the start."))
        if person:
            memberships = Membership.objects.filter(group=self.instance.group, person=person)
            if memberships.current().exists() or memberships.filter(starts_on=start).exists():
                self.add_error("person", _("This person is already a member of the group."))
        return cleaned


class MembershipEditForm(SensibleDatesMixin, PeriodMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["role", "organisation", "triad_role", "starts_on", "ends_on"]
        widgets = date_fields("starts_on", "ends_on")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")

    def clean(self):
        cleaned = super().clean()
        # The unique rule names the group and the person, which the form does not edit, so it is checked here.
        others = Membership.objects.filter(group=self.instance.group_id, person=self.instance.person_id)
        if (
            "starts_on" in cleaned
            and others.filter(starts_on=cleaned["starts_on"]).exclude(pk=self.instance.pk).exists()
        ):
            self.add_error("starts_on", _("The person has another membership of the group from this day."))
        return cleaned


class MembershipEndForm(SensibleDatesMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["ends_on"]
        widgets = date_fields("ends_on")
        help_texts = {"ends_on": _("The last day of the membership. It stays in the group's history.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ends_on"].required = True
        if not self.is_bound:
            self.initial["ends_on"] = timezone.localdate()

    def clean_ends_on(self):
        ends_on = self.cleaned_data["ends_on"]
        if self.instance.starts_on and ends_on < self.instance.starts_on:
            raise forms.ValidationError(_("The end must not be before the start."))
        return ends_on


class DocumentVersionForm(SensibleDatesMixin, forms.ModelForm):
    class Meta:
        model = DocumentVersion
        fields = ["label", "text", "file", "approved_on", "resolution", "approval_note"]
        widgets = {**date_fields("approved_on"), "text": forms.Textarea(attrs={"rows": 12})}
        help_texts = {
            "approved_on": _("Leave empty for a draft; only approved versions are public."),
            "resolution": _("The resolution of this process that approved the version."),
        }

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resolution"].queryset = queries.resolutions_of(process)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("text") and not cleaned.get("file") and not self.errors:
            raise forms.ValidationError(_("Write the text or upload a file."))
        if (cleaned.get("resolution") or cleaned.get("approval_note")) and not cleaned.get("approved_on"):
            self.add_error("approved_on", _("Give the date of approval."))
        return cleaned


class DocumentCreateForm(DocumentVersionForm):
    """A new document and its first version in one form."""

    kind = forms.ChoiceField(label=_("Kind"), choices=Document.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=255)

    field_order = ["kind", "title"]
