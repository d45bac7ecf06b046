"""The user's settings, stored with QSettings: each option declared once, typed.

Settings live in an INI file (the same format on every platform, readable when someone
asks what the app remembers): in the user's config folder under the organisation and
application names that ``app.py`` sets, or in ``$LEADERAPP_SETTINGS_DIR`` (tests point
it at a temporary folder, so a test run never reads or changes the user's settings).

Also here: the language-aware helpers for the GUI, dates and sorting (``QLocale`` /
``QCollator``: æ, ø, å last in Danish).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCollator, QDate, QLocale, QSettings, Qt

from leaderapp.core.i18n import SUPPORTED_LANGUAGES, current_language

ORGANISATION = "Vaerdidialog"
APPLICATION = "Vaerdidialog"
SETTINGS_DIR_ENV = "LEADERAPP_SETTINGS_DIR"
SETTINGS_FILE = "settings.ini"

T = TypeVar("T")


def settings_store() -> QSettings:
    """The QSettings every option reads and writes (see the module docstring)."""
    folder = os.environ.get(SETTINGS_DIR_ENV)
    if folder:
        return QSettings(str(Path(folder) / SETTINGS_FILE), QSettings.Format.IniFormat)
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
    )


@dataclass(frozen=True)
class Option:
    """One setting: its key, its default and how a stored value becomes a Python one
    (INI files give strings back)."""

    key: str
    default: Any
    convert: Callable[[Any], Any]


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _language(value: Any) -> str:
    value = _text(value)
    return value if value in SUPPORTED_LANGUAGES else ""


def _size(value: Any) -> float | None:
    from leaderapp.gui import style

    try:
        size = float(value)
    except (TypeError, ValueError):
        return None
    return max(style.MIN_POINT_SIZE, min(style.MAX_POINT_SIZE, size))


def _scheme(value: Any) -> str:
    from leaderapp.gui import style

    value = _text(value)
    return value if value in style.SCHEMES else style.SCHEME_SYSTEM


def _tristate(value: Any) -> bool | None:
    """True / False / None (= as the system asks)."""
    value = _text(value).lower()
    if value in ("true", "1", "yes"):
        return True
    if value in ("false", "0", "no"):
        return False
    return None


LANGUAGE = Option("ui/language", "", _language)  # "": follow the system
TEXT_SIZE = Option("ui/text_size", None, _size)  # points; None: the default size
COLOR_SCHEME = Option("ui/color_scheme", "system", _scheme)
HIGH_CONTRAST = Option("ui/high_contrast", None, _tristate)
DEFAULT_PROGRAM = Option("workshops/default_program", "", _text)
BACKUP_FOLDER = Option("backups/folder", "", _text)  # "": beside the database

OPTIONS = (LANGUAGE, TEXT_SIZE, COLOR_SCHEME, HIGH_CONTRAST, DEFAULT_PROGRAM, BACKUP_FOLDER)


class Settings:
    """Typed access to the stored settings. Cheap to make; reads the file each time so
    every part of the app sees what the Settings dialog saved."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store or settings_store()

    def get(self, option: Option) -> Any:
        if not self.store.contains(option.key):
            return option.default
        value = option.convert(self.store.value(option.key))
        return option.default if value is None and option.default is not None else value

    def set(self, option: Option, value: Any) -> None:
        if value is None or value == "":
            self.store.remove(option.key)
        else:
            self.store.setValue(option.key, value)
        self.store.sync()

    # Named properties, so call sites read as prose and typos fail loudly.
    @property
    def language(self) -> str:
        return self.get(LANGUAGE)

    @language.setter
    def language(self, value: str) -> None:
        self.set(LANGUAGE, value if value in SUPPORTED_LANGUAGES else "")

    @property
    def text_size(self) -> float | None:
        return self.get(TEXT_SIZE)

    @text_size.setter
    def text_size(self, value: float | None) -> None:
        self.set(TEXT_SIZE, None if value is None else round(float(value), 1))

    @property
    def color_scheme(self) -> str:
        return self.get(COLOR_SCHEME)

    @color_scheme.setter
    def color_scheme(self, value: str) -> None:
        self.set(COLOR_SCHEME, None if value == COLOR_SCHEME.default else value)

    @property
    def high_contrast(self) -> bool | None:
        return self.get(HIGH_CONTRAST)

    @high_contrast.setter
    def high_contrast(self, value: bool | None) -> None:
        self.set(HIGH_CONTRAST, None if value is None else ("true" if value else "false"))

    @property
    def default_program(self) -> str:
        return self.get(DEFAULT_PROGRAM)

    @default_program.setter
    def default_program(self, value: str) -> None:
        self.set(DEFAULT_PROGRAM, value)

    @property
    def backup_folder(self) -> Path | None:
        value = self.get(BACKUP_FOLDER)
        return Path(value) if value else None

    @backup_folder.setter
    def backup_folder(self, value: Path | str | None) -> None:
        self.set(BACKUP_FOLDER, str(value) if value else None)


# ------------------------------------------------------ language-aware helpers
def ui_locale() -> QLocale:
    """The QLocale of the interface language (Danish as in Denmark, English as in the UK:
    day-month dates, 24-hour clock, as Danish users expect even in English)."""
    if current_language() == "da":
        return QLocale(QLocale.Language.Danish, QLocale.Country.Denmark)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def format_date(value: date | None, *, short: bool = False) -> str:
    """A date as people write it in the interface language: "5. november 2025" /
    "5 November 2025" ("5. nov. 2025" / "5 Nov 2025" when short)."""
    if value is None:
        return ""
    month = "MMM" if short else "MMMM"
    pattern = f"d. {month} yyyy" if current_language() == "da" else f"d {month} yyyy"
    return ui_locale().toString(QDate(value.year, value.month, value.day), pattern)


def format_number(value: float, decimals: int = 1) -> str:
    """3,5 in Danish, 3.5 in English."""
    return ui_locale().toString(float(value), "f", decimals)


def collator() -> QCollator:
    """Sorting as the interface language does it: æ, ø, å after z in Danish; case and
    accents after the letter (Ólafsdóttir among the O's)."""
    c = QCollator(ui_locale())
    c.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    c.setNumericMode(True)
    return c


def sorted_names(items: Iterable[T], key: Callable[[T], str] = str) -> list[T]:  # type: ignore[assignment]
    """``items`` sorted by ``key`` (a name) with the interface language's collation."""
    c = collator()
    return sorted(items, key=lambda item: c.sortKey(key(item)))
