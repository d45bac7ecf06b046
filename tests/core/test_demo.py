"""The demo workshop: a complete, Danish, finished example built through the Workspace."""

import dataclasses
import re
from datetime import date

import pytest

from leaderapp.core.demo import DemoError, create_demo_workshop, load_demo
from leaderapp.core.i18n import current_language, set_language
from leaderapp.core.library import load_library
from leaderapp.core.model import MAX_PRINCIPLES, MIN_PRINCIPLES, CommitmentStatus

TODAY = date(2026, 3, 2)


@pytest.fixture
def demo(workspace):
    return workspace.snapshot(create_demo_workshop(workspace, today=TODAY))


def _all_text(snapshot) -> str:
    f = snapshot.foundation
    parts = [f.title, f.introduction, *(n.text for n in snapshot.notes)]
    for s in f.sections:
        parts += [s.heading, *s.principles, s.expect_of_us, s.expect_of_you]
    parts += [c.action for c in snapshot.commitments]
    return "\n".join(parts)


def test_demo_runs_the_full_course_with_its_three_meetings(demo):
    assert demo.workshop.program_id == "full_course"
    assert {s.meeting for s in demo.steps} == {1, 2, 3}
    assert len(demo.workshop.dates) == 3


def test_every_note_step_has_several_notes_by_participants(demo):
    library = load_library()
    note_steps = [s for s in demo.steps if library.exercise(s.exercise_id).kind == "notes"]
    assert len(note_steps) == 6  # a check-in per meeting and one reflection per value
    participant_ids = {p.id for p in demo.participants}
    for step in note_steps:
        notes = demo.notes_in_step(step.id)
        assert 3 <= len(notes) <= 6, step.exercise_id
        assert all(n.text.strip() for n in notes)
        assert all(n.author_id in participant_ids for n in notes)
        # Notes in a value's step belong to that value.
        assert all(n.value_id == step.value_id for n in notes)


def _kind_steps(demo, kind):
    library = load_library()
    return [s for s in demo.steps if library.exercise(s.exercise_id).kind == kind]


def _slots(demo, step):
    return [n.slot for n in demo.notes_in_step(step.id)]


def test_every_step_has_content_in_the_shape_of_its_kind(demo):
    """Issue 3: the demo has content in every step of the full course."""
    library = load_library()
    people = {p.id for p in demo.participants}
    seen_kinds = set()
    for step in demo.steps:
        exercise = library.exercise(step.exercise_id)
        kind = exercise.kind
        seen_kinds.add(kind)
        notes = demo.notes_in_step(step.id)
        slots = [n.slot for n in notes]
        by_id = {n.id: n for n in notes}
        if kind == "attitude_action":
            attitudes = [n for n in notes if n.slot == "attitude"]
            assert len(attitudes) >= 2
            for attitude in attitudes:
                actions = [n for n in notes if n.parent_id == attitude.id]
                assert len(actions) >= exercise.data.min_actions
                assert {a.slot for a in actions} == {"action"}
        elif kind == "from_to":
            rows = [n for n in notes if n.slot == "from"]
            assert rows
            for row in rows:
                children = [n.slot for n in notes if n.parent_id == row.id]
                assert "to" in children and "behaviour" in children
        elif kind == "expectations":
            assert {"of_us", "of_you"} <= set(slots)
        elif kind == "polarity_map":
            left, right = exercise.data.default_pair
            wanted = {"left_upside", "right_upside", "left_downside", "right_downside"}
            wanted |= {"warning:left", "warning:right", "action:left", "action:right"}
            assert wanted <= set(slots)
            placements = demo.ratings_in_step(step.id)
            positions = exercise.data.placement.positions
            for item in ("now", "target"):
                placed = {r.participant_id for r in placements if r.item == item}
                assert placed == people  # every participant placed the group
            assert all(1 <= r.score <= positions for r in placements)
        elif kind == "triple_task":
            assert set(slots) == {"own_area", "across_organisation", "across_sectors"}
        elif kind == "dilemmas":
            cards = {c.key for c in exercise.data.cards}
            assert set(slots) <= cards and len(set(slots)) >= 3  # several cards discussed
        elif kind == "competence_rating":
            ratings = demo.ratings_in_step(step.id)
            for dimension in ("bor", "kan", "vil", "ma", "tor"):
                rated = {r.participant_id for r in ratings if r.item == dimension}
                assert rated == people
            assert all(1 <= r.score <= 5 for r in ratings)
            assert "change" in slots  # the change the group faces
        elif kind == "dot_voting":
            votes = demo.votes_in_step(step.id)
            assert {v.participant_id for v in votes} == people
            dots = sum(v.dots for v in votes)
            assert dots == 3 * len(people)  # every participant used the three dots
            voted_on = {n.id: n for n in demo.notes}
            assert all(voted_on[v.note_id].step_id != step.id for v in votes)
        elif kind == "foundation":
            assert all(s.principles for s in demo.foundation.sections)
        elif kind == "commitments":
            assert demo.commitments
        elif kind == "export":
            f = demo.foundation
            assert f.version and f.version_date and f.involvement
        else:
            assert kind == "notes" and notes, step.exercise_id
        assert all(n.text.strip() for n in notes)
        assert all(n.parent_id is None or n.parent_id in by_id for n in notes)
        assert not any(n.hidden for n in notes)  # a finished workshop: all revealed
    assert seen_kinds >= {
        "notes",
        "attitude_action",
        "dot_voting",
        "polarity_map",
        "triple_task",
        "dilemmas",
        "competence_rating",
        "from_to",
        "expectations",
        "foundation",
        "commitments",
    }


