"""gettext for the whole app: the core needs translated text too (PDF headings,
validation messages), so the catalogue is loaded here and the GUI reuses it.

Message ids are English; Danish is the default language. Catalogues live in
``resources/locale/<lang>/LC_MESSAGES/leaderapp.po`` (Danish and English) and are
compiled to ``.mo`` by ``make translations`` (Babel). If a ``.mo`` is missing or older
than its ``.po`` (a fresh clone run without make), the ``.po`` is compiled in memory so
the app is never shown half in another language. English has a catalogue too (msgstr =
msgid, kept complete by ``make i18n-extract``), so both languages load the same way.

Which language the window uses is decided by the GUI (the saved setting, else the
system's, see ``pick_language``); the command line uses ``LEADERAPP_LANG`` or ``--lang``.
"""

from __future__ import annotations

import gettext
import io
import os
from collections.abc import Iterable
from pathlib import Path

from leaderapp.core.resources import resource_path

DOMAIN = "leaderapp"
SUPPORTED_LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"
# Each language named in itself: a user who cannot read the current language still
# finds their own in the Settings dialog.
LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"
_chosen = False  # set explicitly (LEADERAPP_LANG, --lang, Settings), not just the default
_cache: dict[str, gettext.NullTranslations] = {}


def normalise_language(lang: str | None) -> str | None:
    """ "da_DK.UTF-8", "en-GB", "DA" -> "da"/"en"; None for a language we do not have."""
    if not lang:
        return None
    code = lang.split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in SUPPORTED_LANGUAGES else None


def pick_language(chosen: str | None, system_languages: Iterable[str] = ()) -> str:
    """The language to use: the one chosen in Settings, else the first of the system's
    preferred languages that we have, else Danish (the users are Danish)."""
    picked = normalise_language(chosen)
    if picked:
        return picked
    for lang in system_languages:
        picked = normalise_language(lang)
        if picked:
            return picked
    return DEFAULT_LANGUAGE


def catalogue_path(lang: str, suffix: str = "po") -> Path:
    return resource_path("locale", lang, "LC_MESSAGES") / f"{DOMAIN}.{suffix}"


def _load(lang: str) -> gettext.NullTranslations:
    mo = catalogue_path(lang, "mo")
    po = catalogue_path(lang, "po")
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fp:
            return gettext.GNUTranslations(fp)
    if po.exists():
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        with po.open("rb") as fp:
            catalog = read_po(fp, locale=lang)
        buf = io.BytesIO()
        write_mo(buf, catalog)
        buf.seek(0)
        return gettext.GNUTranslations(buf)
    # Without a catalogue the English msgids still read right; Danish would not.
    return gettext.NullTranslations()


def set_language(lang: str, *, chosen: bool = True) -> str:
    """Switch every later ``_()`` call to ``lang``; returns the language in use.

    ``chosen``: someone asked for this language (``--lang``, a test, the Settings
    dialog); the window then starts in it instead of deciding by itself."""
    global _translations, _language, _chosen
    lang = normalise_language(lang) or DEFAULT_LANGUAGE
    if lang not in _cache:
        _cache[lang] = _load(lang)
    _translations = _cache[lang]
    _language = lang
    _chosen = chosen
    return lang


def current_language() -> str:
    return _language


def language_chosen() -> bool:
    """Whether the language in use was asked for, rather than the default at import."""
    return _chosen


def _(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message


def fill_english_catalogue(po_path: Path | str) -> int:
    """Make the English catalogue complete: msgids are English, so an empty or fuzzy
    msgstr becomes the msgid (both plural forms). Returns how many were filled.

    Run by ``make i18n-extract`` after ``pybabel update``, so English never lags behind.
    """
    from babel.messages.pofile import read_po, write_po

    po_path = Path(po_path)
    with po_path.open("rb") as fp:
        catalog = read_po(fp, locale="en")
    filled = 0
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple | list):
            wanted = tuple(message.id[:2])
            if message.fuzzy or tuple(message.string or ()) != wanted:
                message.string = wanted
                filled += 1
        elif message.fuzzy or message.string != message.id:
            message.string = message.id
            filled += 1
        message.flags.discard("fuzzy")
    with po_path.open("wb") as fp:
        write_po(fp, catalog, width=0, ignore_obsolete=True)
    return filled


set_language(
    os.environ.get("LEADERAPP_LANG", DEFAULT_LANGUAGE),
    chosen=bool(os.environ.get("LEADERAPP_LANG")),
)
