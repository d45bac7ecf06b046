"""What the printed foundation says, and in which order: one outline for every format.

``build_outline`` turns a ``WorkshopSnapshot`` into plain records (cover facts,
optional contents, introduction, one section per value, commitments, optional
appendix of notes). The PDF, Word and Markdown writers only decide how each part
looks, so the three formats cannot drift apart in content or order.

Every string here is plain text, cleaned of characters no document format can
carry; each writer escapes it for its own markup. Labels, dates and lists are
already translated and formatted in the current language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from leaderapp.core.i18n import _, current_language, ngettext
from leaderapp.core.model import Commitment, Note, Rating, Step, WorkshopSnapshot

ONE_LINE_LIMIT = 1000  # names and headings are validated to 200; this is only a guard
# A short contents list helps only once there is something to find.
CONTENTS_MIN_SECTIONS = 5

_LINE_BREAKS = str.maketrans(
    {"\r": "\n", "\v": "\n", "\f": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n", "\t": " "}
)
# C0/C1 controls and Unicode non-characters: nothing to print, and PDF text and
# Word's XML both break on some of them.
_UNPRINTABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")

# Paragraphs, each a tuple of the lines that a single newline separated.
Prose = tuple[tuple[str, ...], ...]


# ------------------------------------------------------------------ user text
def printable(text: str | None) -> str:
    """User text without what a document cannot carry (control characters,
    broken UTF-16); only for exports, storage keeps the text as typed."""
    text = (text or "").replace("\r\n", "\n").translate(_LINE_BREAKS)
    return _LONE_SURROGATE.sub("\ufffd", _UNPRINTABLE.sub("", text))


def one_line(text: str | None) -> str:
    """A name or heading: whitespace collapsed, length bounded."""
    text = " ".join(printable(text).split())
    if len(text) > ONE_LINE_LIMIT:
        text = text[:ONE_LINE_LIMIT].rstrip() + "…"
    return text


def prose(text: str | None) -> Prose:
    """Free text as paragraphs: blank lines separate paragraphs, single newlines
    separate lines within one; empty paragraphs are dropped."""
    paragraphs = []
    for paragraph in _PARAGRAPH_BREAK.split(printable(text)):
        lines = tuple(line.strip() for line in paragraph.strip().split("\n"))
        if any(lines):
            paragraphs.append(lines)
    return tuple(paragraphs)


def format_day(day: date, style: str = "long") -> str:
    """A date in the current language: "1. december 2026" / "December 1, 2026"."""
    from babel.dates import format_date

    return format_date(day, format=style, locale=current_language())


def and_list(items: Sequence[str]) -> str:
    """ "a, b og c" / "a, b, and c"."""
    from babel.lists import format_list

    return format_list(list(items), locale=current_language())


# -------------------------------------------------------------------- records
@dataclass(frozen=True)
class Fact:
    """One labelled line on the cover ("Facilitator: …")."""

    label: str
    text: str


@dataclass(frozen=True)
class Logo:
    """The group's logo for the cover: PNG or JPEG bytes, validated when stored."""

    data: bytes = field(repr=False)
    mime: str


@dataclass(frozen=True)
class Cover:
    title: str
    unit: str
    organisation: str
    facts: tuple[Fact, ...]
    logo: Logo | None = None


@dataclass(frozen=True)
class Introduction:
    key: str
    title: str
    prose: Prose


@dataclass(frozen=True)
class Voice:
    """ "What you can expect of us" or "What we expect of you", with its text."""

    title: str
    prose: Prose


@dataclass(frozen=True)
class ValueSection:
    key: str
    title: str  # the section's heading, or the value's name when there is none
    label: str  # the value's name above a heading that differs from it, else ""
    principles: tuple[Prose, ...]
    voices: tuple[Voice, ...]  # only those with text


@dataclass(frozen=True)
class CommitmentRow:
    action: Prose
    value_name: str  # the value the commitment belongs to, or ""
    owner: str
    due: str  # formatted date, or ""
    status: str


@dataclass(frozen=True)
class CommitmentsSection:
    key: str
    title: str
    columns: tuple[str, str, str, str]  # action, owner, due date, status
    rows: tuple[CommitmentRow, ...]


