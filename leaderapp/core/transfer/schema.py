"""A tiny JSON Schema walker for the subset the workshop file's schema uses.

The shipped schema (``resources/schema/workshop-file.schema.json``) is the one
description of the format: other tools can validate against it, and the app
enforces the same file here, with translated messages, without a new
dependency. Unlike a default draft 2020-12 validator, ``format`` (uuid, date,
date-time) is asserted, not just annotated.
"""

from __future__ import annotations

import base64
import binascii
import functools
import json
import uuid
from datetime import date, datetime
from typing import Any

from leaderapp.core.i18n import N_, _
from leaderapp.core.resources import resource_path

# Keywords that only describe; the walker may ignore them.
ANNOTATIONS = frozenset({"$schema", "$id", "$comment", "$defs", "title", "description"})
# Keywords the walker enforces. Anything else in the schema is an error in the schema.
ASSERTIONS = frozenset(
    {
        "$ref",
        "type",
        "const",
        "enum",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "format",
    }
)

_KINDS = {
    "string": N_("text"),
    "integer": N_("a whole number"),
    "boolean": N_("true or false"),
    "null": N_("null"),
    "array": N_("a list"),
    "object": N_("an object"),
    "number": N_("a decimal number"),
}


class SchemaViolation(ValueError):
    """Where the document breaks the schema (``where``) and a translated account of how."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(message)
        self.where = where


# The schema of each file version the app reads; the current one has the plain name.
_SCHEMA_FILES = {1: "workshop-file-1.schema.json", 2: "workshop-file.schema.json"}


@functools.cache
def workshop_file_schema(version: int = 2) -> dict:
    """The JSON Schema of a file version (default: the version the app writes)."""
    with resource_path("schema", _SCHEMA_FILES[version]).open(encoding="utf-8") as fp:
        return json.load(fp)


def kind_of(value: Any) -> str:
    """The JSON type name of a parsed value (``bool`` is not an integer here)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def describe_kind(kind: str) -> str:
    return _(_KINDS[kind]) if kind in _KINDS else kind


def validate(document: Any, schema: dict) -> None:
    """Raise ``SchemaViolation`` at the first place ``document`` breaks ``schema``."""
    _walk(document, schema, schema, "")


def place(where: str) -> str:
    """How a message names a place: the field's path, or the file itself at the top."""
    return _("the field “{path}”").format(path=where) if where else _("the file")


def _same(value: Any, expected: Any) -> bool:
    return value == expected and kind_of(value) == kind_of(expected)


def _short(text: str, limit: int = 40) -> str:
    """A name from the file, cut so that a hostile one cannot flood the message."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _child(where: str, field: str) -> str:
    return f"{where}.{field}" if where else field


def _resolve(root: dict, ref: str) -> dict:
    if not ref.startswith("#/"):
        raise ValueError(f"only local $ref is supported, not {ref!r}")
    node: Any = root
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def _walk(value: Any, schema: dict, root: dict, where: str) -> None:
    unknown = set(schema) - ASSERTIONS - ANNOTATIONS
    if unknown:
        raise ValueError(f"schema keywords not supported by the walker: {sorted(unknown)}")
    if "$ref" in schema:
        _walk(value, _resolve(root, schema["$ref"]), root, where)
    if "const" in schema and not _same(value, schema["const"]):
        raise SchemaViolation(
            where,
            _("{where} must be {value}").format(
                where=place(where), value=json.dumps(schema["const"], ensure_ascii=False)
            ),
        )
    if "enum" in schema and not any(_same(value, choice) for choice in schema["enum"]):
        raise SchemaViolation(
            where,
            _("{where} must be one of {choices}").format(
                where=place(where), choices=", ".join(json.dumps(c) for c in schema["enum"])
            ),
        )
    if "type" in schema:
        kinds = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if kind_of(value) not in kinds:
            raise SchemaViolation(
                where,
                _("{where} must be {kind}, not {found}").format(
                    where=place(where),
                    kind=_(" or ").join(describe_kind(k) for k in kinds),
                    found=describe_kind(kind_of(value)),
                ),
            )
    if isinstance(value, str):
        _check_string(value, schema, where)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        _check_number(value, schema, where)
    elif isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            _walk(item, schema["items"], root, f"{where}[{index}]")
    elif isinstance(value, dict):
        _check_object(value, schema, root, where)


def _check_string(value: str, schema: dict, where: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate from a "\ud800" escape: not text any database can store.
        raise SchemaViolation(
            where,
            _("{where} contains characters that are not valid text").format(where=place(where)),
        ) from None
    if len(value) < schema.get("minLength", 0):
        raise SchemaViolation(where, _("{where} must not be empty").format(where=place(where)))
    if "maxLength" in schema and len(value) > schema["maxLength"]:
        raise SchemaViolation(
            where,
            _("{where} is too long (at most {n} characters)").format(
                where=place(where), n=schema["maxLength"]
            ),
        )
    fmt = schema.get("format")
    if fmt and not _FORMATS[fmt][0](value):
        raise SchemaViolation(where, _(_FORMATS[fmt][1]).format(where=place(where)))


def _check_number(value: float, schema: dict, where: str) -> None:
    low, high = schema.get("minimum"), schema.get("maximum")
    if (low is not None and value < low) or (high is not None and value > high):
        if low is not None and high is not None:
            message = _("{where} must be between {low} and {high}")
        elif low is not None:
            message = _("{where} must be at least {low}")
        else:
            message = _("{where} must be at most {high}")
        raise SchemaViolation(where, message.format(where=place(where), low=low, high=high))


def _check_object(value: dict, schema: dict, root: dict, where: str) -> None:
    for field in schema.get("required", []):
        if field not in value:
            raise SchemaViolation(
                where,
                _("{where} is missing the field “{field}”").format(where=place(where), field=field),
            )
    properties = schema.get("properties", {})
    if schema.get("additionalProperties", True) is False:
        for field in value:
            if field not in properties:
                raise SchemaViolation(
                    where,
                    _("{where} has an unknown field “{field}”").format(
                        where=place(where), field=_short(field)
                    ),
                )
    for field, subschema in properties.items():
        if field in value:
            _walk(value[field], subschema, root, _child(where, field))


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text  # the canonical lower-case form only
    except ValueError:
        return False


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _is_base64(text: str) -> bool:
    try:
        base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


def _is_timestamp(text: str) -> bool:
    try:
        stamp = datetime.fromisoformat(text)
    except ValueError:
        return False
    return stamp.tzinfo is not None


_FORMATS = {
    "uuid": (_is_uuid, N_("{where} is not a valid id (a UUID)")),
    "date": (_is_date, N_("{where} is not a date (use YYYY-MM-DD)")),
    "base64": (_is_base64, N_("{where} is not base64-encoded data")),
    "date-time": (
        _is_timestamp,
        N_("{where} is not a timestamp with a time zone (ISO 8601)"),
    ),
}
