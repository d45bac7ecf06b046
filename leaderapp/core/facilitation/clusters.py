"""Named clusters of notes (a mixin of ``Workspace``).

A cluster belongs to one step (the step whose board it is on) and a note points at its
cluster (``note.cluster_id``). The notes on a board may come from other steps of the same
workshop: a dot-voting step clusters the notes it votes on. Deleting a cluster leaves its
notes ungrouped (ON DELETE SET NULL); deleting its step removes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from leaderapp.core.changes import Changes
from leaderapp.core.i18n import _
from leaderapp.core.model import Cluster, ValidationError, clean_name, new_id, now_iso
from leaderapp.core.storage import rows


class ClustersMixin:
    """Mixed into ``leaderapp.core.workspace.Workspace``; uses its helpers."""

    def clusters(self, step_id: str) -> list[Cluster]:
        return [
            rows.cluster(r)
            for r in self._rows(
                "SELECT * FROM cluster WHERE step_id = ? ORDER BY position, rowid", [step_id]
            )
        ]

    def cluster(self, cluster_id: str) -> Cluster:
        return rows.cluster(self._row("cluster", cluster_id))

    def add_cluster(self, step_id: str, name: str) -> Changes:
        """A new cluster at the end of the step's board; ``created_id`` is its id."""
        step = self.step(step_id)
        name = clean_name(name, _("The group's name"))
        cluster_id = new_id()
        position = self.conn.execute(
            "SELECT COALESCE(MAX(position), -1) + 1 FROM cluster WHERE step_id = ?", [step_id]
        ).fetchone()[0]
        with self.db.atomic():
            self.db["cluster"].insert(
                {
                    "id": cluster_id,
                    "workshop_id": step.workshop_id,
                    "step_id": step_id,
                    "name": name,
                    "position": position,
                }
            )
            self._touch(step.workshop_id)
        return Changes(workshop_id=step.workshop_id, clusters=True, created_id=cluster_id)

    def rename_cluster(self, cluster_id: str, name: str) -> Changes:
        cluster = self.cluster(cluster_id)
        name = clean_name(name, _("The group's name"))
        with self.db.atomic():
            self.db["cluster"].update(cluster_id, {"name": name})
            self._touch(cluster.workshop_id)
        return Changes(workshop_id=cluster.workshop_id, clusters=True)

    def cluster_note_ids(self, cluster_id: str) -> list[str]:
        return [
            r["id"]
            for r in self._rows(
                "SELECT id FROM note WHERE cluster_id = ? ORDER BY position", [cluster_id]
            )
        ]

    def delete_cluster(self, cluster_id: str) -> Changes:
        """Remove a cluster; its notes stay, ungrouped."""
        cluster = self.cluster(cluster_id)
        with self.db.atomic():
            # The foreign key clears note.cluster_id; stamp the notes as changed too.
            stamp = now_iso()
            for note_id in self.cluster_note_ids(cluster_id):
                self.db["note"].update(note_id, {"updated_at": stamp})
            self.db["cluster"].delete(cluster_id)
            self._touch(cluster.workshop_id)
        return Changes(workshop_id=cluster.workshop_id, clusters=True, notes=True)

    def restore_cluster(self, cluster: Cluster, note_ids: Sequence[str] = ()) -> Changes:
        """Put a deleted cluster back (same id, name and place) with the notes it had;
        notes deleted in the meantime are skipped."""
        self.step(cluster.step_id)
        with self.db.atomic():
            if self._exists("cluster", cluster.id):
                self.db["cluster"].update(cluster.id, {"name": cluster.name})
            else:
                self.db["cluster"].insert(
                    {
                        "id": cluster.id,
                        "workshop_id": cluster.workshop_id,
                        "step_id": cluster.step_id,
                        "name": cluster.name,
                        "position": cluster.position,
                    }
                )
            for note_id in note_ids:
                if self._exists("note", note_id):
                    self.db["note"].update(note_id, {"cluster_id": cluster.id})
            self._touch(cluster.workshop_id)
        return Changes(
            workshop_id=cluster.workshop_id, clusters=True, notes=True, created_id=cluster.id
        )

    def move_note_to_cluster(self, note_id: str, cluster_id: str | None) -> Changes:
        """Put a note in a cluster of the same workshop (None: out of any cluster)."""
        note = self.note(note_id)
        if cluster_id is not None:
            cluster = self.cluster(cluster_id)
            if cluster.workshop_id != note.workshop_id:
                raise ValidationError(_("A note can only join a group of its own workshop."))
        if note.cluster_id == cluster_id:
            return Changes(workshop_id=note.workshop_id)
        with self.db.atomic():
            self.db["note"].update(note_id, {"cluster_id": cluster_id, "updated_at": now_iso()})
            self._touch(note.workshop_id)
        return Changes(workshop_id=note.workshop_id, notes=True, clusters=True)
