"""Export one workshop to a workshop file, written atomically."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from leaderapp.core.i18n import _
from leaderapp.core.model import FoundationVersion
from leaderapp.core.storage import rows
from leaderapp.core.transfer.fileformat import (
    MAX_FILE_BYTES,
    WorkshopFileError,
    snapshot_to_document,
)
from leaderapp.core.workspace import Workspace


def kept_versions(workspace: Workspace, workshop_id: str) -> list[FoundationVersion]:
    """The foundation's kept versions, oldest first (read here: they are not in a snapshot)."""
    return [
        rows.foundation_version(r)
        for r in workspace._rows(
            "SELECT * FROM foundation_version WHERE workshop_id = ? ORDER BY created_at, id",
            [workshop_id],
        )
    ]


def export_workshop_file(workspace: Workspace, workshop_id: str, target: Path) -> Path:
    """Write the workshop to ``target`` and return it.

    The file appears complete or not at all: it is written to a temporary file
    in the same folder, flushed to disk, then renamed over ``target``.
    """
    document = snapshot_to_document(
        workspace.snapshot(workshop_id), kept_versions(workspace, workshop_id)
    )
    data = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
    if len(data) > MAX_FILE_BYTES:
        # Refuse now rather than write a file that no laptop will import.
        raise WorkshopFileError(
            _(
                "The workshop is too large for a workshop file ({size} MB; at most {limit} MB)."
            ).format(size=f"{len(data) / (1024 * 1024):.1f}", limit=MAX_FILE_BYTES // (1024 * 1024))
        )
    target = Path(target)
    temp: Path | None = None
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        temp = Path(name)
        with os.fdopen(fd, "wb") as fp:
            fp.write(data)
            fp.flush()
            os.fsync(fp.fileno())
        os.replace(temp, target)
    except OSError as exc:
        if temp is not None:
            temp.unlink(missing_ok=True)
        raise WorkshopFileError(
            _("The workshop file {path} could not be written: {error}").format(
                path=target, error=exc.strerror or exc
            )
        ) from exc
    return target
