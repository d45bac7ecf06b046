"""The printable leadership and values foundation, as PDF (reportlab platypus).

What the document says comes from ``document.build_outline``; this module only
lays it out. ``export_pdf`` runs on a worker thread: it reads only the snapshot
it is given and keeps its state in local objects. reportlab is imported when an
export runs, never when this module is imported (it costs ~150 ms of start-up).

Every user string is data: it is escaped before it reaches a Paragraph, whose
text is otherwise markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from leaderapp.core.export import ExportError
from leaderapp.core.export.atomic import atomic_output
from leaderapp.core.export.document import (
    AppendixSection,
    ChartsSection,
    CommitmentsSection,
    FoundationOutline,
    Introduction,
    Prose,
    ValueSection,
    build_outline,
    format_day,
    one_line,
    printable,
    prose,
)
from leaderapp.core.i18n import _
from leaderapp.core.model import WorkshopSnapshot

if TYPE_CHECKING:
    from reportlab.platypus import Flowable, Paragraph

    from leaderapp.core.export.styles import FoundationDocument, Styles

# format_day, one_line and printable moved to document.py; still importable here.
__all__ = [
    "BODY_PIECE",
    "CELL_PIECE",
    "export_pdf",
    "format_day",
    "one_line",
    "printable",
    "prose_blocks",
    "text_blocks",
]

ProgressCallback = Callable[[float], None]

# reportlab re-wraps the rest of a paragraph at every page break, so a 1 MB
# paste in one Paragraph takes minutes; pieces this size keep it fast. Table
# cells cannot break across pages, so their pieces must fit well inside one.
BODY_PIECE = (3000, 60)  # at most this many characters, lines
CELL_PIECE = (600, 20)


# ------------------------------------------------------------------ user text
def prose_blocks(
    paragraphs: Prose,
    limits: tuple[int, int] = BODY_PIECE,
    mark: Callable[[str], str] = escape,
) -> list[str]:
    """Paragraphs as Paragraph markup: lines within a paragraph become line
    breaks, over-long paragraphs are cut into pieces, and ``mark`` turns each
    plain piece into escaped markup."""
    max_chars, max_lines = limits
    blocks: list[str] = []
    for lines in paragraphs:
        blocks.extend(_pieces(lines, max_chars, max_lines, mark))
    return blocks


def text_blocks(
    text: str | None,
    limits: tuple[int, int] = BODY_PIECE,
    mark: Callable[[str], str] = escape,
) -> list[str]:
    """Free text as Paragraph markup (see ``prose_blocks``)."""
    return prose_blocks(prose(text), limits, mark)


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


# ------------------------------------------------------------------- progress
class _Progress:
    """Turns reportlab's (kind, value) reports of the layout into 0.0..1.0."""

    # Writing the file after the layout (fonts, compressed pages) takes the rest.
    LAYOUT_SHARE = 0.8

    def __init__(self, report: ProgressCallback | None) -> None:
        self.report = report
        self.size = 1
        self.last = 0.0

    def __call__(self, kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            self.size = max(1, value)
        elif kind == "PROGRESS":
            self.send(self.LAYOUT_SHARE * min(1.0, value / self.size))

    def send(self, fraction: float, *, force: bool = False) -> None:
        # Only noticeable steps, never backwards: a GUI signal per flowable
        # would be thousands.
        if self.report is not None and (force or fraction >= self.last + 0.01):
            self.last = fraction
            self.report(fraction)


# ---------------------------------------------------------------------- story
class _Story:
    """Lays out the flowables of one document from one outline."""

    def __init__(
        self,
        outline: FoundationOutline,
        styles: Styles,
        doc: FoundationDocument,
        mark: Callable[[str], str],
    ) -> None:
        self.outline = outline
        self.styles = styles
        self.doc = doc
        self.mark = mark  # plain text -> escaped markup; every user string passes here

    def flowables(self) -> list[Flowable]:
        from reportlab.platypus import NextPageTemplate, PageBreak

        body = self.contents()
        for section in self.outline.sections:
            if isinstance(section, Introduction):
                body.extend(self.introduction(section))
            elif isinstance(section, ValueSection):
                body.extend(self.value_section(section))
            elif isinstance(section, ChartsSection):
                body.extend(self.charts(section))
            elif isinstance(section, CommitmentsSection):
                body.extend(self.commitments(section))
            elif isinstance(section, AppendixSection):
                body.extend(self.appendix(section))
        if body:  # no blank second page when there is nothing but the cover
            body[:0] = [NextPageTemplate("body"), PageBreak()]
        return [*self.cover(), *body]

    def paragraph(self, markup: str, style: Any, **kw: Any) -> Paragraph:
        from reportlab.platypus import Paragraph

        from leaderapp.core.export.styles import register_italics

        if "<i" in markup or "<em" in markup:  # only our own markup: user text is escaped
            register_italics()
        return Paragraph(markup, style, **kw)

    def prose(self, paragraphs: Prose, style: Any) -> list[Paragraph]:
        blocks = prose_blocks(paragraphs, BODY_PIECE, self.mark)
        return [self.paragraph(block, style) for block in blocks]

    def heading(self, text: str, key: str, style: Any = None, *, level: int = 0) -> Paragraph:
        """A heading that also becomes an entry in the PDF's outline (and the
        page the contents list gives for ``key``)."""
        heading = self.paragraph(self.mark(text), style or self.styles.h1)
        heading.outline_key = key
        heading.outline_title = text
        heading.outline_level = level
        return heading

    def cover(self) -> list[Flowable]:
        from reportlab.lib.units import mm
        from reportlab.platypus import HRFlowable, Spacer

        from leaderapp.core.export.styles import ACCENT

        cover, st = self.outline.cover, self.styles
        logo = self.logo()
        top = [Spacer(1, 52 * mm)] if logo is None else [logo, Spacer(1, 52 * mm - logo.drawHeight)]
        story: list[Flowable] = [
            *top,
            self.paragraph(self.mark(cover.title), st.cover_title),
            self.paragraph(self.mark(cover.unit), st.cover_unit),
        ]
        if cover.organisation:
            story.append(self.paragraph(self.mark(cover.organisation), st.cover_org))
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
        for fact in cover.facts:
            story.append(self.paragraph(self.mark(fact.label.upper()), st.cover_label))
            story.append(self.paragraph(self.mark(fact.text), st.cover_text))
        return story

    def logo(self) -> Flowable | None:
        """The logo at the top of the cover, scaled into its box with its proportions."""
        from io import BytesIO

        from reportlab.lib.units import mm
        from reportlab.platypus import Image

        logo = self.outline.cover.logo
        if logo is None:
            return None
        box_width, box_height = 70 * mm, 32 * mm
        image = Image(BytesIO(logo.data))
        scale = min(box_width / image.imageWidth, box_height / image.imageHeight)
        image.drawWidth = image.imageWidth * scale
        image.drawHeight = image.imageHeight * scale
        image.hAlign = "LEFT"
        return image

    def contents(self) -> list[Flowable]:
        """A short list of the sections with their pages (only in a long document)."""
        from reportlab.lib.units import mm
        from reportlab.platypus import Spacer, TableStyle

        from leaderapp.core.export.deferred import ContentsList

        outline, st = self.outline, self.styles
        if not outline.contents:
            return []
        table_style = TableStyle(
            [
                # Otherwise the table names Helvetica, which is neither used nor embedded.
                ("FONTNAME", (0, 0), (-1, -1), st.contents.fontName),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
        entries = [(self.mark(entry.title), entry.key) for entry in outline.contents]
        toc = ContentsList(entries, st.contents, table_style, self.doc.section_pages.get)
        title = self.paragraph(self.mark(outline.contents_title), st.h1)
        return [title, toc, Spacer(1, 6 * mm)]

    def introduction(self, section: Introduction) -> list[Flowable]:
        return [
            self.heading(section.title, section.key),
            *self.prose(section.prose, self.styles.body),
        ]

    def value_section(self, section: ValueSection) -> list[Flowable]:
        from reportlab.lib.units import mm
        from reportlab.platypus import CondPageBreak, HRFlowable, Spacer

        from leaderapp.core.export.styles import RULE

        st = self.styles
        # Never start a value in the last few centimetres of a page.
        story: list[Flowable] = [CondPageBreak(60 * mm)]
        if section.label:
            story.append(self.paragraph(self.mark(section.label.upper()), st.label))
            story.append(self.heading(section.title, section.key, st.h1_after_label))
        else:
            story.append(self.heading(section.title, section.key))
        rule = HRFlowable(width="100%", thickness=0.6, color=RULE, spaceBefore=0, spaceAfter=4 * mm)
        rule.keepWithNext = 1
        story.append(rule)
        bullets = []
        for principle in section.principles:
            for number, block in enumerate(prose_blocks(principle, mark=self.mark)):
                bullet = "•" if number == 0 else None
                bullets.append(self.paragraph(block, st.bullet, bulletText=bullet))
        if bullets:
            story += [*bullets, Spacer(1, 2 * mm)]
        for voice in section.voices:
            story.append(self.paragraph(self.mark(voice.title), st.h2))
            story.extend(self.prose(voice.prose, st.body))
        return story

    def charts(self, section: ChartsSection) -> list[Flowable]:
        """The radar and the placements, each with its numbers as a small table."""
        from reportlab.lib.units import mm
        from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

        from leaderapp.core.export import charts

        st = self.styles
        # The heading and introduction stay with the first chart.
        lead: list[Flowable] = [
            self.heading(section.title, section.key, st.h1_loose),
            *self.prose(prose(section.intro), st.body),
        ]
        story: list[Flowable] = [CondPageBreak(120 * mm)]
        blocks = [(c.title, charts.radar_drawing(c), c.numbers) for c in section.radars]
        blocks += [(c.title, charts.polarity_drawing(c), c.numbers) for c in section.polarities]
        for title, drawing, numbers in blocks:
            block: list[Flowable] = [
                *lead,
                self.paragraph(self.mark(title), st.h2),
                drawing,
                Spacer(1, 3 * mm),
                self.number_table(numbers),
                self.paragraph(self.mark(numbers.caption), st.table_note),
                Spacer(1, 4 * mm),
            ]
            lead = []
            story.append(KeepTogether(block))
        return story

    def number_table(self, numbers: Any) -> Flowable:
        from reportlab.platypus import Table, TableStyle

        from leaderapp.core.export.styles import TEXT_WIDTH, table_style_commands

        st = self.styles
        header = [self.paragraph(self.mark(text), st.table_head) for text in numbers.header]
        rows = [header]
        for row in numbers.rows:
            rows.append([self.paragraph(self.mark(cell), st.table_name) for cell in row])
        # A narrow table: a few short numbers need no full-width grid.
        width = TEXT_WIDTH * 0.72
        first = 0.4 if len(numbers.header) > 2 else 0.55
        rest = (1 - first) / max(1, len(numbers.header) - 1)
        widths = [width * first] + [width * rest] * (len(numbers.header) - 1)
        table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        groups = [(i, i) for i in range(1, len(rows))]
        table.setStyle(TableStyle(table_style_commands(groups)))
        return table

    def commitments(self, section: CommitmentsSection) -> list[Flowable]:
        from reportlab.lib.units import mm
        from reportlab.platypus import CondPageBreak, KeepTogether, Table, TableStyle

        from leaderapp.core.export.styles import TEXT_HEIGHT, TEXT_WIDTH, table_style_commands

        st = self.styles
        header = [self.paragraph(self.mark(text), st.table_head) for text in section.columns]
        rows: list[list[Any]] = [header]
        groups: list[tuple[int, int]] = []
        for row in section.rows:
            first = len(rows)
            blocks = prose_blocks(row.action, CELL_PIECE, self.mark) or [""]
            for number, block in enumerate(blocks):
                cell = [self.paragraph(block, st.table_cell)]
                if number > 0:
                    rows.append([cell, "", "", ""])
                    continue
                if row.value_name:
                    cell.insert(0, self.paragraph(self.mark(row.value_name), st.table_note))
                due = row.due.replace(" ", "\u00a0")  # a date never breaks over two lines
                rows.append(
                    [
                        cell,
                        self.paragraph(self.mark(row.owner), st.table_name),
                        self.paragraph(self.mark(due), st.table_name),
                        self.paragraph(self.mark(row.status), st.table_name),
                    ]
                )
            groups.append((first, len(rows) - 1))
        widths = [TEXT_WIDTH * share for share in (0.44, 0.22, 0.18, 0.16)]
        # repeatRows: the header comes back on every page the table spans.
        table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(table_style_commands(groups)))
        height = table.wrap(TEXT_WIDTH, TEXT_HEIGHT)[1]
        if height < TEXT_HEIGHT * 0.9:
            # A table that fits on one page moves to the next page whole, with its heading.
            return [KeepTogether([self.heading(section.title, section.key), table])]
        # A long one starts right away (with room for a few rows) and splits.
        return [
            CondPageBreak(70 * mm),
            self.heading(section.title, section.key, st.h1_loose),
            table,
        ]

    def appendix(self, section: AppendixSection) -> list[Flowable]:
        from reportlab.platypus import PageBreak, Spacer

        st = self.styles
        # The appendix is reference material: it starts on a page of its own.
        story: list[Flowable] = [PageBreak(), self.heading(section.title, section.key)]
        for group in section.groups:
            story.append(self.heading(group.title, group.key, st.h3, level=1))
            for note in group.notes:
                story.extend(self.prose(note.prose, st.note))
                if note.author:
                    story.append(self.paragraph(self.mark(f"— {note.author}"), st.note_author))
                else:
                    story.append(Spacer(1, st.note_author.spaceAfter))
        return story


# --------------------------------------------------------------------- export
def export_pdf(
    snapshot: WorkshopSnapshot,
    target: Path,
    *,
    progress: ProgressCallback | None = None,
    appendix: bool = False,
) -> Path:
    """Write the foundation of ``snapshot`` as a PDF to ``target``.

    ``appendix`` adds the workshop's notes, grouped by step. ``progress`` gets
    fractions 0.0..1.0 (on this thread); an exception raised there stops the
    export and propagates (a way to cancel). The target is only replaced once
    the new file is complete; on failure ``ExportError`` carries a translated
    message and an earlier file at ``target`` is untouched.
    """
    target = Path(target)
    reporter = _Progress(progress)
    reporter.send(0.0, force=True)
    from reportlab.platypus.doctemplate import LayoutError

    from leaderapp.core.export import styles

    styles.register_fonts()
    outline = build_outline(snapshot, appendix=appendix)
    with atomic_output(target) as temp:
        doc = styles.FoundationDocument(
            str(temp),
            footer_text=outline.cover.unit,
            on_progress=reporter,
            title=outline.full_title,
            author=outline.author,
            subject=outline.cover.title,
            keywords=list(outline.keywords),
            creator="Værdidialog",
            lang=outline.language,
        )
        page_styles = styles.make_styles(styles.hyphenator(outline.language))
        story = _Story(outline, page_styles, doc, styles.markup).flowables()
        try:
            doc.build(story)
        except LayoutError as exc:
            raise ExportError(
                _("“{path}” could not be laid out: some text does not fit on a page.").format(
                    path=str(target)
                ),
                target,
            ) from exc
    reporter.send(1.0, force=True)
    return target
