"""Raw data out: a workshop's notes, votes and ratings as CSV, at any moment.

One zip file holds three tables (notes, votes, ratings), each a CSV file that Danish
Excel opens with a double click: UTF-8 with a byte order mark (else Excel guesses the
old Windows code page and "Łukasz" breaks), ";" between cells (Excel's separator where
the comma is the decimal sign), decimal commas, CRLF line ends, and line breaks inside a
note kept in a quoted cell. Names and texts are readable (step titles, value names,
authors, cluster names), with the ids at the end for anyone who joins the tables.

A cell a user typed can start with "=", "+", "-" or "@": Excel would run it as a
formula (CSV injection), so such cells get a leading apostrophe, which Excel shows
as text. The zip is written to a temporary file and renamed over the target.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from leaderapp.core.export import ExportError  # noqa: F401 - what write_raw_csv raises
from leaderapp.core.export.atomic import atomic_output
from leaderapp.core.i18n import N_, _
from leaderapp.core.library import load_library
from leaderapp.core.model import Note, Step, WorkshopSnapshot

RAW_SUFFIX = ".zip"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ROUNDS = {
    1: N_("1 (alone)"),
    2: N_("2 (pairs)"),
    4: N_("4 (foursomes)"),
    0: N_("All (whole group)"),
}


@dataclass(frozen=True)
class Table:
    """One CSV file: its name in the zip, a header row and the rows, all text."""

    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def safe_cell(text: str) -> str:
    """A cell Excel shows as the text it is, never runs as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def csv_bytes(table: Table) -> bytes:
    """The table as Excel-ready CSV: BOM, ";" separators, CRLF, quoted line breaks."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([safe_cell(c) for c in table.header])
    writer.writerows([safe_cell(c) for c in row] for row in table.rows)
    return "\ufeff".encode() + out.getvalue().encode("utf-8")


def _number(value: float) -> str:
    """A Danish-Excel number: "4", "2,5"."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def _stamp(text: str | None) -> str:
    """A timestamp in local time as Excel reads it ("2026-12-01 10:02")."""
    if not text:
        return ""
    try:
        return datetime.fromisoformat(text).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return text


def _yes_no(flag: bool) -> str:
    return _("Yes") if flag else _("No")


class _Names:
    """What the ids of one snapshot are called, for readable cells."""

    def __init__(self, snapshot: WorkshopSnapshot) -> None:
        library = load_library()
        self.exercises = library.exercises
        self.snapshot = snapshot
        self.step_number = {s.id: n for n, s in enumerate(snapshot.steps, start=1)}
        self.steps = {s.id: s for s in snapshot.steps}
        self.notes = {n.id: n for n in snapshot.notes}
        self.clusters = {c.id: c.name for c in snapshot.clusters}
        self.people = {p.id: p.name for p in snapshot.participants}
        self.values = {v.id: v.name for v in snapshot.values}

    def step_title(self, step: Step) -> str:
        exercise = self.exercises.get(step.exercise_id)
        if exercise is None:  # from a newer app: still name the step somehow
            return step.exercise_id
        return exercise.title(self.values.get(step.value_id or ""))

    def step_cells(self, step_id: str) -> tuple[str, str]:
        step = self.steps.get(step_id)
        if step is None:
            return "", ""
        return str(self.step_number[step_id]), self.step_title(step)

    def meeting(self, step_id: str) -> str:
        step = self.steps.get(step_id)
        return str(step.meeting) if step is not None and step.meeting else ""

    def person(self, participant_id: str | None, nobody: str) -> str:
        if participant_id is None:
            return nobody
        return self.people.get(participant_id, "")

    def slot(self, step_id: str, slot: str | None) -> str:
        """A slot's readable name from the exercise (a level, a card, a voice …), else
        its key as stored."""
        if not slot:
            return ""
        step = self.steps.get(step_id)
        exercise = self.exercises.get(step.exercise_id) if step else None
        label = _slot_label(exercise.data if exercise else None, slot)
        return label or slot

    def item(self, step_id: str, item: str) -> str:
        step = self.steps.get(step_id)
        exercise = self.exercises.get(step.exercise_id) if step else None
        return _item_label(exercise.data if exercise else None, item) or item


def _slot_label(data: object, slot: str) -> str | None:
    for attribute in ("levels", "voices", "cards", "dimensions"):
        for entry in getattr(data, attribute, ()) or ():
            if entry.key == slot:
                text = getattr(entry, "name", None) or getattr(entry, "label", None)
                text = text or getattr(entry, "title", None)
                return text.text() if text is not None else None
    labels = {
        "from": "from_label",
        "to": "to_label",
        "behaviour": "behaviour_stem",
        "attitude": "attitude_label",
        "action": "action_label",
    }
    if slot in labels and hasattr(data, labels[slot]):
        return getattr(data, labels[slot]).text()
    return None


def _item_label(data: object, item: str) -> str | None:
    for dimension in getattr(data, "dimensions", ()) or ():
        if dimension.key == item:
            return dimension.name.text()
    placement = getattr(data, "placement", None)
    if placement is not None and item in ("now", "target"):
        return (placement.now_label if item == "now" else placement.target_label).text()
    return None


def _excerpt(text: str, limit: int = 80) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _sorted_notes(snapshot: WorkshopSnapshot) -> list[Note]:
    order = {s.id: s.position for s in snapshot.steps}
    return sorted(snapshot.notes, key=lambda n: (order.get(n.step_id, 0), n.position))


