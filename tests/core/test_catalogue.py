"""Danish is the default language: every message in the code must be translated."""

from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

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


def test_danish_catalogue_translates_every_message_in_the_code():
    with open(resource_path("locale", "da", "LC_MESSAGES", "leaderapp.po"), "rb") as fp:
        catalogue = read_po(fp, locale="da")
    translated = {
        m.id if isinstance(m.id, str) else m.id[0]
        for m in catalogue
        if m.id
        and m.string
        and (all(m.string) if isinstance(m.string, tuple) else True)
        and not m.fuzzy
    }
    messages = _code_messages()
    assert len(messages) > 50
    missing = sorted(messages - translated)
    assert not missing, f"untranslated or fuzzy in da.po: {missing}"
