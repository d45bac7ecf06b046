"""Undoable commands: undo puts back exactly what was there, redo does it again."""

from datetime import date

import pytest

from leaderapp.core.commands import (
    MERGE_PAUSE_SECONDS,
    AddCommitment,
    AddNote,
    DeleteCommitment,
    DeleteNote,
    DeleteWorkshop,
    EditCommitment,
    EditFoundation,
    EditNoteText,
    EditSection,
    EditWorkshopDetails,
    RenameWorkshop,
    SetNoteAuthor,
)
from leaderapp.core.i18n import _
from leaderapp.core.model import CommitmentStatus, ValidationError
from leaderapp.core.workspace import NotFound


def note_step(workspace, workshop_id):
    return workspace.steps(workshop_id)[1]


def round_trip(workspace, workshop_id, command):
    """Apply, undo, redo; return the snapshots before, after and after redo."""
    before = workspace.snapshot(workshop_id)
    command.apply(workspace)
    after = workspace.snapshot(workshop_id)
    command.revert(workspace)
    undone = workspace.snapshot(workshop_id)
    command.apply(workspace)
    redone = workspace.snapshot(workshop_id)
    return before, after, undone, redone


def test_deleted_note_comes_back_with_id_position_author_and_times(workspace, workshop_id):
    step = note_step(workspace, workshop_id)
    author = workspace.participants(workshop_id)[1].id
    first = workspace.add_note(step.id, "første", author_id=author).created_id
    workspace.add_note(step.id, "anden")
    original = workspace.note(first)

    command = DeleteNote(first)
    command.apply(workspace)
    assert [n.text for n in workspace.notes(workshop_id)] == ["anden"]
    command.revert(workspace)

    assert workspace.note(first) == original
    assert [n.text for n in workspace.notes(workshop_id, step.id)] == ["første", "anden"]
    command.apply(workspace)
    assert [n.text for n in workspace.notes(workshop_id)] == ["anden"]


def test_typing_runs_merge_into_one_step_that_restores_the_start(workspace, workshop_id):
    step = note_step(workspace, workshop_id)
    note = workspace.add_note(step.id, "Vi").created_id
    first = EditNoteText(note, "Vi ly")
    first.apply(workspace)
    second = EditNoteText(note, "Vi lytter")
    second.apply(workspace)
    assert first.mergeable and first.merge(second)

    assert workspace.note(note).text == "Vi lytter"
    first.revert(workspace)
    assert workspace.note(note).text == "Vi"
    first.apply(workspace)
    assert workspace.note(note).text == "Vi lytter"


def test_typing_after_a_pause_is_a_step_of_its_own(workspace, workshop_id):
    step = note_step(workspace, workshop_id)
    note = workspace.add_note(step.id, "").created_id
    first = EditNoteText(note, "Vi lytter.")
    later = EditNoteText(note, "Vi lytter. Og vi handler.")
    later.at = first.at + MERGE_PAUSE_SECONDS + 1
    assert not first.merge(later)
    soon = EditNoteText(note, "Vi lytter. Og")
    soon.at = first.at + MERGE_PAUSE_SECONDS - 1
    assert first.merge(soon)
    # The pause is counted from the last merged edit, not the first.
    later.at = soon.at + 1
    assert first.merge(later) and first.value == "Vi lytter. Og vi handler."


def test_edits_of_different_notes_or_fields_do_not_merge(workspace, workshop_id):
    step = note_step(workspace, workshop_id)
    a = workspace.add_note(step.id, "a").created_id
    b = workspace.add_note(step.id, "b").created_id
    assert not EditNoteText(a, "x").merge(EditNoteText(b, "y"))
    assert not EditFoundation(workshop_id, "title", "T").merge(
        EditFoundation(workshop_id, "introduction", "I")
    )
    assert not EditCommitment("c", "action", "x").mergeable


