"""Undoable commands for clusters of notes (see ``leaderapp.core.commands``)."""

from __future__ import annotations

from leaderapp.core.changes import Changes
from leaderapp.core.commands import Command, FieldEdit
from leaderapp.core.i18n import N_
from leaderapp.core.model import Cluster
from leaderapp.core.workspace import Workspace


class AddCluster(Command):
    """A new named cluster; redo brings back the same one (same id)."""

    _label = N_("adding a group")

    def __init__(self, step_id: str, name: str) -> None:
        self.step_id = step_id
        self.name = name
        self.cluster: Cluster | None = None

    @property
    def cluster_id(self) -> str | None:
        return self.cluster.id if self.cluster else None

    def apply(self, workspace: Workspace) -> Changes:
        if self.cluster is not None:
            return workspace.restore_cluster(self.cluster)
        changes = workspace.add_cluster(self.step_id, self.name)
        self.cluster = workspace.cluster(changes.created_id or "")
        self.subject = ("cluster", self.cluster.id)
        return changes

    def revert(self, workspace: Workspace) -> Changes:
        assert self.cluster is not None, "revert before apply"
        self.cluster = workspace.cluster(self.cluster.id)
        return workspace.delete_cluster(self.cluster.id)


class RenameCluster(FieldEdit):
    _label = N_("renaming a group")

    def __init__(self, cluster_id: str, name: str) -> None:
        super().__init__(name)
        self.cluster_id = cluster_id
        self.subject = ("cluster", cluster_id)

    def key(self) -> tuple:
        return ("cluster-name", self.cluster_id)

    def read(self, workspace: Workspace) -> object:
        return workspace.cluster(self.cluster_id).name

    def write(self, workspace: Workspace, value: object) -> Changes:
        return workspace.rename_cluster(self.cluster_id, str(value))


class DeleteCluster(Command):
    """Remove a cluster (its notes become ungrouped); undo puts it back with its notes."""

    _label = N_("deleting a group")

    def __init__(self, cluster_id: str) -> None:
        self.cluster_id = cluster_id
        self.cluster: Cluster | None = None
        self.note_ids: list[str] = []
        self.subject = ("cluster", cluster_id)

    def apply(self, workspace: Workspace) -> Changes:
        self.cluster = workspace.cluster(self.cluster_id)
        self.note_ids = workspace.cluster_note_ids(self.cluster_id)
        return workspace.delete_cluster(self.cluster_id)

    def revert(self, workspace: Workspace) -> Changes:
        assert self.cluster is not None, "revert before apply"
        return workspace.restore_cluster(self.cluster, self.note_ids)


class MoveNoteToCluster(FieldEdit):
    """Drag a note into a cluster (None: back to the ungrouped notes)."""

    _label = N_("moving a note to a group")

    def __init__(self, note_id: str, cluster_id: str | None) -> None:
        super().__init__(cluster_id)
        self.note_id = note_id
        self.subject = ("cluster-note", note_id)

    def key(self) -> tuple:
        return ("note-cluster", self.note_id)

    def read(self, workspace: Workspace) -> object:
        return workspace.note(self.note_id).cluster_id

    def write(self, workspace: Workspace, value: object) -> Changes:
        return workspace.move_note_to_cluster(self.note_id, value)  # type: ignore[arg-type]
