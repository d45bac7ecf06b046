"""Reading checked fields out of parsed TOML, with errors that name the file and the field.

Library files are written by us, not by users, so the messages are for a developer and stay
English; they always say which file and which field, so a broken file is fixed in a minute.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Any

from leaderapp.core.i18n import SUPPORTED_LANGUAGES, current_language


class LibraryError(ValueError):
    """A resource file is missing something; names the file and the field."""


def field(data: dict, key: str, kind: type, where: str) -> Any:
    """``data[key]``, which must exist and be a ``kind`` (a non-empty one, for text)."""
    if not isinstance(data, dict):
        raise LibraryError(f"{where}: must be a table")
    if key not in data:
        raise LibraryError(f"{where}: missing {key!r}")
    value = data[key]
    # bool is an int in Python, but "minutes = true" is a mistake, not a number.
    wrong_bool = isinstance(value, bool) and kind is not bool
    if wrong_bool or not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        raise LibraryError(f"{where}: {key!r} must be a non-empty {kind.__name__}")
    return value


def whole_number(data: dict, key: str, where: str, low: int, high: int) -> int:
    value = field(data, key, int, where)
    if not low <= value <= high:
        raise LibraryError(f"{where}: {key!r} must be between {low} and {high}, not {value}")
    return value


def table_list(data: dict, key: str, where: str) -> list[dict]:
    """``data[key]`` as a non-empty list of tables (``[[key]]`` in TOML)."""
    items = field(data, key, list, where)
    if not items or not all(isinstance(item, dict) for item in items):
        raise LibraryError(f"{where}: {key!r} must be a non-empty list of tables")
    return items


def only_keys(data: dict, allowed: set[str], where: str) -> None:
    """A misspelt key would otherwise be ignored silently and its text never shown."""
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise LibraryError(f"{where}: unknown field(s) {', '.join(map(repr, unknown))}")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def check_placeholders(text: str, allowed: frozenset[str], where: str) -> None:
    try:
        names = placeholders(text)
    except ValueError as exc:  # an unmatched brace
        raise LibraryError(f"{where}: {exc}") from None
    unknown = names - allowed
    if unknown:
        known = ", ".join("{" + n + "}" for n in sorted(allowed)) or "none"
        named = ", ".join("{" + n + "}" for n in sorted(unknown))
        raise LibraryError(f"{where}: unknown placeholder(s) {named} (allowed: {known})")


@dataclass(frozen=True)
class Localized:
    """One text in every supported language, written side by side in the file
    (``title.da = "…"`` and ``title.en = "…"``)."""

    texts: dict[str, str]

    def text(self, lang: str | None = None) -> str:
        return self.texts[lang or current_language()]

    def format(self, lang: str | None = None, **names: str) -> str:
        return self.text(lang).format(**names)


def localized(data: dict, key: str, where: str, allowed: frozenset[str] = frozenset()) -> Localized:
    """``data[key]`` as a table with a non-empty text for every supported language, each
    using only the ``allowed`` placeholders and the same ones in every language."""
    block = field(data, key, dict, where)
    fw = f"{where} {key}"
    only_keys(block, set(SUPPORTED_LANGUAGES), fw)
    texts = {lang: field(block, lang, str, fw).strip() for lang in SUPPORTED_LANGUAGES}
    for lang, text in texts.items():
        check_placeholders(text, allowed, f"{fw}.{lang}")
    if len({frozenset(placeholders(t)) for t in texts.values()}) > 1:
        raise LibraryError(f"{fw}: the languages use different placeholders")
    return Localized(texts)


def unique_keys(items: list[dict], where: str, what: str) -> list[str]:
    keys = [field(item, "key", str, f"{where} {what} {i}") for i, item in enumerate(items, 1)]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise LibraryError(f"{where}: {what} key(s) {', '.join(duplicates)} used more than once")
    return keys


def exact_keys(keys: list[str], expected: tuple[str, ...], where: str, what: str) -> None:
    if tuple(keys) != expected:
        raise LibraryError(
            f"{where}: {what} must be {', '.join(expected)} in that order, not {', '.join(keys)}"
        )
