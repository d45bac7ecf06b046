"""Databases as older versions of the app left them, written row by row.

Today's ``Workspace`` writes today's columns, so it cannot build an old file; these
helpers insert what an old app stored, with only the columns its schema had.
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from leaderapp.core.model import new_id, now_iso
from leaderapp.core.storage.migrations import migrations

OLD_STEPS = (("checkin", None), ("value_meaning", "dialog"), ("commitments", None))


def old_database(path: Path, stop_before: str, note_text: str) -> str:
    """A file with every migration before ``stop_before`` applied and one workshop
    (one value, three steps, one note in the value's step); returns the workshop id."""
    db = Database(path)
    migrations.apply(db, stop_before=stop_before)
    stamp = now_iso()
    workshop_id, value_id = new_id(), new_id()
    db["workshop"].insert(
        {
            "id": workshop_id,
            "unit_name": "Gammel afdeling",
            "organisation": "",
            "facilitator": "",
            "dates": "[]",
            "created_at": stamp,
            "updated_at": stamp,
        }
    )
    db["value"].insert(
        {"id": value_id, "workshop_id": workshop_id, "key": "dialog", "name": "Dialog"}
        | {"description": "", "position": 0}
    )
    db["foundation"].insert({"id": workshop_id, "title": "Ledelsesgrundlag", "introduction": ""})
    db["foundation_section"].insert(
        {"id": value_id, "workshop_id": workshop_id, "heading": "", "principles": "[]"}
        | {"expect_of_us": "", "expect_of_you": ""}
    )
    step_ids = []
    for position, (exercise_id, key) in enumerate(OLD_STEPS):
        step_ids.append(new_id())
        db["step"].insert(
            {
                "id": step_ids[-1],
                "workshop_id": workshop_id,
                "exercise_id": exercise_id,
                "value_id": value_id if key else None,
                "position": position,
                "timebox_minutes": 20,
            }
        )
    db["workshop"].update(workshop_id, {"current_step_id": step_ids[0]})
    db["note"].insert(
        {
            "id": new_id(),
            "workshop_id": workshop_id,
            "step_id": step_ids[1],
            "value_id": value_id,
            "text": note_text,
            "position": 0,
            "created_at": stamp,
            "updated_at": stamp,
        }
    )
    db.close()
    return workshop_id
