"""The foundation's charts, drawn with reportlab's own graphics.

The radar of bør/kan/vil/må/tør (``SpiderChart``) and the placements between two
result areas (a scale with two marks). Both are ``Drawing`` objects: the PDF
places them as they are, Word gets them as PNG pictures (``drawing_png``).
Series and marks differ in shape and line style as well as colour, so a chart
printed in black and white still reads. Every label is text in the PDF.

Imports reportlab at module level: only the exporters import this module, when
an export runs. Needs ``styles.register_fonts()`` first.
"""

from __future__ import annotations

import io
import math

from reportlab.graphics.charts.spider import SpiderChart
from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib.colors import Color, HexColor, white
from reportlab.pdfbase.pdfmetrics import stringWidth

from leaderapp.core.export.document import PolarityChart, RadarChart, format_number
from leaderapp.core.export.styles import (
    ACCENT,
    FONT,
    FONT_BOLD,
    INK,
    MUTED,
    RULE,
    TEXT_WIDTH,
    fit_text,
)

# The second series (the follow-up): warm, dashed, square marks.
SECOND = HexColor("#B5651D")
_SERIES_STYLES = (
    (ACCENT, None, "FilledCircle"),
    (SECOND, (4, 2), "FilledSquare"),
    (INK, (1, 2), "FilledDiamond"),
)


def _translucent(color: Color, alpha: float) -> Color:
    return Color(color.red, color.green, color.blue, alpha=alpha)


def radar_drawing(chart: RadarChart, width: float = TEXT_WIDTH) -> Drawing:
    """The averages per dimension as a radar with rings at 1 … ``chart.scale``."""
    height = 205.0
    size = 160.0
    drawing = Drawing(width, height)
    cx, cy = 40 + size / 2, height / 2
    count = len(chart.labels)
    # Rings for the scale: what the distance from the centre means.
    for step in range(1, chart.scale + 1):
        radius = size / 2 * step / chart.scale
        points = []
        for i in range(count):
            angle = math.pi / 2 - 2 * math.pi * i / count
            points += [cx + radius * math.cos(angle), cy + radius * math.sin(angle)]
        drawing.add(Polygon(points, strokeColor=RULE, strokeWidth=0.5, fillColor=None))
        # The scale's numbers beside the top spoke, clear of the marks on it.
        drawing.add(
            String(
                cx - 4,
                cy + radius - 7,
                str(step),
                fontName=FONT,
                fontSize=6.5,
                fillColor=MUTED,
                textAnchor="end",
            )
        )
    spider = SpiderChart()
    spider.x, spider.y = cx - size / 2, cy - size / 2
    spider.width = spider.height = size
    spider.startAngle = 90
    spider.direction = "clockwise"
    # An invisible strand at the top of the scale keeps 5 at the outer ring
    # (SpiderChart scales to the largest value it is given).
    data = [[v or 0.0 for v in series.values] for series in chart.series]
    spider.data = [*data, [float(chart.scale)] * count]
    spider.labels = list(chart.labels)
    spider.strokeColor = None
    spider.spokes.strokeColor = RULE
    spider.spokes.labelRadius = 1.13
    spider.spokeLabels.fontName = FONT_BOLD
    spider.spokeLabels.fontSize = 9.5
    spider.spokeLabels.fillColor = INK
    for index in range(len(chart.series)):
        color, dash, symbol = _SERIES_STYLES[index % len(_SERIES_STYLES)]
        strand = spider.strands[index]
        strand.strokeColor = color
        strand.strokeWidth = 1.8
        strand.strokeDashArray = dash
        strand.fillColor = _translucent(color, 0.12) if index == 0 else None
        strand.symbol = symbol
        strand.symbolSize = 5
    hidden = spider.strands[len(chart.series)]
    hidden.strokeColor = hidden.fillColor = None
    hidden.strokeWidth = 0
    drawing.add(spider)
    # The legend: line style, mark and name of each series.
    x = cx + size / 2 + 60
    y = height - 30
    room = width - x - 30
    for index, series in enumerate(chart.series):
        color, dash, _symbol = _SERIES_STYLES[index % len(_SERIES_STYLES)]
        drawing.add(
            Line(x, y + 3, x + 24, y + 3, strokeColor=color, strokeWidth=1.8, strokeDashArray=dash)
        )
        mark = (
            Circle(x + 12, y + 3, 2.6, fillColor=color, strokeColor=None)
            if index == 0
            else Rect(x + 9.5, y + 0.5, 5, 5, fillColor=color, strokeColor=None)
        )
        drawing.add(mark)
        name = fit_text(series.name, FONT, 9.5, room)
        drawing.add(String(x + 32, y, name, fontName=FONT, fontSize=9.5, fillColor=INK))
        y -= 18
    return drawing


