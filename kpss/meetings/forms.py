"""Forms of the meetings app; every message in the user's language."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kpss.core.forms import DateInput, SensibleDatesMixin, TimeInput
from kpss.territories.models import Region

from .models import AgendaItem, Attachment, Attendance, Meeting, Minutes, Resolution

MAX_ATTACHMENT_SIZE = 20 * 1024 * 1024
LAST = 32767  # the largest PositiveSmallIntegerField


class CalendarFilterForm(forms.Form):
    """Filters of the public calendar; read from the query string."""

    UPCOMING, PAST = "upcoming", "past"

    when = forms.ChoiceField(
        label=_("meetings"), required=False, choices=[(UPCOMING, _("upcoming")), (PAST, _("past"))]
    )
    region = forms.ModelChoiceField(
        label=_("region"), required=False, queryset=Region.objects.order_by("name"), empty_label=_("all regions")
    )
    kind = forms.ChoiceField(label=_("kind"), required=False, choices=[("", _("all kinds")), *Meeting.Kind.choices])

    def filters(self):
        """The valid filters; an invalid one is left out (and reported by the form's errors)."""
        data = self.cleaned_data if self.is_bound else {}
        return {
            "region": data.get("region"),
            "kind": data.get("kind", ""),
            "past": data.get("when") == self.PAST,
        }


class MeetingForm(SensibleDatesMixin, forms.ModelForm):
    """A meeting's data; date, start and end are separate fields and become ``starts_at`` and ``duration``."""

    date = forms.DateField(label=_("date"), widget=DateInput)
    start_time = forms.TimeField(label=_("starts at"), widget=TimeInput)
    end_date = forms.DateField(
        label=_("end date"), required=False, widget=DateInput, help_text=_("Only for a meeting over several days.")
    )
    end_time = forms.TimeField(label=_("ends at"), widget=TimeInput)
    online_url = forms.URLField(
        label=Meeting._meta.get_field("online_url").verbose_name, required=False, max_length=200, assume_scheme="https"
    )

    class Meta:
        model = Meeting
        fields = ["kind", "title", "group", "place", "online_url", "is_open", "accessibility"]
        widgets = {"accessibility": forms.Textarea(attrs={"rows": 3})}

    field_order = ["kind", "title", "group", "date", "start_time", "end_date", "end_time"]

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.group_id or self.instance.pk:
            del self.fields["group"]  # a meeting stays with the group it was made for
        else:
            self.fields["group"].queryset = process.groups.all()  # another process's group is not a valid choice
        if self.instance.pk:
            starts = timezone.localtime(self.instance.starts_at)
            ends = timezone.localtime(self.instance.ends_at)
            self.initial.update(date=starts.date(), start_time=starts.time(), end_time=ends.time())
            if ends.date() != starts.date():
                self.initial["end_date"] = ends.date()

    def clean(self):
        data = super().clean()
        date, start, end = data.get("date"), data.get("start_time"), data.get("end_time")
        if date and start and end:
            starts = timezone.make_aware(datetime.datetime.combine(date, start))
            ends = timezone.make_aware(datetime.datetime.combine(data.get("end_date") or date, end))
            if ends <= starts:
                self.add_error("end_time", _("The meeting must end after it starts."))
            else:
                data["starts_at"], data["duration"] = starts, ends - starts
        if not data.get("place") and not data.get("online_url") and "online_url" not in self.errors:
            self.add_error("place", _("Give the place, the online link or both."))
        return data


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("reason for cancelling"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown on the meeting's page, for example how comments can be sent instead."),
    )


class AgendaItemForm(forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["order", "title", "presenter", "minutes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False
        if self.instance.pk is None:
            self.initial["order"] = None  # not the model's 0, which would put a new item first

    def clean_order(self):
        # An item without a number goes to the end; save_agenda numbers the items 1, 2, 3… afterwards.
        order = self.cleaned_data["order"]
        return LAST if order is None else order


AgendaFormSet = forms.inlineformset_factory(
    Meeting, AgendaItem, form=AgendaItemForm, extra=3, can_delete=True, max_num=100, validate_max=True
)


class MemberAttendanceForm(forms.Form):
    """One member's attendance; the person must be one the meeting expects."""

    person = forms.TypedChoiceField(coerce=int, widget=forms.HiddenInput)
    status = forms.ChoiceField(
        label=_("attendance"),
        required=False,
        widget=forms.RadioSelect,
        choices=[*Attendance.Status.choices, ("", _("not recorded"))],
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [(person.pk, str(person)) for person in people]


MemberAttendanceFormSet = forms.formset_factory(MemberAttendanceForm, extra=0, max_num=1000, validate_max=True)


class GuestForm(forms.ModelForm):
    class Meta:
        model = Attendance
        fields = ["guest_name", "guest_organisation"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["guest_name"].required = True


GuestFormSet = forms.modelformset_factory(
    Attendance, form=GuestForm, extra=2, can_delete=True, max_num=500, validate_max=True
)


class HeadcountForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["headcount"]


class MinutesForm(forms.ModelForm):
    class Meta:
        model = Minutes
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 16})}
        help_texts = {"text": _("Markdown: # heading, a blank line between paragraphs, - for a list item.")}


class ApproveMinutesForm(SensibleDatesMixin, forms.Form):
    approved_on = forms.DateField(label=_("approved on"), widget=DateInput)

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.initial.setdefault("approved_on", timezone.localdate())

    def clean_approved_on(self):
        approved_on = self.cleaned_data["approved_on"]
        if approved_on < timezone.localdate(self.meeting.starts_at):
            raise forms.ValidationError(_("Minutes cannot be approved before the meeting."))
        if approved_on > timezone.localdate():
            raise forms.ValidationError(_("The date of approval cannot be in the future."))
        return approved_on


class ResolutionForm(forms.ModelForm):
    class Meta:
        model = Resolution
        fields = ["number", "text", "votes_for", "votes_against", "votes_abstained", "adopted"]
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}

    NUMBER_TAKEN = _("This meeting already has a resolution with this number.")

    def clean_number(self):
        number = self.cleaned_data["number"].strip()
        taken = Resolution.objects.filter(meeting=self.instance.meeting, number=number).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(self.NUMBER_TAKEN)
        return number


class AttachmentForm(forms.ModelForm):
    class Meta:
        model = Attachment
        fields = ["title", "file", "is_public"]

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file and file.size > MAX_ATTACHMENT_SIZE:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return file