@dataclass(frozen=True)
class NoteEntry:
    prose: Prose
    author: str  # "" when nobody is named


@dataclass(frozen=True)
class NoteGroup:
    """The notes of one workshop step, under the step's title."""

    key: str
    title: str
    notes: tuple[NoteEntry, ...]


@dataclass(frozen=True)
class AppendixSection:
    key: str
    title: str
    groups: tuple[NoteGroup, ...]


@dataclass(frozen=True)
class Series:
    """One set of averages drawn in a chart ("At the workshop", "At the follow-up")."""

    name: str
    values: tuple[float | None, ...]  # per label; None: nobody rated it
    count: int  # how many people's ratings the averages are made of


@dataclass(frozen=True)
class NumberTable:
    """A chart's numbers as text: every format prints them under (or instead of) it."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str


@dataclass(frozen=True)
class RadarChart:
    """The bør/kan/vil/må/tør radar: averages per dimension on a 1..``scale`` scale."""

    title: str
    labels: tuple[str, ...]
    series: tuple[Series, ...]
    scale: int
    numbers: NumberTable


@dataclass(frozen=True)
class Marker:
    label: str  # "Where we are now" / "Where we should be"
    position: float  # the average placement, 1..positions


@dataclass(frozen=True)
class PolarityChart:
    """Where the group placed itself between two result areas, now and as a target."""

    title: str
    left: str
    right: str
    positions: int
    markers: tuple[Marker, ...]
    numbers: NumberTable


@dataclass(frozen=True)
class ChartsSection:
    key: str
    title: str
    intro: str
    radars: tuple[RadarChart, ...]
    polarities: tuple[PolarityChart, ...]


Section = Introduction | ValueSection | ChartsSection | CommitmentsSection | AppendixSection


@dataclass(frozen=True)
class ContentsEntry:
    key: str
    title: str


@dataclass(frozen=True)
class FoundationOutline:
    """The whole foundation, format-free, in reading order."""

    cover: Cover
    contents_title: str
    contents: tuple[ContentsEntry, ...]  # empty when the document is short
    sections: tuple[Section, ...]
    keywords: tuple[str, ...]  # the value names, for document properties
    language: str

    @property
    def full_title(self) -> str:
        """Title and unit, for the document's properties and a viewer's title bar."""
        unit = self.cover.unit
        return f"{self.cover.title} – {unit}" if unit else self.cover.title

    @property
    def author(self) -> str:
        return self.cover.organisation or self.cover.unit


# ---------------------------------------------------------------------- build
def build_outline(snapshot: WorkshopSnapshot, *, appendix: bool = False) -> FoundationOutline:
    """The foundation of ``snapshot`` as an outline; ``appendix`` adds the
    workshop's notes grouped by step."""
    sections: list[Section] = []
    introduction = prose(snapshot.foundation.introduction)
    if introduction:
        sections.append(Introduction("introduction", _("Introduction"), introduction))
    sections.extend(_value_sections(snapshot))
    charts = _charts(snapshot)
    if charts is not None:
        sections.append(charts)
    commitments = _commitments(snapshot)
    if commitments is not None:
        sections.append(commitments)
    if appendix:
        notes = _appendix(snapshot)
        if notes is not None:
            sections.append(notes)
    contents: tuple[ContentsEntry, ...] = ()
    if len(sections) >= CONTENTS_MIN_SECTIONS:
        contents = tuple(ContentsEntry(s.key, s.title) for s in sections)
    return FoundationOutline(
        cover=_cover(snapshot),
        contents_title=_("Contents"),
        contents=contents,
        sections=tuple(sections),
        keywords=tuple(name for v in snapshot.values if (name := one_line(v.name))),
        language=current_language(),
    )


