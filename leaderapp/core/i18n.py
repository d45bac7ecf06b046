"""gettext for the whole app: the core needs translated text too (PDF headings,
validation messages), so the catalogue is loaded here and the GUI reuses it.

Message ids are English; Danish is the default language. Catalogues live in
``resources/locale/<lang>/LC_MESSAGES/leaderapp.po`` and are compiled to ``.mo``
by ``make translations`` (Babel). If a ``.mo`` is missing (a fresh clone run
without make), the ``.po`` is compiled in memory so the app is never shown
half in English.
"""

from __future__ import annotations

import gettext
import io
import os

from leaderapp.core.resources import resource_path

DOMAIN = "leaderapp"
SUPPORTED_LANGUAGES = ("da", "en")
DEFAULT_LANGUAGE = "da"

_translations: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def _load(lang: str) -> gettext.NullTranslations:
    folder = resource_path("locale", lang, "LC_MESSAGES")
    mo = folder / f"{DOMAIN}.mo"
    po = folder / f"{DOMAIN}.po"
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
    return gettext.NullTranslations()


def set_language(lang: str) -> str:
    """Switch every later ``_()`` call to ``lang``; returns the language in use."""
    global _translations, _language
    lang = (lang or DEFAULT_LANGUAGE).split("_")[0].split("-")[0].lower()
    if lang not in SUPPORTED_LANGUAGES:
        lang = DEFAULT_LANGUAGE
    _translations = gettext.NullTranslations() if lang == "en" else _load(lang)
    _language = lang
    return lang


def current_language() -> str:
    return _language


def _(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it yet."""
    return message


set_language(os.environ.get("LEADERAPP_LANG", DEFAULT_LANGUAGE))
