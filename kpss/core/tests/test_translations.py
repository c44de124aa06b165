"""Czech first, English complete: every message of both catalogues is translated and compiled."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from kpss.core.i18n_catalogues import LANGUAGES, LOCALE_DIR, catalogue_path, problems

PACKAGE = LOCALE_DIR.parent


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_has_no_untranslated_or_fuzzy_message(language):
    assert problems(polib.pofile(str(catalogue_path(language)))) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalogue_matches_its_source(language):
    po = polib.pofile(str(catalogue_path(language)))
    mo = polib.mofile(str(catalogue_path(language).with_suffix(".mo")))
    compiled = {(entry.msgid, entry.msgstr or str(entry.msgstr_plural)) for entry in mo if entry.msgid}
    source = {(entry.msgid, entry.msgstr or str(entry.msgstr_plural)) for entry in po.translated_entries()}
    assert source <= compiled, "run `make messages` to compile the catalogues"


def test_every_string_in_the_code_is_in_the_catalogues(tmp_path):
    """Extract the strings afresh from a copy of the code: a new string without a translation fails."""
    if not shutil.which("xgettext"):
        if os.environ.get("CI"):
            pytest.fail("gettext is not installed")
        pytest.skip("gettext is not installed")
    copy = tmp_path / "kpss"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("tests", "__pycache__", "static", "*.mo"))
    subprocess.run(
        # django-admin, not `python -m django`: the latter would import kpss/celery.py as `celery`.
        [
            Path(sys.executable).with_name("django-admin"),
            "makemessages",
            "--no-location",
            "--no-obsolete",
            *[f"--locale={language}" for language in LANGUAGES],
            "--ignore=tests/*",
        ],
        cwd=copy,
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(PACKAGE.parent)},
    )
    for language in LANGUAGES:
        assert problems(polib.pofile(str(catalogue_path(language, Path(copy) / "locale")))) == [], (
            f"{language}: run `make messages` and translate the new strings"
        )
