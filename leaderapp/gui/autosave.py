"""Debounced saving: edits are written ~300 ms after typing stops, and at once on
focus loss, when switching note/step/page and when the window closes.

A pending edit is a closure holding the text as it was typed. A write that fails
stays pending: it is retried every few seconds (a full disk may get space, a
folder may become writable again) and with the next edit, so the user's text is
never dropped silently; callers ask ``has_pending()`` before throwing a page away.
The saver's state ("Saved", "Saving…", "Could not save") drives the status bar.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import sqlite3
from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from leaderapp.core.i18n import N_, _
from leaderapp.core.model import ValidationError

log = logging.getLogger(__name__)

DEBOUNCE_MS = 300
RETRY_MS = 5000


class SaveState(enum.Enum):
    SAVED = N_("Saved")
    SAVING = N_("Saving…")
    FAILED = N_("Could not save")

    @property
    def label(self) -> str:
        return _(self.value)


# SQLite's primary result codes for "cannot write now": worth retrying, and
# worth saying in the user's words rather than SQLite's.
_SQLITE_REASONS = {
    5: N_("the database is busy"),  # SQLITE_BUSY
    8: N_("the data folder or the database file is read-only"),  # SQLITE_READONLY
    10: N_("the disk could not be written to"),  # SQLITE_IOERR
    13: N_("the disk is full"),  # SQLITE_FULL
    14: N_("the database file cannot be opened"),  # SQLITE_CANTOPEN
}


def describe_write_error(exc: BaseException) -> str:
    """Why a write failed, in words a user can act on."""
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None and (code & 0xFF) in _SQLITE_REASONS:
            return _(_SQLITE_REASONS[code & 0xFF])
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


class Autosaver(QObject):
    saved = Signal()
    failed = Signal(str)  # a translated, user-facing message
    state_changed = Signal(object)  # SaveState

    def __init__(
        self,
        parent: QObject | None = None,
        delay_ms: int = DEBOUNCE_MS,
        *,
        editor_filter: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._pending: dict[str, Callable[[], object]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.flush)
        self.retry_timer = QTimer(self)
        self.retry_timer.setInterval(RETRY_MS)
        self.retry_timer.timeout.connect(self.flush)
        self._flushing = False
        self._suspended = 0
        # Installed on every watched editor (the app's undo keys, see gui/undo.py).
        self._editor_filter = editor_filter
        self.state = SaveState.SAVED
        self.last_error: str | None = None

    # ----------------------------------------------------------------- state
    def _set_state(self, state: SaveState) -> None:
        if state is not self.state:
            self.state = state
            self.state_changed.emit(state)

    @contextlib.contextmanager
    def suspended(self) -> Iterator[None]:
        """Load text into watched editors without it counting as an edit."""
        self._suspended += 1
        try:
            yield
        finally:
            self._suspended -= 1

    # ----------------------------------------------------------------- queue
    def schedule(self, key: str, write: Callable[[], object]) -> None:
        """Queue ``write`` under ``key``; a newer edit of the same field replaces it."""
        if self._suspended:
            return
        self._pending[key] = write
        self._timer.start()
        if self.state is not SaveState.FAILED:
            self._set_state(SaveState.SAVING)

    def discard(self, key: str) -> None:
        """Forget a pending edit whose record is gone (a deleted note)."""
        self._pending.pop(key, None)
        if not self._pending:
            self._timer.stop()
            self.retry_timer.stop()
            self._set_state(SaveState.SAVED)

    def has_pending(self) -> bool:
        return bool(self._pending)

    def flush(self) -> bool:
        """Write everything pending now; True when nothing is left unsaved."""
        self._timer.stop()
        if self._flushing or not self._pending:
            return not self._pending
        self._flushing = True
        wrote = False
        retry = False
        self.last_error = None
        try:
            for key, write in list(self._pending.items()):
                try:
                    write()
                except ValidationError as exc:
                    self.last_error = str(exc)  # retrying would fail the same way
                except Exception as exc:  # the text stays pending; tell the user why
                    log.warning("autosave of %s failed", key, exc_info=True)
                    retry = True
                    self.last_error = _(
                        "Your last change could not be saved: {error}. It stays on screen, "
                        "and saving is retried every few seconds."
                    ).format(error=describe_write_error(exc))
                else:
                    wrote = True
                    if self._pending.get(key) is write:
                        del self._pending[key]
        finally:
            self._flushing = False
        if self.last_error:
            if retry:
                self.retry_timer.start()
            self._set_state(SaveState.FAILED)
            self.failed.emit(self.last_error)
        else:
            self.retry_timer.stop()
            self._set_state(SaveState.SAVED if not self._pending else SaveState.SAVING)
            if wrote:
                self.saved.emit()
        return not self._pending

    # --------------------------------------------------------------- editors
    def watch_line(self, edit: QLineEdit, key: str, write: Callable[[str], object]) -> None:
        """Save a one-line field as the user types (``textEdited`` ignores setText)."""
        edit.textEdited.connect(lambda text: self.schedule(key, lambda: write(text)))
        edit.editingFinished.connect(self.flush)
        self._install(edit)

    def watch_text(self, edit: QPlainTextEdit, key: str, write: Callable[[str], object]) -> None:
        """Save a multi-line field; load its text before calling this."""

        def changed() -> None:
            text = edit.toPlainText()
            self.schedule(key, lambda: write(text))

        edit.textChanged.connect(changed)
        self.flush_on_focus_out(edit)

    def flush_on_focus_out(self, widget: QWidget) -> None:
        widget.installEventFilter(self)
        self._install(widget)

    def _install(self, widget: QWidget) -> None:
        if self._editor_filter is not None:
            watch = getattr(self._editor_filter, "watch", None)
            if callable(watch):
                watch(widget)
            else:
                widget.installEventFilter(self._editor_filter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.FocusOut and self._pending:
            self.flush()
        return False
