"""Commands for the structured exercises' notes (slot and parent) and for promoting
notes into the foundation: each does what it says, and undo leaves nothing behind."""

from datetime import date

import pytest

from leaderapp.core.commands import AddNote
from leaderapp.core.facilitation.answer_commands import (
    AddNoteGroup,
    DeleteNoteTree,
    PromoteNote,
    SetNotesAuthor,
    note_tree,
    promoted_text,
)
from leaderapp.core.model import ValidationError, WorkshopDraft
from leaderapp.core.workspace import load_library

HOSTILE = "<b>&</b> <img src=x> 🙂 Şükrü"


@pytest.fixture
def workshop_id(workspace):
    """A workshop on the full course, which has every structured exercise."""
    draft = WorkshopDraft(
        unit_name="Akutmodtagelsen",
        organisation="Regionshospitalet",
        facilitator="Łukasz Nowak",
        dates=(date(2026, 12, 1),),
        participants=("Şükrü Yılmaz", "Anna Østergaard"),
        program_id="full_course",
    )
    return workspace.create_workshop(draft).created_id


def step_of(workspace, workshop_id, kind):
    library = load_library()
    return next(
        s for s in workspace.steps(workshop_id) if library.exercise(s.exercise_id).kind == kind
    )


def test_add_slot_note_keeps_slot_parent_and_author_and_redo_is_the_same_note(
    workspace, workshop_id
):
    step = step_of(workspace, workshop_id, "attitude_action")
    author = workspace.participants(workshop_id)[0].id
    parent = AddNote(step.id, HOSTILE, slot="attitude", author_id=author)
    parent.apply(workspace)
    child = AddNote(step.id, "Vi svarer", slot="action", parent_id=parent.note_id)
    child.apply(workspace)

    stored = workspace.note(child.note_id)
    assert (stored.slot, stored.parent_id, stored.text) == ("action", parent.note_id, "Vi svarer")
    top = workspace.note(parent.note_id)
    assert (top.slot, top.parent_id, top.author_id, top.text) == ("attitude", None, author, HOSTILE)
    assert top.value_id == step.value_id

    child.revert(workspace)
    parent.revert(workspace)
    assert workspace.notes(workshop_id, step.id) == []
    parent.apply(workspace)
    child.apply(workspace)
    assert [n.id for n in workspace.notes(workshop_id, step.id)] == [
        parent.note_id,
        child.note_id,
    ]


def test_a_child_must_belong_to_a_note_of_the_same_step(workspace, workshop_id):
    first = step_of(workspace, workshop_id, "attitude_action")
    other = step_of(workspace, workshop_id, "expectations")
    parent = AddNote(first.id, "Hos os …", slot="attitude")
    parent.apply(workspace)
    with pytest.raises(ValidationError):
        AddNote(other.id, "x", slot="of_us", parent_id=parent.note_id).apply(workspace)


def test_delete_note_tree_takes_the_children_and_undo_brings_all_back(workspace, workshop_id):
    step = step_of(workspace, workshop_id, "from_to")
    author = workspace.participants(workshop_id)[1].id
    row = AddNoteGroup(
        step.id, "Fra opslag", slot="from", children=[("to", "Til morgenmøde")], author_id=author
    )
    row.apply(workspace)
    behaviour = AddNote(step.id, HOSTILE, slot="behaviour", parent_id=row.note_id)
    behaviour.apply(workspace)
    before = workspace.notes(workshop_id, step.id)
    assert len(before) == 3
    assert [n.slot for n in note_tree(workspace, row.note_id)] == ["from", "to", "behaviour"]

    delete = DeleteNoteTree(row.note_id)
    delete.apply(workspace)
    assert workspace.notes(workshop_id, step.id) == []
    delete.revert(workspace)
    assert workspace.notes(workshop_id, step.id) == before  # ids, parents, authors, times
    delete.apply(workspace)  # redo
    assert workspace.notes(workshop_id, step.id) == []


