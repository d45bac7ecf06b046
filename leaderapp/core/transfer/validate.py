"""Read a workshop file and check all of it before anything is written.

Order of checks: size, UTF-8, JSON, format and version, the schema (types,
fields, lengths, ids, dates), then the references between records. Each
failure becomes one ``WorkshopFileError`` whose message names the file and
the place in it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from leaderapp.core.i18n import _
from leaderapp.core.library import load_library
from leaderapp.core.transfer.fileformat import (
    FORMAT,
    MAX_FILE_BYTES,
    VERSION,
    WorkshopFileError,
)
from leaderapp.core.transfer.schema import (
    SchemaViolation,
    describe_kind,
    kind_of,
    place,
    validate,
    workshop_file_schema,
)


class _Problem(Exception):
    """Internal: what is wrong, to be wrapped with the file's name."""


def refuse(source: Path, problem: str) -> WorkshopFileError:
    return WorkshopFileError(
        _("The workshop file {name} cannot be imported: {problem}.").format(
            name=source.name, problem=problem
        )
    )


def read_document(source: Path) -> dict:
    """The file's document, fully checked; raises ``WorkshopFileError``."""
    try:
        document = _parse(_read_bytes(source))
        check_document(document)
    except _Problem as exc:
        raise refuse(source, str(exc)) from None
    except SchemaViolation as exc:
        raise refuse(source, str(exc)) from None
    return document


def _read_bytes(source: Path) -> bytes:
    limit_mb = MAX_FILE_BYTES // (1024 * 1024)
    try:
        if not source.is_file():
            raise _Problem(_("it does not exist or is not a file"))
        size = source.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _Problem(_too_big(size, limit_mb))
        with source.open("rb") as fp:
            raw = fp.read(MAX_FILE_BYTES + 1)  # the file may grow after stat()
    except OSError as exc:
        raise _Problem(_("it cannot be read ({error})").format(error=exc.strerror or exc)) from exc
    if len(raw) > MAX_FILE_BYTES:
        raise _Problem(_too_big(len(raw), limit_mb))
    return raw


def _too_big(size: int, limit_mb: int) -> str:
    return _("it is {size} MB, and a workshop file is at most {limit} MB").format(
        size=f"{size / (1024 * 1024):.1f}", limit=limit_mb
    )


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict:
    result: dict = {}
    for key, value in pairs:
        if key in result:
            raise _Problem(
                _("the field “{field}” appears twice in one object").format(field=key[:40])
            )
        result[key] = value
    return result


def _no_constants(name: str) -> Any:
    raise _Problem(_("it contains {value}, which is not a number JSON allows").format(value=name))


def _parse(raw: bytes) -> Any:
    if not raw.strip():
        raise _Problem(_("it is empty"))
    try:
        text = raw.decode("utf-8-sig")  # a byte order mark from a Windows editor is fine
    except UnicodeDecodeError as exc:
        raise _Problem(
            _("it is not UTF-8 text (invalid byte at position {position})").format(
                position=exc.start
            )
        ) from None
    try:
        return json.loads(text, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constants)
    except json.JSONDecodeError as exc:
        raise _Problem(
            _("it is not valid JSON (error at line {line}, column {column})").format(
                line=exc.lineno, column=exc.colno
            )
        ) from None
    except RecursionError:
        raise _Problem(_("it is nested too deeply to be a workshop file")) from None
    except ValueError:
        # e.g. an integer with more digits than Python converts
        raise _Problem(_("it contains a number that is far too large")) from None


def check_document(document: Any) -> None:
    """Format, version, schema and references; raises ``_Problem`` or ``SchemaViolation``."""
    if not isinstance(document, dict):
        raise _Problem(
            _("it does not contain a workshop (expected a JSON object, found {kind})").format(
                kind=describe_kind(kind_of(document))
            )
        )
    if document.get("format") != FORMAT:
        raise _Problem(_("it is not a Værdidialog workshop file"))
    version = document.get("version")
    if kind_of(version) == "integer" and version != VERSION:
        if version > VERSION:
            raise _Problem(
                _(
                    "it was made by a newer Værdidialog (file version {found}; this one reads "
                    "version {supported}). Update Værdidialog to import it"
                ).format(found=version, supported=VERSION)
            )
        raise _Problem(
            _("it has file version {found}, which this Værdidialog cannot read").format(
                found=version
            )
        )
    validate(document, workshop_file_schema())
    check_references(document["workshop"])


def _unique_ids(items: list[dict], key: str, where: str) -> set[str]:
    seen: set[str] = set()
    for item in items:
        if item[key] in seen:
            raise _Problem(
                _("the id {id} appears twice in {where}").format(id=item[key], where=place(where))
            )
        seen.add(item[key])
    return seen


def _points(where: str, target: str | None, known: set[str], message: str) -> None:
    if target is not None and target not in known:
        raise _Problem(message.format(where=place(where)))


def check_references(workshop: dict) -> None:
    """Every id a record points to must be in the file: nothing may dangle."""
    participants = _unique_ids(workshop["participants"], "id", "workshop.participants")
    values = _unique_ids(workshop["values"], "id", "workshop.values")
    steps = _unique_ids(workshop["steps"], "id", "workshop.steps")
    _unique_ids(workshop["notes"], "id", "workshop.notes")
    _unique_ids(workshop["commitments"], "id", "workshop.commitments")
    sections = workshop["foundation"]["sections"]
    with_section = _unique_ids(sections, "value_id", "workshop.foundation.sections")

    to_step = _("{where} points to a step that is not in the file")
    to_value = _("{where} points to a value that is not in the file")
    to_participant = _("{where} points to a participant that is not in the file")
    _points("workshop.current_step_id", workshop["current_step_id"], steps, to_step)
    exercises = load_library().exercises
    for i, step in enumerate(workshop["steps"]):
        _points(f"workshop.steps[{i}].value_id", step["value_id"], values, to_value)
        if step["exercise_id"] not in exercises:
            raise _Problem(
                _(
                    "{where} names the exercise “{id}”, which this version of Værdidialog "
                    "does not know"
                ).format(
                    where=place(f"workshop.steps[{i}].exercise_id"), id=step["exercise_id"][:40]
                )
            )
    for i, note in enumerate(workshop["notes"]):
        _points(f"workshop.notes[{i}].step_id", note["step_id"], steps, to_step)
        _points(f"workshop.notes[{i}].value_id", note["value_id"], values, to_value)
        _points(f"workshop.notes[{i}].author_id", note["author_id"], participants, to_participant)
    for i, section in enumerate(sections):
        _points(
            f"workshop.foundation.sections[{i}].value_id", section["value_id"], values, to_value
        )
    for i, commitment in enumerate(workshop["commitments"]):
        _points(f"workshop.commitments[{i}].value_id", commitment["value_id"], values, to_value)
    for value in workshop["values"]:
        if value["id"] not in with_section:
            raise _Problem(
                _("the value “{name}” has no section in {where}").format(
                    name=value["name"][:40], where=place("workshop.foundation.sections")
                )
            )
