"""The one-form page every app uses: show a form, save it when valid, say so and move on."""

from django.contrib import messages
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _


def bound(request, form_class, **kwargs):
    if request.method == "POST":
        return form_class(request.POST, request.FILES, **kwargs)
    return form_class(**kwargs)


def form_page(
    request,
    form,
    *,
    title,
    breadcrumbs,
    save,
    done,
    message,
    cancel=None,
    submit_label=None,
    stylesheet=None,
    lead="",
    intro="",
):
    """Show ``form``; when a valid one is posted, ``save`` it, say ``message`` and go to ``done``
    (a URL, or a function of what ``save`` returned)."""
    if request.method == "POST" and form.is_valid():
        try:
            result = save(form)
        except IntegrityError:
            # Another request stored the same row after this form was checked; checked again, the
            # form says what clashes.
            form.full_clean()
            if form.is_valid():
                form.add_error(None, _("The data could not be saved. Please check them and try again."))
        else:
            messages.success(request, message)
            return redirect(done(result) if callable(done) else done)
    return render(
        request,
        "form_page.html",
        {
            "stylesheet": stylesheet,
            "form": form,
            "title": title,
            "lead": lead,
            "intro": intro,
            "breadcrumbs": [*breadcrumbs, (None, title)],
            "submit_label": submit_label or _("Save"),
            "cancel_url": cancel or (done if isinstance(done, str) else None),
        },
    )
