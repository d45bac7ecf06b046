"""Small building blocks shared by the screens: plain-text labels, cards, guarded slots.

Every label that may show user data is created here with ``Qt.PlainText``, so a
note like ``<img src=...>`` is shown as the characters the user typed.
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Callable
from datetime import date
from typing import Protocol, TypeVar

from PySide6.QtCore import QDate, QEvent, QLocale, QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QTextLayout
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from leaderapp.core.i18n import _, current_language
from leaderapp.core.model import ValidationError
from leaderapp.core.workspace import NotFound

log = logging.getLogger(__name__)


class Reporter(Protocol):
    """Where screens send feedback; the main window shows it in the status bar."""

    def info(self, message: str) -> None: ...

    def error(self, message: str) -> None: ...

    def saved(self) -> None: ...

    def show_save_state(self, state: object) -> None:
        """``state`` is an ``autosave.SaveState``: Saved, Saving… or Could not save."""


def label(text: str = "", role: str | None = None, *, wrap: bool = True) -> QLabel:
    """A QLabel that never interprets its text as markup."""
    widget = QLabel()
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(wrap)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        widget.setProperty("role", role)
    widget.setText(text)
    return widget


class ElidedLabel(QLabel):
    """One line of plain text that ends in "…" when space runs out, instead of
    forcing the window wider; the full text is in the tooltip."""

    def __init__(self, text: str = "", role: str | None = None) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        if role:
            self.setProperty("role", role)
        self.setText(text)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt API
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter = QPainter(self)
        painter.drawText(rect, int(self.alignment() | Qt.AlignmentFlag.AlignVCenter), shown)


def plain_message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str = "",
) -> QMessageBox:
    """A message box whose texts are shown as typed: messages quote file names and
    user text, which must never be read as markup."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    if informative:
        box.setInformativeText(informative)
    box.setTextFormat(Qt.TextFormat.PlainText)
    for child in box.findChildren(QLabel):  # the informative text too
        child.setTextFormat(Qt.TextFormat.PlainText)
    return box


def ask(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton,
    default: QMessageBox.StandardButton,
) -> QMessageBox.StandardButton:
    """A question whose text quotes user data (a note, a name): shown as typed, never
    as rich text, where ``<img src=...>`` would make Qt load a local file."""
    box = plain_message_box(parent, icon, title, text)
    box.setStandardButtons(buttons)
    box.setDefaultButton(default)
    return QMessageBox.StandardButton(box.exec())


def button(text: str, role: str | None = None) -> QPushButton:
    widget = QPushButton(text)
    if role:
        widget.setProperty("role", role)
    return widget


def card(parent: QWidget | None = None, *, spacing: int = 10) -> tuple[QFrame, QVBoxLayout]:
    """A white rounded panel and its layout."""
    frame = QFrame(parent)
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(22, 18, 22, 20)
    layout.setSpacing(spacing)
    return frame, layout


