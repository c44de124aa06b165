"""Checks and chores for the translation catalogues in kpss/locale.

The source strings are English, so the English catalogue repeats them: ``fill-english`` copies
every msgid into its msgstr (run by ``make messages``). ``problems`` lists what a catalogue lacks;
the test suite fails on any.

    python -m kpss.core.i18n_catalogues fill-english
"""

import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ("cs", "en")


def catalogue_path(language, locale_dir=LOCALE_DIR):
    return Path(locale_dir) / language / "LC_MESSAGES" / "django.po"


def problems(po):
    """Human-readable lines for every untranslated, fuzzy or partly translated entry."""
    found = []
    for entry in po:
        if entry.obsolete:
            continue
        if entry.fuzzy:
            found.append(f"fuzzy: {entry.msgid!r}")
        elif entry.msgid_plural:
            if not entry.msgstr_plural or not all(entry.msgstr_plural.values()):
                found.append(f"untranslated plural: {entry.msgid!r}")
        elif not entry.msgstr:
            found.append(f"untranslated: {entry.msgid!r}")
    return found


def fill_english(locale_dir=LOCALE_DIR):
    po = polib.pofile(str(catalogue_path("en", locale_dir)))
    for entry in po:
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
    po.save()


if __name__ == "__main__":
    if sys.argv[1:] == ["fill-english"]:
        fill_english()
    else:
        sys.exit(__doc__)
