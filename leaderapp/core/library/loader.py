"""Read and validate exercises, programs and default values (TOML, da + en)."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

from leaderapp.core.i18n import SUPPORTED_LANGUAGES, current_language
from leaderapp.core.library.fields import (
    LibraryError,
    Localized,
    check_placeholders,
    field,
    localized,
    only_keys,
    table_list,
    whole_number,
)
from leaderapp.core.library.kinds import (
    KINDS,
    CompetenceRating,
    Context,
    Dilemmas,
    FollowUp,
    KindData,
    PolarityMap,
    parse_data,
)
from leaderapp.core.resources import resource_path

__all__ = ["KINDS", "LibraryError", "load_library", "load_library_from"]

VALUE = frozenset({"value"})
MAX_MINUTES = 240  # one step longer than a half-day meeting is a typo


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
    data: KindData | None = None  # the kind's structured data (see kinds.py), if it has any

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
    meeting: int | None = None  # 1, 2, 3 … in a program that runs over several meetings
    value_keys: tuple[str, ...] | None = None  # a per-value step for only these values


@dataclass(frozen=True)
class Program:
    id: str
    names: dict[str, str]
    descriptions: dict[str, str]
    steps: tuple[ProgramStep, ...]
    meetings: tuple[Localized, ...] = ()  # the meetings' titles; empty: one meeting

    def name(self, lang: str | None = None) -> str:
        return self.names[lang or current_language()]

    def description(self, lang: str | None = None) -> str:
        return self.descriptions[lang or current_language()]

    def total_minutes(self, value_count: int) -> int:
        """The program's length for a workshop with ``value_count`` values."""
        return sum(
            step.minutes
            * (
                (len(step.value_keys) if step.value_keys is not None else value_count)
                if step.per_value
                else 1
            )
            for step in self.steps
        )


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


def _texts(items: object, key: str, where: str, allowed: frozenset[str]) -> tuple[str, ...]:
    if not isinstance(items, list) or not all(isinstance(p, str) and p.strip() for p in items):
        raise LibraryError(f"{where}: {key} must be a list of non-empty strings")
    for i, text in enumerate(items, start=1):
        check_placeholders(text, allowed, f"{where} {key} {i}")
    return tuple(items)


def _exercise_text(
    block: dict, where: str, value_keys: frozenset[str], per_value: bool
) -> ExerciseText:
    only_keys(block, {"title", "purpose", "instructions", "prompts", "value_prompts"}, where)
    # {value} is the step's value; an exercise that is not run per value has none to show.
    allowed = VALUE if per_value else frozenset()
    texts = {key: field(block, key, str, where) for key in ("title", "purpose", "instructions")}
    for key, text in texts.items():
        check_placeholders(text, allowed, f"{where} {key}")
    value_prompts = {}
    raw_value_prompts = block.get("value_prompts", {})
    if not isinstance(raw_value_prompts, dict):
        raise LibraryError(f"{where}: 'value_prompts' must be a table")
    for key, items in raw_value_prompts.items():
        if key not in value_keys:
            raise LibraryError(f"{where} value_prompts: unknown value {key!r}")
        value_prompts[key] = _texts(items, f"value_prompts.{key}", where, allowed)
    return ExerciseText(
        title=texts["title"],
        purpose=texts["purpose"],
        instructions=texts["instructions"],
        prompts=_texts(block.get("prompts", []), "prompts", where, allowed),
        value_prompts=value_prompts,
    )


def _exercise(path: Path, ctx: Context) -> Exercise:
    data = _read(path)
    where = path.name
    only_keys(
        data, {"id", "kind", "default_minutes", "per_value", "data", *SUPPORTED_LANGUAGES}, where
    )
    ex_id = field(data, "id", str, where)
    if ex_id != path.stem:
        raise LibraryError(f"{where}: id {ex_id!r} must match the file name")
    kind = field(data, "kind", str, where)
    if kind not in KINDS:
        raise LibraryError(f"{where}: unknown kind {kind!r} (known: {', '.join(KINDS)})")
    minutes = whole_number(data, "default_minutes", where, 1, MAX_MINUTES)
    per_value = field(data, "per_value", bool, where) if "per_value" in data else False
    texts = {
        lang: _exercise_text(
            field(data, lang, dict, where), f"{where} [{lang}]", ctx.value_keys, per_value
        )
        for lang in SUPPORTED_LANGUAGES
    }
    if len({frozenset(t.value_prompts) for t in texts.values()}) != 1:
        raise LibraryError(f"{where}: value_prompts differ between languages")
    shapes = {
        (len(t.prompts), tuple(sorted((k, len(v)) for k, v in t.value_prompts.items())))
        for t in texts.values()
    }
    if len(shapes) != 1:
        raise LibraryError(f"{where}: the languages have different numbers of prompts")
    return Exercise(ex_id, kind, minutes, per_value, texts, parse_data(kind, data, where, ctx))


def _meetings(data: dict, where: str) -> tuple[Localized, ...]:
    if "meetings" not in data:
        return ()
    meetings = []
    for i, raw in enumerate(table_list(data, "meetings", where), start=1):
        mw = f"{where} meeting {i}"
        only_keys(raw, {"title"}, mw)
        meetings.append(localized(raw, "title", mw))
    return tuple(meetings)