def notes_table(snapshot: WorkshopSnapshot) -> Table:
    names = _Names(snapshot)
    dots: dict[str, int] = {}
    for vote in snapshot.votes:
        dots[vote.note_id] = dots.get(vote.note_id, 0) + vote.dots
    header = (
        _("Step no."),
        _("Step"),
        _("Meeting"),
        _("Value"),
        _("Field"),
        _("Text"),
        _("Under the note"),
        _("Author"),
        _("Round"),
        _("Cluster"),
        _("Hidden"),
        _("Dots"),
        _("Created"),
        _("Changed"),
        _("Note id"),
        _("Parent note id"),
    )
    rows = []
    for note in _sorted_notes(snapshot):
        number, title = names.step_cells(note.step_id)
        parent = names.notes.get(note.parent_id or "")
        rows.append(
            (
                number,
                title,
                names.meeting(note.step_id),
                names.values.get(note.value_id or "", ""),
                names.slot(note.step_id, note.slot),
                note.text,
                _excerpt(parent.text) if parent is not None else "",
                names.person(note.author_id, ""),
                _(_ROUNDS[note.round]) if note.round in _ROUNDS else "",
                names.clusters.get(note.cluster_id or "", ""),
                _yes_no(note.hidden),
                str(dots.get(note.id, 0)),
                _stamp(note.created_at),
                _stamp(note.updated_at),
                note.id,
                note.parent_id or "",
            )
        )
    return Table(_("notes.csv"), header, tuple(rows))


def votes_table(snapshot: WorkshopSnapshot) -> Table:
    names = _Names(snapshot)
    header = (
        _("Step no."),
        _("Step"),
        _("Participant"),
        _("Dots"),
        _("Note"),
        _("The note's step"),
        _("Note id"),
        _("Vote id"),
    )
    order = {s.id: s.position for s in snapshot.steps}
    people = {p.id: p.position for p in snapshot.participants}
    notes = {n.id: n.position for n in snapshot.notes}
    votes = sorted(
        snapshot.votes,
        key=lambda v: (
            order.get(v.step_id, 0),
            notes.get(v.note_id, 0),
            people.get(v.participant_id or "", -1),
        ),
    )
    rows = []
    for vote in votes:
        number, title = names.step_cells(vote.step_id)
        note = names.notes.get(vote.note_id)
        rows.append(
            (
                number,
                title,
                names.person(vote.participant_id, _("The room")),
                str(vote.dots),
                note.text if note is not None else "",
                names.step_cells(note.step_id)[1] if note is not None else "",
                vote.note_id,
                vote.id,
            )
        )
    return Table(_("votes.csv"), header, tuple(rows))


def ratings_table(snapshot: WorkshopSnapshot) -> Table:
    names = _Names(snapshot)
    header = (
        _("Step no."),
        _("Step"),
        _("Rated"),
        _("Key"),
        _("Participant"),
        _("Score"),
        _("Changed"),
        _("Rating id"),
    )
    order = {s.id: s.position for s in snapshot.steps}
    people = {p.id: p.position for p in snapshot.participants}
    ratings = sorted(
        snapshot.ratings,
        key=lambda r: (order.get(r.step_id, 0), people.get(r.participant_id or "", -1), r.item),
    )
    rows = []
    for rating in ratings:
        number, title = names.step_cells(rating.step_id)
        rows.append(
            (
                number,
                title,
                names.item(rating.step_id, rating.item),
                rating.item,
                names.person(rating.participant_id, _("The group / anonymous")),
                _number(rating.score),
                _stamp(rating.updated_at),
                rating.id,
            )
        )
    return Table(_("ratings.csv"), header, tuple(rows))


def raw_tables(snapshot: WorkshopSnapshot) -> list[Table]:
    """The three tables of a workshop's raw data, in the interface language."""
    return [notes_table(snapshot), votes_table(snapshot), ratings_table(snapshot)]


def suggested_raw_name(snapshot: WorkshopSnapshot, today: datetime | None = None) -> str:
    """ "Akutmodtagelsen rådata 2026-12-01.zip": the unit, what it is, and when."""
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", snapshot.workshop.unit_name)
    name = " ".join(name.split()).strip(" .")[:80] or "workshop"
    when = (today or datetime.now()).date().isoformat()
    return _("{unit} raw data {date}").format(unit=name, date=when) + RAW_SUFFIX


def write_raw_csv(snapshot: WorkshopSnapshot, target: Path) -> Path:
    """Write the zip of CSV files to ``target`` (replaced whole); raises ``ExportError``."""
    target = Path(target)
    tables = raw_tables(snapshot)
    with atomic_output(target) as temp:
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for table in tables:
                archive.writestr(table.name, csv_bytes(table))
    return target


def read_csv(data: bytes) -> list[list[str]]:
    """Read back one of our CSV files (for tests and tools): BOM, ";", quoted breaks."""
    # A note may hold up to 2,000,000 characters; the csv module's default cap is 128 KB.
    csv.field_size_limit(max(csv.field_size_limit(), 4 * 2_000_000))
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


def tables_in(path: Path) -> dict[str, list[list[str]]]:
    """The CSV files of a zip written by ``write_raw_csv``, read back."""
    with zipfile.ZipFile(path) as archive:
        return {name: read_csv(archive.read(name)) for name in archive.namelist()}
