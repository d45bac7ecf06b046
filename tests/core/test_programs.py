"""A workshop created from a program remembers the program and each step's meeting,
through undo (restore), workshop files and databases from before programs were stored."""

import dataclasses
import json

import pytest

from leaderapp.core.i18n import current_language, set_language
from leaderapp.core.library import load_library
from leaderapp.core.model import WorkshopDraft
from leaderapp.core.storage.database import open_database
from leaderapp.core.transfer import export_workshop_file, import_workshop_file
from leaderapp.core.workspace import Workspace

from .old_schema import OLD_STEPS, old_database

PROGRAMS = ("standard", "short_course", "full_course", "follow_up")


@pytest.fixture
def english():
    before = current_language()
    set_language("en")
    yield
    set_language(before)


def expected_steps(program_id: str, value_count: int = 3) -> list[tuple[str, int | None]]:
    program = load_library().programs[program_id]
    return [
        (step.exercise_id, step.meeting)
        for step in program.steps
        for _ in range(value_count if step.per_value else 1)
    ]


@pytest.mark.parametrize("program_id", PROGRAMS)
def test_a_workshop_gets_its_programs_steps_and_meetings(workspace, program_id):
    wid = workspace.create_workshop(WorkshopDraft("Akutmodtagelsen", program_id=program_id))
    workshop = workspace.workshop(wid.created_id)
    steps = workspace.steps(workshop.id)
    assert workshop.program_id == program_id
    assert [(s.exercise_id, s.meeting) for s in steps] == expected_steps(program_id)
    assert workshop.current_step_id == steps[0].id


def test_the_full_course_runs_over_three_named_meetings(workspace, english):
    wid = workspace.create_workshop(WorkshopDraft("Akut", program_id="full_course")).created_id
    workshop = workspace.workshop(wid)
    steps = workspace.steps(wid)
    assert [s.meeting for s in steps] == sorted(s.meeting for s in steps)
    titles = [workspace.meeting_title(workshop, m) for m in (1, 2, 3)]
    assert titles == [
        "The values in our everyday work",
        "Balances, dilemmas and change",
        "From words to action",
    ]
    assert workspace.meeting_title(workshop, None) is None
    assert workspace.meeting_title(workshop, 4) is None


def test_a_one_meeting_program_shows_no_meeting(workspace):
    wid = workspace.create_workshop(WorkshopDraft("Akut", program_id="standard")).created_id
    workshop = workspace.workshop(wid)
    assert all(s.meeting is None for s in workspace.steps(wid))
    assert workspace.meeting_title(workshop, 1) is None


def test_a_per_value_step_with_values_runs_only_for_those(workspace, monkeypatch):
    library = load_library()
    standard = library.programs["standard"]
    per_value = next(i for i, s in enumerate(standard.steps) if s.per_value)
    steps = list(standard.steps)
    steps[per_value] = dataclasses.replace(steps[per_value], value_keys=("dristighed", "dialog"))
    program = dataclasses.replace(standard, id="only_two", steps=tuple(steps))
    narrowed = dataclasses.replace(library, programs={**library.programs, "only_two": program})
    monkeypatch.setattr("leaderapp.core.workspace.load_library", lambda: narrowed)

    wid = workspace.create_workshop(WorkshopDraft("Akut", program_id="only_two")).created_id
    values = {v.id: v.key for v in workspace.values(wid)}
    exercise = standard.steps[per_value].exercise_id
    keys = [values[s.value_id] for s in workspace.steps(wid) if s.exercise_id == exercise]
    # In the workshop's order of values, not the order the program names them.
    assert keys == ["dialog", "dristighed"]
    assert len(workspace.steps(wid)) == len(expected_steps("standard")) - 1


