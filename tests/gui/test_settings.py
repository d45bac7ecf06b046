"""Settings (QSettings): what the user chose survives a restart; the Settings dialog;
text size, dark mode and high contrast; dates, numbers and sorting by language."""

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QDialog

from leaderapp.core.i18n import current_language
from leaderapp.core.storage.backup import list_backups
from leaderapp.gui import app as gui_app
from leaderapp.gui import style
from leaderapp.gui.main_window import MainWindow
from leaderapp.gui.settings import (
    SETTINGS_DIR_ENV,
    Settings,
    format_date,
    format_number,
    settings_store,
    sorted_names,
)
from leaderapp.gui.settings_dialog import SettingsDialog
from leaderapp.gui.workshop_dialog import WorkshopDialog


@pytest.fixture(autouse=True)
def own_settings(tmp_path, monkeypatch, qapp):
    """Settings in a folder of this test; the look and language put back afterwards."""
    monkeypatch.setenv(SETTINGS_DIR_ENV, str(tmp_path / "settings"))
    monkeypatch.delenv("LEADERAPP_LANG", raising=False)
    yield tmp_path / "settings"
    style.apply_style(qapp, style.DEFAULT_POINT_SIZE, scheme="system", high_contrast=None)
    gui_app.set_ui_language(qapp, "da")


