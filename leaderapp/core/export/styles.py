"""The look of the printed foundation: font, colours, text styles and pages.

Imports reportlab at module level, so only ``pdf.export_pdf`` imports this
module, when an export actually runs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor, white
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
)
from reportlab.platypus.flowables import _listWrapOn

from leaderapp.core.export import palette
from leaderapp.core.export.deferred import DeferredCanvas
from leaderapp.core.i18n import _
from leaderapp.core.resources import resource_path

ACCENT = HexColor(f"#{palette.ACCENT}")
INK = HexColor(f"#{palette.INK}")
MUTED = HexColor(f"#{palette.MUTED}")
RULE = HexColor(f"#{palette.RULE}")
TINT = HexColor(f"#{palette.TINT}")

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 22 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 24 * mm
COVER_LEFT = 38 * mm  # the cover leaves room for its accent band
FOOTER_Y = 12 * mm
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
TEXT_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

FONT = "Vaerdidialog-Sans"
FONT_BOLD = "Vaerdidialog-Sans-Bold"
FONT_ITALIC = "Vaerdidialog-Sans-Oblique"
FONT_BOLD_ITALIC = "Vaerdidialog-Sans-BoldOblique"
_FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}
# Parsing a TrueType file costs ~10 ms (Symbola more), at every first export
# of a session: these are registered only when some text needs them.
_ITALIC_FILES = {
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
    FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}
# Fallback for characters DejaVu Sans lacks (emoji, many symbols).
SYMBOLS = "Vaerdidialog-Symbols"
_SYMBOLS_FILE = "Symbola.ttf"
_font_lock = threading.Lock()
_fonts_registered = False
_italics_registered = False
_main_chars: frozenset[int] = frozenset()
_symbol_chars: frozenset[int] | None = None  # None until Symbola is registered


def _register(name: str, filename: str) -> TTFont:
    font = TTFont(name, str(resource_path("fonts", filename)))
    pdfmetrics.registerFont(font)
    return font


def register_fonts() -> None:
    """Register DejaVu Sans and its bold face once per process (reportlab's
    registry is global). The italic faces and Symbola, the fallback for
    characters DejaVu lacks, follow when text needs them (``register_italics``,
    ``markup``)."""
    global _fonts_registered, _main_chars
    with _font_lock:
        if _fonts_registered:
            return
        for name, filename in _FONT_FILES.items():
            _register(name, filename)
        ttfonts.makeToUnicodeCMap = _to_unicode_cmap
        _main_chars = frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)
        # Lets <b> and <i> in our own markup pick the right face.
        pdfmetrics.registerFontFamily(
            FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
        )
        _fonts_registered = True


def register_italics() -> None:
    """Register the oblique faces, for markup that sets text in italics."""
    global _italics_registered
    with _font_lock:
        if not _italics_registered:
            for name, filename in _ITALIC_FILES.items():
                _register(name, filename)
            _italics_registered = True


def _symbols() -> frozenset[int]:
    """The characters only Symbola has, registering it on first use."""
    global _symbol_chars
    with _font_lock:
        if _symbol_chars is None:
            symbols = _register(SYMBOLS, _SYMBOLS_FILE)
            pdfmetrics.registerFontFamily(
                SYMBOLS, normal=SYMBOLS, bold=SYMBOLS, italic=SYMBOLS, boldItalic=SYMBOLS
            )
            _symbol_chars = frozenset(symbols.face.charToGlyph) - _main_chars
        return _symbol_chars


def _utf16_hex(code: int) -> str:
    return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap with characters beyond U+FFFF (emoji) written
    as UTF-16 surrogate pairs, as the PDF format wants; reportlab 5.1 writes
    them as odd-length hex that readers reject, so copied or searched emoji
    vanish. Otherwise the same text as ``ttfonts.makeToUnicodeCMap``."""
    mappings = [f"<{i:02X}> <{_utf16_hex(code)}>" for i, code in enumerate(subset)]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *mappings,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def markup(text: str) -> str:
    """Plain user text as Paragraph markup: escaped, so it stays data, and with
    the characters only the symbol font has (emoji) set in that font.

    Needs ``register_fonts`` first; loads the symbol font when the text has a
    character DejaVu Sans lacks."""
    codes = set(map(ord, text))
    if codes <= _main_chars:
        return escape(text)
    symbol_chars = _symbols()
    if symbol_chars.isdisjoint(codes):
        return escape(text)
    parts: list[str] = []
    run: list[str] = []
    in_symbols = False
    for char in text:
        wanted = ord(char) in symbol_chars
        if wanted != in_symbols and run:
            parts.append(_font_run("".join(run), in_symbols))
            run = []
        in_symbols = wanted
        run.append(char)
    if run:
        parts.append(_font_run("".join(run), in_symbols))
    return "".join(parts)


