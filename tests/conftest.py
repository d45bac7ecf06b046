import os

# Without a display, Qt aborts the whole run (exit 134): always render offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests assert Danish text: the default language, whatever the machine's locale.
os.environ["LEADERAPP_LANG"] = "da"
