"""What a write changed, so each screen can decide for itself whether to redraw."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    workshop_id: str | None = None
    workshops: bool = False
    participants: bool = False
    values: bool = False
    steps: bool = False
    notes: bool = False
    foundation: bool = False
    commitments: bool = False
    clusters: bool = False
    votes: bool = False
    ratings: bool = False
    versions: bool = False  # the foundation's cover details, logo or kept versions
    created_id: str | None = None  # the id of a record the write created

    def __or__(self, other: Changes) -> Changes:
        merged = {}
        for f in fields(self):
            a, b = getattr(self, f.name), getattr(other, f.name)
            merged[f.name] = (a or b) if isinstance(a, bool) else (a if a is not None else b)
        return Changes(**merged)

    @property
    def anything(self) -> bool:
        return any(getattr(self, f.name) is True for f in fields(self))