def _font_run(text: str, symbols: bool) -> str:
    return f'<font face="{SYMBOLS}">{escape(text)}</font>' if symbols else escape(text)


def _style(name: str, size: float, leading: float, **kw: object) -> ParagraphStyle:
    kw.setdefault("fontName", FONT)
    kw.setdefault("bulletFontName", FONT)  # reportlab's default would pull in Helvetica
    kw.setdefault("textColor", INK)
    return ParagraphStyle(name, fontSize=size, leading=leading, alignment=TA_LEFT, **kw)


Hyphenator = Callable[[str], Iterable[tuple[str, str]]]
# pyphen's dictionaries by our language codes.
_HYPHENATION_DICTIONARIES = {"da": "da_DK", "en": "en_GB"}


def hyphenator(language: str) -> Hyphenator | None:
    """Word splits for ``language`` (longest first head), or None without pyphen.

    At least three letters on either side of a break: Danish compounds such as
    "medarbejder" would otherwise break as "me-darbejder"."""
    try:
        import pyphen
    except ImportError:
        return None
    name = _HYPHENATION_DICTIONARIES.get(language, language)
    if not pyphen.language_fallback(name):
        return None
    return pyphen.Pyphen(lang=name, left=3, right=3).iterate


# reportlab hyphenates every word that crosses the line end. A hyphenated word
# is no longer found by a PDF viewer's search ("tavlemø-det"), so only long
# words are split: Danish compounds such as "medarbejderrepræsentanterne",
# which otherwise leave wide gaps or, in a table cell, get cut without a hyphen.
HYPHENATE_FROM_LETTERS = 12


def _prose(hyphenate: Hyphenator | None) -> dict[str, object]:
    """Style settings for running text: long words hyphenated where the
    language allows, breaking at a hyphen a word already has ("MED-udvalget"),
    and never one lonely line of a paragraph at the top or bottom of a page."""
    if hyphenate is None:
        return {"allowWidows": 0, "allowOrphans": 0}
    return {
        "hyphenationLang": hyphenate,
        "hyphenationMinWordLength": HYPHENATE_FROM_LETTERS,
        "embeddedHyphenation": 1,
        "allowWidows": 0,
        "allowOrphans": 0,
    }


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    bullet: ParagraphStyle
    h1: ParagraphStyle
    h1_after_label: ParagraphStyle
    h1_loose: ParagraphStyle
    label: ParagraphStyle
    h2: ParagraphStyle
    cover_title: ParagraphStyle
    cover_unit: ParagraphStyle
    cover_org: ParagraphStyle
    cover_label: ParagraphStyle
    cover_text: ParagraphStyle
    table_head: ParagraphStyle
    table_cell: ParagraphStyle
    table_name: ParagraphStyle
    table_note: ParagraphStyle
    contents: ParagraphStyle
    h3: ParagraphStyle
    note: ParagraphStyle
    note_author: ParagraphStyle