def test_demo_data_names_the_problem_of_a_vote_for_an_unknown_note(tmp_path):
    text = (
        '[workshop]\nunit_name = "X"\nfacilitator = "F"\ndate_offsets = []\n'
        'participants = ["A"]\n[[notes]]\nexercise = "checkin"\nauthor = "A"\ntext = "t"\n'
        'ref = "a"\n[[votes]]\nparticipant = "A"\nnotes = ["b"]\n'
        '[foundation]\ntitle = "T"\nintroduction = "I"\n'
        "sections = []\ncommitments = []\n"
    )
    path = tmp_path / "demo.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DemoError, match="votes 1: no note has the ref 'b'"):
        load_demo(path)


def test_the_demo_content_fills_a_rehearsal_of_every_program(workspace):
    library = load_library()
    for program_id in library.programs:
        wid = create_demo_workshop(workspace, program_id=program_id, lenient=True, today=TODAY)
        snapshot = workspace.snapshot(wid)
        assert snapshot.workshop.program_id == program_id
        assert snapshot.notes, program_id
        for step in snapshot.steps:
            if step.exercise_id == "follow_up":  # content the full course has no room for
                assert "what_changed" in {n.slot for n in snapshot.notes_in_step(step.id)}
                assert snapshot.ratings_in_step(step.id)
        if program_id != "full_course":
            # Without leniency, content for a missing step is an error, as for the demo.
            with pytest.raises(DemoError, match="has no step"):
                create_demo_workshop(workspace, program_id=program_id, today=TODAY)


def test_values_are_the_regions_danish_three_with_full_sections(demo):
    assert [v.name for v in demo.values] == ["Dialog", "Dygtighed", "Dristighed"]
    assert [v.key for v in demo.values] == ["dialog", "dygtighed", "dristighed"]
    assert [s.value_id for s in demo.foundation.sections] == [v.id for v in demo.values]
    for section in demo.foundation.sections:
        assert section.heading
        assert MIN_PRINCIPLES <= len(section.principles) <= MAX_PRINCIPLES
        assert section.principle_problem() is None
        # Principles are short lines, the two voices real prose.
        assert all(len(p) <= 80 for p in section.principles)
        assert len(section.expect_of_us) > 300 and len(section.expect_of_you) > 300


def test_foundation_has_a_real_introduction(demo):
    assert demo.foundation.title
    paragraphs = demo.foundation.introduction.split("\n\n")
    assert 2 <= len(paragraphs) <= 4
    # Wrapping in the data file is joined: no line breaks inside a paragraph.
    assert all("\n" not in p and len(p) > 150 for p in paragraphs)


def test_commitments_have_owners_dates_and_mixed_statuses(demo):
    commitments = demo.commitments
    assert 5 <= len(commitments) <= 7
    people = {p.name for p in demo.participants} | {demo.workshop.facilitator}
    assert all(c.action and c.owner in people and c.due_date for c in commitments)
    statuses = {c.status for c in commitments}
    assert len(statuses) >= 3
    # A commitment already done fell due before today; open ones lie ahead.
    assert all(c.due_date < TODAY for c in commitments if c.status is CommitmentStatus.DONE)
    assert any(c.due_date > TODAY for c in commitments if c.status is CommitmentStatus.PLANNED)


def test_workshop_is_a_fictional_hospital_unit_with_realistic_people(demo):
    w = demo.workshop
    assert "eksempel" in w.organisation.lower()
    assert w.facilitator
    assert w.dates and all(d < TODAY for d in w.dates)
    names = [p.name for p in demo.participants]
    assert 6 <= len(names) <= 8
    danish = set("æøåÆØÅé")
    assert any(any(ord(ch) > 127 and ch not in danish for ch in n) for n in names)
    # The demo opens on the finished foundation.
    current = next(s for s in demo.steps if s.id == w.current_step_id)
    assert current.exercise_id == "write_foundation"


def test_content_is_danish(demo):
    words = set(re.findall(r"\w+", _all_text(demo).lower()))
    assert {"vi", "og", "at", "det", "er", "du"} <= words
    assert not {"the", "and", "we", "you"} & words
    assert set("æøå") <= set(_all_text(demo))


def test_demo_stays_danish_when_the_interface_is_english(workspace):
    before = current_language()
    set_language("en")
    try:
        snapshot = workspace.snapshot(create_demo_workshop(workspace))
    finally:
        set_language(before)
    assert [v.name for v in snapshot.values] == ["Dialog", "Dygtighed", "Dristighed"]
    assert [v.key for v in snapshot.values] == ["dialog", "dygtighed", "dristighed"]
    assert "Troværdig" in snapshot.values[0].description


def test_each_run_adds_a_new_copy(workspace):
    first = create_demo_workshop(workspace)
    second = create_demo_workshop(workspace)
    assert first != second
    assert {w.id for w in workspace.list_workshops()} == {first, second}


def test_broken_demo_leaves_no_half_made_workshop(workspace):
    good = load_demo()
    # A note for a step the program does not have fails after several writes.
    stray = dataclasses.replace(good.notes[0], exercise="write_foundation", value_key="dialog")
    broken = dataclasses.replace(good, notes=(*good.notes, stray))
    with pytest.raises(DemoError):
        create_demo_workshop(workspace, broken)
    assert workspace.list_workshops() == []


def test_broken_demo_file_names_the_problem(tmp_path):
    path = tmp_path / "demo.toml"
    path.write_text(
        '[workshop]\nunit_name = "X"\nfacilitator = "F"\ndate_offsets = []\n'
        'participants = ["A"]\n[[notes]]\nexercise = "checkin"\nauthor = "B"\ntext = "t"\n',
        encoding="utf-8",
    )
    with pytest.raises(DemoError, match="note 1: author 'B' is not a participant"):
        load_demo(path)
