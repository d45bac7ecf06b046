import os
import tempfile

# Without a display, Qt aborts the whole run (exit 134): always render offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests assert Danish text: the default language, whatever the machine's locale.
os.environ["LEADERAPP_LANG"] = "da"
# Settings of the test run's own: a test that zooms or picks a backup folder never
# changes the user's real settings, and the user's settings never change a test.
os.environ.setdefault("LEADERAPP_SETTINGS_DIR", tempfile.mkdtemp(prefix="leaderapp-settings-"))
