"""Screen readers: every interactive control on the main screens has a name.

Walks every visible widget of the start page, of each step of a workshop (all kinds of
page in the standard and full programs) and of the dialogs, and fails if a button, field,
list, combo box, spin box or check box has neither visible text nor an accessible name,
i.e. what ``QAccessible`` gives a screen reader as its Name is empty. A field named by the
label in front of it (``QLabel.setBuddy``, which ``QFormLayout.addRow`` sets) counts.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from leaderapp.core.model import WorkshopDraft

from .test_settings import own_settings  # noqa: F401 - fixture: settings of the test only

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
)


def settle() -> None:
    for _ in range(6):
        QApplication.processEvents()


def visible_widgets(root: QWidget) -> Iterator[QWidget]:
    yield root
    for widget in root.findChildren(QWidget):
        if widget.isVisible():
            yield widget


def is_part_of_another_control(widget: QWidget) -> bool:
    """The line edit inside a spin box or combo box, a list's header: named with it."""
    parent = widget.parentWidget()
    if isinstance(widget, QHeaderView) or widget.objectName().startswith("qt_"):
        return True  # a header, or Qt's own part of a view (a table's corner button)
    while parent is not None:
        if isinstance(parent, QAbstractSpinBox | QComboBox):
            return True
        parent = parent.parentWidget()
    return False


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    if not name and isinstance(widget, QAbstractButton):
        name = widget.text()
    return (name or widget.accessibleName() or "").replace("&", "").strip()


def describe(widget: QWidget) -> str:
    """Where to find it: the page/dialog class, the widget's class and object name."""
    owner = widget.parentWidget()
    chain = []
    while owner is not None:
        module = type(owner).__module__
        if module.startswith("leaderapp"):
            chain.append(type(owner).__name__)
            break
        owner = owner.parentWidget()
    name = widget.objectName()
    hint = ""
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        hint = f" placeholder={widget.placeholderText()[:30]!r}"
    elif isinstance(widget, QComboBox):
        hint = f" current={widget.currentText()[:30]!r}"
    elif isinstance(widget, QAbstractButton):
        hint = f" tooltip={widget.toolTip()[:30]!r}"
    return (
        f"{type(widget).__module__.split('.')[-1]}.{type(widget).__name__}"
        f"{'#' + name if name else ''} in {'/'.join(chain) or '?'}{hint}"
    )


def unnamed_controls(root: QWidget) -> list[str]:
    return [
        describe(w)
        for w in visible_widgets(root)
        if isinstance(w, INTERACTIVE) and not is_part_of_another_control(w)
        if not accessible_name(w)
    ]


def all_steps(window) -> Iterator[str]:
    """Goes through every step of the open workshop; yields each page's kind."""
    view = window.workshop_view
    for row in range(len(view.steps)):
        view.select_step(row)
        settle()
        yield getattr(view.page, "kind", type(view.page).__name__)


@pytest.fixture
def full_workshop(workspace):
    """A workshop on the longest program, so every kind of page is in it."""
    from datetime import date

    draft = WorkshopDraft(
        unit_name="Akutmodtagelsen",
        organisation="Region Midtjylland",
        facilitator="Łukasz Nowak",
        dates=(date(2026, 3, 5),),
        participants=("Anna Østergaard", "Bo Jensen", "Şükrü Yılmaz"),
        program_id="full_course",
    )
    return workspace.create_workshop(draft).created_id


def test_the_start_page_names_every_control(window, make_workshop):
    make_workshop()
    window.start_page.refresh()
    settle()
    assert not unnamed_controls(window)


def test_every_step_page_names_every_control(window, workspace, full_workshop):
    window.open_workshop(full_workshop)
    problems: dict[str, list[str]] = {}
    kinds = []
    for kind in all_steps(window):
        kinds.append(kind)
        for problem in unnamed_controls(window):
            problems.setdefault(problem, []).append(kind)
    assert {"notes", "foundation", "commitments"} <= set(kinds)
    assert not problems, "\n".join(f"{p}  (steps: {', '.join(k)})" for p, k in problems.items())


def test_the_workshop_and_settings_dialogs_name_every_control(window, qtbot):
    from leaderapp.gui.settings import Settings
    from leaderapp.gui.settings_dialog import SettingsDialog
    from leaderapp.gui.workshop_dialog import WorkshopDialog

    for dialog in (
        WorkshopDialog(lambda draft: None, window),
        SettingsDialog(Settings(), window),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        settle()
        assert not unnamed_controls(dialog), type(dialog).__name__
        dialog.close()


def test_the_walk_finds_a_control_without_a_name(qtbot):
    """The check itself: a bare line edit and an icon-only button are caught."""
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    layout.addWidget(QLineEdit())
    layout.addWidget(QPushButton(""))
    named = QLineEdit()
    named.setAccessibleName("Navn")
    layout.addWidget(named)
    root.show()
    settle()
    assert len(unnamed_controls(root)) == 2


def test_menu_actions_show_their_shortcuts_in_tooltips(window):
    from PySide6.QtGui import QKeySequence

    native = QKeySequence.SequenceFormat.NativeText
    missing = []
    for menu_action in window.menuBar().actions():
        assert menu_action.menu().toolTipsVisible()
        for action in menu_action.menu().actions():
            if action.isSeparator() or not action.shortcuts():
                continue
            if f"({action.shortcuts()[0].toString(native)})" not in action.toolTip():
                missing.append((action.text(), action.toolTip()))
    assert not missing
    # The key names are the ones the keyboard and the menus use: Danish "Skift".
    assert window.new_workshop_action.toolTip() == "Ny workshop (Ctrl+Skift+N)"
