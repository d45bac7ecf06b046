"""Both catalogues translate every message in the code, none fuzzy: Danish by hand,
English filled by ``make i18n-extract`` (msgids are English)."""

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from leaderapp.core import i18n
from leaderapp.core.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]


def _code_messages() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "leaderapp"),
        method_map=[("**.py", "python")],
        keywords={"_": None, "N_": None, "ngettext": (1, 2)},
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def _read(lang: str):
    with open(resource_path("locale", lang, "LC_MESSAGES", "leaderapp.po"), "rb") as fp:
        return read_po(fp, locale=lang)


def _translated(catalogue) -> set[str]:
    return {
        m.id if isinstance(m.id, str) else m.id[0]
        for m in catalogue
        if m.id
        and m.string
        and (all(m.string) if isinstance(m.string, tuple) else True)
        and not m.fuzzy
    }


@pytest.mark.parametrize("lang", ["da", "en"])
def test_catalogue_translates_every_message_in_the_code(lang):
    messages = _code_messages()
    assert len(messages) > 50
    missing = sorted(messages - _translated(_read(lang)))
    assert not missing, f"untranslated or fuzzy in {lang}.po: {missing}"


@pytest.mark.parametrize("lang", ["da", "en"])
def test_catalogue_has_no_fuzzy_entries(lang):
    fuzzy = [m.id for m in _read(lang) if m.id and m.fuzzy]
    assert not fuzzy, f"fuzzy in {lang}.po: {fuzzy}"


def test_english_catalogue_reads_as_the_english_msgids():
    wrong = [
        m.id
        for m in _read("en")
        if m.id and (m.string != m.id if isinstance(m.id, str) else tuple(m.string) != m.id)
    ]
    assert not wrong, f"English msgstr differs from its msgid: {wrong[:5]}"


def test_fill_english_catalogue_completes_new_and_fuzzy_entries(tmp_path):
    po = tmp_path / "leaderapp.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        'msgid "New note"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Save"\nmsgstr "Store"\n\n'
        'msgid "{n} note"\nmsgid_plural "{n} notes"\nmsgstr[0] ""\nmsgstr[1] ""\n',
        encoding="utf-8",
    )
    assert i18n.fill_english_catalogue(po) == 3
    with po.open("rb") as fp:
        catalogue = read_po(fp, locale="en")
    assert catalogue["New note"].string == "New note"
    assert catalogue["Save"].string == "Save" and not catalogue["Save"].fuzzy
    assert tuple(catalogue["{n} note"].string) == ("{n} note", "{n} notes")


def test_both_languages_load_from_the_po_without_a_compiled_mo(monkeypatch, tmp_path):
    """A fresh clone (no .mo) is fully in either language from the first start."""
    for lang in ("da", "en"):
        folder = tmp_path / "locale" / lang / "LC_MESSAGES"
        folder.mkdir(parents=True)
        (folder / "leaderapp.po").write_bytes(
            Path(resource_path("locale", lang, "LC_MESSAGES", "leaderapp.po")).read_bytes()
        )
    monkeypatch.setattr(i18n, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    assert i18n._load("da").gettext("New note") == "Ny note"
    english = i18n._load("en")
    assert english.gettext("New note") == "New note"
    assert english.ngettext("{n} note", "{n} notes", 2) == "{n} notes"


@pytest.mark.parametrize(
    ("chosen", "system", "expected"),
    [
        (None, ["da-DK"], "da"),
        (None, ["en-GB", "da"], "en"),
        (None, ["de-DE", "fr"], "da"),  # neither: Danish, the users' language
        (None, ["de-DE", "en-US"], "en"),
        ("en", ["da-DK"], "en"),  # the choice in Settings wins over the system
        ("da", ["en-US"], "da"),
        ("", ["en_US.UTF-8"], "en"),
        ("xx", [], "da"),
    ],
)
def test_language_follows_the_setting_then_the_system_then_danish(chosen, system, expected):
    assert i18n.pick_language(chosen, system) == expected


def test_switching_language_changes_translated_text():
    before = i18n.current_language()
    try:
        assert i18n.set_language("en") == "en"
        assert i18n._("New note") == "New note"
        assert i18n.set_language("da_DK.UTF-8") == "da"
        assert i18n._("New note") == "Ny note"
    finally:
        i18n.set_language(before)
