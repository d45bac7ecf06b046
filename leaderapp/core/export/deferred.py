"""What a page can show only once the whole document is laid out: "page X of Y"
in the footer and the page numbers of the contents list.

One layout pass is enough to know both. reportlab's ``multiBuild`` would lay the
whole document out a second time just to print them, about a quarter of the
export's time (docs/performance.md). Instead ``DeferredCanvas`` keeps every
finished page in memory, and when the build is done it first runs the drawing
each page put off (``defer``) and then writes the pages. This works because
nothing put off changes the layout: the footer sits outside the frame, and a
contents entry's number is drawn over the end of its line, as reportlab's own
``TableOfContents`` does.

Imports reportlab at module level; only ``styles`` imports this module, when an
export runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

# Called on its own page once every page is laid out, with the number of pages.
FinishPage = Callable[["DeferredCanvas", int], None]


class DeferredCanvas(Canvas):
    """A canvas that writes its pages only at ``save``, after running the drawing
    each page has put off until the number of pages is known.

    This is reportlab's well-known "NumberedCanvas" recipe: a finished page is
    kept as a copy of the canvas's state, which holds the page's content stream."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._kept_pages: list[dict[str, Any]] = []
        self._put_off: list[FinishPage] = []

    def defer(self, draw: FinishPage) -> None:
        """Run ``draw`` on the current page when the document is complete."""
        self._put_off.append(draw)

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._kept_pages.append(dict(self.__dict__))
        self._put_off = []  # the kept state holds this page's list
        # A bookmark names its page by the PDF's page counter, which only a
        # written page advances: keep it pointing at the page being drawn.
        self._doc.pageCounter += 1
        self._startPage()

    def save(self) -> None:
        pages = self._kept_pages
        total = len(pages)
        self._doc.pageCounter = 1  # the pages are written now, from the first
        for state in pages:
            self.__dict__.update(state)
            for draw in self._put_off:
                # In the page's own coordinates, whatever the page left behind.
                self.saveState()
                self.resetTransforms()
                draw(self, total)
                self.restoreState()
            Canvas.showPage(self)
        self._kept_pages = []
        super().save()


class ContentsList(Flowable):
    """The contents: one line per section, a dot leader and the page the section
    starts on; the title and the number both link to the section.

    ``entries`` are (title as Paragraph markup, bookmark key); ``page_of`` gives
    a key's page once the document is laid out. Titles wrap across the full
    width, so the list is as high with its numbers as without them. Needs a
    ``DeferredCanvas``."""

    _CALLBACK = "vaerdidialog_contents_entry"

    def __init__(
        self,
        entries: Sequence[tuple[str, str]],
        style: ParagraphStyle,
        table_style: TableStyle,
        page_of: Callable[[str], int | None],
    ) -> None:
        super().__init__()
        self.entries = list(entries)
        self.style = style
        self.table_style = table_style
        self.page_of = page_of
        self._table: Table | None = None
        self._table_width: float | None = None

    def _table_for(self, width: float) -> Table:
        if self._table is None or self._table_width != width:
            rows = [
                [
                    Paragraph(
                        f'<a href="#{key}">{title}</a>'
                        f'<onDraw name="{self._CALLBACK}" label="{index}"/>',
                        self.style,
                    )
                ]
                for index, (title, key) in enumerate(self.entries)
            ]
            self._table = Table(rows, colWidths=(width,), style=self.table_style)
            self._table_width = width
        return self._table

    def _entry_drawn(self, canv: DeferredCanvas, kind: str, label: str) -> None:
        # Called by the Paragraph where an entry's text ends; the number waits.
        info = canv._curr_tx_info
        x, y = canv.absolutePosition(info["cur_x"], info["cur_y"])
        right = canv.absolutePosition(self._table_width or 0, info["cur_y"])[0]
        key = self.entries[int(label)][1]
        canv.defer(lambda c, total: self._draw_number(c, key, x, y, right))

    def _draw_number(self, canv: Canvas, key: str, x: float, y: float, right: float) -> None:
        page = self.page_of(key)
        if page is None:
            return
        number = str(page)
        font, size = self.style.fontName, self.style.fontSize
        width = stringWidth(number, font, size)
        while width > right - x and size >= 1.0:  # a title that fills its last line
            size *= 0.9
            width = stringWidth(number, font, size)
        dot = " . "
        dot_width = stringWidth(dot, font, size)
        dots = max(0, int((right - x - width) / dot_width))
        text = canv.beginText(right - dots * dot_width - width, y)
        text.setFont(font, size)
        text.setFillColor(self.style.textColor)
        text.textLine(dot * dots + number)
        canv.drawText(text)
        canv.linkRect("", key, (right - width, y, right, y + self.style.leading), relative=1)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.canv.setNamedCB(self._CALLBACK, self._entry_drawn)
        self.width, self.height = self._table_for(available_width).wrapOn(
            self.canv, available_width, available_height
        )
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return self._table_for(available_width).splitOn(
            self.canv, available_width, available_height
        )

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802
        # The table draws itself; its Paragraphs call back at each entry's end.
        self._table_for(self._table_width or self.width).drawOn(canvas, x, y, _sW)
