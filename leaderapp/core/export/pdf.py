"""The printable leadership and values foundation, as PDF (reportlab platypus).

``export_pdf`` runs on a worker thread: it reads only the snapshot it is given
and keeps its state in local objects. reportlab is imported when an export
runs, never when this module is imported (it costs ~150 ms of start-up).

Every user string is data: it is cleaned of characters a PDF cannot carry and
escaped before it reaches a Paragraph, whose text is otherwise markup.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from leaderapp.core.export import ExportError
from leaderapp.core.export.atomic import atomic_output
from leaderapp.core.i18n import _, current_language, ngettext
from leaderapp.core.model import Commitment, Value, WorkshopSnapshot

if TYPE_CHECKING:
    from reportlab.platypus import Flowable, Paragraph

    from leaderapp.core.export.styles import FoundationDocument, Styles

ProgressCallback = Callable[[float], None]

# reportlab re-wraps the rest of a paragraph at every page break, so a 1 MB
# paste in one Paragraph takes minutes; pieces this size keep it fast. Table
# cells cannot break across pages, so their pieces must fit well inside one.
BODY_PIECE = (3000, 60)  # at most this many characters, lines
CELL_PIECE = (600, 20)
ONE_LINE_LIMIT = 1000  # names and headings are validated to 200; this is only a guard

_LINE_BREAKS = str.maketrans(
    {"\r": "\n", "\v": "\n", "\f": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n\n", "\t": " "}
)
# C0/C1 controls and Unicode non-characters: nothing to print, and some break PDF text.
_UNPRINTABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


# ------------------------------------------------------------------ user text
def printable(text: str | None) -> str:
    """User text without what a PDF cannot carry (control characters, broken
    UTF-16); only for the PDF, storage keeps the text as typed."""
    text = (text or "").replace("\r\n", "\n").translate(_LINE_BREAKS)
    return _LONE_SURROGATE.sub("\ufffd", _UNPRINTABLE.sub("", text))


def one_line(text: str | None) -> str:
    """A name or heading: whitespace collapsed, length bounded."""
    text = " ".join(printable(text).split())
    if len(text) > ONE_LINE_LIMIT:
        text = text[:ONE_LINE_LIMIT].rstrip() + "…"
    return text


def text_blocks(
    text: str | None,
    limits: tuple[int, int] = BODY_PIECE,
    mark: Callable[[str], str] = escape,
) -> list[str]:
    """Prose as Paragraph markup: blank lines separate paragraphs, single newlines
    become line breaks, over-long paragraphs are cut into pieces, and ``mark``
    turns each plain piece into escaped markup."""
    max_chars, max_lines = limits
    blocks: list[str] = []
    for paragraph in _PARAGRAPH_BREAK.split(printable(text)):
        lines = [line.strip() for line in paragraph.strip().split("\n")]
        if any(lines):
            blocks.extend(_pieces(lines, max_chars, max_lines, mark))
    return blocks


def _pieces(
    lines: Sequence[str], max_chars: int, max_lines: int, mark: Callable[[str], str]
) -> Iterator[str]:
    # Tokens are (starts a new line?, text); a line longer than max_chars is
    # split at a space (or anywhere, if it has none).
    tokens: list[tuple[bool, str]] = []
    for line in lines:
        first = True
        while len(line) > max_chars:
            cut = line.rfind(" ", max_chars // 2, max_chars)
            cut = cut if cut > 0 else max_chars
            tokens.append((first, line[:cut]))
            line, first = line[cut:].lstrip(" "), False
        tokens.append((first, line))
    markup: list[str] = []
    size = count = 0
    for new_line, token in tokens:
        if markup and (size + len(token) > max_chars or (new_line and count >= max_lines)):
            yield "".join(markup)
            markup, size, count = [], 0, 0
        if markup:
            markup.append("<br/>" if new_line else " ")
        markup.append(mark(token))
        size += len(token)
        count += int(new_line)
    if markup:
        yield "".join(markup)


def format_day(day: date, style: str = "long") -> str:
    """A date in the current language: "1. december 2026" / "December 1, 2026"."""
    from babel.dates import format_date

    return format_date(day, format=style, locale=current_language())


def _and_list(items: Sequence[str]) -> str:
    from babel.lists import format_list

    return format_list(list(items), locale=current_language())


# ------------------------------------------------------------------- progress
class _Progress:
    """Turns reportlab's (kind, value) reports over two passes into 0.0..1.0."""

    PASSES = 2  # multiBuild: one pass to count pages, one to print "page X of Y"

    def __init__(self, report: ProgressCallback | None) -> None:
        self.report = report
        self.passes_done = 0
        self.size = 1
        self.last = 0.0

    def __call__(self, kind: str, value: int) -> None:
        if kind == "PASS":
            self.passes_done = value - 1
        elif kind == "SIZE_EST":
            self.size = max(1, value)
        elif kind == "PROGRESS":
            share = min(1.0, value / self.size)
            self.send(min(0.99, (self.passes_done + share) / self.PASSES))

    def send(self, fraction: float, *, force: bool = False) -> None:
        # Only noticeable steps: a GUI signal per flowable would be thousands.
        if self.report is not None and (force or fraction >= self.last + 0.01):
            self.last = fraction
            self.report(fraction)


