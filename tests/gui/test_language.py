"""Danish first, English too: switching in Settings changes the running window at once and
keeps what is being typed; no screen shows text of the other language."""

from __future__ import annotations

import re
from functools import cache

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTreeWidget,
    QWidget,
)

from leaderapp.core.i18n import current_language
from leaderapp.core.library import load_library
from leaderapp.core.resources import resource_path
from leaderapp.gui import app as gui_app

from .test_accessibility import all_steps, full_workshop, settle, visible_widgets  # noqa: F401
from .test_settings import choose, own_settings, press  # noqa: F401

DANISH_MENUS = ["&Filer", "R&ediger", "&Workshop", "&Vis", "&Hjælp"]
ENGLISH_MENUS = ["&File", "&Edit", "&Workshop", "&View", "&Help"]


def switch_language(window, lang: str) -> None:
    """Settings… › Language, then Save: as the user does it."""
    window.exec_dialog = lambda dialog: choose(dialog, language=lang)
    window.settings_action.trigger()


def menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_switching_language_changes_menus_and_page_and_keeps_a_half_typed_note(
    open_workshop, workspace, qtbot
):
    window, workshop_id = open_workshop
    view = window.workshop_view
    view.select_kind("notes", 1)  # "What does dialog mean for us?"
    step = view.current_step()
    page = view.page
    assert menu_titles(window) == DANISH_MENUS
    assert page.new_button.text() == "Ny note"
    danish_title = view.step_title.text()

    press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # New note
    assert page.editor.hasFocus()
    typed = "Halvt skrevet <b>&</b> - Łukasz"
    qtbot.keyClicks(page.editor, typed[:-7])  # QTest types Latin-1 only
    page.editor.insertPlainText(typed[-7:])
    # Switched before the save timer fired: the typing must survive.
    switch_language(window, "en")

    assert current_language() == "en"
    assert menu_titles(window) == ENGLISH_MENUS
    assert window.next_action.text() == "Next step"
    view = window.workshop_view
    assert view.current_step().id == step.id  # same workshop, same step
    assert view.step_title.text() != danish_title
    assert view.step_title.text() == workspace.step_title(step)  # now in English
    assert view.page.new_button.text() == "New note"
    assert view.page.editor.toPlainText() == typed
    assert view.page.editor.hasFocus()
    assert typed in [n.text for n in workspace.notes(workshop_id, step.id)]
    # Qt's own buttons (message boxes, file dialogs) follow: no Danish translator.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"

    switch_language(window, "da")
    assert menu_titles(window) == DANISH_MENUS
    assert window.workshop_view.step_title.text() == danish_title
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuller"
    assert [n.text for n in workspace.notes(workshop_id, step.id)].count(typed) == 1


def test_switching_on_the_start_page_keeps_the_selection_and_redraws_dates(
    window, make_workshop, qtbot
):
    make_workshop("Akutmodtagelsen")
    window.start_page.refresh()
    assert window.start_page.tree.topLevelItem(0).text(2) == "5. marts 2026"
    switch_language(window, "en")
    assert window.stack.currentWidget() is window.start_page
    assert window.start_page.tree.topLevelItem(0).text(2) == "5 March 2026"
    assert window.start_page.new_button.text() == "New workshop…"
    assert window.start_page.tree.hasFocus()


def test_undo_after_a_switch_still_works(open_workshop, workspace, qtbot):
    window, workshop_id = open_workshop
    window.workshop_view.select_kind("notes")
    press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(window.workshop_view.page.editor, "Tjek-ind")
    switch_language(window, "en")
    step_id = window.workshop_view.current_step().id
    assert [n.text for n in workspace.notes(workshop_id, step_id)] == ["Tjek-ind"]
    assert window.undo_action.text() == "Undo typing in a note"
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert workspace.notes(workshop_id, step_id) == []
    assert window.redo_action.text() == "Redo adding a note"  # named in English now


def test_the_language_follows_the_system_unless_chosen(qapp, monkeypatch):
    from PySide6.QtCore import QLocale

    monkeypatch.setattr(QLocale, "system", lambda: QLocale("en_GB"))
    assert gui_app.startup_language("") == "en"
    assert gui_app.startup_language("da") == "da"
    monkeypatch.setattr(QLocale, "system", lambda: QLocale("de_DE"))
    assert gui_app.startup_language("") == "da"
    monkeypatch.setattr(QLocale, "system", lambda: QLocale("da_DK"))
    assert gui_app.startup_language("en") == "en"
    assert gui_app.system_language() == "da"
    # LEADERAPP_LANG (screenshots, tests) overrides both at start.
    monkeypatch.setenv("LEADERAPP_LANG", "en")
    assert gui_app.startup_language("da") == "en"


def test_participants_are_sorted_as_the_language_sorts(qtbot, qapp):
    from leaderapp.gui.workshop_dialog import WorkshopDialog

    names = "Åse Ærenlund\nZenia Berg\n\nAnna Østergaard\nÓlöf Jónsdóttir\nbo jensen"
    dialog = WorkshopDialog(lambda draft: None)
    qtbot.addWidget(dialog)
    dialog.participants.setPlainText(names)
    dialog.sort_button.click()
    assert dialog.participants.toPlainText().splitlines() == [
        "Anna Østergaard",
        "bo jensen",
        "Ólöf Jónsdóttir",
        "Zenia Berg",
        "Åse Ærenlund",  # Danish: Å is the last letter
    ]
    gui_app.set_ui_language(qapp, "en")
    english = WorkshopDialog(lambda draft: None)
    qtbot.addWidget(english)
    english.participants.setPlainText(names)
    english.sort_button.click()
    assert english.participants.toPlainText().splitlines()[:2] == [
        "Anna Østergaard",
        "Åse Ærenlund",  # English: Å is an A
    ]


