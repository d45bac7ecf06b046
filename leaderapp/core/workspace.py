"""The facade the GUI and CLI talk to: reads return records, writes return Changes.

Every public write is one transaction (``db.atomic()``), so a user action is
either fully stored or not at all. The ``Workspace`` owns one SQLite connection,
which is bound to the thread that opened it: background work takes a
``snapshot()`` first and works on that.

Reads go straight to the ``sqlite3`` connection; the sqlite-utils ``Database``
around it (``self.db``) is made on the first write, or by ``prepare_writes()``,
so that the window's first screen does not wait for sqlite-utils to import
(docs/performance.md, cold start).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from leaderapp.core.changes import Changes
from leaderapp.core.facilitation.clusters import ClustersMixin
from leaderapp.core.facilitation.plan import PlanMixin
from leaderapp.core.facilitation.ratings import RatingsMixin
from leaderapp.core.facilitation.reveal import RevealMixin
from leaderapp.core.facilitation.rounds import RoundsMixin
from leaderapp.core.facilitation.versions import VersionsMixin
from leaderapp.core.facilitation.votes import VotesMixin
from leaderapp.core.i18n import _, current_language
from leaderapp.core.model import (
    Commitment,
    CommitmentStatus,
    Foundation,
    FoundationSection,
    Note,
    Participant,
    Step,
    ValidationError,
    Value,
    Workshop,
    WorkshopDraft,
    WorkshopSnapshot,
    WorkshopSummary,
    check_text,
    clean_name,
    new_id,
    now_iso,
)
from leaderapp.core.storage import rows
from leaderapp.core.storage.database import open_connection
from leaderapp.core.storage.rows import dates_to_json

if TYPE_CHECKING:
    from sqlite_utils import Database

    from leaderapp.core.library import Library, ProgramStep


def load_library() -> Library:
    """The exercise library, imported when first needed (not for the start page)."""
    from leaderapp.core.library import load_library as load

    return load()


class NotFound(LookupError):
    """A record asked for by id does not exist (any more)."""


class Workspace(
    PlanMixin,
    RevealMixin,
    ClustersMixin,
    VotesMixin,
    RatingsMixin,
    RoundsMixin,
    VersionsMixin,
):
    def __init__(self, db: Database | sqlite3.Connection, path: Path | None = None) -> None:
        self._set_connection(db)
        self.path = path

    def _set_connection(self, db: Database | sqlite3.Connection) -> None:
        if isinstance(db, sqlite3.Connection):
            self.conn, self._db = db, None
        else:
            self.conn, self._db = db.conn, db

    @property
    def db(self) -> Database:
        """The sqlite-utils ``Database`` on this workspace's connection."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    def prepare_writes(self) -> None:
        """Load what writing needs now (sqlite-utils), not at the user's first edit."""
        self.db  # noqa: B018 - the property does the work

    @classmethod
    def open(cls, path: Path | None) -> Workspace:
        """Open the database file (``None``: a throwaway in-memory one)."""
        return cls(open_connection(path), path)

    def close(self) -> None:
        self.conn.close()

    def reopen(self) -> None:
        """Open the file again after it was replaced on disk (a restored backup).

        Close the workspace first; objects holding this Workspace keep working.
        """
        if self.path is None:
            raise ValueError("an in-memory workspace cannot be reopened")
        self._set_connection(open_connection(self.path))

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Workspace]:
        """Group several writes into one all-or-nothing user action."""
        with self.db.atomic():
            yield self

    # ----------------------------------------------------------------- helpers
    def _row(self, table: str, record_id: str) -> dict:
        found = self._rows(f'SELECT * FROM "{table}" WHERE id = ?', [record_id])
        if not found:
            raise NotFound(f"{table} {record_id}")
        return found[0]

    def _rows(self, sql: str, params: Sequence = ()) -> list[dict]:
        cursor = self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def _touch(self, workshop_id: str) -> None:
        self.db["workshop"].update(workshop_id, {"updated_at": now_iso()})

    def _exists(self, table: str, record_id: str | None) -> bool:
        if record_id is None:
            return False
        row = self.conn.execute(f'SELECT 1 FROM "{table}" WHERE id = ?', [record_id]).fetchone()
        return row is not None

    def _next_position(self, table: str, workshop_id: str) -> int:
        row = self.conn.execute(
            f'SELECT COALESCE(MAX(position), -1) + 1 FROM "{table}" WHERE workshop_id = ?',
            [workshop_id],
        ).fetchone()
        return int(row[0])

    def _renumber(self, table: str, ids: Iterable[str]) -> None:
        for position, record_id in enumerate(ids):
            self.db[table].update(record_id, {"position": position})

    # --------------------------------------------------------------- workshops
    def list_workshops(self) -> list[WorkshopSummary]:
        result = []
        for row in self._rows(
            """SELECT w.*, (SELECT count(*) FROM note n WHERE n.workshop_id = w.id) AS notes
               FROM workshop w ORDER BY w.updated_at DESC"""
        ):
            result.append(
                WorkshopSummary(
                    id=row["id"],
                    unit_name=row["unit_name"],
                    organisation=row["organisation"] or "",
                    dates=rows.dates_from_json(row["dates"]),
                    updated_at=row["updated_at"],
                    note_count=row["notes"],
                )
            )
        return result

    def workshop(self, workshop_id: str) -> Workshop:
        return rows.workshop(self._row("workshop", workshop_id))

    def find_workshop(self, ref: str) -> Workshop:
        """By id, or by exact unit name when that name is unique."""
        ref = (ref or "").strip()
        by_id = self._rows("SELECT * FROM workshop WHERE id = ?", [ref])
        if by_id:
            return rows.workshop(by_id[0])
        by_name = self._rows("SELECT * FROM workshop WHERE unit_name = ?", [ref])
        if len(by_name) == 1:
            return rows.workshop(by_name[0])
        if len(by_name) > 1:
            raise NotFound(
                _("Several workshops are called “{name}”; use the id instead.").format(name=ref)
            )
        raise NotFound(_("No workshop has the id or name “{ref}”.").format(ref=ref))

    def create_workshop(self, draft: WorkshopDraft) -> Changes:
        unit_name = clean_name(draft.unit_name, _("The unit name"))
        organisation = clean_name(draft.organisation, _("The organisation"), required=False)
        facilitator = clean_name(draft.facilitator, _("The facilitator"), required=False)
        names = [clean_name(n, _("A participant's name")) for n in draft.participants if n.strip()]
        library = load_library()
        program = library.programs.get(draft.program_id)
        if program is None:
            raise ValidationError(_("Unknown program “{id}”.").format(id=draft.program_id))
        lang = current_language()
        if draft.value_names is None:
            values = [(v.key, v.names[lang], v.descriptions[lang]) for v in library.default_values]
        else:
            values = [(None, clean_name(n, _("A value's name")), "") for n in draft.value_names]
        workshop_id = new_id()
        stamp = now_iso()
        with self.db.atomic():
            self.db["workshop"].insert(
                {
                    "id": workshop_id,
                    "unit_name": unit_name,
                    "organisation": organisation,
                    "facilitator": facilitator,
                    "dates": dates_to_json(draft.dates),
                    "current_step_id": None,
                    "created_at": stamp,
                    "updated_at": stamp,
                    "program_id": program.id,
                }
            )
            for position, name in enumerate(names):
                self.db["participant"].insert(
                    {"id": new_id(), "workshop_id": workshop_id, "name": name, "position": position}
                )
            value_ids: list[tuple[str, str | None]] = []  # (id, key) in the values' order
            for position, (key, name, description) in enumerate(values):
                value_id = self._insert_value(workshop_id, name, description, position, key)
                value_ids.append((value_id, key))
            self.db["foundation"].insert(
                {
                    "id": workshop_id,
                    "title": _("Leadership and values foundation"),
                    "introduction": "",
                }
            )
            position = 0
            first_step = None
            for program_step in program.steps:
                for value_id in _step_values(program_step, value_ids):
                    step_id = new_id()
                    first_step = first_step or step_id
                    self.db["step"].insert(
                        {
                            "id": step_id,
                            "workshop_id": workshop_id,
                            "exercise_id": program_step.exercise_id,
                            "value_id": value_id,
                            "position": position,
                            "timebox_minutes": program_step.minutes,
                            "meeting": program_step.meeting,
                        }
                    )
                    position += 1
            self.db["workshop"].update(workshop_id, {"current_step_id": first_step})
        return Changes(
            workshop_id=workshop_id, workshops=True, values=True, steps=True, created_id=workshop_id
        )

    def update_workshop(
        self,
        workshop_id: str,
        *,
        unit_name: str | None = None,
        organisation: str | None = None,
        facilitator: str | None = None,
        dates: tuple[date, ...] | None = None,
        participants: Sequence[str] | None = None,
    ) -> Changes:
        """Change the details; with ``participants`` the list is replaced in the same
        transaction, so a bad name leaves everything as it was."""
        updates: dict = {}
        if unit_name is not None:
            updates["unit_name"] = clean_name(unit_name, _("The unit name"))
        if organisation is not None:
            updates["organisation"] = clean_name(
                organisation, _("The organisation"), required=False
            )
        if facilitator is not None:
            updates["facilitator"] = clean_name(facilitator, _("The facilitator"), required=False)
        if dates is not None:
            updates["dates"] = dates_to_json(dates)
        self._row("workshop", workshop_id)
        with self.db.atomic():
            updates["updated_at"] = now_iso()
            self.db["workshop"].update(workshop_id, updates)
            if participants is not None:
                self.set_participants(workshop_id, participants)
        return Changes(
            workshop_id=workshop_id, workshops=True, participants=participants is not None
        )

    def rename_workshop(self, workshop_id: str, unit_name: str) -> Changes:
        return self.update_workshop(workshop_id, unit_name=unit_name)

    def delete_workshop(self, workshop_id: str) -> Changes:
        self._row("workshop", workshop_id)
        with self.db.atomic():
            # Cascades remove everything that belongs to the workshop.
            self.db["workshop"].delete(workshop_id)
        return Changes(workshop_id=workshop_id, workshops=True)

    def restore_workshop(self, snapshot: WorkshopSnapshot) -> Changes:
        """Put a deleted workshop back from its snapshot, every id and time as it was."""
        w = snapshot.workshop
        if self._exists("workshop", w.id):
            raise ValidationError(
                _("The workshop “{name}” exists already.").format(name=w.unit_name)
            )
        f = snapshot.foundation
        with self.db.atomic():
            self.db["workshop"].insert(
                {
                    "id": w.id,
                    "unit_name": w.unit_name,
                    "organisation": w.organisation,
                    "facilitator": w.facilitator,
                    "dates": dates_to_json(w.dates),
                    "current_step_id": w.current_step_id,
                    "created_at": w.created_at,
                    "updated_at": w.updated_at,
                    "program_id": w.program_id,
                }
            )
            self.db["participant"].insert_all(
                {"id": p.id, "workshop_id": w.id, "name": p.name, "position": p.position}
                for p in snapshot.participants
            )
            self.db["value"].insert_all(
                {
                    "id": v.id,
                    "workshop_id": w.id,
                    "key": v.key,
                    "name": v.name,
                    "description": v.description,
                    "position": v.position,
                }
                for v in snapshot.values
            )
            self.db["foundation"].insert(
                {
                    "id": w.id,
                    "title": f.title,
                    "introduction": f.introduction,
                    "version": f.version,
                    "version_date": f.version_date.isoformat() if f.version_date else None,
                    "involvement": f.involvement,
                    "logo": f.logo,
                    "logo_type": f.logo_type,
                }
            )
            self.db["foundation_section"].insert_all(
                {
                    "id": s.value_id,
                    "workshop_id": w.id,
                    "heading": s.heading,
                    "principles": json.dumps(list(s.principles), ensure_ascii=False),
                    "expect_of_us": s.expect_of_us,
                    "expect_of_you": s.expect_of_you,
                }
                for s in f.sections
            )
            self.db["step"].insert_all(
                {
                    "id": s.id,
                    "workshop_id": w.id,
                    "exercise_id": s.exercise_id,
                    "value_id": s.value_id,
                    "position": s.position,
                    "timebox_minutes": s.timebox_minutes,
                    "meeting": s.meeting,
                    "skipped": int(s.skipped),
                    "anonymous": int(s.anonymous),
                    "settings": json.dumps(s.settings, ensure_ascii=False) if s.settings else None,
                }
                for s in snapshot.steps
            )
            self.db["cluster"].insert_all(
                {
                    "id": c.id,
                    "workshop_id": w.id,
                    "step_id": c.step_id,
                    "name": c.name,
                    "position": c.position,
                }
                for c in snapshot.clusters
            )
            # Parents before the notes under them (foreign keys are checked per row).
            notes = sorted(snapshot.notes, key=lambda n: n.parent_id is not None)
            self.db["note"].insert_all(_note_row(n) for n in notes)
            self.db["vote"].insert_all(
                {
                    "id": v.id,
                    "workshop_id": w.id,
                    "step_id": v.step_id,
                    "note_id": v.note_id,
                    "participant_id": v.participant_id,
                    "dots": v.dots,
                }
                for v in snapshot.votes
            )
            self.db["rating"].insert_all(
                {
                    "id": r.id,
                    "workshop_id": w.id,
                    "step_id": r.step_id,
                    "participant_id": r.participant_id,
                    "item": r.item,
                    "score": r.score,
                    "updated_at": r.updated_at,
                }
                for r in snapshot.ratings
            )
            self.db["foundation_version"].insert_all(
                {
                    "id": v.id,
                    "workshop_id": w.id,
                    "version": v.version,
                    "version_date": v.version_date.isoformat() if v.version_date else None,
                    "created_at": v.created_at,
                    "content": v.content,
                }
                for v in snapshot.versions
            )
            self.db["commitment"].insert_all(_commitment_row(c) for c in snapshot.commitments)
        return Changes(
            workshop_id=w.id,
            workshops=True,
            participants=True,
            values=True,
            steps=True,
            notes=True,
            foundation=True,
            commitments=True,
            created_id=w.id,
        )

    def set_current_step(self, workshop_id: str, step_id: str) -> Changes:
        step = self.step(step_id)
        if step.workshop_id != workshop_id:
            raise NotFound(step_id)
        with self.db.atomic():
            self.db["workshop"].update(workshop_id, {"current_step_id": step_id})
        return Changes(workshop_id=workshop_id)

    # ------------------------------------------------------------ participants
    def participants(self, workshop_id: str) -> list[Participant]:
        return [
            rows.participant(r)
            for r in self._rows(
                "SELECT * FROM participant WHERE workshop_id = ? ORDER BY position", [workshop_id]
            )
        ]

    def set_participants(self, workshop_id: str, names: Sequence[str]) -> Changes:
        """Replace the list, keeping the ids (and so note authors) of names that stay."""
        cleaned = []
        for name in names:
            if name.strip():
                name = clean_name(name, _("A participant's name"))
                if name not in cleaned:
                    cleaned.append(name)
        existing = {p.name: p for p in self.participants(workshop_id)}
        with self.db.atomic():
            for name, p in existing.items():
                if name not in cleaned:
                    self.db["participant"].delete(p.id)
            for position, name in enumerate(cleaned):
                if name in existing:
                    self.db["participant"].update(existing[name].id, {"position": position})
                else:
                    self.db["participant"].insert(
                        {
                            "id": new_id(),
                            "workshop_id": workshop_id,
                            "name": name,
                            "position": position,
                        }
                    )
            self._touch(workshop_id)
        return Changes(workshop_id=workshop_id, participants=True, notes=True)

    def restore_details(
        self,
        workshop: Workshop,
        participants: Sequence[Participant],
        note_authors: dict[str, str],
    ) -> Changes:
        """Put a workshop's details and participant list back as they were (undo of a
        details edit): the same participant ids, and the authors of notes whose author
        had been removed (``note_authors``: note id -> participant id)."""
        keep = {p.id for p in participants}
        with self.db.atomic():
            self.db["workshop"].update(
                workshop.id,
                {
                    "unit_name": workshop.unit_name,
                    "organisation": workshop.organisation,
                    "facilitator": workshop.facilitator,
                    "dates": dates_to_json(workshop.dates),
                    "updated_at": now_iso(),
                },
            )
            for p in self.participants(workshop.id):
                if p.id not in keep:
                    self.db["participant"].delete(p.id)
            for p in participants:
                self.db["participant"].upsert(
                    {
                        "id": p.id,
                        "workshop_id": workshop.id,
                        "name": p.name,
                        "position": p.position,
                    },
                    pk="id",
                )
            for note_id, author_id in note_authors.items():
                if self._exists("note", note_id):
                    self.db["note"].update(note_id, {"author_id": author_id})
        return Changes(workshop_id=workshop.id, workshops=True, participants=True, notes=True)

    # ------------------------------------------------------------------ values
    def values(self, workshop_id: str) -> list[Value]:
        return [
            rows.value(r)
            for r in self._rows(
                'SELECT * FROM "value" WHERE workshop_id = ? ORDER BY position', [workshop_id]
            )
        ]

    def _insert_value(
        self, workshop_id: str, name: str, description: str, position: int, key: str | None
    ) -> str:
        value_id = new_id()
        self.db["value"].insert(
            {
                "id": value_id,
                "workshop_id": workshop_id,
                "key": key,
                "name": name,
                "description": description,
                "position": position,
            }
        )
        self.db["foundation_section"].insert(
            {
                "id": value_id,
                "workshop_id": workshop_id,
                "heading": "",
                "principles": "[]",
                "expect_of_us": "",
                "expect_of_you": "",
            }
        )
        return value_id

    def add_value(self, workshop_id: str, name: str, description: str = "") -> Changes:
        """A group's own value; it gets its foundation section and its own reflection step."""
        name = clean_name(name, _("A value's name"))
        description = check_text(description, _("The description"))
        values = self.values(workshop_id)
        if any(v.name.casefold() == name.casefold() for v in values):
            raise ValidationError(
                _("The workshop already has a value called “{name}”.").format(name=name)
            )
        steps = self.steps(workshop_id)
        with self.db.atomic():
            value_id = self._insert_value(workshop_id, name, description, len(values), None)
            per_value = [s for s in steps if s.value_id is not None]
            insert_at = (per_value[-1].position + 1) if per_value else len(steps)
            for s in steps:
                if s.position >= insert_at:
                    self.db["step"].update(s.id, {"position": s.position + 1})
            exercise = load_library().exercise("value_meaning")
            minutes = per_value[-1].timebox_minutes if per_value else exercise.default_minutes
            self.db["step"].insert(
                {
                    "id": new_id(),
                    "workshop_id": workshop_id,
                    "exercise_id": exercise.id,
                    "value_id": value_id,
                    "position": insert_at,
                    "timebox_minutes": minutes,
                    # The new value's step joins the meeting where the values are discussed.
                    "meeting": per_value[-1].meeting if per_value else None,
                }
            )
            self._touch(workshop_id)
        return Changes(
            workshop_id=workshop_id, values=True, steps=True, foundation=True, created_id=value_id
        )

    def update_value(
        self, value_id: str, *, name: str | None = None, description: str | None = None
    ) -> Changes:
        value = rows.value(self._row("value", value_id))
        updates: dict = {}
        if name is not None:
            updates["name"] = clean_name(name, _("A value's name"))
            others = [v for v in self.values(value.workshop_id) if v.id != value_id]
            if any(v.name.casefold() == updates["name"].casefold() for v in others):
                raise ValidationError(
                    _("The workshop already has a value called “{name}”.").format(
                        name=updates["name"]
                    )
                )
        if description is not None:
            updates["description"] = check_text(description, _("The description"))
        with self.db.atomic():
            self.db["value"].update(value_id, updates)
            self._touch(value.workshop_id)
        return Changes(workshop_id=value.workshop_id, values=True, steps=True, foundation=True)

    def move_value(self, value_id: str, new_index: int) -> Changes:
        """Reorder values; their foundation sections follow, and so do their steps."""
        value = rows.value(self._row("value", value_id))
        ids = [v.id for v in self.values(value.workshop_id)]
        ids.remove(value_id)
        ids.insert(max(0, min(new_index, len(ids))), value_id)
        steps = self.steps(value.workshop_id)
        value_steps = [s for s in steps if s.value_id]
        slots = sorted(s.position for s in value_steps)
        order = {vid: i for i, vid in enumerate(ids)}
        reordered = sorted(value_steps, key=lambda s: (order[s.value_id], s.position))
        with self.db.atomic():
            self._renumber("value", ids)
            for slot, s in zip(slots, reordered, strict=True):
                self.db["step"].update(s.id, {"position": slot})
            self._touch(value.workshop_id)
        return Changes(workshop_id=value.workshop_id, values=True, steps=True, foundation=True)

    def remove_value(self, value_id: str) -> Changes:
        value = rows.value(self._row("value", value_id))
        with self.db.atomic():
            # Notes written in the value's own steps go with them; notes elsewhere
            # only lose their link to the value (ON DELETE SET NULL).
            self.db["value"].delete(value_id)
            self._renumber("value", [v.id for v in self.values(value.workshop_id)])
            self._renumber("step", [s.id for s in self.steps(value.workshop_id)])
            self._touch(value.workshop_id)
        return Changes(
            workshop_id=value.workshop_id,
            values=True,
            steps=True,
            notes=True,
            foundation=True,
            commitments=True,
        )

    # ------------------------------------------------------------------- steps
    def steps(self, workshop_id: str) -> list[Step]:
        return [
            rows.step(r)
            for r in self._rows(
                "SELECT * FROM step WHERE workshop_id = ? ORDER BY position", [workshop_id]
            )
        ]

    def step(self, step_id: str) -> Step:
        return rows.step(self._row("step", step_id))

    def step_title(self, step: Step) -> str:
        value = rows.value(self._row("value", step.value_id)) if step.value_id else None
        return load_library().exercise(step.exercise_id).title(value.name if value else None)

    def meeting_title(self, workshop: Workshop, meeting: int | None) -> str | None:
        """The title of a step's meeting in the workshop's program, or None when the
        step has no meeting or the program (perhaps from a newer app) is not known here."""
        program = load_library().programs.get(workshop.program_id or "")
        if meeting is None or program is None or not 1 <= meeting <= len(program.meetings):
            return None
        return program.meetings[meeting - 1].text()

    # ------------------------------------------------------------------- notes
    def notes(self, workshop_id: str, step_id: str | None = None) -> list[Note]:
        if step_id is None:
            sql, params = (
                "SELECT * FROM note WHERE workshop_id = ? ORDER BY position",
                [workshop_id],
            )
        else:
            sql = "SELECT * FROM note WHERE workshop_id = ? AND step_id = ? ORDER BY position"
            params = [workshop_id, step_id]
        return [rows.note(r) for r in self._rows(sql, params)]

    def note(self, note_id: str) -> Note:
        return rows.note(self._row("note", note_id))

    def add_note(
        self,
        step_id: str,
        text: str = "",
        *,
        value_id: str | None = None,
        author_id: str | None = None,
        slot: str | None = None,
        parent_id: str | None = None,
        hidden: bool = False,
        round: int | None = None,
        cluster_id: str | None = None,
    ) -> Changes:
        """A note in a step; a step about a value tags its notes with that value.

        ``slot`` names the field of a structured exercise the note answers, ``parent_id``
        the note it belongs under, ``hidden`` keeps it from the room until revealed,
        ``round`` is its 1-2-4-all round; an anonymous step drops the author.
        """
        step = self.step(step_id)
        text = check_text(text, _("The note"))
        if step.anonymous:
            author_id = None
        if parent_id is not None and self.note(parent_id).step_id != step_id:
            raise ValidationError(_("A note can only belong under a note of the same step."))
        stamp = now_iso()
        note_id = new_id()
        with self.db.atomic():
            self.db["note"].insert(
                {
                    "id": note_id,
                    "workshop_id": step.workshop_id,
                    "step_id": step_id,
                    "value_id": value_id or step.value_id,
                    "author_id": author_id,
                    "text": text,
                    "position": self._next_position("note", step.workshop_id),
                    "created_at": stamp,
                    "updated_at": stamp,
                    "slot": slot,
                    "parent_id": parent_id,
                    "hidden": int(hidden),
                    "round": round,
                    "cluster_id": cluster_id,
                }
            )
            self._touch(step.workshop_id)
        return Changes(workshop_id=step.workshop_id, notes=True, created_id=note_id)

    _NO_CHANGE = object()

    def update_note(
        self,
        note_id: str,
        *,
        text: str | None = None,
        value_id: object = _NO_CHANGE,
        author_id: object = _NO_CHANGE,
        slot: object = _NO_CHANGE,
        hidden: object = _NO_CHANGE,
        cluster_id: object = _NO_CHANGE,
        round: object = _NO_CHANGE,
    ) -> Changes:
        note = self.note(note_id)
        updates: dict = {}
        if text is not None:
            updates["text"] = check_text(text, _("The note"))
        if value_id is not self._NO_CHANGE:
            updates["value_id"] = value_id
        if author_id is not self._NO_CHANGE:
            updates["author_id"] = author_id
        if slot is not self._NO_CHANGE:
            updates["slot"] = slot
        if hidden is not self._NO_CHANGE:
            updates["hidden"] = int(bool(hidden))
        if cluster_id is not self._NO_CHANGE:
            updates["cluster_id"] = cluster_id
        if round is not self._NO_CHANGE:
            updates["round"] = round
        if not updates:
            return Changes(workshop_id=note.workshop_id)
        updates["updated_at"] = now_iso()
        with self.db.atomic():
            self.db["note"].update(note_id, updates)
            self._touch(note.workshop_id)
        return Changes(workshop_id=note.workshop_id, notes=True)

    def delete_note(self, note_id: str) -> Changes:
        note = self.note(note_id)
        with self.db.atomic():
            self.db["note"].delete(note_id)
            self._touch(note.workshop_id)
        return Changes(workshop_id=note.workshop_id, notes=True)

    def restore_note(self, note: Note) -> Changes:
        """Put a deleted note back with its id, step, position, author and times.

        An author or value removed in the meantime is left empty; a note whose step
        is gone cannot come back (``NotFound``).
        """
        step = self.step(note.step_id)
        row = _note_row(note)
        row["workshop_id"] = step.workshop_id
        if not self._exists("participant", note.author_id):
            row["author_id"] = None
        if not self._exists("value", note.value_id):
            row["value_id"] = None
        if not self._exists("note", note.parent_id):
            row["parent_id"] = None
        if not self._exists("cluster", note.cluster_id):
            row["cluster_id"] = None
        with self.db.atomic():
            # Update, not INSERT OR REPLACE: a replace skips the delete triggers
            # that keep the note search index in step.
            if self._exists("note", note.id):
                self.db["note"].update(note.id, row)
            else:
                self.db["note"].insert(row)
            self._touch(step.workshop_id)
        return Changes(workshop_id=step.workshop_id, notes=True, created_id=note.id)

    # -------------------------------------------------------------- foundation
    def foundation(self, workshop_id: str) -> Foundation:
        row = self._row("foundation", workshop_id)
        order = {v.id: v.position for v in self.values(workshop_id)}
        sections = sorted(
            (
                rows.section(r)
                for r in self._rows(
                    "SELECT * FROM foundation_section WHERE workshop_id = ?", [workshop_id]
                )
            ),
            key=lambda s: order.get(s.value_id, 0),
        )
        return Foundation(
            workshop_id,
            row["title"] or "",
            row["introduction"] or "",
            tuple(sections),
            version=row["version"] or "",
            version_date=date.fromisoformat(row["version_date"]) if row["version_date"] else None,
            involvement=row["involvement"] or "",
            logo=row["logo"],
            logo_type=row["logo_type"],
        )

    def update_foundation(
        self, workshop_id: str, *, title: str | None = None, introduction: str | None = None
    ) -> Changes:
        updates: dict = {}
        if title is not None:
            updates["title"] = clean_name(title, _("The title"))
        if introduction is not None:
            updates["introduction"] = check_text(introduction, _("The introduction"))
        self._row("foundation", workshop_id)
        with self.db.atomic():
            self.db["foundation"].update(workshop_id, updates)
            self._touch(workshop_id)
        return Changes(workshop_id=workshop_id, foundation=True)

    def section(self, value_id: str) -> FoundationSection:
        return rows.section(self._row("foundation_section", value_id))

    def update_section(
        self,
        value_id: str,
        *,
        heading: str | None = None,
        principles: Sequence[str] | None = None,
        expect_of_us: str | None = None,
        expect_of_you: str | None = None,
    ) -> Changes:
        section = self.section(value_id)
        updates: dict = {}
        if heading is not None:
            updates["heading"] = clean_name(heading, _("The heading"), required=False)
        if principles is not None:
            cleaned = [clean_name(p, _("A principle"), required=False) for p in principles]
            updates["principles"] = json.dumps([p for p in cleaned if p], ensure_ascii=False)
        if expect_of_us is not None:
            updates["expect_of_us"] = check_text(expect_of_us, _("“What you can expect of us”"))
        if expect_of_you is not None:
            updates["expect_of_you"] = check_text(expect_of_you, _("“What we expect of you”"))
        with self.db.atomic():
            self.db["foundation_section"].update(value_id, updates)
            self._touch(section.workshop_id)
        return Changes(workshop_id=section.workshop_id, foundation=True)

    # ------------------------------------------------------------- commitments
    def commitments(self, workshop_id: str) -> list[Commitment]:
        return [
            rows.commitment(r)
            for r in self._rows(
                "SELECT * FROM commitment WHERE workshop_id = ? ORDER BY position", [workshop_id]
            )
        ]

    def commitment(self, commitment_id: str) -> Commitment:
        return rows.commitment(self._row("commitment", commitment_id))

    def add_commitment(
        self,
        workshop_id: str,
        action: str = "",
        owner: str = "",
        due_date: date | None = None,
        value_id: str | None = None,
    ) -> Changes:
        self._row("workshop", workshop_id)
        commitment_id = new_id()
        with self.db.atomic():
            self.db["commitment"].insert(
                {
                    "id": commitment_id,
                    "workshop_id": workshop_id,
                    "value_id": value_id,
                    "action": check_text(action, _("The action")),
                    "owner": clean_name(owner, _("The owner"), required=False),
                    "due_date": due_date.isoformat() if due_date else None,
                    "status": CommitmentStatus.PLANNED.value,
                    "position": self._next_position("commitment", workshop_id),
                }
            )
            self._touch(workshop_id)
        return Changes(workshop_id=workshop_id, commitments=True, created_id=commitment_id)

    def update_commitment(
        self,
        commitment_id: str,
        *,
        action: str | None = None,
        owner: str | None = None,
        due_date: date | None | object = _NO_CHANGE,
        status: CommitmentStatus | None = None,
        value_id: str | None | object = _NO_CHANGE,
        review_note: str | None = None,
    ) -> Changes:
        commitment = self.commitment(commitment_id)
        updates: dict = {}
        if action is not None:
            updates["action"] = check_text(action, _("The action"))
        if owner is not None:
            updates["owner"] = clean_name(owner, _("The owner"), required=False)
        if due_date is not self._NO_CHANGE:
            updates["due_date"] = due_date.isoformat() if due_date else None
        if status is not None:
            updates["status"] = CommitmentStatus(status).value
        if value_id is not self._NO_CHANGE:
            updates["value_id"] = value_id
        if review_note is not None:
            updates["review_note"] = check_text(review_note, _("The review"))
        if not updates:
            return Changes(workshop_id=commitment.workshop_id)
        with self.db.atomic():
            self.db["commitment"].update(commitment_id, updates)
            self._touch(commitment.workshop_id)
        return Changes(workshop_id=commitment.workshop_id, commitments=True)

    def delete_commitment(self, commitment_id: str) -> Changes:
        commitment = self.commitment(commitment_id)
        with self.db.atomic():
            self.db["commitment"].delete(commitment_id)
            self._touch(commitment.workshop_id)
        return Changes(workshop_id=commitment.workshop_id, commitments=True)

    def restore_commitment(self, commitment: Commitment) -> Changes:
        """Put a deleted commitment back with its id and place in the list."""
        self._row("workshop", commitment.workshop_id)
        row = _commitment_row(commitment)
        if not self._exists("value", commitment.value_id):
            row["value_id"] = None
        with self.db.atomic():
            if self._exists("commitment", commitment.id):
                self.db["commitment"].update(commitment.id, row)
            else:
                self.db["commitment"].insert(row)
            self._touch(commitment.workshop_id)
        return Changes(
            workshop_id=commitment.workshop_id, commitments=True, created_id=commitment.id
        )

    # ---------------------------------------------------------------- snapshot
    def snapshot(self, workshop_id: str) -> WorkshopSnapshot:
        """An immutable copy for export and other work off the owning thread."""
        return WorkshopSnapshot(
            workshop=self.workshop(workshop_id),
            participants=tuple(self.participants(workshop_id)),
            values=tuple(self.values(workshop_id)),
            steps=tuple(self.steps(workshop_id)),
            notes=tuple(self.notes(workshop_id)),
            foundation=self.foundation(workshop_id),
            commitments=tuple(self.commitments(workshop_id)),
            clusters=tuple(
                rows.cluster(r)
                for r in self._rows(
                    "SELECT * FROM cluster WHERE workshop_id = ? ORDER BY position", [workshop_id]
                )
            ),
            votes=tuple(
                rows.vote(r)
                for r in self._rows("SELECT * FROM vote WHERE workshop_id = ?", [workshop_id])
            ),
            ratings=tuple(
                rows.rating(r)
                for r in self._rows(
                    "SELECT * FROM rating WHERE workshop_id = ? ORDER BY updated_at", [workshop_id]
                )
            ),
            versions=tuple(
                rows.foundation_version(r)
                for r in self._rows(
                    "SELECT * FROM foundation_version WHERE workshop_id = ? ORDER BY created_at",
                    [workshop_id],
                )
            ),
        )


