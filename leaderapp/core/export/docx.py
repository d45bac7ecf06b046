"""The foundation as a Word document (python-docx), for groups that keep editing in Word.

Same content and order as the PDF (``document.build_outline``), built with Word's
own structure so it stays editable: Heading 1/2 styles (Word's navigation pane
and any table of contents Word makes later), the built-in bullet list, a table
whose header row repeats on every page, PAGE/NUMPAGES fields in the footer, A4.
python-docx is imported only when an export runs.

User text only ever becomes text nodes, never markup, so it cannot add
fields, links or images.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leaderapp.core.export import palette
from leaderapp.core.export.atomic import atomic_output
from leaderapp.core.export.document import (
    AppendixSection,
    ChartsSection,
    CommitmentsSection,
    FoundationOutline,
    Introduction,
    Prose,
    Section,
    ValueSection,
    build_outline,
)
from leaderapp.core.i18n import _
from leaderapp.core.model import WorkshopSnapshot

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

ProgressCallback = Callable[[float], None]

# Arial has æ ø å, Ł, Ş and Ó and is on every Windows and Mac; LibreOffice
# substitutes its metric twin Liberation Sans.
FONT = "Arial"
_LANGUAGE_TAGS = {"da": "da-DK", "en": "en-GB"}
_COLUMN_SHARES = (0.44, 0.22, 0.18, 0.16)  # action, owner, due date, status (as in the PDF)
_PLACEHOLDER = re.compile(r"\{(page|pages)\}")


def export_docx(
    snapshot: WorkshopSnapshot,
    target: Path,
    *,
    progress: ProgressCallback | None = None,
    appendix: bool = False,
) -> Path:
    """Write the foundation of ``snapshot`` as a Word document to ``target``.

    Behaves like ``export_pdf``: ``progress`` gets 0.0..1.0 and may raise to
    cancel; the target is replaced only by a complete file; failures to write
    raise ``ExportError`` with a translated message.
    """
    target = Path(target)
    report = progress or (lambda fraction: None)
    report(0.0)
    outline = build_outline(snapshot, appendix=appendix)
    writer = _Writer(outline)
    writer.cover()
    writer.contents()
    sections = outline.sections
    for number, section in enumerate(sections, start=1):
        writer.section(section)
        report(0.9 * number / len(sections))
    with atomic_output(target) as temp:
        writer.doc.save(str(temp))
    report(1.0)
    return target


class _Writer:
    """Builds one Word document from one outline."""

    def __init__(self, outline: FoundationOutline) -> None:
        from docx import Document as new_document

        self.outline = outline
        self.doc: Document = new_document()
        self.language = _LANGUAGE_TAGS.get(outline.language, outline.language)
        self._first_body_paragraph = True
        self._bookmark_id = 0
        self._page_setup()
        self._styles()
        self._properties()
        self._footer()

    # ------------------------------------------------------------ set-up
    def _page_setup(self) -> None:
        from docx.shared import Mm

        section = self.doc.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.left_margin = section.right_margin = Mm(22)
        section.top_margin, section.bottom_margin = Mm(22), Mm(24)
        section.footer_distance = Mm(10)
        # The cover has no footer, as in the PDF.
        section.different_first_page_header_footer = True
        # Word (and LibreOffice) hyphenate the document in its language.
        settings = self.doc.settings.element
        hyphenate = _element("w:autoHyphenation")
        tab_stop = settings.find(_qn("w:defaultTabStop"))
        if tab_stop is not None:
            tab_stop.addnext(hyphenate)
        else:
            settings.append(hyphenate)

    def _styles(self) -> None:
        from docx.enum.style import WD_STYLE_TYPE
        from docx.shared import Pt

        styles = self.doc.styles
        normal = styles["Normal"]
        _set_font(normal, size=10.5, color=palette.INK)
        _set_language(normal, self.language)
        normal.paragraph_format.space_after = Pt(7)
        normal.paragraph_format.line_spacing = 1.2
        normal.paragraph_format.widow_control = True
        for name, size, color, before, after in (
            ("Heading 1", 19, palette.ACCENT, 22, 6),
            ("Heading 2", 11.5, palette.INK, 12, 4),
            ("Heading 3", 11.5, palette.ACCENT, 14, 4),
            ("Title", 30, palette.INK, 0, 8),
        ):
            style = styles[name]
            _set_font(style, size=size, color=color, bold=True)
            style.paragraph_format.space_before = Pt(before)
            style.paragraph_format.space_after = Pt(after)
            style.paragraph_format.keep_with_next = True
            _remove_border(style)  # the template's Title has a coloured rule under it
            _no_hyphenation(style)  # as in the PDF: headings are never split
        for name in ("List Bullet", "List Continue"):
            styles[name].paragraph_format.space_after = Pt(3)

        def add(name: str, size: float, color: str, *, bold: bool = False, after: float = 0):
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = normal
            _set_font(style, size=size, color=color, bold=bold)
            style.paragraph_format.space_after = Pt(after)
            return style

        add("Cover Title", 14, palette.ACCENT, bold=True, after=10)
        add("Cover Organisation", 14, palette.MUTED, after=4)
        label = add("Cover Label", 8, palette.MUTED, bold=True, after=2)
        label.paragraph_format.space_before = Pt(12)
        label.paragraph_format.keep_with_next = True
        add("Cover Text", 11, palette.INK)
        value_label = add("Value Label", 8.5, palette.MUTED, bold=True, after=3)
        value_label.paragraph_format.space_before = Pt(20)
        value_label.paragraph_format.keep_with_next = True
        contents = add("Contents Title", 19, palette.ACCENT, bold=True, after=6)
        contents.paragraph_format.keep_with_next = True
        add("Contents Entry", 10.5, palette.INK, after=4)
        add("Table Head", 9, "FFFFFF", bold=True)
        add("Table Text", 9.5, palette.INK)
        _no_hyphenation(add("Table Name", 9.5, palette.INK))  # names are never split
        add("Table Note", 8, palette.MUTED, after=2)
        add("Note Author", 8.5, palette.MUTED, after=8)
        for name in ("Footer",):
            _set_font(styles[name], size=8, color=palette.MUTED)

    def _properties(self) -> None:
        props = self.doc.core_properties
        outline = self.outline
        props.title = outline.full_title
        props.author = outline.author
        props.subject = outline.cover.title
        props.keywords = ", ".join(outline.keywords)
        props.language = self.language
        # The template's own values ("python-docx", a 2013 date) are not ours.
        props.last_modified_by = "Værdidialog"
        props.comments = ""
        props.revision = 1
        now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
        props.created = props.modified = now

    def _footer(self) -> None:
        """Unit name on the left, "Page X of Y" (Word fields) on the right."""
        from docx.enum.text import WD_TAB_ALIGNMENT

        section = self.doc.sections[0]
        width = section.page_width - section.left_margin - section.right_margin
        paragraph = section.footer.paragraphs[0]
        style = self.doc.styles["Footer"]
        paragraph.style = style
        # The template's footer tabs are set for US Letter; one right tab at the margin.
        style.paragraph_format.tab_stops.clear_all()
        style.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        _top_border(paragraph, palette.RULE)
        paragraph.add_run(self.outline.cover.unit)
        paragraph.add_run("\t")
        # The translated sentence, with Word fields where its placeholders are.
        template = _("Page {page} of {pages}")
        position = 0
        for match in _PLACEHOLDER.finditer(template):
            if match.start() > position:
                paragraph.add_run(template[position : match.start()])
            _field(paragraph, "PAGE" if match.group(1) == "page" else "NUMPAGES")
            position = match.end()
        if position < len(template):
            paragraph.add_run(template[position:])

    # ------------------------------------------------------------ content
    def paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        return self.doc.add_paragraph(text, style)

    def body_paragraph(self, style: str | None = None) -> Paragraph:
        """A paragraph of the body; the first one starts the page after the cover."""
        paragraph = self.doc.add_paragraph(style=style)
        if self._first_body_paragraph:
            paragraph.paragraph_format.page_break_before = True
            self._first_body_paragraph = False
        return paragraph

    def lines(self, paragraph: Paragraph, lines: tuple[str, ...]) -> None:
        """Lines of one paragraph, separated by line breaks (Shift+Enter in Word)."""
        for number, line in enumerate(lines):
            run = paragraph.add_run(line)
            if number < len(lines) - 1:
                run.add_break()

    def prose(self, paragraphs: Prose, style: str | None = None) -> None:
        for lines in paragraphs:
            self.lines(self.body_paragraph(style), lines)

    def heading(self, text: str, key: str, level: int = 1) -> Paragraph:
        """A Word heading with a bookmark, so that the contents list can link to it."""
        paragraph = self.body_paragraph(f"Heading {level}")
        self._bookmark(paragraph, key)
        paragraph.add_run(text)
        return paragraph

    def cover(self) -> None:
        from docx.shared import Mm, Pt

        cover = self.outline.cover
        space = Mm(52)
        if cover.logo is not None:
            space = self._logo(cover.logo.data)
        title = self.paragraph(cover.title, "Cover Title")
        title.paragraph_format.space_before = space
        unit = self.paragraph(cover.unit, "Title")
        unit.paragraph_format.keep_with_next = False
        if cover.organisation:
            self.paragraph(cover.organisation, "Cover Organisation")
        rule = self.paragraph("", "Cover Text")
        rule.paragraph_format.space_before = Pt(14)
        rule.paragraph_format.space_after = Pt(8)
        rule.paragraph_format.right_indent = self._text_width() - Mm(34)
        _bottom_border(rule, palette.ACCENT, eighths=20)
        for fact in cover.facts:
            self.paragraph(fact.label.upper(), "Cover Label")
            self.paragraph(fact.text, "Cover Text")

    def _logo(self, data: bytes) -> int:
        """The logo at the top of the cover, in a 70 × 32 mm box with its proportions;
        returns the space left above the title."""
        from io import BytesIO

        from docx.shared import Mm
        from PIL import Image

        with Image.open(BytesIO(data)) as image:
            width, height = image.size
        scale = min(Mm(70) / width, Mm(32) / height)
        paragraph = self.paragraph("", "Cover Text")
        paragraph.paragraph_format.space_after = 0
        paragraph.add_run().add_picture(
            BytesIO(data), width=int(width * scale), height=int(height * scale)
        )
        return max(Mm(6), Mm(52) - int(height * scale))

    def contents(self) -> None:
        """The short contents list: each entry links to its heading. No page
        numbers: Word would only show them after its fields are updated."""
        outline = self.outline
        if not outline.contents:
            return
        self.body_paragraph("Contents Title").add_run(outline.contents_title)
        for entry in outline.contents:
            paragraph = self.paragraph(style="Contents Entry")
            _internal_link(paragraph, entry.title, _bookmark_name(entry.key))
        self.paragraph().paragraph_format.space_after = 0

    def section(self, section: Section) -> None:
        if isinstance(section, Introduction):
            self.heading(section.title, section.key)
            self.prose(section.prose)
        elif isinstance(section, ValueSection):
            self.value_section(section)
        elif isinstance(section, ChartsSection):
            self.charts(section)
        elif isinstance(section, CommitmentsSection):
            self.commitments(section)
        elif isinstance(section, AppendixSection):
            self.appendix(section)

    def value_section(self, section: ValueSection) -> None:
        if section.label:
            self.body_paragraph("Value Label").add_run(section.label.upper())
            heading = self.heading(section.title, section.key)
            heading.paragraph_format.space_before = 0
        else:
            self.heading(section.title, section.key)
        for principle in section.principles:
            first, *rest = principle
            self.lines(self.body_paragraph("List Bullet"), first)
            for lines in rest:
                self.lines(self.body_paragraph("List Continue"), lines)
        for voice in section.voices:
            self.body_paragraph("Heading 2").add_run(voice.title)
            self.prose(voice.prose)

    def charts(self, section: ChartsSection) -> None:
        """Each chart as a picture (drawn as in the PDF) with its numbers as a table;
        without a renderer for the picture, the table alone."""
        from io import BytesIO

        from docx.shared import Mm

        from leaderapp.core.export import charts, styles

        styles.register_fonts()
        self.heading(section.title, section.key)
        # The introduction stays on the page of the first chart.
        self.body_paragraph().add_run(section.intro)
        self.doc.paragraphs[-1].paragraph_format.keep_with_next = True
        drawings = [(c, charts.radar_drawing) for c in section.radars]
        drawings += [(c, charts.polarity_drawing) for c in section.polarities]
        for chart, draw in drawings:
            self.body_paragraph("Heading 2").add_run(chart.title)
            picture = charts.drawing_png(draw(chart))
            if picture is not None:
                paragraph = self.body_paragraph()
                paragraph.paragraph_format.keep_with_next = True
                paragraph.add_run().add_picture(BytesIO(picture), width=Mm(166))
            self.number_table(chart.numbers)
            self.body_paragraph("Table Note").add_run(chart.numbers.caption)

    def number_table(self, numbers: Any) -> None:
        from docx.enum.table import WD_TABLE_ALIGNMENT

        columns = len(numbers.header)
        table = self.doc.add_table(rows=1, cols=columns)
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        _table_borders(table)
        first = 0.4 if columns > 2 else 0.5
        shares = [first] + [(1 - first) / max(1, columns - 1)] * (columns - 1)
        widths = [int(self._text_width() * share) for share in shares]
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width
        header = table.rows[0]
        _row_flags(header, header=True)
        for cell, text, width in zip(header.cells, numbers.header, widths, strict=True):
            cell.width = width
            _shade(cell, palette.ACCENT)
            cell.paragraphs[0].style = self.doc.styles["Table Head"]
            cell.paragraphs[0].add_run(text)
        for index, row in enumerate(numbers.rows):
            cells = table.add_row().cells
            _row_flags(table.rows[-1], header=False)
            for cell, text, width in zip(cells, row, widths, strict=True):
                cell.width = width
                if index % 2 == 1:
                    _shade(cell, palette.TINT)
                cell.paragraphs[0].style = self.doc.styles["Table Name"]
                cell.paragraphs[0].add_run(text)
                cell.paragraphs[0].paragraph_format.keep_with_next = True

    def commitments(self, section: CommitmentsSection) -> None:
        from docx.enum.table import WD_TABLE_ALIGNMENT

        self.heading(section.title, section.key)
        table = self.doc.add_table(rows=1, cols=len(section.columns))
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        _table_borders(table)
        widths = [int(self._text_width() * share) for share in _COLUMN_SHARES]
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width  # the grid, which LibreOffice follows
        header = table.rows[0]
        _row_flags(header, header=True)
        for cell, text, width in zip(header.cells, section.columns, widths, strict=True):
            cell.width = width
            _shade(cell, palette.ACCENT)
            cell.paragraphs[0].style = self.doc.styles["Table Head"]
            cell.paragraphs[0].add_run(text)
        for index, row in enumerate(section.rows):
            cells = table.add_row().cells
            _row_flags(table.rows[-1], header=False)
            for cell, width in zip(cells, widths, strict=True):
                cell.width = width
                if index % 2 == 1:
                    _shade(cell, palette.TINT)
            action = cells[0]
            paragraphs = list(row.action) or [("",)]
            first = action.paragraphs[0]
            if row.value_name:
                first.style = self.doc.styles["Table Note"]
                first.add_run(row.value_name)
                first = action.add_paragraph(style="Table Text")
            else:
                first.style = self.doc.styles["Table Text"]
            self.lines(first, paragraphs[0])
            for lines in paragraphs[1:]:
                self.lines(action.add_paragraph(style="Table Text"), lines)
            # A date never breaks over two lines.
            due = row.due.replace(" ", "\u00a0")
            for cell, text in zip(cells[1:], (row.owner, due, row.status), strict=True):
                cell.paragraphs[0].style = self.doc.styles["Table Name"]
                cell.paragraphs[0].add_run(text)

        if _fits_on_a_page(section):
            # Word's way to keep a table on one page (the PDF moves it whole too):
            # every paragraph but those of the last row keeps with the next.
            for table_row in table.rows[:-1]:
                for cell in table_row.cells:
                    for paragraph in cell.paragraphs:
                        paragraph.paragraph_format.keep_with_next = True

    def appendix(self, section: AppendixSection) -> None:
        heading = self.heading(section.title, section.key)
        # The appendix is reference material: it starts on a page of its own.
        heading.paragraph_format.page_break_before = True
        for group in section.groups:
            self.heading(group.title, group.key, level=2)
            for note in group.notes:
                self.prose(note.prose)
                if note.author:
                    self.body_paragraph("Note Author").add_run(f"— {note.author}")

    # ------------------------------------------------------------ helpers
    def _text_width(self) -> int:
        section = self.doc.sections[0]
        return section.page_width - section.left_margin - section.right_margin

    def _bookmark(self, paragraph: Paragraph, key: str) -> None:
        self._bookmark_id += 1
        start = _element("w:bookmarkStart", id=str(self._bookmark_id), name=_bookmark_name(key))
        end = _element("w:bookmarkEnd", id=str(self._bookmark_id))
        paragraph._p.append(start)
        paragraph._p.append(end)


def _fits_on_a_page(section: CommitmentsSection) -> bool:
    """A rough estimate in lines: Word lays out, so the exact height is unknown here."""
    chars_per_line = 40  # the action column at 9.5 pt
    lines = 3  # the heading and the header row
    for row in section.rows:
        text = sum(len(line) for lines_ in row.action for line in lines_)
        breaks = sum(len(lines_) for lines_ in row.action)
        lines += 1 + bool(row.value_name) + max(breaks, text // chars_per_line + breaks)
    return lines <= 44


# ----------------------------------------------------------- XML helpers
def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def _element(tag: str, **attributes: str) -> Any:
    from docx.oxml import OxmlElement

    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(_qn(f"w:{name}"), value)
    return element


def _bookmark_name(key: str) -> str:
    # Word bookmark names: letters, digits and underscores, at most 40 characters.
    return "vd_" + re.sub(r"\W", "_", key)[:36]


def _set_font(style: Any, *, size: float, color: str, bold: bool | None = None) -> None:
    """One font for every script, replacing the template's theme fonts (which
    would otherwise win over an explicit font)."""
    from docx.shared import Pt, RGBColor

    font = style.font
    font.name = FONT
    font.size = Pt(size)
    font.color.rgb = RGBColor.from_string(color)
    if bold is not None:
        font.bold = bold
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(_qn(f"w:{attribute}"), None)
    for attribute in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(_qn(f"w:{attribute}"), FONT)
    color_element = style.element.rPr.find(_qn("w:color"))
    for attribute in ("themeColor", "themeShade", "themeTint"):
        color_element.attrib.pop(_qn(f"w:{attribute}"), None)


def _set_language(style: Any, tag: str) -> None:
    rpr = style.element.get_or_add_rPr()
    for old in rpr.findall(_qn("w:lang")):
        rpr.remove(old)
    rpr.append(_element("w:lang", val=tag, eastAsia=tag, bidi=tag))


def _remove_border(style: Any) -> None:
    ppr = style.element.pPr
    if ppr is not None:
        for border in ppr.findall(_qn("w:pBdr")):
            ppr.remove(border)


# Word rejects a file whose properties are out of the schema's order; these are
# the elements that must come after the one we add.
_AFTER_PBDR = (
    "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId "
    "cnfStyle rPr sectPr pPrChange"
).split()
_AFTER_TBLBORDERS = "shd tblLayout tblCellMar tblLook tblCaption tblDescription".split()
_AFTER_TBLCELLMAR = "tblLook tblCaption tblDescription".split()


def _insert(parent: Any, element: Any, successors: list[str]) -> None:
    """Add ``element`` to ``parent`` before the first of ``successors`` it has."""
    tags = {_qn(f"w:{name}") for name in successors}
    anchor = next((child for child in parent if child.tag in tags), None)
    if anchor is not None:
        anchor.addprevious(element)
    else:
        parent.append(element)


def _no_hyphenation(style: Any) -> None:
    _insert(style.element.get_or_add_pPr(), _element("w:suppressAutoHyphens"), _AFTER_PBDR[3:])


def _paragraph_border(paragraph: Paragraph, side: str, color: str, eighths: int) -> None:
    borders = _element("w:pBdr")
    borders.append(_element(f"w:{side}", val="single", sz=str(eighths), space="4", color=color))
    _insert(paragraph._p.get_or_add_pPr(), borders, _AFTER_PBDR)


def _bottom_border(paragraph: Paragraph, color: str, eighths: int = 4) -> None:
    _paragraph_border(paragraph, "bottom", color, eighths)


def _top_border(paragraph: Paragraph, color: str, eighths: int = 4) -> None:
    _paragraph_border(paragraph, "top", color, eighths)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) whose value Word computes when it lays out."""
    for kind, text in (("begin", None), (None, f" {instruction} "), ("separate", None)):
        run = paragraph.add_run()
        if kind:
            run._r.append(_element("w:fldChar", fldCharType=kind))
        else:
            instr = _element("w:instrText")
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            instr.text = text
            run._r.append(instr)
    paragraph.add_run("1")  # shown until Word updates the field
    paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="end"))


