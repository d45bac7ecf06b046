"""Debounced saving: edits are written ~300 ms after typing stops, and at once on
focus loss, when switching note/step/page and when the window closes.

A pending edit is a closure holding the text as it was typed. A write that fails
stays pending (and is retried by the next flush), so the user's text is never
dropped silently; callers ask ``has_pending()`` before throwing a page away.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from leaderapp.core.i18n import _
from leaderapp.core.model import ValidationError

log = logging.getLogger(__name__)

DEBOUNCE_MS = 300


class Autosaver(QObject):
    saved = Signal()
    failed = Signal(str)  # a translated, user-facing message

    def __init__(self, parent: QObject | None = None, delay_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self._pending: dict[str, Callable[[], object]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)
        self._flushing = False
        self.last_error: str | None = None

    # ----------------------------------------------------------------- queue
    def schedule(self, key: str, write: Callable[[], object]) -> None:
        """Queue ``write`` under ``key``; a newer edit of the same field replaces it."""
        self._pending[key] = write
        self._timer.start()

    def discard(self, key: str) -> None:
        """Forget a pending edit whose record is gone (a deleted note)."""
        self._pending.pop(key, None)

    def has_pending(self) -> bool:
        return bool(self._pending)

    def flush(self) -> bool:
        """Write everything pending now; True when nothing is left unsaved."""
        self._timer.stop()
        if self._flushing or not self._pending:
            return not self._pending
        self._flushing = True
        wrote = False
        self.last_error = None
        try:
            for key, write in list(self._pending.items()):
                try:
                    write()
                except ValidationError as exc:
                    self.last_error = str(exc)
                except Exception as exc:  # the text stays pending; tell the user why
                    log.exception("autosave of %s failed", key)
                    self.last_error = _(
                        "Your last change could not be saved ({error}). It is still on screen."
                    ).format(error=exc)
                else:
                    wrote = True
                    if self._pending.get(key) is write:
                        del self._pending[key]
        finally:
            self._flushing = False
        if self.last_error:
            self.failed.emit(self.last_error)
        elif wrote:
            self.saved.emit()
        return not self._pending

    # --------------------------------------------------------------- editors
    def watch_line(self, edit: QLineEdit, key: str, write: Callable[[str], object]) -> None:
        """Save a one-line field as the user types (``textEdited`` ignores setText)."""
        edit.textEdited.connect(lambda text: self.schedule(key, lambda: write(text)))
        edit.editingFinished.connect(self.flush)

    def watch_text(self, edit: QPlainTextEdit, key: str, write: Callable[[str], object]) -> None:
        """Save a multi-line field; load its text before calling this."""

        def changed() -> None:
            text = edit.toPlainText()
            self.schedule(key, lambda: write(text))

        edit.textChanged.connect(changed)
        self.flush_on_focus_out(edit)

    def flush_on_focus_out(self, widget: QWidget) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.FocusOut and self._pending:
            self.flush()
        return False
