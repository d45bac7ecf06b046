"""Rows <-> domain records. The only place that knows column encodings."""

from __future__ import annotations

import json
from datetime import date

from leaderapp.core.model import (
    Cluster,
    Commitment,
    CommitmentStatus,
    FoundationSection,
    FoundationVersion,
    Note,
    Participant,
    Rating,
    Step,
    Value,
    Vote,
    Workshop,
)


def dates_to_json(dates: tuple[date, ...]) -> str:
    return json.dumps(sorted(d.isoformat() for d in dates))


def dates_from_json(text: str | None) -> tuple[date, ...]:
    return tuple(date.fromisoformat(d) for d in json.loads(text or "[]"))


def workshop(row: dict) -> Workshop:
    return Workshop(
        id=row["id"],
        unit_name=row["unit_name"],
        organisation=row["organisation"] or "",
        facilitator=row["facilitator"] or "",
        dates=dates_from_json(row["dates"]),
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        current_step_id=row["current_step_id"],
        program_id=row["program_id"],
    )


def participant(row: dict) -> Participant:
    return Participant(row["id"], row["workshop_id"], row["name"], row["position"])


def value(row: dict) -> Value:
    return Value(
        id=row["id"],
        workshop_id=row["workshop_id"],
        name=row["name"],
        description=row["description"] or "",
        position=row["position"],
        key=row["key"],
    )


def step(row: dict) -> Step:
    return Step(
        id=row["id"],
        workshop_id=row["workshop_id"],
        exercise_id=row["exercise_id"],
        position=row["position"],
        timebox_minutes=row["timebox_minutes"],
        value_id=row["value_id"],
        meeting=row["meeting"],
        skipped=bool(row.get("skipped")),
        anonymous=bool(row.get("anonymous")),
        settings=json.loads(row["settings"]) if row.get("settings") else {},
    )


def note(row: dict) -> Note:
    return Note(
        id=row["id"],
        workshop_id=row["workshop_id"],
        step_id=row["step_id"],
        text=row["text"],
        position=row["position"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        value_id=row["value_id"],
        author_id=row["author_id"],
        slot=row.get("slot"),
        parent_id=row.get("parent_id"),
        hidden=bool(row.get("hidden")),
        cluster_id=row.get("cluster_id"),
        round=row.get("round"),
    )


def section(row: dict) -> FoundationSection:
    return FoundationSection(
        value_id=row["id"],
        workshop_id=row["workshop_id"],
        heading=row["heading"] or "",
        principles=tuple(json.loads(row["principles"] or "[]")),
        expect_of_us=row["expect_of_us"] or "",
        expect_of_you=row["expect_of_you"] or "",
    )


def commitment(row: dict) -> Commitment:
    return Commitment(
        id=row["id"],
        workshop_id=row["workshop_id"],
        action=row["action"],
        owner=row["owner"] or "",
        position=row["position"],
        due_date=date.fromisoformat(row["due_date"]) if row["due_date"] else None,
        status=CommitmentStatus(row["status"]),
        value_id=row["value_id"],
        review_note=row.get("review_note") or "",
    )


def cluster(row: dict) -> Cluster:
    return Cluster(
        id=row["id"],
        workshop_id=row["workshop_id"],
        step_id=row["step_id"],
        name=row["name"],
        position=row["position"] or 0,
    )


def vote(row: dict) -> Vote:
    return Vote(
        id=row["id"],
        workshop_id=row["workshop_id"],
        step_id=row["step_id"],
        note_id=row["note_id"],
        dots=row["dots"],
        participant_id=row["participant_id"],
    )


def rating(row: dict) -> Rating:
    return Rating(
        id=row["id"],
        workshop_id=row["workshop_id"],
        step_id=row["step_id"],
        item=row["item"],
        score=row["score"],
        updated_at=row["updated_at"] or "",
        participant_id=row["participant_id"],
    )


def foundation_version(row: dict) -> FoundationVersion:
    return FoundationVersion(
        id=row["id"],
        workshop_id=row["workshop_id"],
        version=row["version"] or "",
        version_date=date.fromisoformat(row["version_date"]) if row["version_date"] else None,
        created_at=row["created_at"],
        content=row["content"],
    )