def test_note_group_is_one_step_to_undo_and_redo(workspace, workshop_id):
    step = step_of(workspace, workshop_id, "attitude_action")
    group = AddNoteGroup(
        step.id, "Hos os deler vi", slot="attitude", children=[("action", "a"), ("action", "b")]
    )
    group.apply(workspace)
    made = workspace.notes(workshop_id, step.id)
    assert [(n.slot, n.parent_id) for n in made] == [
        ("attitude", None),
        ("action", group.note_id),
        ("action", group.note_id),
    ]
    group.revert(workspace)
    assert workspace.notes(workshop_id, step.id) == []
    group.apply(workspace)
    assert workspace.notes(workshop_id, step.id) == made


def test_set_notes_author_sets_each_and_undo_gives_each_its_own_back(workspace, workshop_id):
    step = step_of(workspace, workshop_id, "from_to")
    anna, bo = (p.id for p in workspace.participants(workshop_id)[:2])
    row = AddNoteGroup(step.id, "fra", slot="from", children=[("to", "til")], author_id=anna)
    row.apply(workspace)
    to_id = row.child_ids[0]
    workspace.update_note(to_id, author_id=None)
    command = SetNotesAuthor([row.note_id, to_id], bo)
    command.apply(workspace)
    assert {workspace.note(i).author_id for i in (row.note_id, to_id)} == {bo}
    command.revert(workspace)
    assert workspace.note(row.note_id).author_id == anna
    assert workspace.note(to_id).author_id is None


def test_anonymous_step_drops_the_author(workspace, workshop_id):
    step = step_of(workspace, workshop_id, "triple_task")
    workspace.db["step"].update(step.id, {"anonymous": 1})
    command = AddNote(
        step.id, "x", slot="own_area", author_id=workspace.participants(workshop_id)[0].id
    )
    command.apply(workspace)
    assert workspace.note(command.note_id).author_id is None


def test_promote_into_principles_and_prose_and_undo(workspace, workshop_id):
    step = step_of(workspace, workshop_id, "expectations")
    value_id = step.value_id
    note_id = workspace.add_note(step.id, f"  Vi svarer\ninden for {HOSTILE}  ").created_id
    workspace.update_section(value_id, principles=["Vi lytter"], expect_of_us="Vi er til stede.")

    principle = PromoteNote(value_id, "principles", note_id)
    principle.apply(workspace)
    assert workspace.section(value_id).principles == ("Vi lytter", f"Vi svarer inden for {HOSTILE}")
    prose = PromoteNote(value_id, "expect_of_us", note_id)
    prose.apply(workspace)
    assert workspace.section(value_id).expect_of_us == (
        f"Vi er til stede.\n\nVi svarer\ninden for {HOSTILE}"
    )
    empty_voice = PromoteNote(value_id, "expect_of_you", note_id)
    empty_voice.apply(workspace)
    assert workspace.section(value_id).expect_of_you == f"Vi svarer\ninden for {HOSTILE}"

    empty_voice.revert(workspace)
    prose.revert(workspace)
    principle.revert(workspace)
    section = workspace.section(value_id)
    assert section.principles == ("Vi lytter",)
    assert section.expect_of_us == "Vi er til stede."
    assert section.expect_of_you == ""
    principle.apply(workspace)  # redo
    assert workspace.section(value_id).principles[-1] == f"Vi svarer inden for {HOSTILE}"


def test_promoting_an_empty_note_is_refused(workspace, workshop_id):
    step = step_of(workspace, workshop_id, "expectations")
    note_id = workspace.add_note(step.id, "   ").created_id
    with pytest.raises(ValidationError):
        PromoteNote(step.value_id, "principles", note_id).apply(workspace)
    assert workspace.section(step.value_id).principles == ()


def test_promoted_text_rules():
    assert promoted_text((), "principles", "a\n b ") == ("a b",)
    assert promoted_text("", "expect_of_you", "\n x \n") == "x"
    assert promoted_text("a\n", "expect_of_us", "b") == "a\n\nb"
    with pytest.raises(ValueError):
        promoted_text("", "heading", "x")