def _step(raw: dict, sw: str, exercises: dict[str, Exercise], ctx: Context) -> ProgramStep:
    only_keys(raw, {"exercise", "minutes", "meeting", "values"}, sw)
    ex_id = field(raw, "exercise", str, sw)
    if ex_id not in exercises:
        raise LibraryError(f"{sw}: unknown exercise {ex_id!r}")
    ex = exercises[ex_id]
    minutes = whole_number(raw, "minutes", sw, 1, MAX_MINUTES) if "minutes" in raw else None
    meeting = field(raw, "meeting", int, sw) if "meeting" in raw else None
    value_keys = None
    if "values" in raw:
        if not ex.per_value:
            raise LibraryError(f"{sw}: 'values' only applies to a per-value exercise")
        value_keys = tuple(field(raw, "values", list, sw))
        unknown = [k for k in value_keys if k not in ctx.value_keys]
        if unknown or not value_keys:
            raise LibraryError(f"{sw}: 'values' must name known values, not {unknown}")
    return ProgramStep(ex_id, minutes or ex.default_minutes, ex.per_value, meeting, value_keys)


def _program(path: Path, exercises: dict[str, Exercise], ctx: Context) -> Program:
    data = _read(path)
    where = path.name
    only_keys(data, {"id", "steps", "meetings", *SUPPORTED_LANGUAGES}, where)
    program_id = field(data, "id", str, where)
    if program_id != path.stem:
        raise LibraryError(f"{where}: id {program_id!r} must match the file name")
    names, descriptions = {}, {}
    for lang in SUPPORTED_LANGUAGES:
        block = field(data, lang, dict, where)
        lw = f"{where} [{lang}]"
        only_keys(block, {"name", "description"}, lw)
        names[lang] = field(block, "name", str, lw)
        descriptions[lang] = field(block, "description", str, lw)
    steps = tuple(
        _step(raw, f"{where} step {i}", exercises, ctx)
        for i, raw in enumerate(table_list(data, "steps", where), start=1)
    )
    meetings = _meetings(data, where)
    _check_meetings(steps, len(meetings), where)
    return Program(program_id, names, descriptions, steps, meetings)


def _check_meetings(steps: tuple[ProgramStep, ...], count: int, where: str) -> None:
    """Without [[meetings]] no step names one; with them every step does, in order, and
    every meeting has at least one step."""
    marks = [s.meeting for s in steps]
    if count == 0:
        if any(m is not None for m in marks):
            raise LibraryError(f"{where}: steps name a 'meeting' but there are no [[meetings]]")
        return
    for i, mark in enumerate(marks, start=1):
        if mark is None or not 1 <= mark <= count:
            raise LibraryError(f"{where} step {i}: 'meeting' must be 1-{count}")
    if marks != sorted(marks) or set(marks) != set(range(1, count + 1)):
        raise LibraryError(f"{where}: steps must go through meetings 1-{count} in order")


def _values(path: Path) -> tuple[DefaultValue, ...]:
    data = _read(path)
    result = []
    for raw in table_list(data, "values", path.name):
        where = f"{path.name} value {raw.get('key', '?')}"
        names = {
            lang: field(field(raw, lang, dict, where), "name", str, where)
            for lang in SUPPORTED_LANGUAGES
        }
        descs = {lang: field(raw[lang], "description", str, where) for lang in SUPPORTED_LANGUAGES}
        result.append(DefaultValue(field(raw, "key", str, where), names, descs))
    return tuple(result)


def _check_references(exercises: dict[str, Exercise], value_keys: frozenset[str]) -> None:
    """Data that points into another file: a dilemma's tension names values or result
    areas (from the polarity map), a follow-up re-rates a competence rating."""
    areas = {
        area.key
        for ex in exercises.values()
        if isinstance(ex.data, PolarityMap)
        for area in ex.data.areas
    }
    for ex in exercises.values():
        where = f"{ex.id}.toml data"
        if isinstance(ex.data, Dilemmas):
            for card in ex.data.cards:
                unknown = [k for k in card.tension if k not in value_keys | areas]
                if unknown:
                    raise LibraryError(
                        f"{where} card {card.key}: 'tension' names unknown {unknown}"
                        f" (known: {', '.join(sorted(value_keys | areas))})"
                    )
        if isinstance(ex.data, FollowUp):
            rating = exercises.get(ex.data.rating_exercise)
            if rating is None or not isinstance(rating.data, CompetenceRating):
                raise LibraryError(
                    f"{where}: 'rating_exercise' {ex.data.rating_exercise!r}"
                    " must be a competence_rating exercise"
                )


def load_library_from(root: Path) -> Library:
    default_values = _values(root / "values.toml")
    ctx = Context(frozenset(v.key for v in default_values))
    exercises = {}
    for path in sorted((root / "exercises").glob("*.toml")):
        ex = _exercise(path, ctx)
        exercises[ex.id] = ex
    _check_references(exercises, ctx.value_keys)
    programs = {}
    for path in sorted((root / "programs").glob("*.toml")):
        program = _program(path, exercises, ctx)
        programs[program.id] = program
    if not programs:
        raise LibraryError(f"no programs in {root / 'programs'}")
    return Library(exercises, programs, default_values)


@functools.cache
def load_library() -> Library:
    return load_library_from(resource_path())
