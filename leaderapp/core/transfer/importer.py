"""Import a workshop file: validate all of it, then merge it in one transaction.

Records are matched by id (UUID), so files from several laptops of the same
workshop merge without duplicates. Merge rules (also in docs/workshop-file.md):
a record only in the file is added; a record on both sides keeps the version
with the newer ``updated_at`` where the record has one (the workshop row and
notes), otherwise the local one. Nothing is ever deleted by an import.
"""

from __future__ import annotations

import base64
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
from leaderapp.core.transfer.validate import note_order, read_document, refuse
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
    clusters_added: int = 0
    votes_added: int = 0
    ratings_added: int = 0
    ratings_updated: int = 0
    versions_added: int = 0
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
        if self.votes_added:
            parts.append(
                ngettext("{n} new vote", "{n} new votes", self.votes_added).format(
                    n=self.votes_added
                )
            )
        ratings = self.ratings_added + self.ratings_updated
        if ratings:
            parts.append(
                ngettext("{n} new or changed rating", "{n} new or changed ratings", ratings).format(
                    n=ratings
                )
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
        # Version 1 files have none of these.
        "cluster": ("workshop.clusters", w.get("clusters", []), "id"),
        "vote": ("workshop.votes", w.get("votes", []), "id"),
        "rating": ("workshop.ratings", w.get("ratings", []), "id"),
        "foundation_version": (
            "workshop.foundation_versions",
            w.get("foundation_versions", []),
            "id",
        ),
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


def _foundation_row(foundation: dict) -> dict:
    row = {"title": foundation["title"], "introduction": foundation["introduction"]}
    if "logo" in foundation:  # version 2: the cover details, logo and version
        logo = foundation["logo"]
        row.update(
            version=foundation["version"],
            version_date=foundation["version_date"],
            involvement=foundation["involvement"],
            logo=base64.b64decode(logo) if logo is not None else None,
            logo_type=foundation["logo_type"],
        )
    return row


def _note_content(n: dict) -> dict:
    """What a newer note from the file replaces; fields a version 1 file lacks are kept."""
    content = {
        "step_id": n["step_id"],
        "value_id": n["value_id"],
        "author_id": n["author_id"],
        "text": n["text"],
        "created_at": n["created_at"],
        "updated_at": n["updated_at"],
    }
    for key in ("slot", "cluster_id", "round"):
        if key in n:
            content[key] = n[key]
    if "hidden" in n:
        content["hidden"] = int(n["hidden"])
    return content


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
        db["foundation"].insert({"id": wid, **_foundation_row(foundation)})

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
        settings = s.get("settings")
        db["step"].insert(
            {
                "id": s["id"],
                "workshop_id": wid,
                "exercise_id": s["exercise_id"],
                "value_id": s["value_id"],
                "position": positions.place(s["position"]),
                "timebox_minutes": s["timebox_minutes"],
                "meeting": s.get("meeting"),  # optional in versions 1 and 2
                "skipped": int(s.get("skipped", False)),
                "anonymous": int(s.get("anonymous", False)),
                "settings": json.dumps(settings, ensure_ascii=False) if settings else None,
            }
        )

    # Clusters before notes: a note points to its cluster.
    new_clusters = [c for c in w.get("clusters", []) if c["id"] not in local["cluster"]]
    for c in new_clusters:
        db["cluster"].insert(
            {
                "id": c["id"],
                "workshop_id": wid,
                "step_id": c["step_id"],
                "name": c["name"],
                "position": c["position"],
            }
        )

    positions = _Positions(db, "note", wid)
    notes_added = notes_updated = 0
    for n in note_order(w["notes"]):  # parents first: the database checks the link at once
        content = _note_content(n)
        mine = local["note"].get(n["id"])
        if mine is None:
            db["note"].insert(
                {
                    "id": n["id"],
                    "workshop_id": wid,
                    "position": positions.place(n["position"]),
                    "parent_id": n.get("parent_id"),
                    **content,
                }
            )
            notes_added += 1
        elif _newer(n["updated_at"], mine["updated_at"]):
            db["note"].update(n["id"], content)  # it keeps its place in the list here
            notes_updated += 1

    new_votes = [v for v in w.get("votes", []) if v["id"] not in local["vote"]]
    for v in new_votes:
        db["vote"].insert(
            {
                "id": v["id"],
                "workshop_id": wid,
                "step_id": v["step_id"],
                "note_id": v["note_id"],
                "participant_id": v["participant_id"],
                "dots": v["dots"],
            }
        )

    ratings_added, ratings_updated = _merge_ratings(db, wid, w.get("ratings", []), local)

    new_versions = [
        v for v in w.get("foundation_versions", []) if v["id"] not in local["foundation_version"]
    ]
    for v in new_versions:
        db["foundation_version"].insert(
            {
                "id": v["id"],
                "workshop_id": wid,
                "version": v["version"],
                "version_date": v["version_date"],
                "created_at": v["created_at"],
                "content": v["content"],
            }
        )

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
                "review_note": c.get("review_note", ""),
            }
        )

    structure = bool(new_values or new_steps)
    notes = bool(notes_added or notes_updated)
    ratings = bool(ratings_added or ratings_updated)
    anything = created or workshop_updated or structure or notes or ratings
    anything = anything or bool(
        new_participants or new_commitments or new_clusters or new_votes or new_versions
    )
    changes = Changes(
        workshop_id=wid,
        workshops=anything,
        participants=created or bool(new_participants),
        values=created or bool(new_values),
        steps=created or structure,
        notes=created or notes,
        foundation=created or bool(new_values),
        commitments=created or bool(new_commitments),
        clusters=created or bool(new_clusters),
        votes=created or bool(new_votes),
        ratings=created or ratings,
        versions=created or bool(new_versions),
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
        clusters_added=len(new_clusters),
        votes_added=len(new_votes),
        ratings_added=ratings_added,
        ratings_updated=ratings_updated,
        versions_added=len(new_versions),
        changes=changes,
    )


def _merge_ratings(
    db: Database, wid: str, ratings: list[dict], local: dict[str, dict]
) -> tuple[int, int]:
    """A step has one rating per participant and item: a rating from the file that
    matches a local one by id, or by (step, participant, item) when the same person
    rated on two laptops, replaces it only when it is newer."""
    by_key = {
        (r["step_id"], r["participant_id"], r["item"]): r
        for r in db.query("SELECT * FROM rating WHERE workshop_id = ?", [wid])
    }
    added = updated = 0
    for r in ratings:
        key = (r["step_id"], r["participant_id"], r["item"])
        mine = local["rating"].get(r["id"]) or by_key.get(key)
        if mine is None:
            row = {
                "id": r["id"],
                "workshop_id": wid,
                "step_id": r["step_id"],
                "participant_id": r["participant_id"],
                "item": r["item"],
                "score": float(r["score"]),
                "updated_at": r["updated_at"],
            }
            db["rating"].insert(row)
            by_key[key] = row
            added += 1
        elif _newer(r["updated_at"], mine["updated_at"]):
            db["rating"].update(
                mine["id"], {"score": float(r["score"]), "updated_at": r["updated_at"]}
            )
            by_key[key] = {**mine, "score": float(r["score"]), "updated_at": r["updated_at"]}
            updated += 1
    return added, updated
