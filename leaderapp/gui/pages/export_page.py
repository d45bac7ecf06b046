"""The "export" step: what the foundation contains so far, its cover details and
versions, and the export to PDF, Word or Markdown, with a preview and printing.

Cover details save as the user types (``Autosaver``) through undoable commands;
the logo and "save as new version" are undoable too. Exports run off the GUI
thread (``exporter.py``) and can be cancelled; the preview builds the same PDF
in the background and shows its own pages (``print_preview.py``).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QStandardPaths, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from leaderapp.core.changes import Changes
from leaderapp.core.commands import Command
from leaderapp.core.facilitation.versions import MAX_INVOLVEMENT_LENGTH, MAX_VERSION_LENGTH
from leaderapp.core.facilitation.versions_commands import EditCoverDetail, SaveVersion, SetLogo
from leaderapp.core.i18n import _, ngettext
from leaderapp.core.library import Exercise
from leaderapp.core.model import Step, ValidationError
from leaderapp.gui import style
from leaderapp.gui.exporter import FORMATS, PdfExporter, suggested_name
from leaderapp.gui.pages.page import Page, PageContext, column, scroll_column
from leaderapp.gui.widgets import button, card, edit_date_format, guarded, label, set_role

NO_DATE = QDate(2000, 1, 1)  # the date edit's minimum, shown as "no date"
THUMBNAIL = (160, 64)


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
        self.request_export = request_export
        self._preview_dir: tempfile.TemporaryDirectory | None = None
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        content, layout = column((28, 22, 28, 28), spacing=18)
        self.scroll = scroll_column(content)
        root.addWidget(self.scroll)

        # Two columns: what the step is about and the cover on the left; where
        # the foundation stands and the export itself on the right, in view at once.
        # One below the other when large text makes them too wide to stand side by side.
        row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        row.setSpacing(18)
        layout.addLayout(row)
        self.columns = row
        left, right = QVBoxLayout(), QVBoxLayout()
        self._left, self._right = left, right
        left.setSpacing(18)
        right.setSpacing(18)
        row.addLayout(left, 1)
        row.addLayout(right, 1)
        left.addWidget(self.exercise_card())
        left.addWidget(self._cover_card())
        left.addStretch(1)

        frame, box = card(spacing=8)
        box.addWidget(label(_("Your foundation so far"), "heading"))
        self.summary = QVBoxLayout()
        self.summary.setSpacing(4)
        box.addLayout(self.summary)
        right.addWidget(frame)
        right.addWidget(self._export_card())
        right.addStretch(1)
        layout.addStretch(1)

        exporter.started.connect(self._on_started)
        exporter.progress.connect(self._on_progress)
        exporter.succeeded.connect(self._on_succeeded)
        exporter.failed.connect(self._on_failed)
        exporter.cancelled.connect(self._on_cancelled)
        exporter.preview_ready.connect(self._show_preview)
        self.refresh()
        self._load_cover()
        self._show_state()

    # ------------------------------------------------------------ cover card
    def _cover_card(self) -> QWidget:
        frame, box = card(spacing=8)
        box.addWidget(label(_("Cover and version"), "heading"))
        box.addWidget(
            label(
                _("Printed on the cover: the version, its date and how employees were involved."),
                "muted",
            )
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        self.version_edit = QLineEdit()
        self.version_edit.setMaxLength(MAX_VERSION_LENGTH)
        self.version_edit.setPlaceholderText(_("for example 1.0"))
        self.version_date = QDateEdit()
        self.version_date.setCalendarPopup(True)
        self.version_date.setDisplayFormat(edit_date_format())
        self.version_date.setMinimumDate(NO_DATE)
        self.version_date.setSpecialValueText(_("No date"))
        self.clear_date_button = button(_("No date"), "flat")
        self.clear_date_button.setToolTip(_("Print no date on the cover"))
        self.involvement_edit = QLineEdit()
        self.involvement_edit.setMaxLength(MAX_INVOLVEMENT_LENGTH)
        self.involvement_edit.setPlaceholderText(_("for example: Discussed in LokalMED on 3 March"))
        # Each label names its field for screen readers (setBuddy).
        for row_number, (text, field) in enumerate(
            (
                (_("Version"), self.version_edit),
                (_("Date"), self.version_date),
                (_("Involvement"), self.involvement_edit),
            )
        ):
            caption = label(text, "field", wrap=False)
            caption.setBuddy(field)
            field.setAccessibleName(text)
            grid.addWidget(caption, row_number, 0)
            grid.addWidget(field, row_number, 1, 1, 1 if field is self.version_date else 2)
        grid.addWidget(self.clear_date_button, 1, 2)
        grid.setColumnStretch(1, 1)
        box.addLayout(grid)

        box.addSpacing(4)
        box.addWidget(label(_("Logo on the cover"), "field"))
        logo_row = QHBoxLayout()
        self.logo_view = QLabel()
        self.logo_view.setAccessibleName(_("Logo on the cover"))
        self.logo_view.setFixedSize(*THUMBNAIL)
        self.logo_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_view.setTextFormat(Qt.TextFormat.PlainText)
        self.logo_view.setProperty("role", "muted")
        self._style_logo_view()
        logo_row.addWidget(self.logo_view)
        logo_buttons = QVBoxLayout()
        self.logo_button = button(_("Choose logo…"))
        self.logo_button.setToolTip(_("A PNG or JPEG image of at most 5 MB"))
        self.remove_logo_button = button(_("Remove logo"), "flat")
        logo_buttons.addWidget(self.logo_button)
        logo_buttons.addWidget(self.remove_logo_button)
        logo_buttons.addStretch(1)
        logo_row.addLayout(logo_buttons)
        logo_row.addStretch(1)
        box.addLayout(logo_row)

        box.addSpacing(4)
        versions_row = QHBoxLayout()
        self.save_version_button = button(_("Save as new version"))
        self.save_version_button.setToolTip(
            _("Keep the foundation as it is now; earlier versions are kept too")
        )
        self.versions_button = button(_("Versions…"), "flat")
        versions_row.addWidget(self.save_version_button)
        versions_row.addWidget(self.versions_button)
        versions_row.addStretch(1)
        box.addLayout(versions_row)
        self.versions_info = label("", "muted")
        box.addWidget(self.versions_info)
        box.addStretch(1)  # spare height below, not between the rows

        wid = self.workshop_id
        self.autosaver.watch_line(
            self.version_edit,
            "cover:version",
            lambda t: self.push(EditCoverDetail(wid, "version", t)),
        )
        self.autosaver.watch_line(
            self.involvement_edit,
            "cover:involvement",
            lambda t: self.push(EditCoverDetail(wid, "involvement", t)),
        )
        self.version_date.dateChanged.connect(self._date_changed)
        self.clear_date_button.clicked.connect(lambda: self.version_date.setDate(NO_DATE))
        self.logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button.clicked.connect(self.remove_logo)
        self.save_version_button.clicked.connect(self.save_version)
        self.versions_button.clicked.connect(self.show_versions)
        return frame

    def _arrange_columns(self) -> None:
        """Side by side when both columns fit in the width, else one below the other."""
        try:
            need = (
                self._left.minimumSize().width()
                + self._right.minimumSize().width()
                + self.columns.spacing()
                + 56  # the page's margins
            )
        except RuntimeError:  # the page is being deleted
            return
        fits = need <= self.scroll.viewport().width()
        direction = QBoxLayout.Direction.LeftToRight if fits else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._arrange_columns()

    def _style_logo_view(self) -> None:
        # The palette's border colour, again when the colour scheme changes.
        sheet = f"QLabel {{ border: 1px dashed {style.BORDER}; border-radius: 4px; }}"
        if self.logo_view.styleSheet() != sheet:
            self.logo_view.setStyleSheet(sheet)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._style_logo_view()
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            QTimer.singleShot(0, self, self._arrange_columns)  # after the new text size

    def _load_cover(self) -> None:
        foundation = self.workspace.foundation(self.workshop_id)
        with self.autosaver.suspended():
            if self.version_edit.text() != foundation.version:
                self.version_edit.setText(foundation.version)
            if self.involvement_edit.text() != foundation.involvement:
                self.involvement_edit.setText(foundation.involvement)
                self.involvement_edit.setCursorPosition(0)  # show the start of a long line
            day = foundation.version_date
            wanted = QDate(day.year, day.month, day.day) if day else NO_DATE
            if self.version_date.date() != wanted:
                self.version_date.blockSignals(True)
                self.version_date.setDate(wanted)
                self.version_date.blockSignals(False)
        self.clear_date_button.setEnabled(foundation.version_date is not None)
        self._show_logo(foundation.logo)
        versions = self.workspace.versions(self.workshop_id)
        if versions:
            last = versions[-1]
            self.versions_info.setText(
                ngettext(
                    "{n} version kept; the newest is {version}.",
                    "{n} versions kept; the newest is {version}.",
                    len(versions),
                ).format(n=len(versions), version=last.version)
            )
        else:
            self.versions_info.setText(_("No version is kept yet."))

    def _show_logo(self, data: bytes | None) -> None:
        self.remove_logo_button.setEnabled(data is not None)
        if not data:
            self.logo_view.setPixmap(QPixmap())
            self.logo_view.setText(_("No logo"))
            return
        image = QImage.fromData(data)
        pixmap = QPixmap.fromImage(image).scaled(
            THUMBNAIL[0] - 8,
            THUMBNAIL[1] - 8,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        self.logo_view.setText("")
        self.logo_view.setPixmap(pixmap)

    @guarded
    def _date_changed(self, qdate: QDate) -> None:
        day = None if qdate == NO_DATE else date(qdate.year(), qdate.month(), qdate.day())
        if self.workspace.foundation(self.workshop_id).version_date == day:
            return
        self.push(EditCoverDetail(self.workshop_id, "version_date", day))
        self.clear_date_button.setEnabled(day is not None)

    def ask_logo_path(self) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a logo"), folder, _("Images (*.png *.jpg *.jpeg)")
        )
        return Path(path) if path else None

    @guarded
    def choose_logo(self) -> None:
        path = self.ask_logo_path()
        if path is None:
            return
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ValidationError(
                _("“{path}” could not be read: {reason}").format(
                    path=str(path), reason=exc.strerror or exc
                )
            ) from exc
        self.push(SetLogo(self.workshop_id, data))
        self._load_cover()

    @guarded
    def remove_logo(self) -> None:
        self.push(SetLogo(self.workshop_id, None))
        self._load_cover()

    @guarded
    def save_version(self) -> None:
        if not self.flush():
            self.show_error(self.unsaved_problem() or _("A change has not been saved yet."))
            return
        command = SaveVersion(self.workshop_id)
        self.push(command)
        self._load_cover()
        version = self.workspace.foundation(self.workshop_id).version
        self.ctx.reporter.info(_("Version {version} is saved.").format(version=version))

    @guarded
    def show_versions(self) -> None:
        from leaderapp.gui.versions_dialog import VersionsDialog

        if not self.flush():
            return
        self.versions_dialog = VersionsDialog(self.workspace, self.workshop_id, self)
        self.exec_dialog(self.versions_dialog)

    def exec_dialog(self, dialog) -> int:
        return dialog.exec()

    # ----------------------------------------------------------- export card
    def _export_card(self) -> QWidget:
        frame, box = card(spacing=8)
        box.addWidget(label(_("Export"), "heading"))
        self.format_group = QButtonGroup(self)
        self.format_buttons: dict[str, QRadioButton] = {}
        for fmt, (_suffix, _filter, name) in FORMATS.items():
            radio = QRadioButton(_(name))
            self.format_group.addButton(radio)
            self.format_buttons[fmt] = radio
            box.addWidget(radio)
        self.format_buttons[self.exporter.last_format].setChecked(True)
        self.appendix_box = QCheckBox(_("Include the workshop's notes as an appendix"))
        self.appendix_box.setChecked(self.exporter.appendix)
        self.appendix_box.toggled.connect(self._appendix_toggled)
        box.addWidget(self.appendix_box)
        box.addSpacing(6)
        buttons = QHBoxLayout()
        self.export_button = button(_("Export…"), "primary")
        self.export_button.setToolTip(_("Save the foundation in the chosen format (Ctrl+E: PDF)"))
        self.preview_button = button(_("Preview and print…"))
        self.preview_button.setToolTip(_("See the printed pages before you save or print them"))
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.cancel_button = button(_("Cancel"))
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        box.addLayout(progress_row)
        self.progress.hide()
        self.cancel_button.hide()
        self.result = label("", "muted")
        self.result.hide()
        box.addWidget(self.result)
        links = QHBoxLayout()
        self.open_button = button(_("Open file"))
        self.folder_button = button(_("Open folder"))
        self.open_button.clicked.connect(lambda: self._open(self.exporter.last_path))
        self.folder_button.clicked.connect(
            lambda: self._open(str(Path(self.exporter.last_path or ".").parent))
        )
        links.addWidget(self.open_button)
        links.addWidget(self.folder_button)
        links.addStretch(1)
        box.addLayout(links)
        box.addStretch(1)  # spare height below, not between the rows
        self.export_button.clicked.connect(self.export)
        self.preview_button.clicked.connect(self.preview)
        self.cancel_button.clicked.connect(self.exporter.cancel)
        from leaderapp.gui.print_preview import renderer_available

        self._can_preview = renderer_available()
        if not self._can_preview:
            self.preview_button.setEnabled(False)
            self.preview_button.setToolTip(_("The preview needs the pypdfium2 package."))
        return frame

    def chosen_format(self) -> str:
        return next(f for f, radio in self.format_buttons.items() if radio.isChecked())

    def set_format(self, fmt: str) -> None:
        self.format_buttons[fmt].setChecked(True)

    def _appendix_toggled(self, checked: bool) -> None:
        self.exporter.appendix = checked

    def ask_path(self, fmt: str, suggested: Path) -> Path | None:
        suffix, file_filter, _name = FORMATS[fmt]
        path, _chosen = QFileDialog.getSaveFileName(
            self, _("Export the foundation"), str(suggested), _(file_filter)
        )
        return Path(path) if path else None

    @guarded
    def export(self) -> None:
        """Export in the chosen format; a PDF goes the way Ctrl+E goes."""
        fmt = self.chosen_format()
        self.exporter.appendix = self.appendix_box.isChecked()
        if fmt == "pdf":
            self.request_export()
            return
        if self.exporter.is_running():
            self.ctx.reporter.info(_("An export is already running."))
            return
        if not self.flush():
            self.show_error(_("Export stopped: {problem}").format(problem=self.unsaved_problem()))
            return
        workshop = self.workspace.workshop(self.workshop_id)
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
        target = self.ask_path(fmt, Path(folder) / suggested_name(workshop.unit_name, fmt))
        if target is None:
            return
        suffix = FORMATS[fmt][0]
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        self.exporter.start(self.workspace.snapshot(self.workshop_id), target, fmt=fmt)

    # --------------------------------------------------------------- preview
    @guarded
    def preview(self) -> None:
        """Build the PDF in the background, then show its pages."""
        if self.exporter.is_running():
            self.ctx.reporter.info(_("An export is already running."))
            return
        if not self.flush():
            self.show_error(_("Export stopped: {problem}").format(problem=self.unsaved_problem()))
            return
        if self._preview_dir is not None:
            self._preview_dir.cleanup()
        self._preview_dir = tempfile.TemporaryDirectory(prefix="vaerdidialog-preview-")
        target = Path(self._preview_dir.name) / "preview.pdf"
        snapshot = self.workspace.snapshot(self.workshop_id)
        self.exporter.start_preview(snapshot, target, appendix=self.appendix_box.isChecked())
        self._set_running(True)
        self.progress.setValue(0)
        self.result.setText(_("Preparing the preview…"))
        set_role(self.result, "muted")
        self.result.show()
        self.open_button.hide()
        self.folder_button.hide()

    def _show_preview(self, path: str) -> None:
        from leaderapp.gui.print_preview import PreviewDialog

        self._set_running(False)
        self.result.hide()
        workshop = self.workspace.workshop(self.workshop_id)
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        ) or str(Path.home())
        suggested = Path(folder) / suggested_name(workshop.unit_name, "pdf")
        self.preview_dialog = PreviewDialog(Path(path), suggested, self, reporter=self.ctx.reporter)
        self.exec_dialog(self.preview_dialog)

    def wait_for_preview(self, msecs: int = 60_000) -> bool:
        return self.exporter.wait(msecs)

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

    def apply_changes(self, changes: Changes, command: Command | None = None) -> None:
        """Show undone or redone cover details, logo and versions."""
        if changes.versions or changes.foundation:
            self._load_cover()
        if changes.foundation or changes.commitments or changes.notes:
            self.refresh()

    # ------------------------------------------------------------- progress
    def _show_state(self) -> None:
        running = self.exporter.is_running()
        self._set_running(running)
        if self.exporter.last_path and not running:
            self._on_succeeded(self.exporter.last_path)
        elif self.exporter.last_error and not running:
            self._on_failed(self.exporter.last_error)
        else:
            self.open_button.hide()
            self.folder_button.hide()

    def _set_running(self, running: bool) -> None:
        self.export_button.setEnabled(not running)
        self.preview_button.setEnabled(not running and self._can_preview)
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)

    def _show_result(self, text: str, role: str, *, saved: bool = False) -> None:
        """The line under the export buttons; "open file/folder" only for a saved file."""
        self.result.setText(text)
        set_role(self.result, role)
        self.result.show()
        self.open_button.setVisible(saved)
        self.folder_button.setVisible(saved)

    def _on_started(self, target: str) -> None:
        self._set_running(True)
        self.progress.setValue(0)
        self._show_result(_("Exporting to {path}…").format(path=target), "muted")

    def _on_progress(self, fraction: float) -> None:
        self.progress.setValue(int(max(0.0, min(1.0, fraction)) * 100))

    def _on_succeeded(self, path: str) -> None:
        self._set_running(False)
        self.progress.setValue(100)
        text = _("The foundation was saved as {path}").format(path=path)
        self._show_result(text, "lead", saved=True)

    def _on_failed(self, message: str) -> None:
        self._set_running(False)
        self._show_result(_("The export failed: {error}").format(error=message), "error")

    def _on_cancelled(self, target: str) -> None:
        self._set_running(False)
        self._show_result(_("The export was cancelled; no file was saved."), "muted")

    def _open(self, path: str | None) -> None:
        if path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
