"""Search every workshop's notes from the start page; a hit opens its workshop at
the step where the note was written.

The search runs on the GUI thread (an FTS5 query takes a few milliseconds; see
docs/performance.md), shortly after typing pauses. Hits are shown as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leaderapp.core.i18n import _, ngettext
from leaderapp.core.search import SearchHit, search
from leaderapp.core.workspace import Workspace
from leaderapp.gui.widgets import Reporter, guarded, label

HIT_ROLE = Qt.ItemDataRole.UserRole
DEBOUNCE_MS = 150
LIMIT = 50


class SearchPanel(QWidget):
    open_requested = Signal(str, str)  # workshop id, step id
    searching = Signal(bool)  # True while there is a query (and so results to show)

    def __init__(self, workspace: Workspace, reporter: Reporter, parent: QWidget | None = None):
        super().__init__(parent)
        self.workspace = workspace
        self.reporter = reporter
        self.hits: list[SearchHit] = []
        self._active = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.field = QLineEdit()
        self.field.setPlaceholderText(_("Search all notes…"))
        self.field.setClearButtonEnabled(True)
        self.field.setAccessibleName(_("Search all notes"))
        self.field.textChanged.connect(lambda _text: self._timer.start())
        self.field.returnPressed.connect(self._open_from_field)
        self.field.installEventFilter(self)
        layout.addWidget(self.field)

        self.status = label("", "small")
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.itemActivated.connect(self._open_item)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.status.hide()
        self.results.hide()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run)

    def show_error(self, message: str) -> None:
        self.reporter.error(message)

    # ---------------------------------------------------------------- search
    @guarded
    def run(self) -> None:
        """Search now for the field's text (also after returning to the start
        page, since notes may have changed meanwhile)."""
        self._timer.stop()
        query = self.field.text()
        self.hits = search(self.workspace, query, LIMIT) if query.strip() else []
        self.results.clear()
        for hit in self.hits:
            place = _("{workshop} · Step {n}: {title}").format(
                workshop=hit.workshop_name, n=hit.step_number, title=hit.step_title
            )
            item = QListWidgetItem(f"{hit.snippet}\n{place}")
            item.setData(HIT_ROLE, hit)
            item.setToolTip(place)
            self.results.addItem(item)
        active = bool(query.strip())
        self.status.setText(self._summary(query))
        self.status.setVisible(active)
        self.results.setVisible(active and bool(self.hits))
        if self.hits:
            self.results.setCurrentRow(0)
        if active != self._active:
            self._active = active
            self.searching.emit(active)

    def _summary(self, query: str) -> str:
        if not self.hits:
            return _("No notes contain “{query}”.").format(query=" ".join(query.split()))
        if len(self.hits) >= LIMIT:
            return _("Showing the {n} best matches.").format(n=LIMIT)
        return ngettext("{n} note found", "{n} notes found", len(self.hits)).format(
            n=len(self.hits)
        )

    def clear(self) -> None:
        self.field.clear()
        self.run()

    # ------------------------------------------------------------------ open
    def _open_from_field(self) -> None:
        self.run()  # Enter right after typing: do not wait for the pause
        item = self.results.currentItem()
        if item is not None:
            self._open_item(item)

    def _open_item(self, item: QListWidgetItem) -> None:
        hit: SearchHit = item.data(HIT_ROLE)
        self.open_requested.emit(hit.workshop_id, hit.step_id)

    # -------------------------------------------------------------- keyboard
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.field and isinstance(event, QKeyEvent):
            key = event.key() if event.type() == QEvent.Type.KeyPress else None
            if key == Qt.Key.Key_Down and self.results.isVisible():
                self.results.setFocus()
                return True
            if key == Qt.Key.Key_Escape and self.field.text():
                self.clear()
                return True
        return False

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        if self.field.text().strip():
            self.run()
