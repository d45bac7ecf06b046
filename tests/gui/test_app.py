from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from leaderapp.core.paths import database_path
from leaderapp.gui import app as gui_app


def test_unreadable_database_is_reported_and_left_alone(tmp_path, monkeypatch, qapp):
    path = database_path(tmp_path)
    junk = b"this is not a database, but someone's precious file\n" * 50
    path.write_bytes(junk)
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)

    code = gui_app.run_gui(tmp_path)

    assert code != 0
    assert shown and str(path) in shown[0]
    assert path.read_bytes() == junk


def test_qt_own_texts_are_danish(qapp):
    translator = gui_app.install_qt_translations(qapp)
    assert translator is not None
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuller"
