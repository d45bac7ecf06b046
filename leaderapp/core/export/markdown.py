"""The foundation as Markdown (CommonMark with a GitHub-style table).

Same content and order as the PDF (``document.build_outline``). User text is
escaped so that it always reads as the words typed: it cannot start a heading,
list, quote or code block, nor make emphasis, links, images, HTML or table
cells. Only characters that mean something where they stand are escaped, so
the file stays readable as plain text ("kl. 8.15" stays as it is).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from leaderapp.core.export.atomic import atomic_output
from leaderapp.core.export.document import (
    AppendixSection,
    ChartsSection,
    CommitmentsSection,
    FoundationOutline,
    Introduction,
    Prose,
    Section,
    ValueSection,
    build_outline,
)
from leaderapp.core.model import WorkshopSnapshot

ProgressCallback = Callable[[float], None]

# Anywhere in a line: emphasis, code, links and images, autolinks and HTML,
# strikethrough, table cells, headings' closing #s, and the escape itself.
_INLINE = re.compile(r"([\\`*_\[\]<>~|#])")
# "&amp;" or "&#169;" would show as "&" and "©"; a lone "&" is left alone.
_REFERENCE = re.compile(r"&(?=#?\w+;)")
# At the start of a line (after up to three spaces, which prose never has):
# block quotes, lists, thematic breaks and setext underlines.
_LINE_START = re.compile(r"^([-+=>])")
# "1. " or "1) " would start a numbered list.
_NUMBERED = re.compile(r"^(\d{1,9})([.)])")


def escape(text: str, *, line_start: bool = True) -> str:
    """One line of user text as Markdown that shows exactly that text;
    ``line_start`` when it begins a line (or a list item), where more can happen."""
    text = _INLINE.sub(r"\\\1", text)
    text = _REFERENCE.sub(r"\\&", text)
    if not line_start:
        return text
    text = _NUMBERED.sub(r"\1\\\2", text)
    return _LINE_START.sub(r"\\\1", text)


def inline(text: str) -> str:
    """User text after other text on its line (a label, a heading's #s, a cell)."""
    return escape(text, line_start=False)


def lines(paragraph: tuple[str, ...]) -> str:
    """A paragraph's lines, joined by hard line breaks (a backslash at line end)."""
    return "\\\n".join(escape(line) for line in paragraph if line) or ""


def paragraphs(prose: Prose) -> list[str]:
    return [text for lines_ in prose if (text := lines(lines_))]


def render(outline: FoundationOutline) -> str:
    """The whole foundation as one Markdown text."""
    blocks: list[str] = []
    cover = outline.cover
    blocks.append(f"# {inline(cover.title)}")
    first = [f"**{inline(cover.unit)}**"] if cover.unit else []
    if cover.organisation:
        first.append(escape(cover.organisation))
    if first:
        blocks.append("\\\n".join(first))
    for fact in cover.facts:
        blocks.append(f"**{inline(fact.label)}:** {inline(fact.text)}")
    if outline.contents:
        blocks.append(f"## {inline(outline.contents_title)}")
        blocks.append("\n".join(f"- {escape(entry.title)}" for entry in outline.contents))
    for section in outline.sections:
        blocks.extend(render_section(section))
    return "\n\n".join(blocks) + "\n"


def render_section(section: Section) -> list[str]:
    if isinstance(section, Introduction):
        return [f"## {inline(section.title)}", *paragraphs(section.prose)]
    if isinstance(section, ValueSection):
        return _value(section)
    if isinstance(section, ChartsSection):
        return _charts(section)
    if isinstance(section, CommitmentsSection):
        return _commitments(section)
    if isinstance(section, AppendixSection):
        return _appendix(section)
    raise TypeError(f"unknown section {section!r}")


def _value(section: ValueSection) -> list[str]:
    blocks = []
    if section.label:
        blocks.append(f"*{inline(section.label)}*")
    blocks.append(f"## {inline(section.title)}")
    items = []
    for principle in section.principles:
        first, *rest = paragraphs(principle)
        # Further paragraphs of one principle belong to its list item (indented).
        more = "".join("\n\n" + _indent(text, "  ") for text in rest)
        items.append(f"- {_indent(first, '  ', first_line=False)}{more}")
    if items:
        blocks.append("\n".join(items))
    for voice in section.voices:
        blocks.append(f"### {inline(voice.title)}")
        blocks.extend(paragraphs(voice.prose))
    return blocks


def _charts(section: ChartsSection) -> list[str]:
    """Markdown has no pictures of its own here: each chart is its table of numbers."""
    blocks = [f"## {inline(section.title)}", escape(section.intro)]
    for chart in (*section.radars, *section.polarities):
        numbers = chart.numbers
        blocks.append(f"### {inline(chart.title)}")
        header = "| " + " | ".join(inline(c) for c in numbers.header) + " |"
        rule = "|" + "|".join("---" for _ in numbers.header) + "|"
        rows = ["| " + " | ".join(inline(c) for c in row) + " |" for row in numbers.rows]
        blocks.append("\n".join([header, rule, *rows]))
        blocks.append(f"*{inline(numbers.caption)}*")
    return blocks


def _commitments(section: CommitmentsSection) -> list[str]:
    header = "| " + " | ".join(inline(c) for c in section.columns) + " |"
    rule = "|" + "|".join("---" for _ in section.columns) + "|"
    rows = []
    for row in section.rows:
        # A cell is one line: its line and paragraph breaks become <br>.
        action = "<br><br>".join("<br>".join(map(inline, lines_)) for lines_ in row.action)
        if row.value_name:
            name = inline(row.value_name)
            action = f"*{name}*<br>{action}" if action else name
        cells = [action, inline(row.owner), inline(row.due), inline(row.status)]
        rows.append("| " + " | ".join(cells) + " |")
    return [f"## {inline(section.title)}", "\n".join([header, rule, *rows])]


def _appendix(section: AppendixSection) -> list[str]:
    blocks = [f"## {inline(section.title)}"]
    for group in section.groups:
        blocks.append(f"### {inline(group.title)}")
        for note in group.notes:
            blocks.extend(paragraphs(note.prose))
            if note.author:
                blocks.append(f"— *{inline(note.author)}*")
    return blocks


def _indent(text: str, prefix: str, *, first_line: bool = True) -> str:
    lines_ = text.split("\n")
    head = (prefix + lines_[0]) if first_line else lines_[0]
    return "\n".join([head, *(prefix + line for line in lines_[1:])])


def export_markdown(
    snapshot: WorkshopSnapshot,
    target: Path,
    *,
    progress: ProgressCallback | None = None,
    appendix: bool = False,
) -> Path:
    """Write the foundation of ``snapshot`` as Markdown (UTF-8) to ``target``.

    Behaves like ``export_pdf``: ``progress`` gets 0.0..1.0 and may raise to
    cancel; the target is replaced only by a complete file; failures to write
    raise ``ExportError`` with a translated message.
    """
    target = Path(target)
    report = progress or (lambda fraction: None)
    report(0.0)
    text = render(build_outline(snapshot, appendix=appendix))
    report(0.5)
    with atomic_output(target) as temp:
        temp.write_text(text, encoding="utf-8", newline="\n")
    report(1.0)
    return target