def test_typing_and_erasing_is_no_change_at_all(workspace, workshop_id):
    step = note_step(workspace, workshop_id)
    note = workspace.add_note(step.id, "tekst").created_id
    typed = EditNoteText(note, "tekst!")
    typed.apply(workspace)
    erased = EditNoteText(note, "tekst")
    erased.apply(workspace)
    typed.merge(erased)
    assert typed.is_noop


def test_added_note_is_removed_by_undo_and_comes_back_with_the_same_id(workspace, workshop_id):
    step = note_step(workspace, workshop_id)
    command = AddNote(step.id)
    before, after, undone, redone = round_trip(workspace, workshop_id, command)
    assert len(after.notes) == 1 and undone.notes == ()
    assert redone.notes[0].id == after.notes[0].id == command.note_id
    assert redone.notes[0].created_at == after.notes[0].created_at


def test_author_change_is_undone(workspace, workshop_id):
    step = note_step(workspace, workshop_id)
    note = workspace.add_note(step.id, "x").created_id
    author = workspace.participants(workshop_id)[0].id
    command = SetNoteAuthor(note, author)
    command.apply(workspace)
    assert workspace.note(note).author_id == author
    command.revert(workspace)
    assert workspace.note(note).author_id is None


@pytest.mark.parametrize(
    "field, value",
    [
        ("heading", "Vi taler sammen"),
        ("principles", ["Vi lytter", "Vi svarer", "Vi tør"]),
        ("expect_of_us", "Ledere, der lytter"),
        ("expect_of_you", "At du siger til"),
    ],
)
def test_section_fields_are_undone(workspace, workshop_id, field, value):
    value_id = workspace.values(workshop_id)[0].id
    workspace.update_section(value_id, heading="Gammel", principles=["a", "b", "c"])
    before = workspace.section(value_id)
    command = EditSection(value_id, field, value)
    command.apply(workspace)
    assert workspace.section(value_id) != before
    command.revert(workspace)
    assert workspace.section(value_id) == before


def test_foundation_title_and_introduction_are_undone(workspace, workshop_id):
    before = workspace.foundation(workshop_id)
    for field in ("title", "introduction"):
        command = EditFoundation(workshop_id, field, "Nyt")
        command.apply(workspace)
        assert getattr(workspace.foundation(workshop_id), field) == "Nyt"
        command.revert(workspace)
    assert workspace.foundation(workshop_id) == before


def test_commitment_add_edit_delete_round_trip(workspace, workshop_id):
    value_id = workspace.values(workshop_id)[0].id
    add = AddCommitment(workshop_id, "Tavlemøde")
    add.apply(workspace)
    cid = add.commitment_id
    edits = [
        EditCommitment(cid, "action", "Tavlemøde kl. 8"),
        EditCommitment(cid, "owner", "Şükrü Yılmaz"),
        EditCommitment(cid, "due_date", date(2027, 1, 1)),
        EditCommitment(cid, "status", CommitmentStatus.DONE),
        EditCommitment(cid, "value_id", value_id),
    ]
    states = [workspace.commitment(cid)]
    for edit in edits:
        edit.apply(workspace)
        states.append(workspace.commitment(cid))
    assert states[-1].status == CommitmentStatus.DONE and states[-1].value_id == value_id

    delete = DeleteCommitment(cid)
    delete.apply(workspace)
    assert workspace.commitments(workshop_id) == []
    delete.revert(workspace)
    assert workspace.commitment(cid) == states[-1]
    for edit, state in zip(reversed(edits), reversed(states[:-1]), strict=True):
        edit.revert(workspace)
        assert workspace.commitment(cid) == state
    add.revert(workspace)
    assert workspace.commitments(workshop_id) == []
    add.apply(workspace)
    assert workspace.commitment(cid) == states[0]


