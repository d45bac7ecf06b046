"""The note fields that structured exercises and facilitation build on (migration m004)."""

from __future__ import annotations

import pytest

from leaderapp.core.model import ValidationError
from leaderapp.core.storage.database import open_database
from leaderapp.core.workspace import Workspace
from tests.core.old_schema import old_database


def _step(workspace, workshop_id, exercise_id="checkin"):
    return next(s for s in workspace.steps(workshop_id) if s.exercise_id == exercise_id)


def test_a_note_keeps_its_slot_parent_round_and_hidden_flag(workspace, workshop_id):
    step = _step(workspace, workshop_id)
    attitude = workspace.add_note(step.id, "Vi lytter først", slot="attitude").created_id
    action = workspace.add_note(
        step.id, "Spørg før du svarer", slot="action", parent_id=attitude, hidden=True, round=2
    ).created_id
    stored = workspace.note(action)
    assert (stored.slot, stored.parent_id, stored.hidden, stored.round) == (
        "action",
        attitude,
        True,
        2,
    )
    workspace.update_note(action, hidden=False)
    assert workspace.note(action).hidden is False


def test_deleting_an_attitude_deletes_its_actions_and_undo_brings_the_attitude_back(
    workspace, workshop_id
):
    step = _step(workspace, workshop_id)
    attitude_id = workspace.add_note(step.id, "Vi lytter først", slot="attitude").created_id
    workspace.add_note(step.id, "Spørg", slot="action", parent_id=attitude_id)
    attitude = workspace.note(attitude_id)
    workspace.delete_note(attitude_id)
    assert workspace.notes(workshop_id, step.id) == []
    workspace.restore_note(attitude)
    assert [n.text for n in workspace.notes(workshop_id, step.id)] == ["Vi lytter først"]


def test_a_note_cannot_hang_under_a_note_of_another_step(workspace, workshop_id):
    steps = workspace.steps(workshop_id)
    other = workspace.add_note(steps[1].id, "Andet trin").created_id
    with pytest.raises(ValidationError):
        workspace.add_note(steps[0].id, "Her", parent_id=other)


def test_an_anonymous_step_stores_no_author(workspace, workshop_id):
    step = _step(workspace, workshop_id)
    author = workspace.participants(workshop_id)[0].id
    workspace.db["step"].update(step.id, {"anonymous": 1})
    note_id = workspace.add_note(step.id, "Uden navn", author_id=author).created_id
    assert workspace.note(note_id).author_id is None


def test_a_database_from_before_facilitation_opens_with_its_notes_visible(tmp_path):
    path = tmp_path / "vaerdidialog.sqlite3"
    wid = old_database(path, "m004_facilitation", "Skrevet før facilitering")
    ws = Workspace(open_database(path), path)
    try:
        (note,) = ws.notes(wid)
        assert (note.text, note.hidden, note.slot, note.round) == (
            "Skrevet før facilitering",
            False,
            None,
            None,
        )
        assert all(not s.skipped and s.settings == {} for s in ws.steps(wid))
        assert ws.foundation(wid).version == ""
    finally:
        ws.close()


def test_undoing_a_workshop_deletion_brings_back_everything_of_a_running_workshop(
    workspace, workshop_id
):
    from leaderapp.core.model import new_id, now_iso

    steps = workspace.steps(workshop_id)
    step = steps[0]
    workspace.db["step"].update(step.id, {"settings": '{"silent": true}', "skipped": 1})
    cluster_id = new_id()
    workspace.db["cluster"].insert(
        {"id": cluster_id, "workshop_id": workshop_id, "step_id": step.id}
        | {"name": "Tillid", "position": 0}
    )
    parent = workspace.add_note(step.id, "Vi lytter", slot="attitude", cluster_id=cluster_id)
    workspace.add_note(step.id, "Spørg først", slot="action", parent_id=parent.created_id)
    voter = workspace.participants(workshop_id)[0].id
    workspace.db["vote"].insert(
        {"id": new_id(), "workshop_id": workshop_id, "step_id": step.id}
        | {"note_id": parent.created_id, "participant_id": voter, "dots": 2}
    )
    workspace.db["rating"].insert(
        {"id": new_id(), "workshop_id": workshop_id, "step_id": step.id, "participant_id": voter}
        | {"item": "bor", "score": 4.0, "updated_at": now_iso()}
    )
    workspace.db["foundation"].update(workshop_id, {"version": "1.0", "involvement": "LokalMED"})
    workspace.db["foundation_version"].insert(
        {"id": new_id(), "workshop_id": workshop_id, "version": "0.9", "version_date": None}
        | {"created_at": now_iso(), "content": "{}"}
    )
    before = workspace.snapshot(workshop_id)

    workspace.delete_workshop(workshop_id)
    workspace.restore_workshop(before)

    after = workspace.snapshot(workshop_id)
    assert after == before
    assert after.steps[0].settings == {"silent": True}
    assert (len(after.clusters), len(after.votes), len(after.ratings), len(after.versions)) == (
        1,
        1,
        1,
        1,
    )


def test_undoing_a_note_deletion_brings_back_its_actions_and_its_dots(workspace, workshop_id):
    from leaderapp.core.commands import DeleteNote
    from leaderapp.core.model import new_id

    step = _step(workspace, workshop_id)
    parent = workspace.add_note(step.id, "Vi lytter", slot="attitude").created_id
    workspace.add_note(step.id, "Spørg først", slot="action", parent_id=parent)
    voter = workspace.participants(workshop_id)[0].id
    workspace.db["vote"].insert(
        {"id": new_id(), "workshop_id": workshop_id, "step_id": step.id}
        | {"note_id": parent, "participant_id": voter, "dots": 2}
    )
    before = workspace.snapshot(workshop_id)
    command = DeleteNote(parent)
    command.apply(workspace)
    assert workspace.notes(workshop_id, step.id) == []
    command.revert(workspace)
    after = workspace.snapshot(workshop_id)
    assert (after.notes, after.votes) == (before.notes, before.votes)