def make_styles(hyphenate: Hyphenator | None = None) -> Styles:
    """Fresh style objects per export: nothing shared between two builds.
    ``hyphenate`` splits words in running text and table cells (not headings)."""
    text = _prose(hyphenate)
    body = _style("body", 10.5, 15.5, spaceAfter=7, **text)
    h1 = _style(
        "h1",
        19,
        24,
        fontName=FONT_BOLD,
        textColor=ACCENT,
        spaceBefore=22,
        spaceAfter=6,
        keepWithNext=1,
    )
    return Styles(
        body=body,
        bullet=_style(
            "bullet",
            10.5,
            15,
            leftIndent=16,
            bulletIndent=2,
            spaceAfter=3,
            bulletFontName=FONT_BOLD,
            bulletColor=ACCENT,
            **text,
        ),
        h1=h1,
        h1_after_label=ParagraphStyle("h1_after_label", parent=h1, spaceBefore=0),
        h1_loose=ParagraphStyle("h1_loose", parent=h1, keepWithNext=0),
        label=_style(
            "label",
            8.5,
            11,
            fontName=FONT_BOLD,
            textColor=MUTED,
            spaceBefore=20,
            spaceAfter=3,
            keepWithNext=1,
        ),
        h2=_style("h2", 11.5, 15, fontName=FONT_BOLD, spaceBefore=12, spaceAfter=4, keepWithNext=1),
        cover_title=_style(
            "cover_title", 14, 19, fontName=FONT_BOLD, textColor=ACCENT, spaceAfter=10
        ),
        cover_unit=_style("cover_unit", 30, 36, fontName=FONT_BOLD, spaceAfter=8),
        cover_org=_style("cover_org", 14, 19, textColor=MUTED, spaceAfter=4),
        cover_label=_style(
            "cover_label",
            8,
            11,
            fontName=FONT_BOLD,
            textColor=MUTED,
            spaceBefore=12,
            spaceAfter=2,
        ),
        cover_text=_style("cover_text", 11, 15.5),
        table_head=_style("table_head", 9, 12, fontName=FONT_BOLD, textColor=white),
        # Narrow columns are where hyphenation matters most; names are never split.
        table_cell=_style("table_cell", 9.5, 13, **text),
        table_name=_style("table_name", 9.5, 13),
        table_note=_style("table_note", 8, 11, textColor=MUTED, spaceBefore=2),
        contents=_style("contents", 10.5, 15),
        h3=_style(
            "h3",
            11.5,
            15,
            fontName=FONT_BOLD,
            textColor=ACCENT,
            spaceBefore=14,
            spaceAfter=5,
            keepWithNext=1,
        ),
        note=_style("note", 10, 14.5, spaceAfter=1, **text),
        note_author=_style("note_author", 8.5, 11, textColor=MUTED, spaceAfter=8),
    )


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """Shorten a one-line text with an ellipsis so it fits ``width`` points."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[: max(0, min(len(text) - 1, int(len(text) * 0.9)))]
    return text.rstrip() + "…"


class KeepHeadingWithText(KeepTogether):
    """How the document keeps a heading (``keepWithNext``) with what follows.

    reportlab's own KeepTogether moves the heading and the whole next paragraph
    to a new page when they do not fit, which leaves half a page empty before a
    long paragraph. This one moves them only when the room left cannot hold the
    headings and the first lines of the paragraph; otherwise the paragraph
    starts here and continues on the next page."""

    FIRST_LINES = 48  # points: three lines of body text

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        # KeepTogether.wrap with one more result; calling it as well would lay
        # the content out twice (~3 % of an export).
        dims: list[tuple[float, float]] = []
        width, height = _listWrapOn(self._content, aW, self.canv, dims=dims)
        self._H = height
        self._H0 = dims[0][1] if dims else 0
        self._wrapInfo = aW, aH
        last = dims[-1][1] if dims else 0
        self._needed = height - last + min(last, self.FIRST_LINES)
        return width, 0xFFFFFF  # as KeepTogether: always asks to be split

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        flows_on = isinstance(self._content[-1], Paragraph) and aH >= self._needed
        if self._H > aH and flows_on:
            return list(self._content)
        return super().split(aW, aH)


class FoundationDocument(BaseDocTemplate):
    """A4 with a cover page and numbered body pages; outline entries come from
    flowables that carry ``outline_key`` and ``outline_title``."""

    def __init__(
        self,
        filename: str,
        *,
        footer_text: str,
        on_progress: Callable[[str, int], None] | None = None,
        **meta: object,
    ) -> None:
        super().__init__(
            filename,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            displayDocTitle=1,
            # Otherwise the PDF names Helvetica, which is neither used nor embedded.
            initialFontName=FONT,
            keepTogetherClass=KeepHeadingWithText,
            **meta,
        )
        self.footer_text = footer_text
        # Where each bookmarked heading landed, for the contents list.
        self.section_pages: dict[str, int] = {}
        # No frame padding: text, table, header bar and footer share one left edge.
        pad = {"leftPadding": 0, "rightPadding": 0, "topPadding": 0, "bottomPadding": 0}
        cover = Frame(
            COVER_LEFT,
            MARGIN_BOTTOM,
            PAGE_WIDTH - COVER_LEFT - MARGIN_X,
            TEXT_HEIGHT,
            id="cover",
            **pad,
        )
        body = Frame(MARGIN_X, MARGIN_BOTTOM, TEXT_WIDTH, TEXT_HEIGHT, id="body", **pad)
        self.addPageTemplates(
            [
                PageTemplate("cover", [cover], onPage=self._draw_cover),
                PageTemplate("body", [body], onPage=self._draw_body),
            ]
        )
        if on_progress is not None:
            self.setProgressCallBack(on_progress)

    def build(  # type: ignore[override]
        self, flowables: list[Flowable], canvasmaker: type[Canvas] = DeferredCanvas
    ) -> None:
        """Lay the document out once; "page X of Y" and the contents list's
        numbers are drawn when it is complete (``DeferredCanvas``)."""
        self.section_pages.clear()
        super().build(flowables, canvasmaker=canvasmaker)

    def beforeDocument(self) -> None:
        self.canv.showOutline()

    def afterFlowable(self, flowable: Flowable) -> None:
        key = getattr(flowable, "outline_key", None)
        if key:
            level = getattr(flowable, "outline_level", 0)
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.outline_title, key, level=level)
            self.section_pages[key] = self.page  # the page its bookmark names

    def _draw_cover(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        canv.setFillColor(ACCENT)
        canv.rect(0, 0, 16 * mm, PAGE_HEIGHT, stroke=0, fill=1)
        canv.setFillColor(TINT)
        canv.rect(16 * mm, 0, 4 * mm, PAGE_HEIGHT, stroke=0, fill=1)
        canv.restoreState()

    def _draw_body(self, canv: DeferredCanvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        canv.setFillColor(ACCENT)
        canv.rect(MARGIN_X, PAGE_HEIGHT - 12 * mm, 14 * mm, 1.6 * mm, stroke=0, fill=1)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(MARGIN_X, FOOTER_Y + 11, PAGE_WIDTH - MARGIN_X, FOOTER_Y + 11)
        canv.restoreState()
        canv.defer(self._draw_footer)

    def _draw_footer(self, canv: Canvas, pages: int) -> None:
        canv.setFont(FONT, 8)
        canv.setFillColor(MUTED)
        number = _("Page {page} of {pages}").format(page=canv.getPageNumber(), pages=pages)
        number_width = pdfmetrics.stringWidth(number, FONT, 8)
        canv.drawRightString(PAGE_WIDTH - MARGIN_X, FOOTER_Y, number)
        room = TEXT_WIDTH - number_width - 12 * mm
        canv.drawString(MARGIN_X, FOOTER_Y, fit_text(self.footer_text, FONT, 8, room))


def table_style_commands(row_groups: list[tuple[int, int]]) -> list[tuple]:
    """Grid for the commitments table; ``row_groups`` are (first, last) row
    indexes of each commitment, which may span several rows when its text is long."""
    commands: list[tuple] = [
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, ACCENT),
    ]
    for index, (first, last) in enumerate(row_groups):
        if index % 2 == 1:
            commands.append(("BACKGROUND", (0, first), (-1, last), TINT))
        if index < len(row_groups) - 1:
            commands.append(("LINEBELOW", (0, last), (-1, last), 0.5, RULE))
        if last > first:
            # Continuation rows of one long action read as one block.
            commands.append(("TOPPADDING", (0, first + 1), (-1, last), 0))
            commands.append(("BOTTOMPADDING", (0, first), (-1, last - 1), 0))
    return commands
