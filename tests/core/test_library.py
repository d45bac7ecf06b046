import dataclasses
import shutil
import tomllib

import pytest

from leaderapp.core.i18n import SUPPORTED_LANGUAGES
from leaderapp.core.library import KINDS, LibraryError, Localized, load_library
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


# ------------------------------------------------------------ issue 3 library
ISSUE3_KINDS = {
    "checkin": "notes",
    "value_meaning": "notes",
    "attitude_action": "attitude_action",
    "expectations": "expectations",
    "polarity_map": "polarity_map",
    "from_to": "from_to",
    "triple_task": "triple_task",
    "competence_rating": "competence_rating",
    "dilemmas": "dilemmas",
    "dot_voting": "dot_voting",
    "write_foundation": "foundation",
    "commitments": "commitments",
    "follow_up": "follow_up",
    "export": "export",
}


def test_every_exercise_of_the_workshop_program_exists_with_its_kind():
    exercises = load_library().exercises
    assert {ex_id: exercises[ex_id].kind for ex_id in ISSUE3_KINDS} == ISSUE3_KINDS
    # every kind the library knows is used by a shipped exercise, so each has content to show
    assert {ex.kind for ex in exercises.values()} == set(KINDS)


def _localized_texts(obj, where):
    """Every Localized inside a kind's data, with where it sits."""
    if isinstance(obj, Localized):
        yield where, obj
    elif dataclasses.is_dataclass(obj):
        for f in dataclasses.fields(obj):
            yield from _localized_texts(getattr(obj, f.name), f"{where}.{f.name}")
    elif isinstance(obj, dict):
        for key, item in obj.items():
            yield from _localized_texts(item, f"{where}[{key}]")
    elif isinstance(obj, tuple):
        for i, item in enumerate(obj):
            yield from _localized_texts(item, f"{where}[{i}]")


def test_every_text_is_written_in_both_languages():
    library = load_library()
    for exercise in library.exercises.values():
        texts = [exercise.text(lang) for lang in SUPPORTED_LANGUAGES]
        for text in texts:
            assert text.title.strip() and text.purpose.strip() and text.instructions.strip()
            assert text.prompts, exercise.id
            assert all(p.strip() for p in text.prompts)
        assert len({len(t.prompts) for t in texts}) == 1, exercise.id
        # a Danish text is not an English one left untranslated, and the other way round
        assert texts[0].purpose != texts[1].purpose, exercise.id
        for where, item in _localized_texts(exercise.data, exercise.id):
            assert set(item.texts) == set(SUPPORTED_LANGUAGES), where
            assert all(item.texts[lang].strip() for lang in SUPPORTED_LANGUAGES), where
    for program in library.programs.values():
        for lang in SUPPORTED_LANGUAGES:
            assert program.name(lang).strip() and program.description(lang).strip()
            assert all(title.text(lang).strip() for title in program.meetings)


def test_dilemma_cards_are_eight_to_twelve_each_with_a_tension_between_named_values():
    library = load_library()
    cards = library.exercise("dilemmas").data.cards
    assert 8 <= len(cards) <= 12
    areas = {a.key for a in library.exercise("polarity_map").data.areas}
    values = {v.key for v in library.default_values}
    assert len({c.key for c in cards}) == len(cards)
    for card in cards:
        assert card.tension[0] != card.tension[1]
        assert set(card.tension) <= areas | values
        assert len(card.situation.text("da")) > 100, card.key  # a situation, not a heading
    # the policy's own example: boldness must not cast doubt on whether the service is in order
    assert any(set(c.tension) == {"dristighed", "ordentlighed"} for c in cards)


def test_competence_is_rated_on_the_five_dimensions_from_one_to_five():
    rating = load_library().exercise("competence_rating").data
    assert [d.name.text("da") for d in rating.dimensions] == ["Bør", "Kan", "Vil", "Må", "Tør"]
    assert [d.name.text("en") for d in rating.dimensions] == [
        "Should",
        "Can",
        "Will",
        "May",
        "Dare",
    ]
    assert [p.score for p in rating.scale] == [1, 2, 3, 4, 5]
    assert (rating.lowest, rating.highest) == (1, 5)