def _cover(snapshot: WorkshopSnapshot) -> Cover:
    workshop = snapshot.workshop
    facts: list[Fact] = []
    if workshop.dates:
        days = [format_day(d) for d in sorted(set(workshop.dates))]
        facts.append(Fact(ngettext("Workshop date", "Workshop dates", len(days)), and_list(days)))
    if one_line(workshop.facilitator):
        facts.append(Fact(_("Facilitator"), one_line(workshop.facilitator)))
    names = [one_line(p.name) for p in snapshot.participants if one_line(p.name)]
    if names:
        facts.append(Fact(_("Leader group"), and_list(names)))
    foundation = snapshot.foundation
    version = one_line(foundation.version)
    version_day = format_day(foundation.version_date) if foundation.version_date else ""
    if version or version_day:
        facts.append(Fact(_("Version"), " · ".join(t for t in (version, version_day) if t)))
    if one_line(foundation.involvement):
        facts.append(Fact(_("Employee involvement"), one_line(foundation.involvement)))
    logo = None
    if foundation.logo and foundation.logo_type in ("image/png", "image/jpeg"):
        logo = Logo(bytes(foundation.logo), foundation.logo_type)
    return Cover(
        title=one_line(foundation.title) or _("Leadership and values foundation"),
        unit=one_line(workshop.unit_name),
        organisation=one_line(workshop.organisation),
        facts=tuple(facts),
        logo=logo,
    )


def _value_sections(snapshot: WorkshopSnapshot) -> list[ValueSection]:
    result = []
    for index, value in enumerate(snapshot.values):
        section = snapshot.section(value.id)
        name = one_line(value.name)
        heading = one_line(section.heading if section else "") or name
        principles: tuple[Prose, ...] = ()
        voices: list[Voice] = []
        if section is not None:
            principles = tuple(p for text in section.principles if (p := prose(text)))
            for title, text in (
                (_("What you can expect of us"), section.expect_of_us),
                (_("What we expect of you"), section.expect_of_you),
            ):
                if paragraphs := prose(text):
                    voices.append(Voice(title, paragraphs))
        label = name if heading.casefold() != name.casefold() else ""
        result.append(ValueSection(f"value-{index}", heading, label, principles, tuple(voices)))
    return result


def format_number(value: float | None) -> str:
    """An average with one decimal in the current language ("3,5"); "–" for none."""
    if value is None:
        return "–"
    from babel.numbers import format_decimal

    return format_decimal(value, format="0.0", locale=current_language())


def _averages(ratings: Sequence[Rating], items: Sequence[str]) -> tuple[tuple, int]:
    """Average score per item (None when nobody rated it) and how many ratings
    the averages rest on (the most any item has: one per person, or one for a
    group that rated together or anonymously)."""
    scores: dict[str, list[float]] = {item: [] for item in items}
    for rating in ratings:
        if rating.item in scores:
            scores[rating.item].append(float(rating.score))
    values = tuple((sum(v) / len(v)) if v else None for v in scores.values())
    return values, max((len(v) for v in scores.values()), default=0)


