"""Rows <-> domain records. The only place that knows column encodings."""

from __future__ import annotations

import json
from datetime import date

from leaderapp.core.model import (
    Commitment,
    CommitmentStatus,
    FoundationSection,
    Note,
    Participant,
    Step,
    Value,
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
    )