def set_role(widget: QWidget, role: str | None) -> None:
    """Change a styled role at runtime (Qt re-reads dynamic properties only on repolish)."""
    widget.setProperty("role", role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def ui_locale() -> QLocale:
    if current_language() == "da":
        return QLocale(QLocale.Language.Danish, QLocale.Country.Denmark)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def format_date(value: date | None, *, short: bool = False) -> str:
    """A date as people write it: "5. november 2025" ("5. nov. 2025" when short)."""
    if value is None:
        return ""
    month = "MMM" if short else "MMMM"
    pattern = f"d. {month} yyyy" if current_language() == "da" else f"d {month} yyyy"
    return ui_locale().toString(QDate(value.year, value.month, value.day), pattern)


def edit_date_format() -> str:
    return "dd.MM.yyyy" if current_language() == "da" else "yyyy-MM-dd"


def one_line(text: str, limit: int = 140) -> str:
    """Collapse a note to one readable line for lists."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


F = TypeVar("F", bound=Callable)


def guarded(method: F) -> F:
    """Make a slot safe: a ValidationError is shown to the user, any other error is
    logged and shown too, instead of disappearing in Qt's event loop.

    The owner must have ``show_error(message)``. Extra signal arguments beyond what
    the method accepts are dropped, so ``clicked(bool)`` can reach ``def f(self)``.
    """
    params = list(inspect.signature(method).parameters.values())[1:]
    takes_any = any(p.kind is p.VAR_POSITIONAL for p in params)
    count = len([p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)])

    @functools.wraps(method)
    def wrapper(self, *args):
        try:
            return method(self, *(args if takes_any else args[:count]))
        except ValidationError as exc:
            self.show_error(str(exc))
        except NotFound:
            log.warning("stale record in %s", method.__qualname__, exc_info=True)
            self.show_error(_("That item no longer exists. The view has been refreshed."))
            refresh = getattr(self, "refresh", None)
            if callable(refresh):
                refresh()
        except Exception as exc:  # a slot must never take the app down
            log.exception("error in %s", method.__qualname__)
            self.show_error(_("Something went wrong: {error}").format(error=exc))
        return None

    return wrapper  # type: ignore[return-value]


class GrowingTextEdit(QPlainTextEdit):
    """A plain-text editor that grows with its text between ``min_lines`` and ``max_lines``,
    so forms in a scroll area show a whole paragraph without a second scroll bar."""

    def __init__(self, min_lines: int = 3, max_lines: int = 14, parent: QWidget | None = None):
        super().__init__(parent)
        self._min_lines = min_lines
        self._max_lines = max_lines
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._recheck)

    def _content_height(self, limit: float) -> float:
        """The wrapped text's height at the current width, measured up to ``limit``.

        Measured with a fresh QTextLayout per paragraph: the editor's own layout is
        lazy and may still hold line breaks for an old width.
        """
        width = max(40.0, self.viewport().width() - 2 * self.document().documentMargin())
        line = self.fontMetrics().lineSpacing()
        option = self.document().defaultTextOption()
        total = 0.0
        block = self.document().begin()
        while block.isValid() and total < limit:
            text = block.text()
            if len(text) > 20_000:  # a pasted book: it will not fit anyway
                return limit
            layout = QTextLayout(text, self.font())
            layout.setTextOption(option)
            layout.beginLayout()
            lines = 0
            while True:
                row = layout.createLine()
                if not row.isValid():
                    break
                row.setLineWidth(width)
                lines += 1
            layout.endLayout()
            total += max(lines, 1) * line
            block = block.next()
        return total

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        line = self.fontMetrics().lineSpacing()
        low, high = self._min_lines * line, self._max_lines * line
        content = max(low, min(high, self._content_height(high)))
        viewport = self.viewport().height()
        chrome = self.height() - viewport if viewport > 0 else 2 * self.frameWidth()
        height = content + chrome + 2 * self.document().documentMargin() + 2
        return QSize(super().sizeHint().width(), int(height))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def _recheck(self) -> None:
        if self.sizeHint().height() != self.height():
            self.updateGeometry()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        # A new width re-wraps the text; ask for the matching height afterwards.
        QTimer.singleShot(0, self._recheck)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self._recheck)


def bullet_list(items: list[str], role: str = "prompt") -> QWidget:
    """Plain-text bullets, one label each so long lines wrap under their own text."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(6)
    for item in items:
        row = QHBoxLayout()
        row.setSpacing(8)
        bullet, text = label("•", role, wrap=False), label(item, role)
        # Both top-aligned, in the row and inside the label: a wrapped label given more
        # height than its lines need would centre them, and its first line would drift
        # below the bullet.
        for widget in (bullet, text):
            widget.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        row.addWidget(bullet, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(text, 1)
        layout.addLayout(row)
    return box


def report_exceptions(error: Callable[[str], None]) -> None:
    """Route exceptions that escape any slot to the user instead of only stderr."""
    import sys

    def hook(exc_type, exc, tb) -> None:
        log.error("unhandled exception", exc_info=(exc_type, exc, tb))
        try:
            error(_("Something went wrong: {error}").format(error=exc))
        except Exception:  # the hook itself must never raise
            pass

    sys.excepthook = hook
