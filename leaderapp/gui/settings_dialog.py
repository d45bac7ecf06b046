"""Settings… (Ctrl+,): language, text size, colours and contrast, the default program for
new workshops, and where backups go. Saved with QSettings (gui/settings.py) when the user
presses OK; the window then applies what changed without losing anything typed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from leaderapp.core.i18n import LANGUAGE_NAMES, SUPPORTED_LANGUAGES, _
from leaderapp.gui import style
from leaderapp.gui.settings import Settings
from leaderapp.gui.widgets import button, label, set_role

# Text size as a percentage of the normal size, the way people talk about zoom.
MIN_PERCENT = round(100 * style.MIN_POINT_SIZE / style.DEFAULT_POINT_SIZE)
MAX_PERCENT = round(100 * style.MAX_POINT_SIZE / style.DEFAULT_POINT_SIZE)


def size_to_percent(size: float | None) -> int:
    return round(100 * (size or style.DEFAULT_POINT_SIZE) / style.DEFAULT_POINT_SIZE)


def percent_to_size(percent: int) -> float:
    return round(style.DEFAULT_POINT_SIZE * percent / 100, 1)


def fit_form_labels(form: QFormLayout) -> None:
    """Give each row label a few pixels beyond its size hint: at some sizes Qt draws a
    label's last letter a pixel or two past the width it asked for, and clips it."""
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.setMinimumWidth(widget.sizeHint().width() + 4)


