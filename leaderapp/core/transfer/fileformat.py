"""The workshop file: its constants, its error and the document built from a snapshot.

Format described in ``docs/workshop-file.md`` and, formally, in
``resources/schema/workshop-file.schema.json``. Records nest under the
workshop, so they carry no ``workshop_id`` of their own.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable

from leaderapp import __version__
from leaderapp.core.model import FoundationVersion, WorkshopSnapshot, now_iso

FORMAT = "vaerdidialog-workshop"
# 2: facilitation data (step settings, structured and hidden notes, clusters, votes,
# ratings), the foundation's cover details, logo and kept versions, commitment reviews.
VERSION = 2
READABLE_VERSIONS = (1, 2)  # version 1 files import; what they lack gets the defaults
FILE_SUFFIX = ".vaerdidialog.json"
# Far above any real workshop (a 1 MB paste per note would still fit dozens),
# small enough to read and check in memory on an old laptop.
MAX_FILE_BYTES = 50 * 1024 * 1024


class WorkshopFileError(Exception):
    """A workshop file cannot be read or written; the message is translated."""


def snapshot_to_document(
    snapshot: WorkshopSnapshot, versions: Iterable[FoundationVersion] = ()
) -> dict:
    """The file's document for ``snapshot`` and the foundation's kept ``versions``."""
    w = snapshot.workshop
    f = snapshot.foundation
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": now_iso(),
        "app_version": __version__,
        "workshop": {
            "id": w.id,
            "unit_name": w.unit_name,
            "organisation": w.organisation,
            "facilitator": w.facilitator,
            "dates": sorted(d.isoformat() for d in w.dates),
            "current_step_id": w.current_step_id,
            "created_at": w.created_at,
            "updated_at": w.updated_at,
            "program_id": w.program_id,
            "participants": [
                {"id": p.id, "name": p.name, "position": p.position} for p in snapshot.participants
            ],
            "values": [
                {
                    "id": v.id,
                    "key": v.key,
                    "name": v.name,
                    "description": v.description,
                    "position": v.position,
                }
                for v in snapshot.values
            ],
            "steps": [
                {
                    "id": s.id,
                    "exercise_id": s.exercise_id,
                    "value_id": s.value_id,
                    "position": s.position,
                    "timebox_minutes": s.timebox_minutes,
                    "meeting": s.meeting,
                    "skipped": s.skipped,
                    "anonymous": s.anonymous,
                    "settings": s.settings,
                }
                for s in snapshot.steps
            ],
            "notes": [
                {
                    "id": n.id,
                    "step_id": n.step_id,
                    "value_id": n.value_id,
                    "author_id": n.author_id,
                    "text": n.text,
                    "position": n.position,
                    "created_at": n.created_at,
                    "updated_at": n.updated_at,
                    "slot": n.slot,
                    "parent_id": n.parent_id,
                    "hidden": n.hidden,
                    "cluster_id": n.cluster_id,
                    "round": n.round,
                }
                for n in snapshot.notes
            ],
            "clusters": [
                {"id": c.id, "step_id": c.step_id, "name": c.name, "position": c.position}
                for c in snapshot.clusters
            ],
            "votes": [
                {
                    "id": v.id,
                    "step_id": v.step_id,
                    "note_id": v.note_id,
                    "participant_id": v.participant_id,
                    "dots": v.dots,
                }
                for v in snapshot.votes
            ],
            "ratings": [
                {
                    "id": r.id,
                    "step_id": r.step_id,
                    "participant_id": r.participant_id,
                    "item": r.item,
                    "score": r.score,
                    # A rating always gets a time when set; fall back rather than refuse.
                    "updated_at": r.updated_at or w.updated_at,
                }
                for r in snapshot.ratings
            ],
            "foundation": {
                "title": f.title,
                "introduction": f.introduction,
                "sections": [
                    {
                        "value_id": s.value_id,
                        "heading": s.heading,
                        "principles": list(s.principles),
                        "expect_of_us": s.expect_of_us,
                        "expect_of_you": s.expect_of_you,
                    }
                    for s in f.sections
                ],
                "version": f.version,
                "version_date": f.version_date.isoformat() if f.version_date else None,
                "involvement": f.involvement,
                "logo": base64.b64encode(f.logo).decode("ascii") if f.logo else None,
                "logo_type": f.logo_type if f.logo else None,
            },
            "foundation_versions": [
                {
                    "id": v.id,
                    "version": v.version,
                    "version_date": v.version_date.isoformat() if v.version_date else None,
                    "created_at": v.created_at,
                    "content": v.content,
                }
                for v in versions
            ],
            "commitments": [
                {
                    "id": c.id,
                    "value_id": c.value_id,
                    "action": c.action,
                    "owner": c.owner,
                    "due_date": c.due_date.isoformat() if c.due_date else None,
                    "status": c.status.value,
                    "position": c.position,
                    "review_note": c.review_note,
                }
                for c in snapshot.commitments
            ],
        },
    }


def suggested_file_name(snapshot: WorkshopSnapshot) -> str:
    """A file name a person recognises: unit name and first date, safe on every OS."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", snapshot.workshop.unit_name)
    name = " ".join(name.split()).strip(" .")[:80] or "workshop"
    first = snapshot.workshop.first_date
    return f"{name} {first.isoformat()}{FILE_SUFFIX}" if first else f"{name}{FILE_SUFFIX}"