def test_deleted_workshop_comes_back_whole(workspace, workshop_id):
    step = note_step(workspace, workshop_id)
    author = workspace.participants(workshop_id)[2].id
    workspace.add_note(step.id, "Sigrúns note 🙂", author_id=author)
    workspace.add_commitment(workshop_id, "Afprøve selvplanlægning", "Anna Østergaard")
    workspace.update_section(workspace.values(workshop_id)[1].id, principles=["a", "b", "c"])
    before = workspace.snapshot(workshop_id)

    command = DeleteWorkshop(workshop_id)
    command.apply(workspace)
    assert workspace.list_workshops() == []
    with pytest.raises(NotFound):
        workspace.workshop(workshop_id)
    command.revert(workspace)

    assert workspace.snapshot(workshop_id) == before
    command.apply(workspace)
    assert workspace.list_workshops() == []


def test_restoring_a_workshop_that_exists_is_refused(workspace, workshop_id):
    snapshot = workspace.snapshot(workshop_id)
    with pytest.raises(ValidationError):
        workspace.restore_workshop(snapshot)
    assert workspace.snapshot(workshop_id) == snapshot


def test_rename_is_undone(workspace, workshop_id):
    command = RenameWorkshop(workshop_id, "Hjertemedicin")
    command.apply(workspace)
    assert workspace.workshop(workshop_id).unit_name == "Hjertemedicin"
    command.revert(workspace)
    assert workspace.workshop(workshop_id).unit_name == "Akutmodtagelsen"


def test_restored_note_loses_an_author_who_was_removed_meanwhile(workspace, workshop_id):
    step = note_step(workspace, workshop_id)
    author = workspace.participants(workshop_id)[0]
    note = workspace.add_note(step.id, "x", author_id=author.id).created_id
    command = DeleteNote(note)
    command.apply(workspace)
    workspace.set_participants(
        workshop_id, [p.name for p in workspace.participants(workshop_id) if p.id != author.id]
    )
    command.revert(workspace)
    assert workspace.note(note).text == "x"
    assert workspace.note(note).author_id is None


def test_a_failed_command_changes_nothing(workspace, workshop_id):
    before = workspace.snapshot(workshop_id)
    with pytest.raises(ValidationError):
        EditFoundation(workshop_id, "title", "   ").apply(workspace)
    with pytest.raises(NotFound):
        DeleteNote("no-such-note").apply(workspace)
    assert workspace.snapshot(workshop_id) == before


def test_labels_are_translated_phrases():
    labels = [DeleteNote("x").label, AddNote("s").label, DeleteWorkshop("w").label]
    assert all(labels) and len(set(labels)) == 3
    assert DeleteNote("x").label == _("deleting a note")


def test_details_edit_is_undone_with_removed_participants_and_their_authorship(
    workspace, workshop_id
):
    step = note_step(workspace, workshop_id)
    sukru = next(p for p in workspace.participants(workshop_id) if p.name == "Şükrü Yılmaz")
    note_id = workspace.add_note(step.id, "min idé", author_id=sukru.id).created_id
    command = EditWorkshopDetails(
        workshop_id,
        unit_name="Akut og Traume",
        organisation="Regionshospitalet",
        facilitator="Ny facilitator",
        dates=(date(2027, 1, 5),),
        participants=["Anna Østergaard", "Carl Nielsen"],
    )
    before, after, undone, redone = round_trip(workspace, workshop_id, command)

    assert after.workshop.unit_name == "Akut og Traume"
    assert after.notes[0].author_id is None  # Şükrü left the list
    assert undone.workshop.unit_name == before.workshop.unit_name
    assert undone.workshop.dates == before.workshop.dates
    assert undone.participants == before.participants  # same ids, names and order
    assert undone.notes[0].author_id == sukru.id  # the note has its author back
    assert redone.notes[0].author_id is None  # redo removes Şükrü again
    assert redone.workshop.facilitator == "Ny facilitator"
    assert [p.name for p in redone.participants] == ["Anna Østergaard", "Carl Nielsen"]
    command.revert(workspace)
    assert workspace.note(note_id).author_id == sukru.id
    assert command.label == _("editing the workshop's details")