def _named(widget: QWidget, name: str, description: str = "") -> QWidget:
    """A screen reader's name (and description) for a field, without the mnemonic '&'."""
    widget.setAccessibleName(name.replace("&", ""))
    if description:
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
    return widget


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        default_backup_dir: Path | None = None,
        system_language: str = "da",
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(_("Settings"))
        self.setMinimumWidth(680)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(label(_("Settings"), "title"))

        form = QFormLayout()
        form.setSpacing(10)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.language = QComboBox()
        system_name = LANGUAGE_NAMES.get(system_language, LANGUAGE_NAMES["da"])
        self.language.addItem(_("As the system ({language})").format(language=system_name), "")
        for lang in SUPPORTED_LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[lang], lang)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        _named(
            self.language,
            _("Language"),
            _("The language of menus, pages, exercises and the exported documents."),
        )
        form.addRow(_("&Language"), self.language)

        self.text_size = QSpinBox()
        self.text_size.setRange(MIN_PERCENT, MAX_PERCENT)
        self.text_size.setSingleStep(10)
        self.text_size.setSuffix(" %")
        self._size = settings.text_size or style.current_point_size()
        self.text_size.setValue(size_to_percent(self._size))
        _named(
            self.text_size,
            _("Text size"),
            _(
                "{percent} is the normal size. Ctrl+plus and Ctrl+minus change it at any time."
            ).format(percent="100 %"),
        )
        form.addRow(_("&Text size"), self.text_size)

        self.color_scheme = QComboBox()
        for value, text in (
            (style.SCHEME_SYSTEM, _("As the system")),
            (style.SCHEME_LIGHT, _("Light")),
            (style.SCHEME_DARK, _("Dark")),
        ):
            self.color_scheme.addItem(text, value)
        self.color_scheme.setCurrentIndex(max(0, self.color_scheme.findData(settings.color_scheme)))
        _named(self.color_scheme, _("Colours"))
        form.addRow(_("&Colours"), self.color_scheme)

        self._system_contrast = style.system_prefers_high_contrast()
        self.high_contrast = QCheckBox(_("&High contrast"))
        stored = settings.high_contrast
        self.high_contrast.setChecked(self._system_contrast if stored is None else stored)
        _named(
            self.high_contrast,
            _("High contrast"),
            _("Black on white (or white on black in dark colours), strong borders."),
        )
        form.addRow("", self.high_contrast)

        self.default_program = QComboBox()
        self._fill_programs(settings.default_program)
        _named(
            self.default_program,
            _("Program for new workshops"),
            _("Chosen in advance in the New workshop dialog; it can still be changed there."),
        )
        form.addRow(_("&Program for new workshops"), self.default_program)

        folder_row = QHBoxLayout()
        folder_row.setSpacing(8)
        self.backup_folder = QLineEdit()
        self.backup_folder.setClearButtonEnabled(True)
        if default_backup_dir is not None:
            self.backup_folder.setPlaceholderText(str(default_backup_dir))
        current = settings.backup_folder
        self.backup_folder.setText(str(current) if current else "")
        _named(
            self.backup_folder,
            _("Backup folder"),
            _("Empty: the standard folder beside the data. A USB stick or network folder works."),
        )
        self.choose_folder = button(_("Choose…"))
        self.choose_folder.setToolTip(_("Choose the backup folder"))
        self.choose_folder.setAccessibleName(_("Choose the backup folder"))
        self.choose_folder.clicked.connect(self._choose_folder)
        folder_row.addWidget(self.backup_folder, 1)
        folder_row.addWidget(self.choose_folder)
        form.addRow(_("&Backup folder"), folder_row)
        # The label of a layout row has no buddy by itself: Alt+B and screen readers
        # need one.
        buddy = form.labelForField(folder_row)
        if buddy is not None:
            buddy.setBuddy(self.backup_folder)
        fit_form_labels(form)
        layout.addLayout(form)

        layout.addWidget(
            label(
                _(
                    "A new language is used at once; what you have typed stays. "
                    "Backups already made stay in the folder they were saved in."
                ),
                "small",
            )
        )
        self.error = label("", "error")
        self.error.hide()
        layout.addWidget(self.error)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Save"))
        set_role(self.ok_button, "primary")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        # Top to bottom, as the fields are read.
        order = [
            self.language,
            self.text_size,
            self.color_scheme,
            self.high_contrast,
            self.default_program,
            self.backup_folder,
            self.choose_folder,
            self.ok_button,
            buttons.button(QDialogButtonBox.StandardButton.Cancel),
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.language.setFocus()
        # Wrapped labels make the layout's minimum height too small at this width
        # (height-for-width): open at the full hint, as the workshop dialog does.
        self.resize(self.sizeHint().expandedTo(self.minimumSize()))

    def _fill_programs(self, chosen: str) -> None:
        from leaderapp.core.library import load_library
        from leaderapp.gui.workshop_dialog import DEFAULT_PROGRAM, program_label

        library = load_library()
        value_count = len(library.default_values)
        programs = sorted(library.programs.values(), key=lambda p: p.total_minutes(value_count))
        for program in programs:
            self.default_program.addItem(program_label(program, value_count), program.id)
        index = self.default_program.findData(chosen or DEFAULT_PROGRAM)
        self.default_program.setCurrentIndex(max(0, index))

    def ask_folder(self, start: str) -> str:
        return QFileDialog.getExistingDirectory(self, _("Choose the backup folder"), start)

    def _choose_folder(self) -> None:
        start = self.backup_folder.text() or self.backup_folder.placeholderText()
        folder = self.ask_folder(start)
        if folder:
            self.backup_folder.setText(folder)

    # ---------------------------------------------------------------- values
    def chosen_language(self) -> str:
        return self.language.currentData() or ""

    def chosen_size(self) -> float:
        # Unchanged: the exact size (Ctrl+plus steps are not whole percentages).
        if self.text_size.value() == size_to_percent(self._size):
            return self._size
        return percent_to_size(self.text_size.value())

    def accept(self) -> None:
        folder = self.backup_folder.text().strip()
        if folder:
            path = Path(folder).expanduser()
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                self.error.setText(
                    _("The backup folder cannot be used: {error}").format(error=exc.strerror)
                )
                self.error.show()
                self.backup_folder.setFocus()
                return
            folder = str(path)
        s = self.settings
        s.language = self.chosen_language()
        size = self.chosen_size()
        s.text_size = None if size == style.DEFAULT_POINT_SIZE else size
        s.color_scheme = self.color_scheme.currentData()
        contrast = self.high_contrast.isChecked()
        # Unchanged from what the system asks: keep following the system.
        if not (s.high_contrast is None and contrast == self._system_contrast):
            s.high_contrast = contrast
        s.default_program = self.default_program.currentData() or ""
        s.backup_folder = folder or None
        super().accept()