# --------------------------------------------- no text of the other language
@cache
def _catalogue():
    with open(resource_path("locale", "da", "LC_MESSAGES", "leaderapp.po"), "rb") as fp:
        return read_po(fp, locale="da")


NUMBERS = {"n", "count", "minutes", "hours", "percent", "i", "total", "low", "high", "size"}


def _pattern(text: str) -> re.Pattern | None:
    """A whole-text pattern for a message: a number placeholder matches digits, any other
    one anything. None for texts too short or too generic to tell the languages apart."""
    pieces = re.split(r"\{([^{}]*)\}", text)
    literal = "".join(pieces[0::2])
    if sum(c.isalpha() for c in literal) < 4:
        return None
    regex = ""
    for index, piece in enumerate(pieces):
        if index % 2 == 0:
            regex += re.escape(piece)
        else:
            regex += r"[\d.,]+" if piece.split(":")[0] in NUMBERS else ".+?"
    return re.compile(regex, re.DOTALL)


def _pairs() -> list[tuple[str, str]]:
    """(English msgid, Danish msgstr) for every message whose translation differs."""
    pairs = []
    for m in _catalogue():
        if not m.id or not m.string or m.fuzzy:
            continue
        ids = [m.id] if isinstance(m.id, str) else list(m.id)
        strings = [m.string] if isinstance(m.string, str) else list(m.string)
        for english, danish in zip(ids, strings, strict=False):
            if danish and english != danish:
                pairs.append((english, danish))
    for exercise in load_library().exercises.values():
        da, en = exercise.text("da"), exercise.text("en")
        for english, danish in ((en.title, da.title), (en.purpose, da.purpose)):
            if english != danish:
                pairs.append((english, danish))
    return pairs


@cache
def foreign_patterns(lang: str) -> tuple[re.Pattern, ...]:
    """Texts that must not show in ``lang``: the other language's side of each pair,
    unless the same words are also right in ``lang``."""
    pairs = _pairs()
    own = {english if lang == "en" else danish for english, danish in pairs}
    patterns = []
    for english, danish in pairs:
        foreign = danish if lang == "en" else english
        if foreign in own:
            continue
        pattern = _pattern(foreign)
        if pattern is not None:
            patterns.append(pattern)
    return tuple(patterns)


def widget_texts(widget: QWidget) -> list[str]:
    texts = [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
    if isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text())
    if isinstance(widget, QLineEdit | QPlainTextEdit):
        texts.append(widget.placeholderText())
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QListWidget):
        texts += [widget.item(i).text() for i in range(widget.count())]
    if isinstance(widget, QTreeWidget):
        header = widget.headerItem()
        texts += [header.text(c) for c in range(header.columnCount())]
    if isinstance(widget, QGroupBox):
        texts.append(widget.title())
    if widget.isWindow():
        texts.append(widget.windowTitle())
    return [t for t in texts if t]


def foreign_texts(root: QWidget, lang: str) -> set[str]:
    patterns = foreign_patterns(lang)
    found = set()
    texts = [t for w in visible_widgets(root) for t in widget_texts(w)]
    if hasattr(root, "menuBar"):
        for top in root.menuBar().actions():
            texts.append(top.text())
            for action in top.menu().actions():
                texts += [action.text(), action.toolTip()]
    for text in texts:
        for line in [text, *text.splitlines()]:
            if any(p.fullmatch(line.strip()) for p in patterns):
                found.add(line.strip())
    return found


@pytest.mark.parametrize("lang", ["en", "da"])
def test_every_screen_shows_only_the_current_language(window, qtbot, full_workshop, lang):  # noqa: F811
    from leaderapp.gui.settings import Settings
    from leaderapp.gui.settings_dialog import SettingsDialog
    from leaderapp.gui.workshop_dialog import WorkshopDialog

    if lang != current_language():
        switch_language(window, lang)
    window.start_page.refresh()
    settle()
    problems = {text: ["start page"] for text in foreign_texts(window, lang)}
    window.open_workshop(full_workshop)
    for kind in all_steps(window):
        for text in foreign_texts(window, lang):
            problems.setdefault(text, []).append(kind)
    for dialog in (WorkshopDialog(lambda d: None, window), SettingsDialog(Settings(), window)):
        qtbot.addWidget(dialog)
        dialog.show()
        settle()
        for text in foreign_texts(dialog, lang):
            problems.setdefault(text, []).append(type(dialog).__name__)
        dialog.close()
    assert not problems, "\n".join(
        f"{t!r} on {', '.join(sorted(set(k)))}" for t, k in problems.items()
    )


def test_the_check_catches_text_of_the_other_language(qtbot):
    from PySide6.QtWidgets import QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    layout.addWidget(QLabel("Ny note"))
    layout.addWidget(QLabel("Akutmodtagelsen"))  # user data: never flagged
    root.show()
    settle()
    assert foreign_texts(root, "en") == {"Ny note"}
    assert foreign_texts(root, "da") == set()