def test_polarity_map_balances_the_four_result_areas():
    polarity = load_library().exercise("polarity_map").data
    assert [a.name.text("da") for a in polarity.areas] == [
        "Målopfyldelse",
        "Ordentlighed",
        "Nytænkning",
        "Bæredygtighed",
    ]
    left, right = (polarity.area(key) for key in polarity.default_pair)
    assert left != right
    assert set(polarity.quadrants) == {
        "left_upside",
        "right_upside",
        "left_downside",
        "right_downside",
    }
    area = left.name.text("da").lower()
    other = right.name.text("da").lower()
    downside = polarity.quadrants["left_downside"].format("da", area=area, other=other)
    assert area in downside and other in downside
    assert other in polarity.warning_signs.format("da", area=area, other=other)
    assert polarity.placement.positions % 2 == 1
    assert polarity.placement.now_label.text("da") != polarity.placement.target_label.text("da")


def test_kind_data_for_the_other_exercises():
    library = load_library()
    voices = library.exercise("expectations").data.voices
    assert [v.key for v in voices] == ["of_us", "of_you"]
    levels = library.exercise("triple_task").data.levels
    assert [lv.key for lv in levels] == ["own_area", "across_organisation", "across_sectors"]
    attitude = library.exercise("attitude_action").data
    assert set(attitude.examples) == {v.key for v in library.default_values}
    assert all(len(e.actions) >= attitude.min_actions for e in attitude.examples.values())
    voting = library.exercise("dot_voting").data
    assert 1 <= voting.max_per_note <= voting.dots_per_participant
    follow_up = library.exercise("follow_up").data
    assert library.exercise(follow_up.rating_exercise).kind == "competence_rating"
    assert [p.key for p in follow_up.parts] == ["rerate", "commitment_review", "what_changed"]
    assert "done" in {s.key for s in follow_up.statuses}
    stem = library.exercise("from_to").data.behaviour_stem
    assert stem.text("da").startswith("Det betyder, at jeg som leder")
    guide = library.exercise("write_foundation").data
    assert (guide.min_principles, guide.max_principles) == (3, 6)


def test_programs_fit_their_time_and_meetings():
    library = load_library()
    three_values = len(library.default_values)
    programs = library.programs
    assert programs["short_course"].total_minutes(three_values) == 120
    assert programs["follow_up"].total_minutes(three_values) == 60
    full = programs["full_course"]
    assert len(full.meetings) == 3
    assert [s.meeting for s in full.steps] == sorted(s.meeting for s in full.steps)
    assert {s.meeting for s in full.steps} == {1, 2, 3}
    # the full course runs every exercise of the library
    assert {s.exercise_id for s in full.steps} == set(library.exercises) - {"follow_up"}
    assert "follow_up" in {s.exercise_id for s in programs["follow_up"].steps}
    assert [s.exercise_id for s in programs["standard"].steps] == [
        "checkin",
        "value_meaning",
        "write_foundation",
        "commitments",
        "export",
    ]
    for program in programs.values():
        assert all(s.meeting is None for s in program.steps) or program.meetings
        assert all(s.exercise_id in library.exercises for s in program.steps)


