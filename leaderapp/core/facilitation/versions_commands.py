"""Undoable edits of the foundation's cover details, logo and kept versions.

Kept apart from ``versions.py``: the mixin is imported by workspace.py, and
commands import workspace.py.
"""

from __future__ import annotations

from datetime import date

from leaderapp.core.changes import Changes
from leaderapp.core.commands import Command, FieldEdit
from leaderapp.core.i18n import N_
from leaderapp.core.model import FoundationVersion
from leaderapp.core.workspace import Workspace

COVER_FIELDS = ("version", "version_date", "involvement")


class EditCoverDetail(FieldEdit):
    """The version's name, its date or the line on employee involvement."""

    _label = N_("editing the cover details")

    def __init__(self, workshop_id: str, field: str, value: str | date | None) -> None:
        if field not in COVER_FIELDS:
            raise ValueError(field)
        super().__init__(value)
        self.workshop_id = workshop_id
        self.field = field
        self.merges = field != "version_date"  # typing merges; a picked date does not
        self.subject = ("cover", workshop_id)  # stays on the export page after undo

    def key(self) -> tuple:
        return ("cover", self.workshop_id, self.field)

    def read(self, workspace: Workspace) -> object:
        return getattr(workspace.foundation(self.workshop_id), self.field)

    def write(self, workspace: Workspace, value: object) -> Changes:
        return workspace.set_cover_details(self.workshop_id, **{self.field: value})


class SetLogo(Command):
    """Put a logo on the cover, or remove it (``data`` None); undo brings the old one back."""

    def __init__(self, workshop_id: str, data: bytes | None) -> None:
        self.workshop_id = workshop_id
        self.data = data
        self.before: bytes | None = None
        self.applied = False
        self.subject = ("cover", workshop_id)  # stays on the export page after undo

    @property
    def _label(self) -> str:  # type: ignore[override]
        return N_("choosing a logo") if self.data is not None else N_("removing the logo")

    def apply(self, workspace: Workspace) -> Changes:
        if not self.applied:
            self.before = workspace.foundation(self.workshop_id).logo
            self.applied = True
        return workspace.set_logo(self.workshop_id, self.data)

    def revert(self, workspace: Workspace) -> Changes:
        return workspace.set_logo(self.workshop_id, self.before)


class SaveVersion(Command):
    """Keep the current foundation as a version; undo forgets it, redo keeps it again."""

    _label = N_("saving a version")

    def __init__(self, workshop_id: str) -> None:
        self.workshop_id = workshop_id
        self.version: FoundationVersion | None = None
        self.subject = ("cover", workshop_id)  # stays on the export page after undo

    @property
    def version_id(self) -> str | None:
        return self.version.id if self.version else None

    def apply(self, workspace: Workspace) -> Changes:
        if self.version is not None:
            return workspace.restore_version(self.version)
        changes = workspace.save_version(self.workshop_id)
        self.version = workspace.foundation_version(changes.created_id or "")
        return changes

    def revert(self, workspace: Workspace) -> Changes:
        assert self.version is not None, "revert before apply"
        return workspace.delete_version(self.version.id)
