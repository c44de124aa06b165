"""Markdown as the platform stores it: rendered to HTML, then sanitised, so no stored text can run a script."""

import markdown as markdown_lib
import nh3

EXTENSIONS = ["extra", "sane_lists"]
ALLOWED_TAGS = nh3.ALLOWED_TAGS - {"img"}


def render_markdown(text):
    html = markdown_lib.markdown(text or "", extensions=EXTENSIONS, output_format="html")
    return nh3.clean(html, tags=ALLOWED_TAGS, link_rel="noopener noreferrer nofollow")
