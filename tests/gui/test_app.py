import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox

from leaderapp.core import i18n
from leaderapp.core.i18n import _, current_language
from leaderapp.core.paths import database_path
from leaderapp.gui import app as gui_app
from leaderapp.gui import style
from leaderapp.gui.settings import SETTINGS_DIR_ENV, Settings


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


# ------------------------------------------------- language and look at start


@pytest.fixture
def fresh_start(tmp_path, monkeypatch, qapp):
    """A start with settings of this test only and no LEADERAPP_LANG; put back after."""
    monkeypatch.setenv(SETTINGS_DIR_ENV, str(tmp_path / "settings"))
    monkeypatch.delenv("LEADERAPP_LANG", raising=False)
    monkeypatch.setattr(i18n, "_chosen", False)  # as a start without --lang
    yield
    style.apply_style(qapp, style.DEFAULT_POINT_SIZE, scheme="system", high_contrast=None)
    gui_app.set_ui_language(qapp, "da")


def test_the_app_starts_in_the_saved_language_size_and_colours(fresh_start, qapp):
    s = Settings()
    s.language = "en"
    s.text_size = 16
    s.color_scheme = "dark"
    gui_app.create_application()
    assert current_language() == "en"
    assert _("&File") == "&File"
    assert QLocale().language() == QLocale.Language.English
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert style.current_point_size() == 16
    assert style.current_palette() is style.DARK
    assert qapp.organizationName() == "Vaerdidialog"


@pytest.mark.parametrize(
    ("system", "expected"), [("en_US", "en"), ("da_DK", "da"), ("de_DE", "da"), ("en_GB", "en")]
)
def test_without_a_choice_the_app_follows_the_system_language(
    fresh_start, qapp, monkeypatch, system, expected
):
    monkeypatch.setattr(QLocale, "system", lambda: QLocale(system))
    gui_app.create_application()
    assert current_language() == expected
    assert _("&File") == ("&Filer" if expected == "da" else "&File")


def test_qt_own_texts_switch_with_the_language(qapp):
    gui_app.set_ui_language(qapp, "en")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    gui_app.set_ui_language(qapp, "da")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuller"
    assert QLocale().language() == QLocale.Language.Danish


def test_a_language_asked_for_at_start_wins_over_the_setting(fresh_start, qapp):
    """``vaerdidialog --lang en`` (or LEADERAPP_LANG) with Danish saved in Settings."""
    Settings().language = "da"
    i18n.set_language("en")  # what --lang does before the window is made
    gui_app.create_application()
    assert current_language() == "en"