def _internal_link(paragraph: Paragraph, text: str, bookmark: str) -> None:
    link = _element("w:hyperlink", anchor=bookmark, history="1")
    run = _element("w:r")
    text_element = _element("w:t")
    text_element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    text_element.text = text
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def _row_flags(row: Any, *, header: bool) -> None:
    """A row never breaks across pages; the header row repeats on every page."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(_element("w:cantSplit"))
    if header:
        trpr.append(_element("w:tblHeader"))


def _shade(cell: _Cell, color: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    tcpr.append(_element("w:shd", val="clear", color="auto", fill=color))


def _table_borders(table: Any) -> None:
    """Thin rules between commitments and an accent line at the end, as in the PDF."""
    tblpr = table._tbl.tblPr
    borders = _element("w:tblBorders")
    for side, value, size, color in (
        ("top", "nil", "0", "auto"),
        ("left", "nil", "0", "auto"),
        ("bottom", "single", "6", palette.ACCENT),
        ("right", "nil", "0", "auto"),
        ("insideH", "single", "4", palette.RULE),
        ("insideV", "nil", "0", "auto"),
    ):
        borders.append(_element(f"w:{side}", val=value, sz=size, space="0", color=color))
    _insert(tblpr, borders, _AFTER_TBLBORDERS)
    margins = _element("w:tblCellMar")
    for side, width in (("top", "80"), ("left", "110"), ("bottom", "90"), ("right", "110")):
        margins.append(_element(f"w:{side}", w=width, type="dxa"))
    _insert(tblpr, margins, _AFTER_TBLCELLMAR)