def activate(qtbot, window) -> None:
    """Make ``window`` the active one: its shortcuts work only then."""
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key pressed on the keyboard: it goes to the focused widget of the active window
    (as for a user; a focused editor may claim Ctrl+Z for itself)."""
    activate(qtbot, window.window())
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifier)


def test_settings_are_stored_in_the_folder_given_and_read_back_typed(own_settings):
    s = Settings()
    assert (s.language, s.text_size, s.color_scheme, s.high_contrast) == ("", None, "system", None)
    assert (s.default_program, s.backup_folder) == ("", None)
    s.language = "en"
    s.text_size = 19.5
    s.color_scheme = "dark"
    s.high_contrast = True
    s.default_program = "short_course"
    s.backup_folder = own_settings / "usb"

    again = Settings()  # as another part of the app, or the next start, reads them
    assert again.language == "en"
    assert again.text_size == 19.5
    assert again.color_scheme == "dark"
    assert again.high_contrast is True
    assert again.default_program == "short_course"
    assert again.backup_folder == own_settings / "usb"
    assert (own_settings / "settings.ini").exists()


def test_a_damaged_settings_file_falls_back_to_the_defaults(own_settings):
    store = settings_store()
    for key, value in (
        ("ui/language", "klingon"),
        ("ui/text_size", "huge"),
        ("ui/color_scheme", "purple"),
        ("ui/high_contrast", "maybe"),
    ):
        store.setValue(key, value)
    store.sync()
    s = Settings(QSettings(str(own_settings / "settings.ini"), QSettings.Format.IniFormat))
    assert (s.language, s.text_size, s.color_scheme, s.high_contrast) == ("", None, "system", None)


def test_a_huge_or_tiny_stored_text_size_is_kept_within_bounds(own_settings):
    s = Settings()
    s.text_size = 400
    assert Settings().text_size == style.MAX_POINT_SIZE
    s.text_size = 1
    assert Settings().text_size == style.MIN_POINT_SIZE


def choose(dialog: SettingsDialog, **values) -> int:
    """Fill the Settings dialog as a user would and press Save."""
    for combo_name in ("language", "color_scheme", "default_program"):
        if combo_name in values:
            combo = getattr(dialog, combo_name)
            index = combo.findData(values[combo_name])
            assert index >= 0, (combo_name, values[combo_name])
            combo.setCurrentIndex(index)
    if "percent" in values:
        dialog.text_size.setValue(values["percent"])
    if "high_contrast" in values:
        dialog.high_contrast.setChecked(values["high_contrast"])
    if "backup_folder" in values:
        dialog.backup_folder.setText(str(values["backup_folder"]))
    dialog.accept()
    return dialog.result()


def test_settings_survive_a_restart_of_the_window(qtbot, qapp, workspace, own_settings):
    usb = own_settings.parent / "usb-stick"
    first = MainWindow(workspace)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    press(qtbot, first, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, first, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert style.current_point_size() == style.DEFAULT_POINT_SIZE + 2

    first.exec_dialog = lambda dialog: choose(
        dialog,
        color_scheme="dark",
        default_program="short_course",
        backup_folder=usb,
    )
    first.settings_action.trigger()
    assert style.current_palette() is style.DARK  # applied at once
    first.close()
    assert len(list_backups(usb)) == 1  # the backup at closing went to the chosen folder

    # A new session: the app starts from nothing but the stored settings.
    style.apply_style(qapp, style.DEFAULT_POINT_SIZE, scheme="system", high_contrast=None)
    gui_app.create_application()
    second = MainWindow(workspace)
    qtbot.addWidget(second)
    second.show()
    assert style.current_point_size() == style.DEFAULT_POINT_SIZE + 2
    assert style.current_palette() is style.DARK
    assert qapp.palette().color(qapp.palette().ColorRole.Window) == QColor(style.DARK.BACKGROUND)
    assert second.backups.backup_dir == usb
    dialog = WorkshopDialog(lambda draft: None, second)
    assert dialog.program.currentData() == "short_course"
    second.close()


def test_normal_text_size_forgets_the_stored_size(window, qtbot):
    press(qtbot, window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert Settings().text_size == style.DEFAULT_POINT_SIZE - 1
    press(qtbot, window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert Settings().text_size is None
    assert style.current_point_size() == style.DEFAULT_POINT_SIZE


def test_the_settings_dialog_shows_what_is_stored_and_cancel_changes_nothing(window, qtbot):
    s = Settings()
    s.language = "da"
    s.color_scheme = "light"
    s.default_program = "full_course"
    s.text_size = 19.5
    dialog = SettingsDialog(s, window)
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "da"
    assert dialog.color_scheme.currentData() == "light"
    assert dialog.default_program.currentData() == "full_course"
    assert dialog.text_size.value() == 150
    assert dialog.ok_button.text() == "Gem"
    dialog.color_scheme.setCurrentIndex(dialog.color_scheme.findData("dark"))
    dialog.reject()
    assert Settings().color_scheme == "light"


def test_the_settings_dialog_is_reached_with_ctrl_comma_and_named_in_danish(window, qtbot):
    seen = []

    def look(dialog):
        seen.append(dialog.windowTitle())
        return QDialog.DialogCode.Rejected

    window.exec_dialog = look
    press(qtbot, window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["Indstillinger"]
    assert window.settings_action.text() == "Indstillinger…"
    assert "Ctrl+," in window.settings_action.toolTip()


def test_a_backup_folder_that_cannot_be_made_keeps_the_dialog_open(window, qtbot, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    dialog = SettingsDialog(Settings(), window)
    qtbot.addWidget(dialog)
    dialog.backup_folder.setText(str(blocker / "backups"))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisibleTo(dialog) and dialog.error.text()
    assert Settings().backup_folder is None


def test_the_default_program_is_preselected_and_a_removed_one_is_ignored(qtbot):
    Settings().default_program = "full_course"
    dialog = WorkshopDialog(lambda draft: None)
    qtbot.addWidget(dialog)
    assert dialog.program.currentData() == "full_course"
    Settings().default_program = "no_longer_there"
    dialog = WorkshopDialog(lambda draft: None)
    qtbot.addWidget(dialog)
    assert dialog.program.currentData() == "standard"


# ------------------------------------------------------------------ sight
@pytest.mark.parametrize("palette", style.PALETTES, ids=lambda p: p.name)
def test_every_text_colour_has_a_contrast_of_at_least_4_5(palette):
    weak = [
        (fg, bg, round(style.contrast_ratio(getattr(palette, fg), getattr(palette, bg)), 2))
        for fg, bg in style.TEXT_PAIRS
        if style.contrast_ratio(getattr(palette, fg), getattr(palette, bg)) < 4.5
    ]
    assert not weak


def test_the_contrast_ratio_is_the_wcag_one():
    assert style.contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert style.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def test_dark_palette_follows_the_system_dark_mode(window, qapp, monkeypatch):
    monkeypatch.setattr(style, "system_prefers_dark", lambda: True)
    style.apply_style(qapp, scheme="system")
    assert style.current_palette() is style.DARK
    assert style.INK == style.DARK.INK  # what painters (the step sidebar) read
    assert qapp.palette().color(qapp.palette().ColorRole.Base) == QColor(style.DARK.SURFACE)
    assert f"color: {style.DARK.INK}" in qapp.styleSheet()
    image = window.grab().toImage()
    corner = image.pixelColor(image.width() // 2, image.height() // 2)
    assert corner.lightness() < 80  # the window is dark, not only its palette

    style.apply_style(qapp, scheme="light")  # a choice in Settings wins over the system
    assert style.current_palette() is style.LIGHT
    monkeypatch.setattr(style, "system_prefers_dark", lambda: False)
    style.apply_style(qapp, scheme="dark")
    assert style.current_palette() is style.DARK


def test_the_system_colour_scheme_is_read_from_qt(qapp, monkeypatch):
    from PySide6.QtGui import QStyleHints

    monkeypatch.setattr(QStyleHints, "colorScheme", lambda self: Qt.ColorScheme.Dark)
    assert style.system_prefers_dark()
    monkeypatch.setattr(QStyleHints, "colorScheme", lambda self: Qt.ColorScheme.Light)
    assert not style.system_prefers_dark()


def test_high_contrast_from_settings_and_from_the_system(window, qtbot, qapp, monkeypatch):
    window.exec_dialog = lambda dialog: choose(dialog, high_contrast=True)
    window.settings_action.trigger()
    assert style.current_palette() is style.HIGH_CONTRAST
    assert Settings().high_contrast is True
    assert "border: 3px solid" in qapp.styleSheet()  # a focus frame one can see from afar
    style.apply_style(qapp, scheme="dark")
    assert style.current_palette() is style.HIGH_CONTRAST_DARK

    monkeypatch.setattr(style, "system_prefers_high_contrast", lambda: True)
    style.apply_style(qapp, scheme="light", high_contrast=None)
    assert style.current_palette() is style.HIGH_CONTRAST


def clipped_texts(root) -> list[str]:
    """Visible word-wrapping labels shorter than their text needs at their width, and
    buttons narrower than their text."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    bad = []
    for widget in root.findChildren(QLabel):
        if widget.isVisible() and widget.wordWrap() and widget.text():
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + 2:
                bad.append(f"label {widget.text()[:40]!r}: {widget.height()} < {need} px high")
    for widget in root.findChildren(QAbstractButton):
        if widget.isVisible() and widget.text():
            need = widget.sizeHint().width()
            if need > widget.width() + 2:
                bad.append(f"button {widget.text()[:40]!r}: {widget.width()} < {need} px wide")
    return bad


