"""Import a workshop file: validate all of it, then merge it in one transaction.

Records are matched by id (UUID), so files from several laptops of the same
workshop merge without duplicates. Merge rules (also in docs/workshop-file.md):
a record only in the file is added; a record on both sides keeps the version
with the newer ``updated_at`` where the record has one (the workshop row and
notes), otherwise the local one. Nothing is ever deleted by an import.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlite_utils import Database

from leaderapp.core.changes import Changes
from leaderapp.core.i18n import _, ngettext
from leaderapp.core.storage.rows import dates_to_json
from leaderapp.core.transfer.fileformat import WorkshopFileError
from leaderapp.core.transfer.schema import place
from leaderapp.core.transfer.validate import read_document, refuse
from leaderapp.core.workspace import Workspace

_CHUNK = 500  # ids per IN (...) query, well below SQLite's variable limit


@dataclass(frozen=True)
class ImportSummary:
    """What an import did, for the message the user sees afterwards."""

    workshop_id: str
    unit_name: str
    created: bool  # the workshop was new on this computer
    workshop_updated: bool = False
    participants_added: int = 0
    values_added: int = 0
    steps_added: int = 0
    notes_added: int = 0
    notes_updated: int = 0
    commitments_added: int = 0
    changes: Changes = field(default_factory=Changes)

    @property
    def changed(self) -> bool:
        return self.changes.anything

    def describe(self) -> str:
        """One translated sentence for a status bar or dialog."""
        if self.created:
            return _("Imported the workshop “{name}”.").format(name=self.unit_name)
        if not self.changed:
            return _("Nothing new: “{name}” already has everything in the file.").format(
                name=self.unit_name
            )
        parts = []
        if self.notes_added:
            parts.append(
                ngettext("{n} new note", "{n} new notes", self.notes_added).format(
                    n=self.notes_added
                )
            )
        if self.notes_updated:
            parts.append(
                ngettext("{n} updated note", "{n} updated notes", self.notes_updated).format(
                    n=self.notes_updated
                )
            )
        if self.commitments_added:
            parts.append(
                ngettext(
                    "{n} new commitment", "{n} new commitments", self.commitments_added
                ).format(n=self.commitments_added)
            )
        if not parts:
            parts.append(_("other changes"))
        return _("Merged into “{name}”: {changes}.").format(
            name=self.unit_name, changes=", ".join(parts)
        )


def import_workshop_file(workspace: Workspace, source: Path) -> ImportSummary:
    """Check the whole file, then add or merge its workshop; raises ``WorkshopFileError``."""
    document = read_document(source)
    w = document["workshop"]
    db = workspace.db
    wid = w["id"]
    # Where each table's records sit in the file, and the key that is their id.
    lists = {
        "participant": ("workshop.participants", w["participants"], "id"),
        "value": ("workshop.values", w["values"], "id"),
        "step": ("workshop.steps", w["steps"], "id"),
        "note": ("workshop.notes", w["notes"], "id"),
        "commitment": ("workshop.commitments", w["commitments"], "id"),
        "foundation_section": (
            "workshop.foundation.sections",
            w["foundation"]["sections"],
            "value_id",
        ),
    }
    local: dict[str, dict[str, dict]] = {}
    for table, (where, records, key) in lists.items():
        local[table] = _fetch(db, table, (r[key] for r in records))
        for i, record in enumerate(records):
            row = local[table].get(record[key])
            if row is not None and row["workshop_id"] != wid:
                # A copied or hand-made file must not reach into another workshop.
                raise refuse(
                    source,
                    _("{where} is the id of a record in another workshop here").format(
                        where=place(f"{where}[{i}].{key}")
                    ),
                )
    existing = next(iter(db.query("SELECT * FROM workshop WHERE id = ?", [wid])), None)
    try:
        with db.atomic():
            return _merge(db, w, existing, local)
    except sqlite3.Error as exc:
        raise WorkshopFileError(
            _("The workshop file {name} could not be imported: {error}").format(
                name=source.name, error=exc
            )
        ) from exc


def _fetch(db: Database, table: str, ids: Iterable[str]) -> dict[str, dict]:
    ids = list(ids)
    found: dict[str, dict] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        for row in db.query(f'SELECT * FROM "{table}" WHERE id IN ({marks})', chunk):
            found[row["id"]] = row
    return found


def _stamp(text: str | None) -> datetime | None:
    try:
        return datetime.fromisoformat(text) if text else None
    except ValueError:
        return None


def _newer(theirs: str, ours: str | None) -> bool:
    """Whether the file's record wins; an unreadable local stamp keeps the local record."""
    mine, other = _stamp(ours), _stamp(theirs)
    return mine is not None and other is not None and other > mine


class _Positions:
    """A new record keeps its place if it is free, else goes to the end (in file order)."""

    def __init__(self, db: Database, table: str, workshop_id: str) -> None:
        self.taken = {
            row[0]
            for row in db.execute(
                f'SELECT position FROM "{table}" WHERE workshop_id = ?', [workshop_id]
            ).fetchall()
        }

    def place(self, wanted: int) -> int:
        if wanted in self.taken:
            wanted = max(self.taken) + 1
        self.taken.add(wanted)
        return wanted


