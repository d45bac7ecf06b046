"""Layouts that keep text whole at any text size: rows of buttons that wrap instead of
squeezing their labels, and a panel that scrolls instead of letting its rows overlap."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QScrollArea, QWidget


class FlowLayout(QLayout):
    """Items side by side while they fit, then on the next row: at large text a row of
    buttons wraps instead of squeezing them below their text. Every item gets its size
    hint (never less than its text needs, unless the whole row is narrower). Items from
    index ``right_from`` on are pushed to the right end of their row (a title left,
    buttons right); a hidden widget takes no room."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        spacing: int = 10,
        vertical_spacing: int | None = None,
        right_from: int | None = None,
    ) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._h = spacing
        self._v = spacing if vertical_spacing is None else vertical_spacing
        self.right_from = right_from
        self.setContentsMargins(0, 0, 0, 0)

    # QLayout's interface
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt API
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt API
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt API
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt API
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt API
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Everything on one row."""
        shown = self._shown()
        m = self.contentsMargins()
        width = sum(item.sizeHint().width() for _i, item in shown)
        width += self._h * max(0, len(shown) - 1) + m.left() + m.right()
        height = max((item.sizeHint().height() for _i, item in shown), default=0)
        return QSize(width, height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt API
        """The widest item on a row of its own (its height comes from heightForWidth)."""
        m = self.contentsMargins()
        width = max((item.sizeHint().width() for _i, item in self._shown()), default=0)
        height = max((item.minimumSize().height() for _i, item in self._shown()), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    # the arrangement
    def _shown(self) -> list[tuple[int, QLayoutItem]]:
        return [
            (i, item)
            for i, item in enumerate(self._items)
            if not (item.widget() is not None and item.widget().isHidden())
        ]

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        """Place the items in ``rect`` (or only measure); returns the height used."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        width = max(1, area.width())
        rows: list[list[tuple[int, QLayoutItem, int, int]]] = [[]]
        x = 0
        for index, item in self._shown():
            w = min(item.sizeHint().width(), width)
            h = item.heightForWidth(w) if item.hasHeightForWidth() else item.sizeHint().height()
            if rows[-1] and x + self._h + w > width:
                rows.append([])
                x = 0
            x += (self._h if rows[-1] else 0) + w
            rows[-1].append((index, item, w, max(h, item.minimumSize().height())))
        y = area.y()
        if apply:
            # Rows centred in a taller rectangle (the timer's buttons beside its face).
            total = sum(max(h for *_r, h in row) for row in rows if row)
            total += self._v * max(0, sum(1 for row in rows if row) - 1)
            y += max(0, (area.height() - total) // 2)
        for row in rows:
            if not row:
                continue
            height = max(h for *_rest, h in row)
            if apply:
                free = width - sum(w for _i, _it, w, _h in row) - self._h * (len(row) - 1)
                x = area.x()
                pushed = False
                for index, item, w, h in row:
                    if not pushed and self.right_from is not None and index >= self.right_from:
                        x += max(0, free)
                        pushed = True
                    item.setGeometry(QRect(x, y + (height - h) // 2, w, h))
                    x += w + self._h
            y += height + self._v
        used = y - area.y() - (self._v if any(rows) else 0)
        return max(0, used) + m.top() + m.bottom()


class FittingPanel(QWidget):
    """A panel in a scroll area that is never shorter than its rows need at its width:
    at large text, when its button rows wrap, the panel scrolls instead of squeezing
    (and overlapping) them. At the normal size it fits and nothing scrolls."""

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt API
        # The scroll area makes the panel at least this high: what the rows need, not
        # the (taller) preferred height of the list and the editor.
        return self.minimum_height_for(width) if self.layout() is not None else -1

    def resizeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        layout = self.layout()
        if layout is None:
            return
        holder = self.parentWidget().parentWidget() if self.parentWidget() else None
        if isinstance(holder, QScrollArea):
            # Never narrower than the widest control, plus room for the scroll bar.
            wide = layout.minimumSize().width() + holder.verticalScrollBar().sizeHint().width()
            if holder.minimumWidth() != wide:
                holder.setMinimumWidth(wide)

    def minimum_height_for(self, width: int) -> int:
        layout = self.layout()
        m = layout.contentsMargins()
        inner = max(1, width - m.left() - m.right())
        heights = []
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item is None or item.isEmpty():
                continue
            if item.hasHeightForWidth():
                heights.append(item.heightForWidth(inner))
            else:
                heights.append(item.minimumSize().height())
        return sum(heights) + layout.spacing() * max(0, len(heights) - 1) + m.top() + m.bottom()
