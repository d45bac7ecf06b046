"""Silent writing: hidden notes, the reveal and undoing it (RevealMixin + commands)."""

import pytest

from leaderapp.core.commands import AddNote, DeleteNote
from leaderapp.core.facilitation.reveal_commands import RevealNotes, SetSilentWriting

HOSTILE = "<b>x</b> & <img src=x> 🙂 Łukasz Şükrü " + "lang " * 400


@pytest.fixture
def step_id(workspace, workshop_id):
    return workspace.steps(workshop_id)[0].id


def texts(notes):
    return [n.text for n in notes]


def test_silent_writing_is_stored_in_the_step_settings(workspace, step_id):
    assert workspace.silent_writing(step_id) is False
    changes = workspace.set_silent_writing(step_id, True)
    assert changes.steps
    assert workspace.step(step_id).settings["silent"] is True
    assert workspace.silent_writing(step_id) is True
    workspace.set_silent_writing(step_id, False)
    assert workspace.step(step_id).settings["silent"] is False


def test_silent_writing_keeps_other_settings(workspace, step_id):
    import json

    workspace.db["step"].update(step_id, {"settings": json.dumps({"dots": 5, "rounds": True})})
    workspace.set_silent_writing(step_id, True)
    assert workspace.step(step_id).settings == {"dots": 5, "rounds": True, "silent": True}


def test_reveal_shows_every_hidden_note_of_the_step_only(workspace, workshop_id, step_id):
    other_step = workspace.steps(workshop_id)[1].id
    workspace.add_note(step_id, "synlig")
    workspace.add_note(step_id, "skjult 1", hidden=True)
    workspace.add_note(step_id, HOSTILE, hidden=True)
    workspace.add_note(other_step, "andet trin", hidden=True)
    assert workspace.hidden_count(step_id) == 2
    assert texts(workspace.revealed_notes(step_id)) == ["synlig"]

    changes = workspace.reveal_notes(step_id)

    assert changes.notes and changes.workshop_id == workshop_id
    assert workspace.hidden_count(step_id) == 0
    assert texts(workspace.revealed_notes(step_id)) == ["synlig", "skjult 1", HOSTILE]
    assert workspace.hidden_count(other_step) == 1  # another step's silent notes stay hidden


def test_revealed_notes_leave_out_empty_notes(workspace, step_id):
    workspace.add_note(step_id, "   ")
    workspace.add_note(step_id, "tekst")
    assert texts(workspace.revealed_notes(step_id)) == ["tekst"]


def test_reveal_with_nothing_hidden_changes_nothing(workspace, step_id):
    workspace.add_note(step_id, "synlig")
    assert not workspace.reveal_notes(step_id).notes


def test_undo_of_a_reveal_hides_exactly_those_notes_again(workspace, step_id):
    a = workspace.add_note(step_id, "a", hidden=True).created_id
    command = RevealNotes(step_id)
    command.apply(workspace)
    assert command.count == 1
    # Written after the reveal: not part of it, so undo leaves it alone.
    later = workspace.add_note(step_id, "senere", hidden=True).created_id
    workspace.update_note(later, hidden=False)

    command.revert(workspace)
    assert workspace.note(a).hidden
    assert not workspace.note(later).hidden

    command.apply(workspace)  # redo
    assert not workspace.note(a).hidden


def test_undo_of_a_reveal_passes_over_a_deleted_note(workspace, step_id):
    a = workspace.add_note(step_id, "a", hidden=True).created_id
    b = workspace.add_note(step_id, "b", hidden=True).created_id
    command = RevealNotes(step_id)
    command.apply(workspace)
    DeleteNote(b).apply(workspace)
    command.revert(workspace)
    assert workspace.note(a).hidden
    assert workspace.hidden_count(step_id) == 1


def test_silent_writing_command_undoes_to_the_previous_state(workspace, step_id):
    command = SetSilentWriting(step_id, True)
    assert command.label
    command.apply(workspace)
    assert workspace.silent_writing(step_id)
    command.revert(workspace)
    assert not workspace.silent_writing(step_id)


def test_hidden_note_with_author_survives_undo_and_redo(workspace, workshop_id, step_id):
    anna = workspace.participants(workshop_id)[1]
    command = AddNote(step_id, HOSTILE, anna.id, hidden=True)
    command.apply(workspace)
    note = workspace.note(command.note_id)
    assert (note.text, note.author_id, note.hidden) == (HOSTILE, anna.id, True)

    command.revert(workspace)
    assert workspace.notes(workshop_id, step_id) == []
    command.apply(workspace)
    again = workspace.note(command.note_id)
    assert (again.text, again.author_id, again.hidden) == (HOSTILE, anna.id, True)


def test_anonymous_step_drops_the_author_of_a_hidden_note(workspace, workshop_id, step_id):
    workspace.db["step"].update(step_id, {"anonymous": 1})
    anna = workspace.participants(workshop_id)[1]
    command = AddNote(step_id, "uden navn", anna.id, hidden=True)
    command.apply(workspace)
    note = workspace.note(command.note_id)
    assert note.author_id is None and note.hidden
