"""The "export" step: what the foundation contains so far, and the PDF export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from leaderapp.core.i18n import _, ngettext
from leaderapp.core.library import Exercise
from leaderapp.core.model import Step
from leaderapp.gui.exporter import PdfExporter
from leaderapp.gui.page import Page, PageContext, column, scroll_column
from leaderapp.gui.widgets import button, card, label, set_role


class ExportPage(Page):
    kind = "export"

    def __init__(
        self,
        ctx: PageContext,
        step: Step,
        exercise: Exercise,
        exporter: PdfExporter,
        request_export: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, step, exercise, parent)
        self.exporter = exporter
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        content, layout = column((28, 22, 28, 28), spacing=18)
        root.addWidget(scroll_column(content))

        row = QHBoxLayout()
        row.setSpacing(18)
        layout.addLayout(row)
        row.addWidget(self.exercise_card(), 1)

        frame, box = card(spacing=8)
        box.addWidget(label(_("Your foundation so far"), "heading"))
        self.summary = QVBoxLayout()
        self.summary.setSpacing(4)
        box.addLayout(self.summary)
        box.addSpacing(12)
        self.export_button = button(_("Export PDF…"), "primary")
        self.export_button.setToolTip(_("Save the foundation as a printable PDF (Ctrl+E)"))
        self.export_button.clicked.connect(request_export)
        box.addWidget(self.export_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        box.addWidget(self.progress)
        self.result = label("", "muted")
        self.result.hide()
        box.addWidget(self.result)
        links = QHBoxLayout()
        self.open_button = button(_("Open PDF"))
        self.folder_button = button(_("Open folder"))
        self.open_button.clicked.connect(lambda: self._open(self.exporter.last_path))
        self.folder_button.clicked.connect(
            lambda: self._open(str(Path(self.exporter.last_path or ".").parent))
        )
        links.addWidget(self.open_button)
        links.addWidget(self.folder_button)
        links.addStretch(1)
        box.addLayout(links)
        box.addStretch(1)
        row.addWidget(frame, 1)
        layout.addStretch(1)

        exporter.started.connect(self._on_started)
        exporter.progress.connect(self._on_progress)
        exporter.succeeded.connect(self._on_succeeded)
        exporter.failed.connect(self._on_failed)
        self.refresh()
        self._show_state()

    # ---------------------------------------------------------------- summary
    def refresh(self) -> None:
        snap = self.workspace.snapshot(self.workshop_id)
        while self.summary.count():
            item = self.summary.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        notes = [n for n in snap.notes if n.text.strip()]
        steps = {n.step_id for n in notes}
        lines = [
            (
                ngettext("{n} note", "{n} notes", len(notes)).format(n=len(notes))
                + " "
                + ngettext("from {n} step", "from {n} steps", len(steps)).format(n=len(steps)),
                "lead",
            )
        ]
        ready = 0
        problems = []
        for value in snap.values:
            section = snap.section(value.id)
            if section is None:
                continue
            problem = None if section.heading.strip() else _("no heading yet")
            problem = problem or section.principle_problem()
            if not (section.expect_of_us.strip() and section.expect_of_you.strip()):
                problem = problem or _("the two voices are not both written")
            if problem:
                problems.append(f"{value.name}: {problem}")
            else:
                ready += 1
        lines.append(
            (
                _(
                    "{ready} of {total} values have a heading, 3–6 principles and both voices"
                ).format(ready=ready, total=len(snap.values)),
                "lead",
            )
        )
        lines.extend((f"•  {p}", "hint") for p in problems)
        commitments = snap.commitments
        open_ends = [c for c in commitments if not c.owner.strip() or c.due_date is None]
        lines.append(
            (
                ngettext("{n} commitment", "{n} commitments", len(commitments)).format(
                    n=len(commitments)
                ),
                "lead",
            )
        )
        if open_ends:
            lines.append(
                (
                    ngettext(
                        "{n} still lacks an owner or a date",
                        "{n} still lack an owner or a date",
                        len(open_ends),
                    ).format(n=len(open_ends)),
                    "hint",
                )
            )
        for text, role in lines:
            self.summary.addWidget(label(text, role))

    # ------------------------------------------------------------- progress
    def _show_state(self) -> None:
        running = self.exporter.is_running()
        self.export_button.setEnabled(not running)
        self.progress.setVisible(running)
        if self.exporter.last_path and not running:
            self._on_succeeded(self.exporter.last_path)
        elif self.exporter.last_error and not running:
            self._on_failed(self.exporter.last_error)
        else:
            self.open_button.hide()
            self.folder_button.hide()

    def _on_started(self, target: str) -> None:
        self.export_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.result.setText(_("Exporting to {path}…").format(path=target))
        set_role(self.result, "muted")
        self.result.show()
        self.open_button.hide()
        self.folder_button.hide()

    def _on_progress(self, fraction: float) -> None:
        self.progress.setValue(int(max(0.0, min(1.0, fraction)) * 100))

    def _on_succeeded(self, path: str) -> None:
        self.export_button.setEnabled(True)
        self.progress.setValue(100)
        self.progress.hide()
        self.result.setText(_("The PDF was saved as {path}").format(path=path))
        set_role(self.result, "lead")
        self.result.show()
        self.open_button.show()
        self.folder_button.show()

    def _on_failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self.progress.hide()
        self.result.setText(_("The export failed: {error}").format(error=message))
        set_role(self.result, "error")
        self.result.show()
        self.open_button.hide()
        self.folder_button.hide()

    def _open(self, path: str | None) -> None:
        if path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
