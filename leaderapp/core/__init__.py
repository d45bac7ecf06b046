"""The GUI-free core: domain model, storage, exercise library and export.

Nothing under this package may import Qt; ``tests/core/test_no_qt.py`` checks it.
"""
