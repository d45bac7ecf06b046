"""Domain records and their validation.

Records are frozen dataclasses: the storage layer builds them, the GUI reads them,
and export threads can hold them without sharing a database connection.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from leaderapp.core.i18n import N_, _

# Limits that keep the app responsive and the PDF sane, while leaving room for
# anything a group really writes (a 1 MB paste fits in a note).
MAX_NAME_LENGTH = 200
MAX_TEXT_LENGTH = 2_000_000
MIN_PRINCIPLES = 3
MAX_PRINCIPLES = 6


class ValidationError(ValueError):
    """A user-facing problem with input; the message is already translated."""


def new_id() -> str:
    return str(uuid.uuid4())


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def storable(text: str) -> str:
    """Replace lone surrogates (unencodable in UTF-8, so SQLite would refuse the
    whole write) with U+FFFD; every other character is kept exactly."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def clean_name(value: str, what: str, *, required: bool = True) -> str:
    """Trim a one-line name; ``what`` is the translated field label."""
    text = " ".join(storable(value or "").split())
    if required and not text:
        raise ValidationError(_("{field} must not be empty.").format(field=what))
    if len(text) > MAX_NAME_LENGTH:
        raise ValidationError(
            _("{field} is too long (at most {n} characters).").format(field=what, n=MAX_NAME_LENGTH)
        )
    return text


def check_text(value: str, what: str) -> str:
    """Free text is stored exactly as typed, only bounded in size."""
    text = storable(value or "")
    if len(text) > MAX_TEXT_LENGTH:
        raise ValidationError(
            _("{field} is too long (at most {n} characters).").format(
                field=what, n=f"{MAX_TEXT_LENGTH:,}".replace(",", ".")
            )
        )
    return text


