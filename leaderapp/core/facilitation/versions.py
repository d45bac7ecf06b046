"""The foundation's versions, cover details and logo (a mixin of ``Workspace``).

A kept version is the whole foundation and its commitments as JSON, so it can be
compared with a later version or with the current text long after the values or
commitments it names were changed or deleted. ``compare_contents`` is pure: it
takes two such contents and says, per section and field, what was added,
removed or changed, with a word-level diff of changed text.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from leaderapp.core.changes import Changes
from leaderapp.core.i18n import _
from leaderapp.core.model import (
    Commitment,
    Foundation,
    FoundationVersion,
    ValidationError,
    Value,
    new_id,
    now_iso,
    storable,
)
from leaderapp.core.storage import rows

if TYPE_CHECKING:
    from leaderapp.core.workspace import Workspace

CONTENT_FORMAT = 1
MAX_LOGO_BYTES = 5 * 1024 * 1024
MAX_LOGO_SIDE = 10_000  # pixels: a bigger image is a mistake (or a decompression bomb)
MAX_VERSION_LENGTH = 60
MAX_INVOLVEMENT_LENGTH = 500
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_JPEG_MAGIC = b"\xff\xd8\xff"
_UNSET: Any = object()


# ------------------------------------------------------------------- the logo
def logo_type(data: bytes) -> str:
    """The MIME type of a logo that is a PNG or JPEG image which really decodes;
    ``ValidationError`` with a translated message otherwise."""
    if len(data) > MAX_LOGO_BYTES:
        raise ValidationError(
            _("The logo is too large ({size} MB); use an image of at most {limit} MB.").format(
                size=f"{len(data) / 1024 / 1024:.1f}".replace(".", ","),
                limit=MAX_LOGO_BYTES // 1024 // 1024,
            )
        )
    if data.startswith(_PNG_MAGIC):
        mime, fmt = "image/png", "PNG"
    elif data.startswith(_JPEG_MAGIC):
        mime, fmt = "image/jpeg", "JPEG"
    else:
        raise ValidationError(_("The logo must be a PNG or JPEG image."))
    from PIL import Image  # reportlab needs Pillow for images anyway

    try:
        with Image.open(io.BytesIO(data), formats=[fmt]) as image:
            width, height = image.size
            if max(width, height) > MAX_LOGO_SIDE or min(width, height) < 1:
                raise ValidationError(
                    _(
                        "The logo is {width} × {height} pixels; use at most {limit} pixels a side."
                    ).format(width=width, height=height, limit=MAX_LOGO_SIDE)
                )
            image.load()  # a truncated or damaged file fails only here
    except ValidationError:
        raise
    except Exception as exc:  # Pillow raises many kinds for a damaged file
        raise ValidationError(
            _("The logo could not be read: the image file is damaged or incomplete.")
        ) from exc
    return mime


# ------------------------------------------------------------- version content
def foundation_content(
    foundation: Foundation, values: Sequence[Value], commitments: Sequence[Commitment]
) -> dict:
    """The foundation and its commitments as plain JSON-able data, names included."""
    names = {v.id: v.name for v in values}
    order = {v.id: v.position for v in values}
    sections = sorted(foundation.sections, key=lambda s: order.get(s.value_id, 0))
    return {
        "format": CONTENT_FORMAT,
        "title": foundation.title,
        "introduction": foundation.introduction,
        "version": foundation.version,
        "version_date": foundation.version_date.isoformat() if foundation.version_date else None,
        "involvement": foundation.involvement,
        "sections": [
            {
                "value_id": s.value_id,
                "value_name": names.get(s.value_id, ""),
                "heading": s.heading,
                "principles": list(s.principles),
                "expect_of_us": s.expect_of_us,
                "expect_of_you": s.expect_of_you,
            }
            for s in sections
        ],
        "commitments": [
            {
                "id": c.id,
                "action": c.action,
                "owner": c.owner,
                "due_date": c.due_date.isoformat() if c.due_date else None,
                "status": str(c.status),
                "value_name": names.get(c.value_id or "", ""),
            }
            for c in commitments
        ],
    }


@dataclass(frozen=True)
class VersionChange:
    """One difference between two versions.

    ``kind`` is "added", "removed" or "changed"; ``where`` names the place in the
    document ("Introduction", "Dialog – Principles", "Commitment: …"); ``old`` and
    ``new`` are the texts (one empty for an addition or removal); ``words`` is a
    word-level diff of a change: (op, text) with op "=", "+" or "-"."""

    kind: str
    where: str
    old: str = ""
    new: str = ""
    words: tuple[tuple[str, str], ...] = ()

    def marked(self) -> str:
        """The change as plain text: removed words as [−…], added as [+…]."""
        if self.kind == "added":
            return f"+ {self.new}"
        if self.kind == "removed":
            return f"− {self.old}"
        parts = []
        for op, text in self.words:
            if op == "=":
                parts.append(text)
            elif op == "-":
                parts.append(f"[−{text}]")
            else:
                parts.append(f"[+{text}]")
        return " ".join(parts)


_TOKENS = re.compile(r"\S+")


def word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    """The words of ``old`` and ``new`` as runs kept ("="), removed ("-"), added ("+")."""
    import difflib  # only when comparing: this module is imported at start

    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    result: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            result.append(("=", " ".join(a[i1:i2])))
        else:
            if i2 > i1:
                result.append(("-", " ".join(a[i1:i2])))
            if j2 > j1:
                result.append(("+", " ".join(b[j1:j2])))
    return tuple(result)


def _text_change(where: str, old: str, new: str) -> list[VersionChange]:
    old, new = (old or "").strip(), (new or "").strip()
    if old == new:
        return []
    if not old:
        return [VersionChange("added", where, new=new)]
    if not new:
        return [VersionChange("removed", where, old=old)]
    return [VersionChange("changed", where, old, new, word_diff(old, new))]


def _list_changes(where: str, old: Sequence[str], new: Sequence[str]) -> list[VersionChange]:
    """Items of a list (principles) added, removed or reworded, in the new order."""
    changes: list[VersionChange] = []
    import difflib

    matcher = difflib.SequenceMatcher(None, list(old), list(new), autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        gone, came = list(old[i1:i2]), list(new[j1:j2])
        # A replaced item that still reads much the same is a rewording; else out and in.
        if (
            op == "replace"
            and len(gone) == len(came)
            and all(_similar(a, b) for a, b in zip(gone, came, strict=True))
        ):
            for a, b in zip(gone, came, strict=True):
                changes.extend(_text_change(where, a, b))
            continue
        changes.extend(VersionChange("removed", where, old=t) for t in gone if t.strip())
        changes.extend(VersionChange("added", where, new=t) for t in came if t.strip())
    return changes


def _similar(a: str, b: str) -> bool:
    import difflib

    words = difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False)
    return words.ratio() >= 0.5


def _section_name(section: dict) -> str:
    return section.get("value_name") or section.get("heading") or "?"


def compare_contents(old: dict, new: dict) -> list[VersionChange]:
    """What changed from ``old`` to ``new`` (two ``foundation_content`` results)."""
    changes: list[VersionChange] = []
    changes += _text_change(_("Title"), old.get("title", ""), new.get("title", ""))
    changes += _text_change(
        _("Introduction"), old.get("introduction", ""), new.get("introduction", "")
    )
    changes += _text_change(
        _("Employee involvement"), old.get("involvement", ""), new.get("involvement", "")
    )
    old_sections = {s["value_id"]: s for s in old.get("sections", [])}
    new_ids = [s["value_id"] for s in new.get("sections", [])]
    for section in old.get("sections", []):
        if section["value_id"] not in new_ids:
            text = _section_text(section)
            changes.append(VersionChange("removed", _section_name(section), old=text))
    for section in new.get("sections", []):
        before = old_sections.get(section["value_id"])
        name = _section_name(section)
        if before is None:
            changes.append(VersionChange("added", name, new=_section_text(section)))
            continue
        heading, principles = _("Heading"), _("Principles")
        changes += _text_change(
            f"{name} – {heading}", before.get("heading", ""), section.get("heading", "")
        )
        changes += _list_changes(
            f"{name} – {principles}",
            before.get("principles", []),
            section.get("principles", []),
        )
        for field, label in (
            ("expect_of_us", _("What you can expect of us")),
            ("expect_of_you", _("What we expect of you")),
        ):
            where = f"{name} – {label}"
            changes += _text_change(where, before.get(field, ""), section.get(field, ""))
    changes += _commitment_changes(old.get("commitments", []), new.get("commitments", []))
    return changes


def _section_text(section: dict) -> str:
    parts = [section.get("heading", ""), *section.get("principles", [])]
    parts += [section.get("expect_of_us", ""), section.get("expect_of_you", "")]
    return "\n".join(p for p in parts if p.strip())


def _commitment_line(c: dict) -> str:
    details = [c.get("owner") or "", c.get("due_date") or ""]
    shown = ", ".join(d for d in details if d)
    action = " ".join((c.get("action") or "").split())
    return f"{action} ({shown})" if shown else action


def _commitment_changes(old: list[dict], new: list[dict]) -> list[VersionChange]:
    where = _("Commitments")
    before = {c["id"]: c for c in old}
    now_ids = {c["id"] for c in new}
    changes = [
        VersionChange("removed", where, old=_commitment_line(c))
        for c in old
        if c["id"] not in now_ids and _commitment_line(c)
    ]
    for c in new:
        previous = before.get(c["id"])
        if previous is None:
            if _commitment_line(c):
                changes.append(VersionChange("added", where, new=_commitment_line(c)))
        elif _commitment_line(previous) != _commitment_line(c):
            changes += _text_change(where, _commitment_line(previous), _commitment_line(c))
    return changes


def describe_changes(changes: Sequence[VersionChange]) -> str:
    """The changes as plain text to read on screen: grouped by place, each line
    marked with a sign and a word, so nothing depends on colour."""
    if not changes:
        return _("No changes.")
    words = {"added": _("Added"), "removed": _("Removed"), "changed": _("Changed")}
    signs = {"added": "+", "removed": "−", "changed": "~"}
    lines: list[str] = []
    where = None
    for change in changes:
        if change.where != where:
            if lines:
                lines.append("")
            lines.append(change.where)
            where = change.where
        if change.kind == "changed":
            text = change.marked()
        else:
            text = change.new if change.kind == "added" else change.old
        text = text.replace("\n", "\n      ")
        lines.append(f"  {signs[change.kind]} {words[change.kind]}: {text}")
    if any(c.kind == "changed" for c in changes):
        lines += ["", _("In changed text, [−…] marks removed words and [+…] added words.")]
    return "\n".join(lines)


# ----------------------------------------------------------------- the mixin
class VersionsMixin:
    """Mixed into ``leaderapp.core.workspace.Workspace``; uses its helpers."""

    def set_cover_details(
        self: Workspace,
        workshop_id: str,
        *,
        version: str | None = None,
        version_date: date | None = _UNSET,
        involvement: str | None = None,
    ) -> Changes:
        """The version's name ("1.0"), its date (``None`` clears it) and the line on
        how employees were involved; arguments left out stay as they are."""
        updates: dict = {}
        if version is not None:
            updates["version"] = _one_line(version, _("The version"), MAX_VERSION_LENGTH)
        if version_date is not _UNSET:
            if version_date is not None and not isinstance(version_date, date):
                raise ValidationError(_("The version date is not a date."))
            updates["version_date"] = version_date.isoformat() if version_date else None
        if involvement is not None:
            updates["involvement"] = _one_line(
                involvement, _("The line on employee involvement"), MAX_INVOLVEMENT_LENGTH
            )
        self._row("foundation", workshop_id)
        if not updates:
            return Changes(workshop_id=workshop_id)
        with self.db.atomic():
            self.db["foundation"].update(workshop_id, updates)
            self._touch(workshop_id)
        return Changes(workshop_id=workshop_id, foundation=True, versions=True)

    def set_logo(self: Workspace, workshop_id: str, data: bytes | None) -> Changes:
        """Put a PNG or JPEG logo on the cover (validated), or remove it (``None``)."""
        mime = logo_type(bytes(data)) if data is not None else None
        self._row("foundation", workshop_id)
        with self.db.atomic():
            self.db["foundation"].update(
                workshop_id, {"logo": bytes(data) if data else None, "logo_type": mime}
            )
            self._touch(workshop_id)
        return Changes(workshop_id=workshop_id, foundation=True, versions=True)

    def version_content(self: Workspace, workshop_id: str) -> dict:
        """The current foundation and commitments as a version would keep them."""
        return foundation_content(
            self.foundation(workshop_id), self.values(workshop_id), self.commitments(workshop_id)
        )

    def save_version(self: Workspace, workshop_id: str) -> Changes:
        """Keep the current foundation as a version (its name and date from the
        cover details); earlier versions stay. ``created_id`` is the new version."""
        foundation = self.foundation(workshop_id)
        label = foundation.version.strip()
        if not label:
            raise ValidationError(_("Give the version a name or number first (for example 1.0)."))
        if any(v.version == label for v in self.versions(workshop_id)):
            raise ValidationError(
                _("A version called “{version}” is kept already; give this one a new name.").format(
                    version=label
                )
            )
        content = self.version_content(workshop_id)
        version_date = foundation.version_date or date.today()
        version_id = new_id()
        with self.db.atomic():
            self.db["foundation_version"].insert(
                {
                    "id": version_id,
                    "workshop_id": workshop_id,
                    "version": label,
                    "version_date": version_date.isoformat(),
                    "created_at": now_iso(),
                    "content": json.dumps(content, ensure_ascii=False),
                }
            )
            self._touch(workshop_id)
        return Changes(workshop_id=workshop_id, versions=True, created_id=version_id)

    def versions(self: Workspace, workshop_id: str) -> list[FoundationVersion]:
        """The kept versions, oldest first."""
        return [
            rows.foundation_version(r)
            for r in self._rows(
                "SELECT * FROM foundation_version WHERE workshop_id = ? ORDER BY created_at, rowid",
                [workshop_id],
            )
        ]

    def foundation_version(self: Workspace, version_id: str) -> FoundationVersion:
        return rows.foundation_version(self._row("foundation_version", version_id))

    def delete_version(self: Workspace, version_id: str) -> Changes:
        version = self.foundation_version(version_id)
        with self.db.atomic():
            self.db["foundation_version"].delete(version_id)
            self._touch(version.workshop_id)
        return Changes(workshop_id=version.workshop_id, versions=True)

    def restore_version(self: Workspace, version: FoundationVersion) -> Changes:
        """Put a deleted version back as it was (undo of ``save_version``)."""
        self._row("workshop", version.workshop_id)
        row = {
            "id": version.id,
            "workshop_id": version.workshop_id,
            "version": version.version,
            "version_date": version.version_date.isoformat() if version.version_date else None,
            "created_at": version.created_at,
            "content": version.content,
        }
        with self.db.atomic():
            self.db["foundation_version"].insert(row, replace=True)
            self._touch(version.workshop_id)
        return Changes(workshop_id=version.workshop_id, versions=True, created_id=version.id)

    def compare_versions(
        self: Workspace,
        old: FoundationVersion | str,
        new: FoundationVersion | str | None = None,
    ) -> list[VersionChange]:
        """What changed from ``old`` to ``new`` (a kept version or its id; ``new``
        ``None``: the current text of ``old``'s workshop)."""
        if isinstance(old, str):
            old = self.foundation_version(old)
        if isinstance(new, str):
            new = self.foundation_version(new)
        before = json.loads(old.content)
        after = (
            json.loads(new.content) if new is not None else self.version_content(old.workshop_id)
        )
        return compare_contents(before, after)


def _one_line(value: str, what: str, limit: int) -> str:
    text = " ".join(storable(value or "").split())
    if len(text) > limit:
        raise ValidationError(
            _("{field} is too long (at most {n} characters).").format(field=what, n=limit)
        )
    return text