# ---------------------------------------------------------------------- story
class _Story:
    """Builds the flowables of one document from one snapshot."""

    def __init__(
        self,
        snapshot: WorkshopSnapshot,
        styles: Styles,
        doc: FoundationDocument,
        mark: Callable[[str], str],
    ) -> None:
        self.snapshot = snapshot
        self.styles = styles
        self.doc = doc
        self.mark = mark  # plain text -> escaped markup; every user string passes here

    def flowables(self) -> list[Flowable]:
        from reportlab.platypus import NextPageTemplate, PageBreak

        from leaderapp.core.export.styles import PageTotal

        body = self.introduction()
        for index, value in enumerate(self.snapshot.values):
            body.extend(self.value_section(index, value))
        body.extend(self.commitments())
        if body:  # no blank second page when there is nothing but the cover
            body[:0] = [NextPageTemplate("body"), PageBreak()]
        return [*self.cover(), *body, PageTotal(self.doc)]

    def paragraph(self, markup: str, style: Any, **kw: Any) -> Paragraph:
        from reportlab.platypus import Paragraph

        return Paragraph(markup, style, **kw)

    def heading(self, text: str, key: str, style: Any = None) -> Paragraph:
        """A heading that also becomes an entry in the PDF's outline."""
        heading = self.paragraph(self.mark(text), style or self.styles.h1)
        heading.outline_key = key
        heading.outline_title = text
        return heading

    def cover(self) -> list[Flowable]:
        from reportlab.lib.units import mm
        from reportlab.platypus import HRFlowable, Spacer

        from leaderapp.core.export.styles import ACCENT

        workshop, st = self.snapshot.workshop, self.styles
        title = one_line(self.snapshot.foundation.title) or _("Leadership and values foundation")
        story: list[Flowable] = [
            Spacer(1, 52 * mm),
            self.paragraph(self.mark(title), st.cover_title),
            self.paragraph(self.mark(one_line(workshop.unit_name)), st.cover_unit),
        ]
        if one_line(workshop.organisation):
            story.append(self.paragraph(self.mark(one_line(workshop.organisation)), st.cover_org))
        story.append(
            HRFlowable(
                width=34 * mm,
                thickness=2.5,
                color=ACCENT,
                hAlign="LEFT",
                spaceBefore=9 * mm,
                spaceAfter=5 * mm,
            )
        )
        facts: list[tuple[str, str]] = []
        if workshop.dates:
            days = [format_day(d) for d in sorted(set(workshop.dates))]
            label = ngettext("Workshop date", "Workshop dates", len(days))
            facts.append((label, _and_list(days)))
        if one_line(workshop.facilitator):
            facts.append((_("Facilitator"), one_line(workshop.facilitator)))
        names = [one_line(p.name) for p in self.snapshot.participants if one_line(p.name)]
        if names:
            facts.append((_("Leader group"), _and_list(names)))
        for label, text in facts:
            story.append(self.paragraph(self.mark(label.upper()), st.cover_label))
            story.append(self.paragraph(self.mark(text), st.cover_text))
        return story

    def introduction(self) -> list[Flowable]:
        blocks = text_blocks(self.snapshot.foundation.introduction, mark=self.mark)
        if not blocks:
            return []
        return [
            self.heading(_("Introduction"), "introduction"),
            *(self.paragraph(block, self.styles.body) for block in blocks),
        ]

    def value_section(self, index: int, value: Value) -> list[Flowable]:
        from reportlab.lib.units import mm
        from reportlab.platypus import CondPageBreak, HRFlowable, Spacer

        from leaderapp.core.export.styles import RULE

        st = self.styles
        section = self.snapshot.section(value.id)
        name = one_line(value.name)
        heading = one_line(section.heading if section else "") or name
        # Never start a value in the last few centimetres of a page.
        story: list[Flowable] = [CondPageBreak(60 * mm)]
        if heading.casefold() != name.casefold():
            story.append(self.paragraph(self.mark(name.upper()), st.label))
            story.append(self.heading(heading, f"value-{index}", st.h1_after_label))
        else:
            story.append(self.heading(heading, f"value-{index}"))
        rule = HRFlowable(width="100%", thickness=0.6, color=RULE, spaceBefore=0, spaceAfter=4 * mm)
        rule.keepWithNext = 1
        story.append(rule)
        bullets = []
        for principle in section.principles if section else ():
            for number, block in enumerate(text_blocks(principle, mark=self.mark)):
                bullet = "•" if number == 0 else None
                bullets.append(self.paragraph(block, st.bullet, bulletText=bullet))
        if bullets:
            story += [*bullets, Spacer(1, 2 * mm)]
        voices = (
            (_("What you can expect of us"), section.expect_of_us if section else ""),
            (_("What we expect of you"), section.expect_of_you if section else ""),
        )
        for title, text in voices:
            blocks = text_blocks(text, mark=self.mark)
            if blocks:
                story.append(self.paragraph(self.mark(title), st.h2))
                story.extend(self.paragraph(block, st.body) for block in blocks)
        return story

    def commitments(self) -> list[Flowable]:
        from reportlab.lib.units import mm
        from reportlab.platypus import CondPageBreak, KeepTogether, Table, TableStyle

        from leaderapp.core.export.styles import TEXT_HEIGHT, TEXT_WIDTH, table_style_commands

        items = [c for c in self.snapshot.commitments if _has_content(c)]
        if not items:
            return []
        st = self.styles
        header = [
            self.paragraph(self.mark(text), st.table_head)
            for text in (_("Action"), _("Owner"), _("Due date"), _("Status"))
        ]
        rows: list[list[Any]] = [header]
        groups: list[tuple[int, int]] = []
        for commitment in items:
            first = len(rows)
            value = self.snapshot.value(commitment.value_id)
            blocks = text_blocks(commitment.action, CELL_PIECE, self.mark) or [""]
            for number, block in enumerate(blocks):
                cell = [self.paragraph(block, st.table_cell)]
                if number > 0:
                    rows.append([cell, "", "", ""])
                    continue
                if value is not None:
                    cell.insert(0, self.paragraph(self.mark(one_line(value.name)), st.table_note))
                due = format_day(commitment.due_date, "medium") if commitment.due_date else ""
                due = due.replace(" ", "\u00a0")  # a date never breaks over two lines
                rows.append(
                    [
                        cell,
                        self.paragraph(self.mark(one_line(commitment.owner)), st.table_cell),
                        self.paragraph(self.mark(due), st.table_cell),
                        self.paragraph(self.mark(commitment.status.label), st.table_cell),
                    ]
                )
            groups.append((first, len(rows) - 1))
        widths = [TEXT_WIDTH * share for share in (0.44, 0.22, 0.18, 0.16)]
        # repeatRows: the header comes back on every page the table spans.
        table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(table_style_commands(groups)))
        heading = _("Our commitments")
        height = table.wrap(TEXT_WIDTH, TEXT_HEIGHT)[1]
        if height < TEXT_HEIGHT * 0.9:
            # A table that fits on one page moves to the next page whole, with its heading.
            return [KeepTogether([self.heading(heading, "commitments"), table])]
        # A long one starts right away (with room for a few rows) and splits.
        return [CondPageBreak(70 * mm), self.heading(heading, "commitments", st.h1_loose), table]


