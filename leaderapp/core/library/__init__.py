"""The exercise library and programs, loaded from ``resources/`` as data."""

from leaderapp.core.library.loader import (
    KINDS,
    DefaultValue,
    Exercise,
    ExerciseText,
    Library,
    LibraryError,
    Program,
    ProgramStep,
    load_library,
)

__all__ = [
    "KINDS",
    "DefaultValue",
    "Exercise",
    "ExerciseText",
    "Library",
    "LibraryError",
    "Program",
    "ProgramStep",
    "load_library",
]