# (file, old text, new text, what the error message must name)
MALFORMED = [
    (
        "exercises/checkin.toml",
        'title = "Check-in"',
        'title = "Check-in om {value}"',
        r"checkin.toml \[da\] title.*\{value\}.*allowed: none",
    ),
    (
        "exercises/dilemmas.toml",
        'tension = ["dristighed", "ordentlighed"]',
        'tension = ["dristighed", "kaffe"]',
        "dilemmas.toml.*tension.*kaffe",
    ),
    (
        "exercises/dilemmas.toml",
        'tension = ["dristighed", "ordentlighed"]',
        'tension = ["dristighed"]',
        "dilemmas.toml.*discharge_trial.*tension",
    ),
    (
        "exercises/dilemmas.toml",
        'title.en = "The trial that cannot wait"',
        "",
        "dilemmas.toml.*discharge_trial title.*'en'",
    ),
    (
        "exercises/competence_rating.toml",
        'key = "tor"',
        'key = "skal"',
        "competence_rating.toml.*dimensions",
    ),
    ("exercises/competence_rating.toml", "score = 5", "score = 6", "competence_rating.toml.*scale"),
    (
        "exercises/polarity_map.toml",
        '"nytaenkning", "ordentlighed"]',
        '"nytaenkning", "nytaenkning"]',
        "polarity_map.toml.*default_pair",
    ),
    (
        "exercises/polarity_map.toml",
        "left_downside.da",
        "left_downsid.da",
        "polarity_map.toml.*quadrants.*left_downsid",
    ),
    (
        "exercises/polarity_map.toml",
        "positions = 7",
        "positions = 6",
        "polarity_map.toml.*positions",
    ),
    (
        "exercises/polarity_map.toml",
        "lægger for meget vægt på {area}",
        "lægger for meget vægt på {value}",
        r"polarity_map.toml.*warning_signs.*\{value\}",
    ),
    (
        "exercises/dot_voting.toml",
        "max_per_note = 2",
        "max_per_note = 9",
        "dot_voting.toml.*max_per_note",
    ),
    (
        "exercises/dot_voting.toml",
        "dots_per_participant = 3",
        'dots_per_participant = "3"',
        "dot_voting.toml.*dots_per_participant",
    ),
    ("exercises/from_to.toml", "[data]", "[dat]", "from_to.toml.*unknown field.*'dat'"),
    (
        "exercises/expectations.toml",
        'key = "of_you"',
        'key = "of_them"',
        "expectations.toml.*voices",
    ),
    (
        "exercises/triple_task.toml",
        'key = "across_sectors"',
        'key = "across_oceans"',
        "triple_task.toml.*levels",
    ),
    (
        "exercises/follow_up.toml",
        'rating_exercise = "competence_rating"',
        'rating_exercise = "checkin"',
        "follow_up.toml.*rating_exercise",
    ),
    (
        "exercises/attitude_action.toml",
        'value = "dialog"',
        'value = "humor"',
        "attitude_action.toml.*humor",
    ),
    (
        "exercises/attitude_action.toml",
        'actions.en = [\n  "We hold',
        'actions.en = [\n  "We hold", "extra',
        "attitude_action.toml.*actions",
    ),
    (
        "exercises/checkin.toml",
        "default_minutes = 15",
        "default_minutes = 15\n[data]\nx = 1",
        "checkin.toml.*'notes' takes no 'data'",
    ),
    (
        "exercises/checkin.toml",
        "default_minutes = 15",
        "default_minutes = 15\nper_valeu = true",
        "checkin.toml.*per_valeu",
    ),
    (
        "exercises/value_meaning.toml",
        "[da.value_prompts]\ndialog",
        "[da.value_prompts]\ndialg",
        "value_meaning.toml.*dialg",
    ),
    (
        "programs/full_course.toml",
        "minutes = 10\nmeeting = 3",
        "minutes = 10\nmeeting = 4",
        "full_course.toml step 15.*meeting",
    ),
    (
        "programs/full_course.toml",
        "minutes = 20\nmeeting = 1",
        "minutes = 20\nmeeting = 2",
        "full_course.toml.*meetings 1-3 in order",
    ),
    (
        "programs/short_course.toml",
        'exercise = "checkin"\nminutes = 10',
        'exercise = "checkin"\nminutes = 10\nvalues = ["dialog"]',
        "short_course.toml step 1.*values",
    ),
    ("programs/follow_up.toml", "minutes = 35", "minutes = 0", "follow_up.toml step 2.*minutes"),
]


@pytest.mark.parametrize(("name", "old", "new", "message"), MALFORMED)
def test_malformed_library_data_fails_naming_the_file_and_field(
    library_copy, name, old, new, message
):
    _rewrite(library_copy / name, old, new)
    with pytest.raises(LibraryError, match=message):
        load_library_from(library_copy)


def test_a_step_may_run_a_per_value_exercise_for_chosen_values(library_copy):
    path = library_copy / "programs" / "short_course.toml"
    _rewrite(
        path,
        'exercise = "from_to"\nminutes = 8',
        'exercise = "from_to"\nminutes = 8\nvalues = ["dristighed"]',
    )
    program = load_library_from(library_copy).programs["short_course"]
    step = next(s for s in program.steps if s.exercise_id == "from_to")
    assert step.value_keys == ("dristighed",)
    assert program.total_minutes(3) == 120 - 2 * 8


def _cut_from_last(path, marker):
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.rindex(marker)], encoding="utf-8")


def test_too_few_or_too_many_dilemma_cards_fail(library_copy):
    path = library_copy / "exercises" / "dilemmas.toml"
    original = path.read_text(encoding="utf-8")
    while len(tomllib.loads(path.read_text(encoding="utf-8"))["data"]["cards"]) > 7:
        _cut_from_last(path, "[[data.cards]]")
    with pytest.raises(LibraryError, match="dilemmas.toml.*'cards'.*8-12.*not 7"):
        load_library_from(library_copy)
    last_card = original[original.rindex("[[data.cards]]") :]
    path.write_text(original + ("\n" + last_card) * 3, encoding="utf-8")
    with pytest.raises(LibraryError, match="dilemmas.toml.*not 13"):
        load_library_from(library_copy)


def test_an_exercise_without_its_kinds_data_fails(library_copy):
    _cut_from_last(library_copy / "exercises" / "from_to.toml", "[data]")
    with pytest.raises(LibraryError, match="from_to.toml: missing 'data'"):
        load_library_from(library_copy)
