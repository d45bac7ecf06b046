"""``python -m leaderapp`` and the ``leaderapp`` console script."""

import sys

from leaderapp.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
