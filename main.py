"""Start Værdidialog from a source folder: ``python main.py [--data-dir DIR]``.

The same as ``python -m leaderapp``; also the entry point for frozen builds.
"""

import sys

from leaderapp.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
