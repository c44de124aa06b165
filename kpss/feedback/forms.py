"""Forms of the suggestions agenda. Choices of related objects are limited to the process, so another
process's group or meeting (or a municipality outside the territory) is refused."""

import datetime

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kpss.core.forms import DateInput, SensibleDatesMixin
from kpss.processes.models import Group
from kpss.processes.queries import territory_municipalities
from kpss.territories.models import Municipality

from . import services
from .models import Suggestion

HONEYPOT = "website"
CONTACT_FIELDS = ("submitter_name", "submitter_email", "submitter_phone")
# The meetings a staff entry may come from: those of the last twelve months and the next three.
MEETINGS_BACK = datetime.timedelta(days=365)
MEETINGS_AHEAD = datetime.timedelta(days=92)
TOPIC_CHOICES = [("", _("choose the topic (optional)")), *Group.Theme.choices]


class ContactMixin(forms.Form):
    """The submitter's contact, kept only with explicit consent."""

    submitter_name = forms.CharField(label=_("your name"), max_length=200, required=False)
    submitter_email = forms.EmailField(
        label=_("e-mail"),
        required=False,
        help_text=_("We write to this address when the suggestion has been answered."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    submitter_phone = forms.CharField(
        label=_("phone"), max_length=40, required=False, widget=forms.TextInput(attrs={"type": "tel"})
    )
    consent = forms.BooleanField(
        label=_("I agree that my contact details are kept to answer this suggestion"),
        required=False,
        help_text=_(
            "The contact is used only to answer you and is never published or exported. An e-mail address is "
            "erased automatically once the answer has been sent to it; a phone number is erased by the coordinator "
            "once they have called you with the answer. The coordinator erases the contact earlier if you ask. "
            "Without the consent, leave the contact empty."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        has_contact = any(cleaned.get(name) for name in CONTACT_FIELDS)
        if has_contact and not cleaned.get("consent"):
            self.add_error("consent", _("Tick the consent or leave the contact empty."))
        return cleaned

    def contact(self):
        return {name: self.cleaned_data[name] for name in (*CONTACT_FIELDS, "consent")}


class SuggestionFieldsMixin(forms.Form):
    """What the suggestion says: its text, topic and the municipality it concerns."""

    text = forms.CharField(
        label=_("your suggestion"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What is missing, what works badly, what would help. Please do not write personal data of others."),
    )
    topic = forms.ChoiceField(label=_("topic (target group)"), choices=TOPIC_CHOICES, required=False)
    municipality = forms.ModelChoiceField(
        label=_("municipality it concerns"),
        queryset=Municipality.objects.none(),
        required=False,
        empty_label=_("the whole territory or not known"),
    )

    def limit_to(self, process):
        self.fields["municipality"].queryset = territory_municipalities(process).order_by("name", "code")

    def suggestion_fields(self):
        return {name: self.cleaned_data[name] for name in ("text", "topic", "municipality")}


class SuggestionForm(SuggestionFieldsMixin, ContactMixin):
    """The short public form. ``website`` is a honeypot: hidden from people, filled by robots."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    field_order = ["text", "topic", "municipality", *CONTACT_FIELDS, "consent", HONEYPOT]

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_to(process)

    def clean(self):
        if self.data.get(HONEYPOT):
            raise forms.ValidationError(
                _("The form could not be sent: the field “Leave this field empty” must stay empty."), code="honeypot"
            )
        return super().clean()

    @property
    def is_trapped(self):
        return self.has_error(NON_FIELD_ERRORS, "honeypot")

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT]


class StaffEntryForm(SensibleDatesMixin, SuggestionFieldsMixin, ContactMixin):
    """A suggestion brought at a meeting, on paper, by phone or e-mail, typed in by staff."""

    source = forms.ChoiceField(
        label=_("received"), choices=[c for c in Suggestion.Source.choices if c[0] != Suggestion.Source.WEB]
    )
    received_on = forms.DateField(label=_("received on"), widget=DateInput)
    meeting = forms.ModelChoiceField(
        label=_("meeting"),
        queryset=None,
        required=False,
        help_text=_("The meeting of this process where the suggestion was brought, if any."),
    )

    field_order = ["source", "received_on", "meeting", "text", "topic", "municipality", *CONTACT_FIELDS, "consent"]

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit_to(process)
        self.fields["text"].label = _("suggestion")
        self.fields["text"].help_text = ""
        self.fields["submitter_name"].label = _("submitter's name")
        self.fields["submitter_email"].help_text = _("The submitter is told by e-mail when it is answered.")
        self.fields["consent"].label = _("The submitter agreed that the contact is kept to answer them")
        self.fields["consent"].help_text = _(
            "Tick only when the submitter agreed. Tell them that the contact is used only to answer them and is "
            "never published; an e-mail address is erased automatically once the answer has been sent, a phone "
            "number is erased by the coordinator after calling them with the answer, and either earlier if they ask."
        )
        now = timezone.now()
        self.fields["meeting"].queryset = process.meetings.filter(
            starts_at__gte=now - MEETINGS_BACK, starts_at__lte=now + MEETINGS_AHEAD
        ).order_by("-starts_at")
        self.initial.setdefault("received_on", timezone.localdate())

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return received_on

    def entry(self):
        fields = {name: self.cleaned_data[name] for name in ("source", "received_on", "meeting")}
        return {**fields, **self.suggestion_fields(), **self.contact()}


class TriageForm(SensibleDatesMixin, forms.Form):
    group = forms.ModelChoiceField(
        label=_("assign to group"),
        queryset=None,
        required=False,
        empty_label=_("no group"),
        help_text=_("Its leader sees the suggestion and answers it."),
    )
    department = forms.CharField(
        label=_("forward to department of the town office"),
        max_length=200,
        required=False,
        help_text=_("For example the social affairs department."),
    )
    forwarded_on = forms.DateField(
        label=_("forwarded on"), required=False, widget=DateInput, help_text=_("Today when left empty.")
    )
    topic = forms.ChoiceField(label=_("topic (target group)"), choices=TOPIC_CHOICES, required=False)
    is_published = forms.BooleanField(
        label=_("show in the public tracker"),
        required=False,
        help_text=_("Leave unticked only for a suggestion that must not be public, for example an offensive one."),
    )

    def __init__(self, *args, suggestion, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = suggestion.process.groups.order_by("kind", "order", "name")
        self.initial = {
            "group": suggestion.group_id,
            "department": suggestion.department,
            "forwarded_on": suggestion.forwarded_on,
            "topic": suggestion.topic,
            "is_published": not services.hidden_by_coordinator(suggestion),
        }

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("forwarded_on") and not cleaned.get("department"):
            self.add_error("department", _("Name the department the suggestion was forwarded to."))
        if cleaned.get("forwarded_on") and cleaned["forwarded_on"] > timezone.localdate():
            self.add_error("forwarded_on", _("The date cannot be in the future."))
        return cleaned


class SettleForm(SensibleDatesMixin, forms.Form):
    settlement = forms.ChoiceField(label=_("settlement"), choices=[("", "—"), *Suggestion.Settlement.choices])
    answer = forms.CharField(
        label=_("public answer"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Shown in the public tracker and sent to the submitter if they left an e-mail."),
    )
    settled_on = forms.DateField(label=_("settled on"), widget=DateInput)
    is_published = forms.BooleanField(
        label=_("show in the public tracker"),
        required=False,
        help_text=_("Leave unticked only for a suggestion that must not be public, for example an offensive one."),
    )

    def __init__(self, *args, suggestion, can_publish=False, **kwargs):
        """``can_publish``: the coordinator decides whether it is public; a group leader cannot."""
        super().__init__(*args, **kwargs)
        self.suggestion = suggestion
        self.initial = {
            "settlement": suggestion.settlement,
            "answer": suggestion.answer,
            "settled_on": suggestion.settled_on or timezone.localdate(),
        }
        if can_publish:
            self.initial["is_published"] = not services.hidden_by_coordinator(suggestion)
        else:
            del self.fields["is_published"]

    def clean_settled_on(self):
        settled_on = self.cleaned_data["settled_on"]
        if settled_on > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        if settled_on < self.suggestion.received_on:
            raise forms.ValidationError(_("A suggestion cannot be settled before it was received."))
        return settled_on


class FilterForm(forms.Form):
    """Filters of the tracker and the agenda, read from the query string; an invalid one is ignored."""

    q = forms.CharField(label=_("search in the text"), required=False, max_length=200)
    status = forms.ChoiceField(label=_("status"), choices=[("", _("all")), *Suggestion.Status.choices], required=False)
    topic = forms.ChoiceField(label=_("topic"), choices=[("", _("all")), *Group.Theme.choices], required=False)
    municipality = forms.ModelChoiceField(
        label=_("municipality"), queryset=Municipality.objects.none(), required=False, empty_label=_("all")
    )
    year = forms.TypedChoiceField(label=_("year"), coerce=int, required=False, empty_value=None)

    def __init__(self, data, *, suggestions, **kwargs):
        super().__init__(data, **kwargs)
        used = suggestions.exclude(municipality=None).values("municipality")
        self.fields["municipality"].queryset = Municipality.objects.filter(pk__in=used).order_by("name", "code")
        years = [day.year for day in suggestions.dates("received_on", "year", order="DESC")]
        self.fields["year"].choices = [("", _("all")), *((year, str(year)) for year in years)]

    def filters(self):
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None, False)}


class AgendaFilterForm(FilterForm):
    group = forms.ModelChoiceField(label=_("group"), queryset=None, required=False, empty_label=_("all"))
    unpublished = forms.BooleanField(label=_("only those not shown in the public tracker"), required=False)

    def __init__(self, data, *, process, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["group"].queryset = process.groups.order_by("kind", "order", "name")