def _has_content(commitment: Commitment) -> bool:
    return bool(commitment.action.strip() or commitment.owner.strip() or commitment.due_date)


# --------------------------------------------------------------------- export
def export_pdf(
    snapshot: WorkshopSnapshot,
    target: Path,
    *,
    progress: ProgressCallback | None = None,
) -> Path:
    """Write the foundation of ``snapshot`` as a PDF to ``target``.

    ``progress`` gets fractions 0.0..1.0 (on this thread); an exception raised
    there stops the export and propagates (a way to cancel). The target is only
    replaced once the new file is complete; on failure ``ExportError`` carries a
    translated message and an earlier file at ``target`` is untouched.
    """
    target = Path(target)
    reporter = _Progress(progress)
    reporter.send(0.0, force=True)
    from reportlab.platypus.doctemplate import LayoutError

    from leaderapp.core.export import styles

    styles.register_fonts()
    workshop, foundation = snapshot.workshop, snapshot.foundation
    unit = one_line(workshop.unit_name)
    title = one_line(foundation.title) or _("Leadership and values foundation")
    with atomic_output(target) as temp:
        doc = styles.FoundationDocument(
            str(temp),
            footer_text=unit,
            on_progress=reporter,
            title=f"{title} – {unit}" if unit else title,
            author=one_line(workshop.organisation) or unit,
            subject=title,
            keywords=[one_line(v.name) for v in snapshot.values],
            creator="Værdidialog",
            lang=current_language(),
        )
        story = _Story(snapshot, styles.make_styles(), doc, styles.markup).flowables()
        try:
            doc.multiBuild(story)
        except LayoutError as exc:
            raise ExportError(
                _("“{path}” could not be laid out: some text does not fit on a page.").format(
                    path=str(target)
                ),
                target,
            ) from exc
    reporter.send(1.0, force=True)
    return target
