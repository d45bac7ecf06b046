"""Help → About shows the version, where the data is, and every licence we owe a mention."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from leaderapp import APP_NAME, __version__
from leaderapp.core.i18n import _
from leaderapp.gui.about_dialog import AboutDialog


def _visible_text(dialog: AboutDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_about_shows_version_licences_and_the_data_file(qtbot):
    data_file = Path("/home/mette/.local/share/Vaerdidialog/vaerdidialog.sqlite3")
    dialog = AboutDialog(data_file)
    qtbot.addWidget(dialog)
    dialog.show()

    text = _visible_text(dialog)
    assert __version__ in dialog.version_label.text()
    for name in ("MIT License", "DejaVu Sans", "Bitstream Vera License", "Symbola"):
        assert name in text, name
    assert str(data_file) in text
    # The promise a facilitator repeats to the group (Danish once the catalogue has it).
    assert _("Nothing leaves this computer") in text


def test_licence_tab_holds_the_full_texts(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    texts = dialog.licence_text.toPlainText()
    assert "Permission is hereby granted, free of charge" in texts  # MIT, the app
    assert "Bitstream Vera" in texts  # DejaVu Sans
    assert "George Douros" in texts  # Symbola
    assert "PySide6" in texts and "LGPL-3.0" in texts  # Qt, carried by the standalone build
    assert dialog.licence_text.isReadOnly()


def test_help_menu_opens_the_about_dialog(window, monkeypatch):
    opened = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: opened.append(self) or 0)
    help_menu = window.menuBar().actions()[-1].menu()
    about = next(a for a in help_menu.actions() if APP_NAME in a.text())
    about.trigger()
    assert len(opened) == 1
    assert str(window.workspace.path) in _visible_text(opened[0])
