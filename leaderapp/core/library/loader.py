"""Read and validate exercises, programs and default values (TOML, da + en)."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

from leaderapp.core.i18n import SUPPORTED_LANGUAGES, current_language
from leaderapp.core.resources import resource_path

# How an exercise's answers are captured; the GUI picks a page per kind.
KINDS = ("notes", "foundation", "commitments", "export")


class LibraryError(ValueError):
    """A resource file is missing something; names the file and the field."""


def in_sentence(name: str | None) -> str:
    """A value's name as it reads inside a sentence: "Dialog" -> "dialog", as the
    policies write them, while names like "MED-samarbejde" keep their capitals."""
    name = name or ""
    first_word = name.split(" ")[0]
    if len(first_word) > 1 and first_word[0].isupper() and first_word[1:].islower():
        return name[0].lower() + name[1:]
    return name


@dataclass(frozen=True)
class ExerciseText:
    title: str
    purpose: str
    instructions: str
    prompts: tuple[str, ...]
    value_prompts: dict[str, tuple[str, ...]]  # value key -> extra prompts


@dataclass(frozen=True)
class Exercise:
    id: str
    kind: str
    default_minutes: int
    per_value: bool
    texts: dict[str, ExerciseText]

    def text(self, lang: str | None = None) -> ExerciseText:
        return self.texts[lang or current_language()]

    def title(self, value_name: str | None = None, lang: str | None = None) -> str:
        return self.text(lang).title.format(value=in_sentence(value_name))

    def purpose(self, value_name: str | None = None, lang: str | None = None) -> str:
        return self.text(lang).purpose.format(value=in_sentence(value_name))

    def instructions(self, value_name: str | None = None, lang: str | None = None) -> str:
        return self.text(lang).instructions.format(value=in_sentence(value_name))

    def prompts(
        self, value_key: str | None = None, value_name: str | None = None, lang: str | None = None
    ) -> tuple[str, ...]:
        text = self.text(lang)
        extra = text.value_prompts.get(value_key or "", ())
        return tuple(p.format(value=in_sentence(value_name)) for p in (*text.prompts, *extra))


@dataclass(frozen=True)
class ProgramStep:
    exercise_id: str
    minutes: int
    per_value: bool


@dataclass(frozen=True)
class Program:
    id: str
    names: dict[str, str]
    descriptions: dict[str, str]
    steps: tuple[ProgramStep, ...]

    def name(self, lang: str | None = None) -> str:
        return self.names[lang or current_language()]


@dataclass(frozen=True)
class DefaultValue:
    key: str
    names: dict[str, str]
    descriptions: dict[str, str]


@dataclass(frozen=True)
class Library:
    exercises: dict[str, Exercise]
    programs: dict[str, Program]
    default_values: tuple[DefaultValue, ...]

    def exercise(self, exercise_id: str) -> Exercise:
        try:
            return self.exercises[exercise_id]
        except KeyError:
            raise LibraryError(f"unknown exercise {exercise_id!r}") from None


def _read(path: Path) -> dict:
    try:
        with path.open("rb") as fp:
            return tomllib.load(fp)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LibraryError(f"{path.name}: {exc}") from exc


def _field(data: dict, key: str, kind: type, where: str):
    if key not in data:
        raise LibraryError(f"{where}: missing {key!r}")
    value = data[key]
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        raise LibraryError(f"{where}: {key!r} must be a non-empty {kind.__name__}")
    return value


def _exercise(path: Path) -> Exercise:
    data = _read(path)
    where = path.name
    ex_id = _field(data, "id", str, where)
    if ex_id != path.stem:
        raise LibraryError(f"{where}: id {ex_id!r} must match the file name")
    kind = _field(data, "kind", str, where)
    if kind not in KINDS:
        raise LibraryError(f"{where}: unknown kind {kind!r} (known: {', '.join(KINDS)})")
    minutes = _field(data, "default_minutes", int, where)
    texts = {}
    for lang in SUPPORTED_LANGUAGES:
        block = _field(data, lang, dict, where)
        lw = f"{where} [{lang}]"
        prompts = tuple(block.get("prompts", ()))
        if not all(isinstance(p, str) and p.strip() for p in prompts):
            raise LibraryError(f"{lw}: prompts must be non-empty strings")
        value_prompts = {key: tuple(items) for key, items in block.get("value_prompts", {}).items()}
        texts[lang] = ExerciseText(
            title=_field(block, "title", str, lw),
            purpose=_field(block, "purpose", str, lw),
            instructions=_field(block, "instructions", str, lw),
            prompts=prompts,
            value_prompts=value_prompts,
        )
    keys = [set(t.value_prompts) for t in texts.values()]
    if any(k != keys[0] for k in keys):
        raise LibraryError(f"{where}: value_prompts differ between languages")
    if len({len(t.prompts) for t in texts.values()}) != 1:
        raise LibraryError(f"{where}: the languages have different numbers of prompts")
    return Exercise(ex_id, kind, minutes, bool(data.get("per_value", False)), texts)


def _program(path: Path, exercises: dict[str, Exercise]) -> Program:
    data = _read(path)
    where = path.name
    names, descriptions = {}, {}
    for lang in SUPPORTED_LANGUAGES:
        block = _field(data, lang, dict, where)
        names[lang] = _field(block, "name", str, f"{where} [{lang}]")
        descriptions[lang] = _field(block, "description", str, f"{where} [{lang}]")
    steps = []
    for i, raw in enumerate(_field(data, "steps", list, where), start=1):
        sw = f"{where} step {i}"
        ex_id = _field(raw, "exercise", str, sw)
        if ex_id not in exercises:
            raise LibraryError(f"{sw}: unknown exercise {ex_id!r}")
        ex = exercises[ex_id]
        steps.append(ProgramStep(ex_id, int(raw.get("minutes", ex.default_minutes)), ex.per_value))
    return Program(_field(data, "id", str, where), names, descriptions, tuple(steps))


def _values(path: Path) -> tuple[DefaultValue, ...]:
    data = _read(path)
    result = []
    for raw in _field(data, "values", list, path.name):
        where = f"{path.name} value {raw.get('key', '?')}"
        names = {lang: _field(raw[lang], "name", str, where) for lang in SUPPORTED_LANGUAGES}
        descs = {lang: _field(raw[lang], "description", str, where) for lang in SUPPORTED_LANGUAGES}
        result.append(DefaultValue(_field(raw, "key", str, where), names, descs))
    return tuple(result)


def load_library_from(root: Path) -> Library:
    exercises = {}
    for path in sorted((root / "exercises").glob("*.toml")):
        ex = _exercise(path)
        exercises[ex.id] = ex
    programs = {}
    for path in sorted((root / "programs").glob("*.toml")):
        program = _program(path, exercises)
        programs[program.id] = program
    if not programs:
        raise LibraryError(f"no programs in {root / 'programs'}")
    return Library(exercises, programs, _values(root / "values.toml"))


@functools.cache
def load_library() -> Library:
    return load_library_from(resource_path())
