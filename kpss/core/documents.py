"""Downloadable documents: PDF from the same Django templates as the pages, DOCX built with python-docx."""

import io

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def download(content, content_type, name, extension):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{slugify(name) or "document"}.{extension}"'
    return response


def render_pdf(template_name, context, request=None):
    """PDF bytes of a template; it carries its own print CSS and needs nothing from the network."""
    from weasyprint import HTML  # imported late: it loads Pango, which plain pages do not need

    html = render_to_string(template_name, context, request=request)
    return HTML(string=html, base_url=None).write_pdf()


def pdf_response(template_name, context, name, request=None):
    return download(render_pdf(template_name, context, request), PDF, name, "pdf")


def docx_response(document, name):
    """Serve a python-docx ``Document``."""
    buffer = io.BytesIO()
    document.save(buffer)
    return download(buffer.getvalue(), DOCX, name, "docx")