class CommitmentStatus(enum.StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    ADJUSTED = "adjusted"  # at the follow-up: kept, but changed to fit what was learnt
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return _(_STATUS_LABELS[self])


_STATUS_LABELS = {
    CommitmentStatus.PLANNED: N_("Planned"),
    CommitmentStatus.IN_PROGRESS: N_("In progress"),
    CommitmentStatus.DONE: N_("Done"),
    CommitmentStatus.ADJUSTED: N_("Adjusted"),
    CommitmentStatus.DROPPED: N_("Dropped"),
}


@dataclass(frozen=True)
class Participant:
    id: str
    workshop_id: str
    name: str
    position: int


@dataclass(frozen=True)
class Workshop:
    id: str
    unit_name: str
    organisation: str
    facilitator: str
    dates: tuple[date, ...]
    created_at: str
    updated_at: str
    current_step_id: str | None = None
    program_id: str | None = None  # the program it was created from; None before m003

    @property
    def first_date(self) -> date | None:
        return min(self.dates) if self.dates else None


@dataclass(frozen=True)
class WorkshopSummary:
    """One row of the start page's list."""

    id: str
    unit_name: str
    organisation: str
    dates: tuple[date, ...]
    updated_at: str
    note_count: int

    @property
    def first_date(self) -> date | None:
        return min(self.dates) if self.dates else None


@dataclass(frozen=True)
class Value:
    id: str
    workshop_id: str
    name: str
    description: str
    position: int
    key: str | None = None  # "dialog", "dygtighed", "dristighed" for the region's own


@dataclass(frozen=True)
class Step:
    id: str
    workshop_id: str
    exercise_id: str
    position: int
    timebox_minutes: int
    value_id: str | None = None
    meeting: int | None = None  # 1, 2, 3 … when the workshop's program has several meetings
    skipped: bool = False  # the facilitator skips it this time; it stays in the plan
    anonymous: bool = False  # notes, votes and ratings of this step carry no author
    # Kind-specific choices for this step, stored as JSON: "dots" (per participant),
    # "rounds" (1-2-4-all), "pair" (the polarity map's two areas) …
    settings: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Note:
    id: str
    workshop_id: str
    step_id: str
    text: str
    position: int
    created_at: str
    updated_at: str
    value_id: str | None = None
    author_id: str | None = None
    slot: str | None = None  # the field of a structured exercise it answers ("from", "to" …)
    parent_id: str | None = None  # e.g. the attitude an action belongs to
    hidden: bool = False  # silent writing: not shown to the room until revealed
    cluster_id: str | None = None
    round: int | None = None  # 1, 2, 4 or 0 (all) in a 1-2-4-all step


@dataclass(frozen=True)
class Cluster:
    """A named group of notes in a step, made by dragging notes together."""

    id: str
    workshop_id: str
    step_id: str
    name: str
    position: int


@dataclass(frozen=True)
class Vote:
    """A participant's dots on a note (participant None: cast for the room)."""

    id: str
    workshop_id: str
    step_id: str
    note_id: str
    dots: int
    participant_id: str | None = None


@dataclass(frozen=True)
class Rating:
    """A score for an item of a step: a competence dimension or a polarity placement."""

    id: str
    workshop_id: str
    step_id: str
    item: str
    score: float
    updated_at: str
    participant_id: str | None = None  # None: the group's own, or anonymous


@dataclass(frozen=True)
class FoundationSection:
    """What the foundation says about one value."""

    value_id: str
    workshop_id: str
    heading: str
    principles: tuple[str, ...]
    expect_of_us: str
    expect_of_you: str

    def principle_problem(self) -> str | None:
        """A gentle hint when the section strays from 3-6 short principles."""
        n = len([p for p in self.principles if p.strip()])
        if n < MIN_PRINCIPLES:
            return _("Write at least {n} principles.").format(n=MIN_PRINCIPLES)
        if n > MAX_PRINCIPLES:
            return _("Keep it to at most {n} principles.").format(n=MAX_PRINCIPLES)
        return None


@dataclass(frozen=True)
class Foundation:
    workshop_id: str
    title: str
    introduction: str
    sections: tuple[FoundationSection, ...] = ()
    version: str = ""  # "1.0", "2026" … as the group names its versions
    version_date: date | None = None
    involvement: str = ""  # how employees were involved, e.g. "drøftet i LokalMED …"
    logo: bytes | None = field(default=None, repr=False)  # PNG or JPEG, validated
    logo_type: str | None = None  # "image/png" or "image/jpeg"


@dataclass(frozen=True)
class FoundationVersion:
    """An earlier version of the foundation, kept whole (``content`` is JSON)."""

    id: str
    workshop_id: str
    version: str
    version_date: date | None
    created_at: str
    content: str


@dataclass(frozen=True)
class Commitment:
    id: str
    workshop_id: str
    action: str
    owner: str
    position: int
    due_date: date | None = None
    status: CommitmentStatus = CommitmentStatus.PLANNED
    value_id: str | None = None
    review_note: str = ""  # at the follow-up: what became of it


@dataclass(frozen=True)
class WorkshopSnapshot:
    """Everything about one workshop at one moment: what export and views read."""

    workshop: Workshop
    participants: tuple[Participant, ...]
    values: tuple[Value, ...]
    steps: tuple[Step, ...]
    notes: tuple[Note, ...]
    foundation: Foundation
    commitments: tuple[Commitment, ...]
    clusters: tuple[Cluster, ...] = ()
    votes: tuple[Vote, ...] = ()
    ratings: tuple[Rating, ...] = ()
    versions: tuple[FoundationVersion, ...] = ()  # earlier versions of the foundation

    def value(self, value_id: str | None) -> Value | None:
        return next((v for v in self.values if v.id == value_id), None)

    def section(self, value_id: str) -> FoundationSection | None:
        return next((s for s in self.foundation.sections if s.value_id == value_id), None)

    def participant(self, participant_id: str | None) -> Participant | None:
        return next((p for p in self.participants if p.id == participant_id), None)

    def notes_in_step(self, step_id: str) -> tuple[Note, ...]:
        return tuple(n for n in self.notes if n.step_id == step_id)

    def ratings_in_step(self, step_id: str) -> tuple[Rating, ...]:
        return tuple(r for r in self.ratings if r.step_id == step_id)

    def votes_in_step(self, step_id: str) -> tuple[Vote, ...]:
        return tuple(v for v in self.votes if v.step_id == step_id)


@dataclass(frozen=True)
class WorkshopDraft:
    """What the user fills in to create a workshop."""

    unit_name: str
    organisation: str = ""
    facilitator: str = ""
    dates: tuple[date, ...] = ()
    participants: tuple[str, ...] = ()
    program_id: str = "standard"
    value_names: tuple[str, ...] | None = field(default=None)  # None: the region's three


def parse_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise ValidationError(
            _("“{text}” is not a date (use YYYY-MM-DD).").format(text=text)
        ) from exc