@pytest.mark.parametrize("percent", [150, 185])  # 185 %: the largest size (24 pt)
def test_larger_text_reflows_instead_of_clipping(window, workspace, qtbot, qapp, percent):
    from leaderapp.core.model import WorkshopDraft

    workshop_id = workspace.create_workshop(
        WorkshopDraft(unit_name="Akutmodtagelsen", participants=("Anna Østergaard", "Bo"))
    ).created_id
    window.resize(1366, 768)
    window.exec_dialog = lambda dialog: choose(dialog, percent=percent)
    window.settings_action.trigger()
    assert style.current_point_size() == pytest.approx(
        style.DEFAULT_POINT_SIZE * percent / 100, abs=0.1
    )
    problems: dict[str, set[str]] = {}

    def look(where: str, root) -> None:
        for _ in range(5):
            qapp.processEvents()
        for problem in clipped_texts(root):
            problems.setdefault(problem, set()).add(where)

    look("start page", window.start_page)
    window.open_workshop(workshop_id)
    view = window.workshop_view
    for row in range(len(view.steps)):
        view.select_step(row)
        look(getattr(view.page, "kind", "?"), window)
    assert not problems, "\n".join(f"{p} on {', '.join(sorted(w))}" for p, w in problems.items())


# ------------------------------------------------- dates, numbers, sorting
def test_dates_numbers_and_sorting_follow_the_language(qapp):
    names = ["Åse", "Zenia", "Øjvind", "anna", "Ærø", "Ólafsdóttir", "Bo", "Oscar"]
    gui_app.set_ui_language(qapp, "da")
    assert sorted_names(names) == [
        "anna",
        "Bo",
        "Ólafsdóttir",
        "Oscar",
        "Zenia",
        "Ærø",
        "Øjvind",
        "Åse",
    ]
    assert format_date(date(2026, 3, 5)) == "5. marts 2026"
    assert format_number(3.5) == "3,5"

    gui_app.set_ui_language(qapp, "en")
    assert current_language() == "en"
    english = sorted_names(names)
    assert english.index("Åse") < english.index("Bo")  # Å is an A in English
    assert format_date(date(2026, 3, 5)) == "5 March 2026"
    assert format_number(3.5) == "3.5"


def test_the_window_follows_the_system_switching_to_dark_while_it_runs(
    open_workshop, qapp, qtbot, monkeypatch
):
    from PySide6.QtGui import QGuiApplication

    window, _wid = open_workshop
    window.workshop_view.select_kind("notes")
    press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.workshop_view.page.editor, "Skrevet i lyst")
    monkeypatch.setattr(style, "system_prefers_dark", lambda: True)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert style.current_palette() is style.DARK
    assert window.workshop_view.page.editor.toPlainText() == "Skrevet i lyst"
