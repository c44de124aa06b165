"""Text helpers shared by every app."""

import unicodedata


def fold(text):
    """Lower-case ``text`` and strip diacritics, so "Žďár" and "zdar" compare equal.

    Stored beside names in a ``search_name`` column: the same code path on SQLite and PostgreSQL,
    and a plain index serves prefix searches.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold().strip()
