import shutil
import tomllib

import pytest

from leaderapp.core.i18n import SUPPORTED_LANGUAGES
from leaderapp.core.library import KINDS, LibraryError, load_library
from leaderapp.core.library.loader import load_library_from
from leaderapp.core.resources import resource_path


def test_shipped_library_is_valid_and_complete():
    library = load_library()
    assert {"checkin", "value_meaning", "write_foundation", "commitments", "export"} <= set(
        library.exercises
    )
    for exercise in library.exercises.values():
        assert exercise.kind in KINDS
        for lang in SUPPORTED_LANGUAGES:
            text = exercise.text(lang)
            assert text.title and text.purpose and text.instructions
    assert [v.key for v in library.default_values] == ["dialog", "dygtighed", "dristighed"]
    meaning = library.exercise("value_meaning")
    assert meaning.title("Dristighed", lang="da") == "Hvad betyder dristighed for os?"
    assert any("orden" in p for p in meaning.prompts("dristighed", "dristighed", lang="da"))


@pytest.fixture
def library_copy(tmp_path):
    root = tmp_path / "resources"
    for part in ("exercises", "programs"):
        shutil.copytree(resource_path(part), root / part)
    shutil.copy(resource_path("values.toml"), root / "values.toml")
    return root


def _rewrite(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_missing_translation_fails(library_copy):
    path = library_copy / "exercises" / "checkin.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    _rewrite(path, f'purpose = "{data["en"]["purpose"]}"', 'purpose = ""')
    with pytest.raises(LibraryError, match="checkin.toml.*purpose"):
        load_library_from(library_copy)


def test_unknown_kind_fails(library_copy):
    _rewrite(library_copy / "exercises" / "checkin.toml", 'kind = "notes"', 'kind = "karaoke"')
    with pytest.raises(LibraryError, match="karaoke"):
        load_library_from(library_copy)


def test_program_with_unknown_exercise_fails(library_copy):
    _rewrite(library_copy / "programs" / "standard.toml", '"checkin"', '"gone"')
    with pytest.raises(LibraryError, match="gone"):
        load_library_from(library_copy)


def test_value_names_read_naturally_inside_sentences():
    meaning = load_library().exercise("value_meaning")
    assert meaning.title("Dialog", lang="da") == "Hvad betyder dialog for os?"
    assert meaning.title("MED-samarbejde", lang="da") == "Hvad betyder MED-samarbejde for os?"
    assert "når dialog lykkes" in meaning.purpose("Dialog", lang="da")