def _charts(snapshot: WorkshopSnapshot) -> ChartsSection | None:
    """The radar of the competence ratings and the polarity placements, when the
    workshop has ratings for them; None when it has none."""
    if not snapshot.ratings:
        return None  # the usual case: no need to load the exercise library
    from leaderapp.core.library import LibraryError, load_library
    from leaderapp.core.library.kinds import CompetenceRating, PolarityMap

    library = load_library()
    steps = sorted(snapshot.steps, key=lambda s: s.position)

    def exercise_of(step: Step):
        try:
            return library.exercise(step.exercise_id)
        except LibraryError:
            return None

    follow_ups = [
        snapshot.ratings_in_step(s.id)
        for s in steps
        if (e := exercise_of(s)) is not None and e.kind == "follow_up"
    ]
    follow_up = next((r for r in follow_ups if r), ())
    radars: list[RadarChart] = []
    polarities: list[PolarityChart] = []
    for step in steps:
        exercise = exercise_of(step)
        ratings = snapshot.ratings_in_step(step.id)
        if exercise is None or not ratings:
            continue
        data = exercise.data
        if isinstance(data, CompetenceRating):
            keys = [d.key for d in data.dimensions]
            values, count = _averages(ratings, keys)
            if count == 0:
                continue
            series = [Series(_("At the workshop"), values, count)]
            if follow_up:
                later, later_count = _averages(follow_up, keys)
                if later_count:
                    series.append(Series(_("At the follow-up"), later, later_count))
            labels = tuple(d.name.text() for d in data.dimensions)
            rows = tuple(
                (label, *(format_number(s.values[i]) for s in series))
                for i, label in enumerate(labels)
            )
            caption = "; ".join(
                ngettext(
                    "{series}: {n} rating per dimension",
                    "{series}: the average of {n} ratings per dimension",
                    s.count,
                ).format(series=s.name, n=s.count)
                for s in series
            )
            caption += " " + _("(1 = low, {high} = high).").format(high=data.highest)
            numbers = NumberTable((_("Dimension"), *(s.name for s in series)), rows, caption)
            radars.append(
                RadarChart(one_line(exercise.title()), labels, tuple(series), data.highest, numbers)
            )
        elif isinstance(data, PolarityMap):
            pair = step.settings.get("pair") or data.default_pair
            names = {area.key: area.name.text() for area in data.areas}
            if not isinstance(pair, list | tuple) or len(pair) != 2:
                continue
            if not all(isinstance(k, str) and k in names for k in pair):
                continue  # a pair this version of the library does not know
            left, right = names[pair[0]], names[pair[1]]
            placement = data.placement
            values, count = _averages(ratings, ("now", "target"))
            markers = tuple(
                Marker(label.text(), min(max(value, 1.0), float(placement.positions)))
                for label, value in zip(
                    (placement.now_label, placement.target_label), values, strict=True
                )
                if value is not None
            )
            if markers:
                title = _("{left} and {right}").format(left=left, right=right)
                rows = tuple((m.label, format_number(m.position)) for m in markers)
                caption = ngettext(
                    "{n} placement, from 1 (all {left}) to {positions} (all {right}).",
                    "The average of {n} placements, "
                    "from 1 (all {left}) to {positions} (all {right}).",
                    count,
                ).format(n=count, left=left, right=right, positions=placement.positions)
                numbers = NumberTable((_("Placement"), _("Average")), rows, caption)
                polarities.append(
                    PolarityChart(title, left, right, placement.positions, markers, numbers)
                )
    if not radars and not polarities:
        return None
    return ChartsSection(
        "charts",
        _("Where we stand"),
        _(
            "The averages of the leader group's own ratings during the workshop. "
            "The numbers are below each chart."
        ),
        tuple(radars),
        tuple(polarities),
    )


def _has_content(commitment: Commitment) -> bool:
    return bool(commitment.action.strip() or commitment.owner.strip() or commitment.due_date)


def _commitments(snapshot: WorkshopSnapshot) -> CommitmentsSection | None:
    rows = []
    for commitment in snapshot.commitments:
        if not _has_content(commitment):
            continue
        value = snapshot.value(commitment.value_id)
        due = format_day(commitment.due_date, "medium") if commitment.due_date else ""
        rows.append(
            CommitmentRow(
                action=prose(commitment.action),
                value_name=one_line(value.name) if value is not None else "",
                owner=one_line(commitment.owner),
                due=due,
                status=commitment.status.label,
            )
        )
    if not rows:
        return None
    columns = (_("Action"), _("Owner"), _("Due date"), _("Status"))
    return CommitmentsSection("commitments", _("Our commitments"), columns, tuple(rows))


def _appendix(snapshot: WorkshopSnapshot) -> AppendixSection | None:
    groups = []
    for step in sorted(snapshot.steps, key=lambda s: s.position):
        notes = []
        for note in sorted(snapshot.notes_in_step(step.id), key=lambda n: n.position):
            if paragraphs := prose(note.text):
                notes.append(NoteEntry(paragraphs, _author(snapshot, note)))
        if notes:
            key = f"appendix-{len(groups)}"
            groups.append(NoteGroup(key, _step_title(snapshot, step), tuple(notes)))
    if not groups:
        return None
    return AppendixSection("appendix", _("Appendix: notes from the workshop"), tuple(groups))


def _author(snapshot: WorkshopSnapshot, note: Note) -> str:
    participant = snapshot.participant(note.author_id)
    return one_line(participant.name) if participant is not None else ""


def _step_title(snapshot: WorkshopSnapshot, step: Step) -> str:
    from leaderapp.core.library import LibraryError, load_library

    value = snapshot.value(step.value_id)
    try:
        title = load_library().exercise(step.exercise_id).title(value.name if value else None)
    except LibraryError:
        # A workshop made with an exercise this version lacks still exports.
        title = step.exercise_id
    return one_line(title)