def _step_values(
    program_step: ProgramStep, values: list[tuple[str, str | None]]
) -> list[str | None]:
    """The value ids a program step is copied for: none for a step that is not per value,
    else every value, or only those whose key the step names (``values = [...]``)."""
    if not program_step.per_value:
        return [None]
    keys = program_step.value_keys
    return [value_id for value_id, key in values if keys is None or key in keys]


def _note_row(note: Note) -> dict:
    return {
        "id": note.id,
        "workshop_id": note.workshop_id,
        "step_id": note.step_id,
        "value_id": note.value_id,
        "author_id": note.author_id,
        "text": note.text,
        "position": note.position,
        "created_at": note.created_at,
        "updated_at": note.updated_at,
        "slot": note.slot,
        "parent_id": note.parent_id,
        "hidden": int(note.hidden),
        "cluster_id": note.cluster_id,
        "round": note.round,
    }


def _commitment_row(commitment: Commitment) -> dict:
    return {
        "id": commitment.id,
        "workshop_id": commitment.workshop_id,
        "value_id": commitment.value_id,
        "action": commitment.action,
        "owner": commitment.owner,
        "due_date": commitment.due_date.isoformat() if commitment.due_date else None,
        "status": CommitmentStatus(commitment.status).value,
        "position": commitment.position,
        "review_note": commitment.review_note,
    }
