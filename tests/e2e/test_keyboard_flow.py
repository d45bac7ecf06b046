"""A whole workshop with the keyboard alone: no mouse clicks and no method calls that
change data. Every key goes where a real key would go, to the focused widget of the active
window (dialogs included); the test only reads state to decide the next key.

Create the workshop (Ctrl+Shift+N, a dialog filled with Tab), write a note in each notes
step (Ctrl+N), walk the steps (Ctrl+PgDown), write the foundation (Tab from field to
field), add a commitment, export the PDF (Ctrl+E, the file dialog answered by typing), and
read the PDF back.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from leaderapp.gui import app as gui_app
from leaderapp.gui.settings import SETTINGS_DIR_ENV

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier

UNIT = "Akutmodtagelsen Ærø"  # QTest types Latin-1 only
PARTICIPANTS = ["Anna Østergaard", "Bo Jensen", "Åse Ærenlund"]  # what QTest can type


@pytest.fixture(autouse=True)
def own_settings(tmp_path, monkeypatch, qapp):
    monkeypatch.setenv(SETTINGS_DIR_ENV, str(tmp_path / "settings"))
    yield
    gui_app.set_ui_language(qapp, "da")


class Keyboard:
    def __init__(self, qtbot, window) -> None:
        self.qtbot = qtbot
        self.window = window

    def activate(self) -> None:
        self.window.windowHandle().requestActivate()
        self.qtbot.waitUntil(self.window.isActiveWindow, timeout=3000)

    @staticmethod
    def focused() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def key(self, key: Qt.Key, modifier=NONE, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.focused(), key, modifier)
            # The event loop turns between a person's keystrokes: a page added to the
            # window is shown only then (QLayout shows new children queued).
            QApplication.processEvents()

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focused(), text)
        QApplication.processEvents()

    def tab_to(self, target: QWidget, limit: int = 120) -> None:
        """Tab until ``target`` has the focus; fails if Tab never reaches it."""
        for _ in range(limit):
            if self.focused() is target:
                return
            self.key(Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reached {target!r}; stuck at {self.focused()!r}")

    def in_next_dialog(self, keys: Callable[[QWidget], None]) -> list[BaseException]:
        """Run ``keys`` on the modal dialog the next key opens. A failure closes the
        dialog (Escape) so the test fails instead of hanging; it is returned."""
        errors: list[BaseException] = []

        def run() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(50, run)
                return
            try:
                # As a window manager does: the new dialog gets the keyboard.
                dialog.windowHandle().requestActivate()
                self.qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
                keys(dialog)
            except BaseException as exc:  # noqa: BLE001 - reported by the test
                errors.append(exc)
                dialog.close()

        QTimer.singleShot(50, run)
        return errors


def page_kind(window) -> str:
    return getattr(window.workshop_view.page, "kind", "")


def test_a_whole_workshop_by_keyboard(window, workspace, qtbot, tmp_path):
    kb = Keyboard(qtbot, window)
    kb.activate()

    # 1. A new workshop: Ctrl+Shift+N, then the dialog field by field with Tab.
    def fill_workshop(dialog) -> None:
        assert kb.focused() is dialog.unit_name
        kb.type(UNIT)
        kb.key(Qt.Key.Key_Tab)
        kb.type("Region Midtjylland")
        kb.key(Qt.Key.Key_Tab)
        kb.type("Mette Kjaergaard")
        kb.key(Qt.Key.Key_Tab)
        assert kb.focused() is dialog.date or kb.focused().parent() is dialog.date
        kb.type("20042026")  # dd.MM.yyyy: the sections fill one after another
        kb.key(Qt.Key.Key_Tab)
        assert kb.focused() is dialog.participants
        for name in reversed(PARTICIPANTS):
            kb.type(name)
            kb.key(Qt.Key.Key_Return)
        kb.key(Qt.Key.Key_Tab)
        assert kb.focused() is dialog.sort_button
        kb.key(Qt.Key.Key_Space)  # A to Å: Anna, Bo, Åse
        assert kb.focused() is dialog.participants
        kb.key(Qt.Key.Key_Tab, times=2)
        assert kb.focused() is dialog.program  # the program stays as chosen in Settings
        kb.key(Qt.Key.Key_Tab)
        assert kb.focused() is dialog.ok_button
        kb.key(Qt.Key.Key_Space)  # "Create workshop"

    errors = kb.in_next_dialog(fill_workshop)
    kb.key(Qt.Key.Key_N, CTRL | SHIFT)
    assert not errors, errors
    view = window.workshop_view
    assert window.stack.currentWidget() is view
    [summary] = workspace.list_workshops()
    workshop_id = summary.id
    assert summary.unit_name == UNIT
    assert summary.first_date == date(2026, 4, 20)
    assert [p.name for p in workspace.participants(workshop_id)] == PARTICIPANTS

    # 2. Through every step with Ctrl+PgDown; a note in each notes step with Ctrl+N.
    written = []
    kb.activate()
    for _ in range(len(view.steps)):
        if page_kind(window) == "foundation":
            break
        assert page_kind(window) == "notes"
        kb.key(Qt.Key.Key_N, CTRL)
        assert kb.focused() is view.page.editor
        text = f"Note {len(written) + 1}: vi lytter, foer vi beslutter"
        kb.type(text)
        written.append((view.current_step().id, text))
        kb.key(Qt.Key.Key_PageDown, CTRL)  # next step: also saves the note
    assert page_kind(window) == "foundation"
    assert len(written) == 4  # check-in and the three values
    for step_id, text in written:
        assert [n.text for n in workspace.notes(workshop_id, step_id)] == [text]
    kb.key(Qt.Key.Key_PageUp, CTRL)  # and back: the note is still there
    assert view.page.editor.toPlainText() == written[-1][1]
    kb.key(Qt.Key.Key_PageDown, CTRL)
    assert page_kind(window) == "foundation"

    # 3. The foundation: Tab reaches every field in reading order.
    page = view.page
    kb.tab_to(page.introduction)
    kb.type("Vi har skrevet dette grundlag sammen.")
    for value in workspace.values(workshop_id):
        section = page.section_editor(value.name)
        kb.tab_to(section.heading)
        kb.type(f"Sådan arbejder vi med {value.name.lower()}")
        kb.tab_to(section.principles)
        kb.type(f"Vi taler om {value.name.lower()} hver uge")
        kb.key(Qt.Key.Key_Return)
        kb.type("Vi giver hinanden besked i tide")
        kb.tab_to(section.expect_of_us)
        kb.type("At vi lytter.")
        kb.tab_to(section.expect_of_you)
        kb.type("At du siger til.")
    kb.key(Qt.Key.Key_PageDown, CTRL)  # leaving the page saves it
    foundation = workspace.foundation(workshop_id)
    assert foundation.introduction == "Vi har skrevet dette grundlag sammen."
    assert all(len(s.principles) == 2 and s.expect_of_you for s in foundation.sections)

    # 4. A commitment: Tab to "Add commitment", Space, type the action, Return.
    assert page_kind(window) == "commitments"
    page = view.page
    kb.tab_to(page.add_button)
    kb.key(Qt.Key.Key_Space)
    kb.type("Fast punkt om bekymringer på tavlemødet")
    kb.key(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: workspace.commitments(workshop_id)[0].action != "", timeout=5000)

    # 5. Export: Ctrl+E, the file name typed into the save dialog, Return.
    target = tmp_path / "grundlag.pdf"

    def save_as(dialog) -> None:
        kb.key(Qt.Key.Key_A, CTRL)
        kb.type(str(target))
        kb.key(Qt.Key.Key_Return)

    errors = kb.in_next_dialog(save_as)
    with qtbot.waitSignal(view.exporter.succeeded, timeout=60_000):
        kb.key(Qt.Key.Key_E, CTRL)
    assert not errors, errors
    assert page_kind(window) == "export"
    assert target.exists()

    flat = " ".join(" ".join(p.extract_text() for p in PdfReader(target).pages).split())
    assert UNIT in flat
    assert "Vi har skrevet dette grundlag sammen." in flat
    assert "Vi giver hinanden besked i tide" in flat
    assert "Fast punkt om bekymringer på tavlemødet" in flat

    # 6. Back to the workshops (Ctrl+W), where the list has the keyboard.
    kb.activate()  # the window manager gives the window back after the file dialog
    kb.key(Qt.Key.Key_W, CTRL)
    assert window.stack.currentWidget() is window.start_page
    assert window.start_page.tree.hasFocus()