def _workshop_row(w: dict) -> dict:
    row = {
        "unit_name": w["unit_name"],
        "organisation": w["organisation"],
        "facilitator": w["facilitator"],
        "dates": dates_to_json(tuple(date.fromisoformat(d) for d in w["dates"])),
        "current_step_id": w["current_step_id"],
        "updated_at": w["updated_at"],
    }
    # Optional in version 1 (files written before programs were stored lack it): a file
    # without it says nothing about the program, so it never clears the local one.
    if "program_id" in w:
        row["program_id"] = w["program_id"]
    return row


def _merge(db: Database, w: dict, existing: dict | None, local: dict[str, dict]) -> ImportSummary:
    wid = w["id"]
    created = existing is None
    workshop_updated = False
    if created:
        db["workshop"].insert({"id": wid, "created_at": w["created_at"], **_workshop_row(w)})
    elif _newer(w["updated_at"], existing["updated_at"]):
        db["workshop"].update(wid, _workshop_row(w))
        workshop_updated = True
    foundation = w["foundation"]
    if not db.execute("SELECT 1 FROM foundation WHERE id = ?", [wid]).fetchone():
        db["foundation"].insert(
            {"id": wid, "title": foundation["title"], "introduction": foundation["introduction"]}
        )

    positions = _Positions(db, "participant", wid)
    new_participants = [p for p in w["participants"] if p["id"] not in local["participant"]]
    for p in new_participants:
        db["participant"].insert(
            {
                "id": p["id"],
                "workshop_id": wid,
                "name": p["name"],
                "position": positions.place(p["position"]),
            }
        )

    positions = _Positions(db, "value", wid)
    new_values = [v for v in w["values"] if v["id"] not in local["value"]]
    for v in new_values:
        db["value"].insert(
            {
                "id": v["id"],
                "workshop_id": wid,
                "key": v["key"],
                "name": v["name"],
                "description": v["description"],
                "position": positions.place(v["position"]),
            }
        )
    for s in foundation["sections"]:
        # Sections have no timestamp: a local one is kept as it is.
        if s["value_id"] not in local["foundation_section"]:
            db["foundation_section"].insert(
                {
                    "id": s["value_id"],
                    "workshop_id": wid,
                    "heading": s["heading"],
                    "principles": json.dumps(s["principles"], ensure_ascii=False),
                    "expect_of_us": s["expect_of_us"],
                    "expect_of_you": s["expect_of_you"],
                }
            )

    positions = _Positions(db, "step", wid)
    new_steps = [s for s in w["steps"] if s["id"] not in local["step"]]
    for s in new_steps:
        db["step"].insert(
            {
                "id": s["id"],
                "workshop_id": wid,
                "exercise_id": s["exercise_id"],
                "value_id": s["value_id"],
                "position": positions.place(s["position"]),
                "timebox_minutes": s["timebox_minutes"],
                "meeting": s.get("meeting"),  # optional in version 1
            }
        )

    positions = _Positions(db, "note", wid)
    notes_added = notes_updated = 0
    for n in w["notes"]:
        content = {
            "step_id": n["step_id"],
            "value_id": n["value_id"],
            "author_id": n["author_id"],
            "text": n["text"],
            "created_at": n["created_at"],
            "updated_at": n["updated_at"],
        }
        mine = local["note"].get(n["id"])
        if mine is None:
            db["note"].insert(
                {
                    "id": n["id"],
                    "workshop_id": wid,
                    "position": positions.place(n["position"]),
                    **content,
                }
            )
            notes_added += 1
        elif _newer(n["updated_at"], mine["updated_at"]):
            db["note"].update(n["id"], content)  # it keeps its place in the list here
            notes_updated += 1

    positions = _Positions(db, "commitment", wid)
    new_commitments = [c for c in w["commitments"] if c["id"] not in local["commitment"]]
    for c in new_commitments:
        db["commitment"].insert(
            {
                "id": c["id"],
                "workshop_id": wid,
                "value_id": c["value_id"],
                "action": c["action"],
                "owner": c["owner"],
                "due_date": c["due_date"],
                "status": c["status"],
                "position": positions.place(c["position"]),
            }
        )

    structure = bool(new_values or new_steps)
    notes = bool(notes_added or notes_updated)
    anything = created or workshop_updated or structure or notes
    anything = anything or bool(new_participants or new_commitments)
    changes = Changes(
        workshop_id=wid,
        workshops=anything,
        participants=created or bool(new_participants),
        values=created or bool(new_values),
        steps=created or structure,
        notes=created or notes,
        foundation=created or bool(new_values),
        commitments=created or bool(new_commitments),
        created_id=wid if created else None,
    )
    unit_name = w["unit_name"] if created or workshop_updated else existing["unit_name"]
    return ImportSummary(
        workshop_id=wid,
        unit_name=unit_name,
        created=created,
        workshop_updated=workshop_updated,
        participants_added=len(new_participants),
        values_added=len(new_values),
        steps_added=len(new_steps),
        notes_added=notes_added,
        notes_updated=notes_updated,
        commitments_added=len(new_commitments),
        changes=changes,
    )
