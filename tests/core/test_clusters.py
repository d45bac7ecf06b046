"""Named clusters of notes: create, rename, move notes in and out, delete, undo."""

import pytest

from leaderapp.core.facilitation.clusters_commands import (
    AddCluster,
    DeleteCluster,
    MoveNoteToCluster,
    RenameCluster,
)
from leaderapp.core.model import ValidationError

HOSTILE = "<b>&</b> <img src=x> 🙂 Łukasz"


@pytest.fixture
def board(workspace, workshop_id):
    step = workspace.steps(workshop_id)[1]
    notes = [workspace.add_note(step.id, f"note {i}").created_id for i in range(3)]
    return step, notes


def test_clusters_are_named_and_ordered(workspace, board):
    step, _notes = board
    first = workspace.add_cluster(step.id, "  Tillid  ").created_id
    second = workspace.add_cluster(step.id, HOSTILE).created_id
    assert [(c.id, c.name) for c in workspace.clusters(step.id)] == [
        (first, "Tillid"),
        (second, HOSTILE),
    ]
    with pytest.raises(ValidationError):
        workspace.add_cluster(step.id, "   ")
    workspace.rename_cluster(first, "Tillid og mod")
    assert workspace.cluster(first).name == "Tillid og mod"


def test_moving_notes_in_and_out(workspace, board):
    step, notes = board
    cluster = workspace.add_cluster(step.id, "Tillid").created_id
    changes = workspace.move_note_to_cluster(notes[0], cluster)
    assert changes.notes and changes.clusters
    assert workspace.note(notes[0]).cluster_id == cluster
    assert workspace.cluster_note_ids(cluster) == [notes[0]]
    workspace.move_note_to_cluster(notes[0], None)
    assert workspace.note(notes[0]).cluster_id is None


def test_deleting_a_cluster_keeps_its_notes_ungrouped_and_undo_regroups(workspace, board):
    step, notes = board
    cluster = workspace.add_cluster(step.id, "Tillid").created_id
    workspace.move_note_to_cluster(notes[0], cluster)
    workspace.move_note_to_cluster(notes[2], cluster)
    delete = DeleteCluster(cluster)
    delete.apply(workspace)
    assert workspace.clusters(step.id) == []
    assert [workspace.note(n).cluster_id for n in notes] == [None, None, None]
    delete.revert(workspace)
    assert [c.name for c in workspace.clusters(step.id)] == ["Tillid"]
    assert [workspace.note(n).cluster_id for n in notes] == [cluster, None, cluster]


def test_deleting_the_step_removes_its_clusters(workspace, workshop_id, board):
    step, notes = board
    cluster = workspace.add_cluster(step.id, "Tillid").created_id
    workspace.move_note_to_cluster(notes[0], cluster)
    workspace.db["step"].delete(step.id)
    assert workspace.clusters(step.id) == []
    assert not workspace._exists("cluster", cluster)


def test_a_cluster_of_another_workshop_is_refused(workspace, workshop_id, board):
    from datetime import date

    from leaderapp.core.model import WorkshopDraft

    _step, notes = board
    other = workspace.create_workshop(
        WorkshopDraft(unit_name="Andet", dates=(date(2026, 1, 1),))
    ).created_id
    foreign = workspace.add_cluster(workspace.steps(other)[0].id, "Fremmed").created_id
    with pytest.raises(ValidationError):
        workspace.move_note_to_cluster(notes[0], foreign)


def test_cluster_commands_undo_and_redo(workspace, board):
    step, notes = board
    add = AddCluster(step.id, "Mod")
    add.apply(workspace)
    cluster = add.cluster_id
    move = MoveNoteToCluster(notes[1], cluster)
    move.apply(workspace)
    rename = RenameCluster(cluster, "Mod og tillid")
    rename.apply(workspace)
    assert workspace.cluster(cluster).name == "Mod og tillid"
    rename.revert(workspace)
    move.revert(workspace)
    assert workspace.note(notes[1]).cluster_id is None
    add.revert(workspace)
    assert workspace.clusters(step.id) == []
    add.apply(workspace)  # redo: the same cluster again
    assert [c.id for c in workspace.clusters(step.id)] == [cluster]