def polarity_drawing(chart: PolarityChart, width: float = TEXT_WIDTH) -> Drawing:
    """A scale from 1 (all the left area) to ``positions`` (all the right area)
    with a mark for each average placement: a filled dot for the first ("now"),
    a ring for the second ("target"), each with its label and number."""
    height = 100.0
    drawing = Drawing(width, height)
    left, right = 14.0, width - 14.0
    line_y = 48.0
    half = (right - left) / 2 - 8
    drawing.add(
        String(
            left,
            82,
            fit_text(chart.left, FONT_BOLD, 10.5, half),
            fontName=FONT_BOLD,
            fontSize=10.5,
            fillColor=INK,
        )
    )
    drawing.add(
        String(
            right,
            82,
            fit_text(chart.right, FONT_BOLD, 10.5, half),
            fontName=FONT_BOLD,
            fontSize=10.5,
            fillColor=INK,
            textAnchor="end",
        )
    )
    drawing.add(Line(left, line_y, right, line_y, strokeColor=MUTED, strokeWidth=1.2))

    def x_of(position: float) -> float:
        return left + (right - left) * (position - 1) / max(1, chart.positions - 1)

    for position in range(1, chart.positions + 1):
        x = x_of(position)
        drawing.add(Line(x, line_y - 4, x, line_y + 4, strokeColor=MUTED, strokeWidth=0.8))
        drawing.add(
            String(
                x,
                line_y - 15,
                str(position),
                fontName=FONT,
                fontSize=7,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
    for index, marker in enumerate(chart.markers):
        x = x_of(marker.position)
        text = f"{marker.label}: {format_number(marker.position)}"
        size = 9.0
        text_width = stringWidth(text, FONT, size)
        # Keep the label on the page: centred on its mark, pushed in at the ends.
        start = min(max(x - text_width / 2, 0), width - text_width)
        if index == 0:
            drawing.add(Circle(x, line_y, 5.5, fillColor=ACCENT, strokeColor=white, strokeWidth=1))
            label_y = line_y + 10
        else:
            drawing.add(
                Circle(x, line_y, 5.5, fillColor=white, strokeColor=SECOND, strokeWidth=2.2)
            )
            label_y = line_y - 32
        drawing.add(String(start, label_y, text, fontName=FONT, fontSize=size, fillColor=INK))
    # A faint arrow from where the group is to where it wants to be.
    if len(chart.markers) == 2 and abs(chart.markers[1].position - chart.markers[0].position) > 0.2:
        a, b = x_of(chart.markers[0].position), x_of(chart.markers[1].position)
        direction = 1 if b > a else -1
        y = line_y + 1
        tip = b - direction * 8
        drawing.add(
            PolyLine(
                [a + direction * 8, y, tip, y],
                strokeColor=SECOND,
                strokeWidth=1.4,
                strokeDashArray=(3, 2),
            )
        )
    return drawing


def drawing_png(drawing: Drawing, dpi: int = 200) -> bytes | None:
    """The drawing as a PNG picture for Word, or None when no renderer is there.

    reportlab's own bitmap renderer needs an extra cairo backend; pypdfium2 (the
    preview's renderer) draws the chart's one-page PDF instead."""
    try:
        import pypdfium2
    except ImportError:
        return None
    from reportlab.graphics import renderPDF

    pdf = renderPDF.drawToString(drawing)
    document = pypdfium2.PdfDocument(pdf)
    try:
        bitmap = document[0].render(scale=dpi / 72)
        image = bitmap.to_pil()
        out = io.BytesIO()
        image.save(out, "PNG", dpi=(dpi, dpi))
        return out.getvalue()
    finally:
        document.close()
