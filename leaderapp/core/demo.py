"""The demo workshop: a finished example a new user can open and explore.

The content is Danish user data in ``resources/demo/demo_workshop.toml``. This
module only reads it and writes it through the ``Workspace`` API, so the demo
travels the same write path (and validation) as a workshop typed in by hand.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from leaderapp.core.library import load_library
from leaderapp.core.model import CommitmentStatus, Step, ValidationError, WorkshopDraft
from leaderapp.core.resources import resource_path
from leaderapp.core.workspace import Workspace

# The demo is Danish content whatever the interface language is.
DEMO_LANGUAGE = "da"


class DemoError(ValueError):
    """The shipped demo file is broken; names the file and the field."""


@dataclass(frozen=True)
class DemoNote:
    exercise: str
    value_key: str | None
    author: str
    text: str
    meeting: int | None = None  # which of the exercise's steps, when it comes in several
    slot: str | None = None
    hidden: bool = False
    round: int | None = None
    ref: str | None = None  # the name dot votes use for this note
    children: tuple[DemoNote, ...] = ()  # notes under it (actions, "to", behaviour)
    optional: bool = False  # for a step the demo's own program lacks (a rehearsal's)


@dataclass(frozen=True)
class DemoRating:
    exercise: str
    participant: str
    scores: dict[str, float]  # item -> score
    meeting: int | None = None
    optional: bool = False


@dataclass(frozen=True)
class DemoVotes:
    participant: str
    refs: tuple[str, ...]  # one dot per entry; a ref twice is two dots on that note
    exercise: str = "dot_voting"


@dataclass(frozen=True)
class DemoSection:
    value_key: str
    heading: str
    principles: tuple[str, ...]
    expect_of_us: str
    expect_of_you: str


@dataclass(frozen=True)
class DemoCommitment:
    action: str
    owner: str
    due_in_days: int
    status: CommitmentStatus
    value_key: str | None


@dataclass(frozen=True)
class Demo:
    unit_name: str
    organisation: str
    facilitator: str
    date_offsets: tuple[int, ...]  # days relative to the day the demo is created
    participants: tuple[str, ...]
    program_id: str
    current_step: str | None  # an exercise id
    title: str
    introduction: str
    sections: tuple[DemoSection, ...]
    notes: tuple[DemoNote, ...]
    commitments: tuple[DemoCommitment, ...]
    ratings: tuple[DemoRating, ...] = ()
    votes: tuple[DemoVotes, ...] = ()
    version: str = ""
    version_date_offset: int | None = None
    involvement: str = ""


def demo_path() -> Path:
    return resource_path("demo", "demo_workshop.toml")


def prose(text: str) -> str:
    """Blank lines separate paragraphs; line breaks inside one are only wrapping."""
    paragraphs = re.split(r"\n\s*\n", (text or "").strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _get(data: dict, key: str, kind: type, where: str, default: object = ...) -> object:
    if key not in data:
        if default is not ...:
            return default
        raise DemoError(f"{where}: missing {key!r}")
    value = data[key]
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        raise DemoError(f"{where}: {key!r} must be a non-empty {kind.__name__}")
    return value


def _str_list(data: dict, key: str, where: str) -> tuple[str, ...]:
    items = _get(data, key, list, where)
    if not all(isinstance(i, str) and i.strip() for i in items):
        raise DemoError(f"{where}: {key!r} must be a list of non-empty strings")
    return tuple(i.strip() for i in items)


def load_demo(path: Path | None = None) -> Demo:
    """Read and check the demo file, so a broken file fails before anything is written."""
    path = path or demo_path()
    try:
        with path.open("rb") as fp:
            data = tomllib.load(fp)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DemoError(f"{path.name}: {exc}") from exc
    where = path.name
    library = load_library()
    value_keys = {v.key for v in library.default_values}

    def value_key(raw: dict, w: str, *, required: bool) -> str | None:
        key = _get(raw, "value", str, w, None if not required else ...)
        if key is not None and key not in value_keys:
            raise DemoError(f"{w}: unknown value {key!r} (known: {', '.join(sorted(value_keys))})")
        return key

    ws = _get(data, "workshop", dict, where)
    ww = f"{where} [workshop]"
    participants = _str_list(ws, "participants", ww)
    offsets = _get(ws, "date_offsets", list, ww)
    if not all(isinstance(o, int) for o in offsets):
        raise DemoError(f"{ww}: 'date_offsets' must be whole numbers of days")
    facilitator = _get(ws, "facilitator", str, ww)

    refs: set[str] = set()

    def note(raw: dict, w: str, parent: DemoNote | None) -> DemoNote:
        if not isinstance(raw, dict):
            raise DemoError(f"{w}: must be a table")
        exercise = parent.exercise if parent else _get(raw, "exercise", str, w)
        if exercise not in library.exercises:
            raise DemoError(f"{w}: unknown exercise {exercise!r}")
        author = _get(raw, "author", str, w, parent.author if parent else ...)
        if author not in participants:
            raise DemoError(f"{w}: author {author!r} is not a participant")
        key = parent.value_key if parent else value_key(raw, w, required=False)
        meeting = parent.meeting if parent else _get(raw, "meeting", int, w, None)
        ref = _get(raw, "ref", str, w, None)
        if ref is not None:
            if ref in refs:
                raise DemoError(f"{w}: ref {ref!r} is used twice")
            refs.add(ref)
        round_ = _get(raw, "round", int, w, None)
        if round_ not in (None, 0, 1, 2, 4):
            raise DemoError(f"{w}: 'round' must be 1, 2, 4 or 0")
        made = DemoNote(
            exercise,
            key,
            author,
            prose(_get(raw, "text", str, w)),
            meeting=meeting,
            optional=parent.optional if parent else _get(raw, "optional", bool, w, False),
            slot=_get(raw, "slot", str, w, None),
            hidden=_get(raw, "hidden", bool, w, False),
            round=round_,
            ref=ref,
        )
        children = tuple(
            note(child, f"{w} child {j}", made)
            for j, child in enumerate(_get(raw, "children", list, w, []), start=1)
        )
        return dataclasses.replace(made, children=children)

    notes = [
        note(raw, f"{where} note {i}", None)
        for i, raw in enumerate(_get(data, "notes", list, where), start=1)
    ]

    ratings = []
    for i, raw in enumerate(_get(data, "ratings", list, where, []), start=1):
        w = f"{where} rating {i}"
        exercise = _get(raw, "exercise", str, w)
        if exercise not in library.exercises:
            raise DemoError(f"{w}: unknown exercise {exercise!r}")
        participant = _get(raw, "participant", str, w)
        if participant not in participants:
            raise DemoError(f"{w}: {participant!r} is not a participant")
        scores = _get(raw, "scores", dict, w)
        if not scores or not all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in scores.values()
        ):
            raise DemoError(f"{w}: 'scores' must map items to numbers")
        ratings.append(
            DemoRating(
                exercise,
                participant,
                {k: float(v) for k, v in scores.items()},
                _get(raw, "meeting", int, w, None),
                _get(raw, "optional", bool, w, False),
            )
        )

    votes = []
    for i, raw in enumerate(_get(data, "votes", list, where, []), start=1):
        w = f"{where} votes {i}"
        participant = _get(raw, "participant", str, w)
        if participant not in participants:
            raise DemoError(f"{w}: {participant!r} is not a participant")
        named = _str_list(raw, "notes", w)
        unknown = sorted(set(named) - refs)
        if unknown:
            raise DemoError(f"{w}: no note has the ref {unknown[0]!r}")
        votes.append(DemoVotes(participant, named, _get(raw, "exercise", str, w, "dot_voting")))

    sections = []
    for i, raw in enumerate(_get(data, "sections", list, where), start=1):
        w = f"{where} section {i}"
        sections.append(
            DemoSection(
                value_key=value_key(raw, w, required=True),
                heading=_get(raw, "heading", str, w),
                principles=_str_list(raw, "principles", w),
                expect_of_us=prose(_get(raw, "expect_of_us", str, w)),
                expect_of_you=prose(_get(raw, "expect_of_you", str, w)),
            )
        )
    if len({s.value_key for s in sections}) != len(sections):
        raise DemoError(f"{where}: two sections for the same value")

    commitments = []
    for i, raw in enumerate(_get(data, "commitments", list, where), start=1):
        w = f"{where} commitment {i}"
        owner = _get(raw, "owner", str, w)
        if owner not in (*participants, facilitator):
            raise DemoError(f"{w}: owner {owner!r} is not in the workshop")
        try:
            status = CommitmentStatus(_get(raw, "status", str, w, "planned"))
        except ValueError:
            raise DemoError(f"{w}: unknown status {raw['status']!r}") from None
        commitments.append(
            DemoCommitment(
                action=prose(_get(raw, "action", str, w)),
                owner=owner,
                due_in_days=_get(raw, "due_in_days", int, w),
                status=status,
                value_key=value_key(raw, w, required=False),
            )
        )

    foundation = _get(data, "foundation", dict, where)
    fw = f"{where} [foundation]"
    return Demo(
        unit_name=_get(ws, "unit_name", str, ww),
        organisation=_get(ws, "organisation", str, ww, ""),
        facilitator=facilitator,
        date_offsets=tuple(offsets),
        participants=participants,
        program_id=_get(data, "program", str, where, "standard"),
        current_step=_get(data, "current_step", str, where, None),
        title=_get(foundation, "title", str, fw),
        introduction=prose(_get(foundation, "introduction", str, fw)),
        sections=tuple(sections),
        notes=tuple(notes),
        commitments=tuple(commitments),
        ratings=tuple(ratings),
        votes=tuple(votes),
        version=_get(foundation, "version", str, fw, ""),
        version_date_offset=_get(foundation, "version_date_offset", int, fw, None),
        involvement=prose(_get(foundation, "involvement", str, fw, "")),
    )


def create_demo_workshop(
    workspace: Workspace,
    demo: Demo | None = None,
    *,
    today: date | None = None,
    program_id: str | None = None,
    lenient: bool = False,
) -> str:
    """Create a complete demo workshop and return its id.

    Each call adds a new copy. It is one transaction: a broken demo file leaves
    no half-made workshop behind. ``program_id`` builds it on another program (a
    rehearsal); with ``lenient`` the content for steps that program lacks is left
    out instead of being an error.
    """
    demo = demo or load_demo()
    today = today or date.today()
    defaults = {v.key: v for v in load_library().default_values}
    program = program_id or demo.program_id
    draft = WorkshopDraft(
        unit_name=demo.unit_name,
        organisation=demo.organisation,
        facilitator=demo.facilitator,
        dates=tuple(today + timedelta(days=d) for d in demo.date_offsets),
        participants=demo.participants,
        program_id=program,
    )
    # Nested Workspace writes become savepoints inside this one transaction.
    with workspace.transaction():
        workshop_id = workspace.create_workshop(draft).created_id
        # create_workshop names the values in the interface language; the demo's
        # values are the region's Danish ones, keys kept, whatever that is.
        values = {v.key: v for v in workspace.values(workshop_id) if v.key}
        for key, value in values.items():
            name = defaults[key].names[DEMO_LANGUAGE]
            description = defaults[key].descriptions[DEMO_LANGUAGE]
            if (value.name, value.description) != (name, description):
                workspace.update_value(value.id, name=name, description=description)
        key_of = {v.id: k for k, v in values.items()}
        all_steps = workspace.steps(workshop_id)
        authors = {p.name: p.id for p in workspace.participants(workshop_id)}

        def find_step(
            exercise: str, value_key: str | None, meeting: int | None, optional: bool = False
        ) -> Step | None:
            found = [
                s
                for s in all_steps
                if s.exercise_id == exercise
                and key_of.get(s.value_id) == value_key
                and (meeting is None or (s.meeting or 1) == meeting)
            ]
            if found or lenient or optional:
                return found[0] if found else None
            raise DemoError(
                f"the program {program!r} has no step {exercise!r} for value {value_key!r}"
                + (f" in meeting {meeting}" if meeting is not None else "")
            )

        note_ids: dict[str, str] = {}

        def add(note: DemoNote, step: Step, parent_id: str | None) -> None:
            note_id = workspace.add_note(
                step.id,
                note.text,
                author_id=authors[note.author],
                slot=note.slot,
                parent_id=parent_id,
                hidden=note.hidden,
                round=note.round,
            ).created_id
            if note.ref:
                note_ids[note.ref] = note_id
            for child in note.children:
                add(child, step, note_id)

        for note in demo.notes:
            step = find_step(note.exercise, note.value_key, note.meeting, note.optional)
            if step is not None:
                add(note, step, None)

        for rating in demo.ratings:
            step = find_step(rating.exercise, None, rating.meeting, rating.optional)
            if step is None:
                continue
            for item, score in rating.scores.items():
                workspace.set_rating(step.id, item, score, authors[rating.participant])

        for votes in demo.votes:
            step = find_step(votes.exercise, None, None)
            if step is None:
                continue
            for ref in votes.refs:
                if ref not in note_ids:  # lenient: its step is not in this program
                    continue
                try:
                    workspace.cast_vote(step.id, note_ids[ref], authors[votes.participant], 1)
                except ValidationError:
                    # Another program's vote may take in other notes; only the demo's
                    # own program must accept every dot.
                    if not lenient:
                        raise

        workspace.update_foundation(workshop_id, title=demo.title, introduction=demo.introduction)
        for section in demo.sections:
            workspace.update_section(
                values[section.value_key].id,
                heading=section.heading,
                principles=section.principles,
                expect_of_us=section.expect_of_us,
                expect_of_you=section.expect_of_you,
            )
        if demo.version or demo.involvement or demo.version_date_offset is not None:
            offset = demo.version_date_offset
            workspace.set_cover_details(
                workshop_id,
                version=demo.version,
                version_date=today + timedelta(days=offset) if offset is not None else None,
                involvement=demo.involvement,
            )

        for c in demo.commitments:
            commitment_id = workspace.add_commitment(
                workshop_id,
                c.action,
                c.owner,
                today + timedelta(days=c.due_in_days),
                value_id=values[c.value_key].id if c.value_key else None,
            ).created_id
            if c.status is not CommitmentStatus.PLANNED:
                workspace.update_commitment(commitment_id, status=c.status)

        if demo.current_step:
            step = next((s for s in all_steps if s.exercise_id == demo.current_step), None)
            if step is None and not lenient:
                raise DemoError(f"current_step {demo.current_step!r} is not in the program")
            if step is not None:
                workspace.set_current_step(workshop_id, step.id)
    return workshop_id
