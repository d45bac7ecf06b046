"""Read a workshop file and check all of it before anything is written.

Order of checks: size, UTF-8, JSON, format and version, the schema (types,
fields, lengths, ids, dates), then the references between records. Each
failure becomes one ``WorkshopFileError`` whose message names the file and
the place in it.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from leaderapp.core.i18n import _
from leaderapp.core.library import load_library
from leaderapp.core.transfer.fileformat import (
    FORMAT,
    MAX_FILE_BYTES,
    READABLE_VERSIONS,
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
    if kind_of(version) == "integer" and version not in READABLE_VERSIONS:
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
    # A version 1 file is checked against its own schema; anything else (a version given
    # as text, say) against the current one, whose message then names the right version.
    validate(document, workshop_file_schema(1 if _same_int(version, 1) else VERSION))
    check_references(document["workshop"])


def _same_int(value: Any, expected: int) -> bool:
    return kind_of(value) == "integer" and value == expected


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
    notes = _unique_ids(workshop["notes"], "id", "workshop.notes")
    _unique_ids(workshop["commitments"], "id", "workshop.commitments")
    # Version 1 files have none of these lists.
    clusters = _unique_ids(workshop.get("clusters", []), "id", "workshop.clusters")
    _unique_ids(workshop.get("votes", []), "id", "workshop.votes")
    _unique_ids(workshop.get("ratings", []), "id", "workshop.ratings")
    _unique_ids(workshop.get("foundation_versions", []), "id", "workshop.foundation_versions")
    sections = workshop["foundation"]["sections"]
    with_section = _unique_ids(sections, "value_id", "workshop.foundation.sections")

    to_step = _("{where} points to a step that is not in the file")
    to_value = _("{where} points to a value that is not in the file")
    to_participant = _("{where} points to a participant that is not in the file")
    to_note = _("{where} points to a note that is not in the file")
    to_cluster = _("{where} points to a cluster that is not in the file")
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
    step_of = {note["id"]: note["step_id"] for note in workshop["notes"]}
    cluster_step = {c["id"]: c["step_id"] for c in workshop.get("clusters", [])}
    for i, cluster in enumerate(workshop.get("clusters", [])):
        _points(f"workshop.clusters[{i}].step_id", cluster["step_id"], steps, to_step)
    for i, note in enumerate(workshop["notes"]):
        where = f"workshop.notes[{i}]"
        _points(f"{where}.step_id", note["step_id"], steps, to_step)
        _points(f"{where}.value_id", note["value_id"], values, to_value)
        _points(f"{where}.author_id", note["author_id"], participants, to_participant)
        parent = note.get("parent_id")
        _points(f"{where}.parent_id", parent, notes, to_note)
        if parent is not None and step_of[parent] != note["step_id"]:
            raise _Problem(
                _("{where} points to a note of another step").format(
                    where=place(f"{where}.parent_id")
                )
            )
        cluster = note.get("cluster_id")
        _points(f"{where}.cluster_id", cluster, clusters, to_cluster)
        if cluster is not None and cluster_step[cluster] != note["step_id"]:
            raise _Problem(
                _("{where} points to a cluster of another step").format(
                    where=place(f"{where}.cluster_id")
                )
            )
    note_order(workshop["notes"])  # refuses notes that are each other's parents
    for i, vote in enumerate(workshop.get("votes", [])):
        where = f"workshop.votes[{i}]"
        _points(f"{where}.step_id", vote["step_id"], steps, to_step)
        _points(f"{where}.note_id", vote["note_id"], notes, to_note)
        _points(f"{where}.participant_id", vote["participant_id"], participants, to_participant)
    for i, rating in enumerate(workshop.get("ratings", [])):
        where = f"workshop.ratings[{i}]"
        _points(f"{where}.step_id", rating["step_id"], steps, to_step)
        _points(f"{where}.participant_id", rating["participant_id"], participants, to_participant)
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
    _check_logo(workshop["foundation"])


def note_order(notes: list[dict]) -> list[dict]:
    """The notes with every parent before its children (the database checks the link
    at once); refuses a loop of parents, which no app could have written."""
    by_id = {n["id"]: n for n in notes}
    placed: set[str] = set()
    ordered: list[dict] = []
    for index, note in enumerate(notes):
        chain: list[dict] = []
        seen: set[str] = set()
        current: dict | None = note
        while current is not None and current["id"] not in placed:
            if current["id"] in seen:
                raise _Problem(
                    _("{where} is part of a loop of notes that belong under each other").format(
                        where=place(f"workshop.notes[{index}].parent_id")
                    )
                )
            seen.add(current["id"])
            chain.append(current)
            parent = current.get("parent_id")
            current = by_id.get(parent) if parent is not None else None
        for item in reversed(chain):
            placed.add(item["id"])
            ordered.append(item)
    return ordered


_LOGO_MAGIC = {"image/png": (b"\x89PNG\r\n\x1a\n",), "image/jpeg": (b"\xff\xd8\xff",)}


def _check_logo(foundation: dict) -> None:
    if "logo" not in foundation:  # version 1
        return
    logo, logo_type = foundation["logo"], foundation["logo_type"]
    if (logo is None) != (logo_type is None):
        raise _Problem(
            _("{where} and its type must both be given, or both be null").format(
                where=place("workshop.foundation.logo")
            )
        )
    if logo is not None:
        data = base64.b64decode(logo)
        if not data.startswith(_LOGO_MAGIC[logo_type]):
            raise _Problem(
                _("{where} is not a {kind} image").format(
                    where=place("workshop.foundation.logo"),
                    kind="PNG" if logo_type == "image/png" else "JPEG",
                )
            )
