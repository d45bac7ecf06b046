"""The step timer: a countdown model (``StepTimer``) and its large display (``TimerWidget``).

``StepTimer`` API (other screens rely on it; keep it stable):

- ``StepTimer(seconds, parent=None, *, clock=None)``: a countdown of ``seconds``,
  paused. ``clock`` returns milliseconds from any fixed start (tests pass a fake);
  by default a ``QElapsedTimer``, a monotonic clock: the time is measured, never
  added up from ticks, so a busy event loop or a suspended laptop cannot slow it.
- ``start()``, ``pause()``, ``toggle()``; ``running`` (bool).
- ``extend(minutes)``: more time (also after the time is up).
- ``reset(seconds=None)``: paused at ``seconds`` (None: the last duration set by
  the constructor or ``reset``).
- ``remaining``: whole seconds left, rounded up (10:00 shows until a full second has
  passed); negative once the time is up: ``-75`` is 1:15 over time. ``overtime`` is
  that as a positive number, ``is_over`` tells whether the time is up, ``duration``
  the seconds counted down in all (with extensions), ``touched`` whether it ever ran
  since the last reset.
- Signals: ``ticked(int remaining)`` once per second while running (and after
  every change), ``finished()`` once when the time runs out, ``state_changed()``
  when it starts, pauses, is extended or reset.
- ``format_time(remaining)``: "mm:ss", or "+m:ss" over time.

The buttons sit in a ``FlowLayout`` (gui/layouts.py): at large text they move to the
next row instead of being squeezed below their text.

The timer makes no sound at all: a beep surprises a room; the display changes colour.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from leaderapp.core.i18n import _
from leaderapp.gui import style
from leaderapp.gui.layouts import FlowLayout
from leaderapp.gui.widgets import button

TIME_UP_BACKGROUND = "#b3261e"  # a clear red that reads on a washed-out projector
TICK_MS = 200  # how often the display is checked; the time itself comes from the clock


def _qt_clock() -> Callable[[], int]:
    timer = QElapsedTimer()
    timer.start()
    return timer.elapsed


def format_time(remaining: int) -> str:
    """ "12:05" for time left, "+1:15" for time over; hours fold into minutes."""
    seconds = abs(int(remaining))
    text = f"{seconds // 60:02d}:{seconds % 60:02d}"
    if remaining < 0:
        return f"+{seconds // 60}:{seconds % 60:02d}"
    return text


def format_duration(seconds: int) -> str:
    """A timebox as the status line says it: "of 5 min", or "of 1:45" when it is not
    whole minutes (a 1-2-4-all round's share of the step)."""
    seconds = max(0, int(seconds))
    if seconds % 60 == 0:
        return _("of {minutes} min").format(minutes=seconds // 60)
    return _("of {time}").format(time=f"{seconds // 60}:{seconds % 60:02d}")


class StepTimer(QObject):
    """A pausable countdown measured on a monotonic clock (see the module docstring)."""

    ticked = Signal(int)
    finished = Signal()
    state_changed = Signal()

    def __init__(
        self,
        seconds: int,
        parent: QObject | None = None,
        *,
        clock: Callable[[], int] | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock or _qt_clock()
        self._initial = max(0, int(seconds))
        self._duration_ms = self._initial * 1000
        self._banked_ms = 0  # time run before the last start
        self._started_at: int | None = None  # clock reading at start; None when paused
        self._finished_sent = False
        self._last_shown: int | None = None
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._tick)

    # ------------------------------------------------------------------ state
    @property
    def running(self) -> bool:
        return self._started_at is not None

    def elapsed_ms(self) -> int:
        running = self._clock() - self._started_at if self._started_at is not None else 0
        return self._banked_ms + max(0, running)

    @property
    def remaining(self) -> int:
        return math.ceil((self._duration_ms - self.elapsed_ms()) / 1000)

    @property
    def overtime(self) -> int:
        return max(0, -self.remaining)

    @property
    def is_over(self) -> bool:
        return self.elapsed_ms() >= self._duration_ms

    @property
    def duration(self) -> int:
        return self._duration_ms // 1000

    @property
    def touched(self) -> bool:
        return self.running or self._banked_ms > 0 or self._duration_ms != self._initial * 1000

    # -------------------------------------------------------------- controls
    def start(self) -> None:
        if self.running:
            return
        self._started_at = self._clock()
        self._ticker.start()
        self._changed()

    def pause(self) -> None:
        if not self.running:
            return
        self._banked_ms = self.elapsed_ms()
        self._started_at = None
        self._ticker.stop()
        self._changed()

    def toggle(self) -> None:
        if self.running:
            self.pause()
        else:
            self.start()

    def extend(self, minutes: int) -> None:
        self._duration_ms = max(0, self._duration_ms + int(minutes) * 60_000)
        if not self.is_over:
            self._finished_sent = False  # it may run out again
        self._changed()

    def reset(self, seconds: int | None = None) -> None:
        if seconds is not None:
            self._initial = max(0, int(seconds))
        self._ticker.stop()
        self._started_at = None
        self._banked_ms = 0
        self._duration_ms = self._initial * 1000
        self._finished_sent = False
        self._changed()

    # -------------------------------------------------------------- internal
    def _changed(self) -> None:
        self.state_changed.emit()
        self._tick(force=True)

    def _tick(self, force: bool = False) -> None:
        """Check the clock: a new second is shown, the end is announced once."""
        remaining = self.remaining
        if force or remaining != self._last_shown:
            self._last_shown = remaining
            self.ticked.emit(remaining)
        if self.running and self.is_over and not self._finished_sent:
            self._finished_sent = True
            self.finished.emit()


class TimerWidget(QWidget):
    """Large mm:ss with start/pause, +1 min, +5 min and reset; shows one StepTimer.

    When the time is up the display turns red and says "Time is up", then counts the
    time over as "+m:ss". Without a timer (no step shown) the controls are disabled.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timer")
        self.timer: StepTimer | None = None

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        # Wide enough for its buttons on one row, else they wrap beside the face.
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)

        face = QWidget()
        face.setObjectName("timerFace")
        face.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        face_layout = QVBoxLayout(face)
        face_layout.setContentsMargins(14, 2, 14, 4)
        face_layout.setSpacing(0)
        self.display = QLabel("00:00")
        self.display.setObjectName("timerDisplay")
        self.display.setTextFormat(Qt.TextFormat.PlainText)
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status = QLabel("")
        self.status.setObjectName("timerStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        face_layout.addWidget(self.display)
        face_layout.addWidget(self.status)
        self.face = face
        layout.addWidget(face)

        self.start_button = button(_("Start"), "primary")
        self.start_button.clicked.connect(self.toggle)
        self.plus_one = button(_("+1 min"))
        self.plus_one.setToolTip(_("One more minute"))
        self.plus_one.clicked.connect(lambda: self._extend(1))
        self.plus_five = button(_("+5 min"))
        self.plus_five.setToolTip(_("Five more minutes"))
        self.plus_five.clicked.connect(lambda: self._extend(5))
        self.reset_button = button(_("Reset"))
        self.reset_button.setToolTip(_("Back to the step's timebox"))
        self.reset_button.clicked.connect(self._reset)
        self.buttons = FlowLayout(spacing=8)
        for widget in (self.start_button, self.plus_one, self.plus_five, self.reset_button):
            # Never narrower than the text: at large text the row wraps instead.
            widget.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            self.buttons.addWidget(widget)
        layout.addLayout(self.buttons, 1)
        self._restyle()
        self._show()

    # ------------------------------------------------------------------ model
    def set_timer(self, timer: StepTimer | None) -> None:
        """Show ``timer`` (None: nothing to time); the old one keeps running unseen."""
        if self.timer is timer:
            return
        if self.timer is not None:
            for signal, slot in self._connections():
                signal.disconnect(slot)
        self.timer = timer
        if timer is not None:
            for signal, slot in self._connections():
                signal.connect(slot)
        self._show()

    def _connections(self) -> list:
        assert self.timer is not None
        return [
            (self.timer.ticked, self._show),
            (self.timer.state_changed, self._show),
        ]

    def toggle(self) -> None:
        if self.timer is not None:
            self.timer.toggle()

    def _extend(self, minutes: int) -> None:
        if self.timer is not None:
            self.timer.extend(minutes)

    def _reset(self) -> None:
        if self.timer is not None:
            self.timer.reset()

    # ---------------------------------------------------------------- drawing
    @property
    def time_up(self) -> bool:
        return self.timer is not None and self.timer.is_over and self.timer.touched

    def _show(self, *_args: object) -> None:
        timer = self.timer
        for widget in (self.start_button, self.plus_one, self.plus_five, self.reset_button):
            widget.setEnabled(timer is not None)
        if timer is None:
            self.display.setText("--:--")
            self.status.setText(_("No timer"))
            self.start_button.setText(_("Start"))
            self._set_time_up(False)
            return
        self.display.setText(format_time(timer.remaining))
        if timer.running:
            self.start_button.setText(_("Pause"))
        elif timer.touched and timer.elapsed_ms() > 0:
            self.start_button.setText(_("Continue"))
        else:
            self.start_button.setText(_("Start"))
        up = self.time_up
        if up:
            self.status.setText(_("Time is up"))
        elif timer.running:
            self.status.setText(_("running"))
        elif timer.elapsed_ms() > 0:
            self.status.setText(_("paused"))
        else:
            self.status.setText(format_duration(timer.duration))
        self._set_time_up(up)

    def _set_time_up(self, up: bool) -> None:
        if self.face.property("timeUp") != up:
            self.face.setProperty("timeUp", up)
            self._restyle()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (
            QEvent.Type.FontChange,
            QEvent.Type.StyleChange,
            QEvent.Type.PaletteChange,
        ):
            # "Larger text" or another colour scheme: follow the rest of the window.
            QTimer.singleShot(0, self, self._restyle)

    def _restyle(self) -> None:
        size = style.current_point_size()
        up = bool(self.face.property("timeUp"))
        background = TIME_UP_BACKGROUND if up else style.ACCENT_SOFT
        ink = "white" if up else style.ACCENT_TEXT
        small = "white" if up else style.MUTED
        sheet = f"""
QWidget#timerFace {{ background: {background}; border-radius: 10px; }}
QLabel#timerDisplay {{
    font-size: {size * 2.4:.1f}pt; font-weight: 700; color: {ink}; background: transparent;
}}
QWidget#timer QPushButton {{ padding: 6px 12px; }}
QLabel#timerStatus {{
    font-size: {size * 0.85:.1f}pt; font-weight: 600; color: {small};
    background: transparent;
}}
"""
        if sheet != self.styleSheet():  # unchanged: ends the StyleChange setting it sends
            self.setStyleSheet(sheet)
        # Room for the widest text ("+00:00"), so the header does not jump each second.
        self.display.ensurePolished()
        width = self.display.fontMetrics().horizontalAdvance("+00:00")
        self.display.setMinimumWidth(width + 8)
        # Start, Pause and Continue take the same room: the buttons beside it stay put.
        self.start_button.ensurePolished()
        metrics = self.start_button.fontMetrics()
        chrome = self.start_button.sizeHint().width() - metrics.horizontalAdvance(
            self.start_button.text()
        )
        widest = max(metrics.horizontalAdvance(t) for t in (_("Start"), _("Pause"), _("Continue")))
        self.start_button.setMinimumWidth(chrome + widest)
        self.updateGeometry()
