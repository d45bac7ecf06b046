"""A radar (spider) chart drawn with QPainter: one axis per dimension, scores from the
centre outwards, each participant as a faint outline and the group's average as a
filled polygon. The follow-up shows two filled polygons, "before" and "now".

Only the axis names and the legend are written in the chart (no user text).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from leaderapp.gui import style
from leaderapp.gui.widgets import ui_locale

# Colour names a series may use instead of a "#rrggbb": looked up in the current palette
# when the chart is painted, so a switch to dark mode or high contrast redraws in it.
NOW = "now"  # the accent: the group's scores today
BEFORE = "before"  # warm, apart from the accent: an earlier rating, "now" on the polarity line


def _dark() -> bool:
    return style.relative_luminance(style.SURFACE) < 0.2


def chart_colour(colour: str) -> str:
    """``colour`` as "#rrggbb" in the current palette: NOW and BEFORE are looked up, a
    colour given as such is kept. Both reach 3:1 against the cards they are drawn on."""
    if colour == NOW:
        # The accent is too dark on a dark card; its text form is light there.
        if style.contrast_ratio(style.ACCENT, style.SURFACE) >= 3:
            return style.ACCENT
        return style.ACCENT_TEXT
    if colour == BEFORE:
        return "#d49a55" if _dark() else "#9a6426"
    return colour


def text_on(colour: str) -> str:
    """White or the palette's darkest colour, whichever reads better on ``colour``."""
    dark = style.BACKGROUND if _dark() else style.INK
    light = "#ffffff"
    if style.contrast_ratio(light, colour) >= style.contrast_ratio(dark, colour):
        return light
    return dark


@dataclass(frozen=True)
class Series:
    """One polygon: item -> score; items without a score are left out."""

    scores: dict[str, float]
    colour: str  # "#rrggbb", or NOW / BEFORE for the palette's colour at paint time
    label: str = ""  # shown in the legend when not empty
    filled: bool = True
    faint: bool = False
    dashed: bool = False


class RadarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.axes: list[tuple[str, str]] = []  # (item key, shown name)
        self.low, self.high = 1, 5
        self.series: list[Series] = []
        self.empty_text = ""
        self.setMinimumSize(280, 280)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    # ----------------------------------------------------------------- data
    def set_axes(self, axes: list[tuple[str, str]], low: int = 1, high: int = 5) -> None:
        self.axes = list(axes)
        self.low, self.high = low, high
        self.update()

    def set_series(self, series: list[Series], empty_text: str = "") -> None:
        self.series = list(series)
        self.empty_text = empty_text
        self.updateGeometry()  # the axis names carry the averages: their width changes
        self.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()  # wider axis names with larger text

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(380, 380)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        # Room for the axis names on both sides of a readable chart, at any text size.
        fm = QFontMetricsF(self._label_font())
        widest = max((fm.horizontalAdvance(t) for t in self._label_texts()), default=0)
        return QSize(max(280, int(2 * widest + 140)), 280)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return max(280, min(width, 460))

    # ------------------------------------------------------------- geometry
    def _legend(self) -> list[Series]:
        return [s for s in self.series if s.label]

    def _label_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _label_texts(self) -> list[str]:
        locale = ui_locale()
        averages = next((s.scores for s in self.series if s.filled and not s.faint), {})
        with_numbers = len(self._legend()) <= 1
        return [
            f"{name} {locale.toString(float(averages[key]), 'f', 1)}"
            if with_numbers and key in averages
            else name
            for key, name in self.axes
        ]

    def _label_rect(self, centre: QPointF, radius: float, index: int, text: str) -> QRectF:
        fm = QFontMetricsF(self._label_font())
        tip = self._point(centre, radius, index, self.high)
        dx, dy = tip.x() - centre.x(), tip.y() - centre.y()
        w, h = fm.horizontalAdvance(text) + 2, fm.height()
        x = tip.x() + (6 if dx > 1 else -6 - w if dx < -1 else -w / 2)
        y = tip.y() + (4 if dy > 1 else -4 - h if dy < -1 else -h / 2)
        return QRectF(x, y, w, h)

    def _layout(self) -> tuple[QPointF, float]:
        """The centre and the largest radius at which every axis name fits."""
        fm = QFontMetricsF(self.font())
        legend_h = (fm.height() + 10) if self._legend() else 0
        area = QRectF(0, 0, self.width(), self.height() - legend_h)
        centre = area.center()
        texts = self._label_texts()
        radius = min(area.width(), area.height()) / 2
        while radius > 30:
            rects = [self._label_rect(centre, radius, i, t) for i, t in enumerate(texts)]
            if all(area.contains(r) for r in rects):
                break
            radius -= 3
        return centre, max(radius, 30.0)

    def _point(self, centre: QPointF, radius: float, index: int, score: float) -> QPointF:
        angle = -math.pi / 2 + 2 * math.pi * index / max(len(self.axes), 1)
        span = max(self.high - self.low, 1)
        # The lowest score sits a little off the centre, so a "1" is still visible.
        r = radius * (0.12 + 0.88 * (score - self.low) / span)
        return QPointF(centre.x() + r * math.cos(angle), centre.y() + r * math.sin(angle))

    # ---------------------------------------------------------------- paint
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.axes:
            return
        centre, radius = self._layout()
        self._paint_grid(painter, centre, radius)
        for series in self.series:
            self._paint_series(painter, centre, radius, series)
        self._paint_labels(painter, centre, radius)
        if self.empty_text and not any(s.scores for s in self.series):
            painter.setPen(QColor(style.MUTED))
            box = QRectF(centre.x() - radius, centre.y() - 20, 2 * radius, 40)
            painter.drawText(
                box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.empty_text
            )
        self._paint_legend(painter)

    def _paint_grid(self, painter: QPainter, centre: QPointF, radius: float) -> None:
        n = len(self.axes)
        painter.setPen(QPen(QColor(style.BORDER), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for score in range(self.low, self.high + 1):
            ring = QPolygonF([self._point(centre, radius, i, score) for i in range(n)])
            painter.drawPolygon(ring)
        for i in range(n):
            painter.drawLine(centre, self._point(centre, radius, i, self.high))
        # The scale along the first axis: 1 … 5.
        painter.setPen(QColor(style.MUTED))
        small = painter.font()
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.75))
        painter.save()
        painter.setFont(small)
        for score in range(self.low, self.high + 1):
            p = self._point(centre, radius, 0, score)
            painter.drawText(QPointF(p.x() + 4, p.y() + 4), str(score))
        painter.restore()

    def _paint_series(
        self, painter: QPainter, centre: QPointF, radius: float, series: Series
    ) -> None:
        colour = QColor(chart_colour(series.colour))
        points = [
            (i, self._point(centre, radius, i, series.scores[key]))
            for i, (key, _name) in enumerate(self.axes)
            if key in series.scores
        ]
        if not points:
            return
        pen = QPen(colour, 1.2 if series.faint else 2.6)
        if series.faint:
            pen.setColor(QColor(colour.red(), colour.green(), colour.blue(), 90))
        if series.dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        complete = len(points) == len(self.axes) and len(points) >= 3
        if complete:
            fill = QColor(colour)
            fill.setAlpha(70 if series.filled and not series.faint else 0)
            painter.setBrush(fill if series.filled and not series.faint else Qt.BrushStyle.NoBrush)
            painter.drawPolygon(QPolygonF([p for _i, p in points]))
        elif len(points) > 1:
            path = QPainterPath(points[0][1])
            for _i, p in points[1:]:
                path.lineTo(p)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(path)
        dot = 2.5 if series.faint else 4.5
        painter.setBrush(pen.color())
        painter.setPen(Qt.PenStyle.NoPen)
        for _i, p in points:
            painter.drawEllipse(p, dot, dot)

    def _paint_labels(self, painter: QPainter, centre: QPointF, radius: float) -> None:
        painter.setFont(self._label_font())
        painter.setPen(QColor(style.INK))
        for i, text in enumerate(self._label_texts()):
            rect = self._label_rect(centre, radius, i, text)
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft, text)
        painter.setFont(self.font())

    def _paint_legend(self, painter: QPainter) -> None:
        legend = self._legend()
        if not legend:
            return
        fm = QFontMetricsF(self.font())
        widths = [fm.horizontalAdvance(s.label) + 30 for s in legend]
        x = (self.width() - sum(widths)) / 2
        y = self.height() - fm.height() - 4
        for series, width in zip(legend, widths, strict=True):
            colour = QColor(chart_colour(series.colour))
            fill = QColor(colour)
            fill.setAlpha(90)
            painter.setPen(
                QPen(colour, 2, Qt.PenStyle.DashLine if series.dashed else Qt.PenStyle.SolidLine)
            )
            painter.setBrush(fill)
            painter.drawRect(QRectF(x, y + fm.height() / 2 - 6, 12, 12))
            painter.setPen(QColor(style.INK))
            painter.drawText(QPointF(x + 18, y + fm.ascent()), series.label)
            x += width