def test_a_value_added_later_gets_a_step_in_the_meeting_where_it_is_placed(workspace):
    wid = workspace.create_workshop(WorkshopDraft("Akut", program_id="full_course")).created_id
    value_id = workspace.add_value(wid, "Tillid").created_id
    steps = workspace.steps(wid)
    index = next(i for i, s in enumerate(steps) if s.value_id == value_id)
    assert steps[index].meeting == steps[index - 1].meeting is not None
    assert [s.meeting for s in steps] == sorted(s.meeting for s in steps)


def test_undoing_a_delete_brings_back_program_and_meetings(workspace):
    wid = workspace.create_workshop(WorkshopDraft("Akut", program_id="full_course")).created_id
    before = workspace.snapshot(wid)
    workspace.delete_workshop(wid)
    workspace.restore_workshop(before)
    assert workspace.snapshot(wid) == before
    assert workspace.workshop(wid).program_id == "full_course"


def test_a_workshop_file_carries_program_and_meetings(workspace, tmp_path):
    wid = workspace.create_workshop(WorkshopDraft("Akut", program_id="full_course")).created_id
    path = export_workshop_file(workspace, wid, tmp_path / "akut.vaerdidialog.json")
    document = json.loads(path.read_text("utf-8"))
    assert document["version"] == 2
    assert document["workshop"]["program_id"] == "full_course"
    assert {s["meeting"] for s in document["workshop"]["steps"]} == {1, 2, 3}

    other = Workspace.open(None)
    try:
        import_workshop_file(other, path)
        assert other.snapshot(wid) == workspace.snapshot(wid)
        assert other.workshop(wid).program_id == "full_course"
    finally:
        other.close()


def old_file(workspace: Workspace, wid: str, path):
    """The workshop as a file from before programs were stored: no program_id, no meeting."""
    export_workshop_file(workspace, wid, path)
    document = json.loads(path.read_text("utf-8"))
    del document["workshop"]["program_id"]
    for step in document["workshop"]["steps"]:
        del step["meeting"]
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    return path


def test_a_file_from_before_programs_were_stored_still_imports(workspace, tmp_path):
    wid = workspace.create_workshop(WorkshopDraft("Akut", program_id="full_course")).created_id
    path = old_file(workspace, wid, tmp_path / "old.vaerdidialog.json")

    other = Workspace.open(None)
    try:
        summary = import_workshop_file(other, path)
        assert summary.created
        assert other.workshop(wid).program_id is None
        assert [s.meeting for s in other.steps(wid)] == [None] * len(workspace.steps(wid))
        assert [s.exercise_id for s in other.steps(wid)] == [
            s.exercise_id for s in workspace.steps(wid)
        ]
    finally:
        other.close()


def test_merging_an_old_file_keeps_the_local_program(workspace, tmp_path):
    wid = workspace.create_workshop(WorkshopDraft("Akut", program_id="full_course")).created_id
    path = old_file(workspace, wid, tmp_path / "old.vaerdidialog.json")
    document = json.loads(path.read_text("utf-8"))
    document["workshop"]["updated_at"] = "2999-01-01T00:00:00.000+00:00"  # the file wins
    document["workshop"]["unit_name"] = "Akutmodtagelsen"
    path.write_text(json.dumps(document, ensure_ascii=False), "utf-8")

    summary = import_workshop_file(workspace, path)
    assert summary.workshop_updated
    workshop = workspace.workshop(wid)
    assert (workshop.unit_name, workshop.program_id) == ("Akutmodtagelsen", "full_course")


def test_a_database_from_before_programs_opens_with_its_workshop_intact(tmp_path):
    path = tmp_path / "vaerdidialog.sqlite3"
    wid = old_database(path, "m003_programs", "Skrevet før programmerne")
    ws = Workspace(open_database(path), path)
    try:
        workshop = ws.workshop(wid)
        steps = ws.steps(wid)
        assert workshop.program_id is None
        assert [(s.exercise_id, s.meeting) for s in steps] == [(e, None) for e, _ in OLD_STEPS]
        assert [n.text for n in ws.notes(wid)] == ["Skrevet før programmerne"]
        assert ws.meeting_title(workshop, steps[0].meeting) is None
    finally:
        ws.close()
