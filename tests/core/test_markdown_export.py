"""The foundation as Markdown: same content and order as the PDF and Word
files, and user text that always reads as the words typed, never as markup."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from leaderapp.core.export import ExportError
from leaderapp.core.export.docx import export_docx
from leaderapp.core.export.markdown import escape, export_markdown, inline
from leaderapp.core.export.pdf import export_pdf
from leaderapp.core.i18n import _
from leaderapp.core.workspace import Workspace

from .foundations import (
    COMMITMENTS,
    EXPECT_OF_US,
    HEADINGS,
    INTRODUCTION,
    NOTES,
    PARTICIPANTS,
    PRINCIPLES,
    UNIT,
    long_workshop,
    new_workshop,
    small_workshop,
)

ATTACKS = (
    "[klik her](javascript:alert(1))",
    "![billede](/etc/passwd)",
    "<img src=x onerror=alert(1)>",
    "<http://example.com>",
    "<script>alert(1)</script>",
    "# Ikke en overskrift",
    "- ikke et punkt",
    "+ heller ikke",
    "1. ikke nummereret",
    "2) heller ikke",
    "> ikke et citat",
    "```",
    "~~~",
    "---",
    "===",
    "| ikke | en tabel |",
    "*ikke fed* og __heller ikke__ og `ikke kode` og ~~ikke slettet~~",
    "&amp; og &#169; og C:\\sti\\",
    "[ref]: http://example.com",
)
SPECIALS = set("\\`*_[]<>|~#")


def export(ws: Workspace, wid: str, folder: Path, **kw) -> str:
    target = folder / "grundlag.md"
    assert export_markdown(ws.snapshot(wid), target, **kw) == target
    return target.read_text(encoding="utf-8")


def unescape(text: str) -> str:
    """What a CommonMark reader shows for backslash escapes."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def unescaped_specials(text: str) -> list[str]:
    """Markdown characters in ``text`` that no backslash protects."""
    found, escaped = [], False
    for char in text:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in SPECIALS:
            found.append(char)
    return found


# ------------------------------------------------------------------ content
def test_the_foundation_reads_in_order(workspace, tmp_path, danish):
    text = export(workspace, small_workshop(workspace), tmp_path)
    lines = text.splitlines()

    headings = [line for line in lines if line.startswith("#")]
    voices = [f"### {_('What you can expect of us')}", f"### {_('What we expect of you')}"]
    assert headings == [
        f"# {_('Leadership and values foundation')}",
        f"## {_('Contents')}",
        f"## {_('Introduction')}",
        f"## {HEADINGS[0]}",
        *voices,
        f"## {HEADINGS[1]}",
        *voices,
        f"## {HEADINGS[2]}",
        *voices,
        f"## {_('Our commitments')}",
    ]
    assert f"**{UNIT}**\\" in lines
    assert any(line.startswith(f"**{_('Facilitator')}:** Mette Ærø Sørensen") for line in lines)
    items = [line[2:] for line in lines if line.startswith("- ")]
    assert items[:5] == [_("Introduction"), *HEADINGS, _("Our commitments")]  # contents
    assert items[5:] == list(PRINCIPLES) * 3
    assert lines.count(EXPECT_OF_US) == 3
    for paragraph in INTRODUCTION.split("\n\n"):
        assert paragraph in lines
    # The commitments table: header, rule, one row per commitment.
    table = [line for line in lines if line.startswith("|")]
    header = f"| {_('Action')} | {_('Owner')} | {_('Due date')} | {_('Status')} |"
    assert table[0] == header and table[1] == "|---|---|---|---|"
    assert table[2] == f"| {COMMITMENTS[0]} | {PARTICIPANTS[0]} | 1. feb. 2027 | {_('Planned')} |"
    value = workspace.values(workspace.list_workshops()[0].id)[0].name
    assert table[3].startswith(f"| *{value}*<br>{COMMITMENTS[1]} | {PARTICIPANTS[1]} |  |")
    assert text.endswith("\n") and "\r" not in text


def test_line_breaks_and_paragraphs_survive(workspace, tmp_path):
    wid = new_workshop(workspace)
    workspace.update_foundation(wid, introduction="Første linje\nanden linje\n\nNyt afsnit")
    workspace.add_commitment(wid, "Handling\nanden linje\n\nnyt afsnit", "Ejer")
    text = export(workspace, wid, tmp_path)
    assert "Første linje\\\nanden linje\n\nNyt afsnit\n" in text
    assert "| Handling<br>anden linje<br><br>nyt afsnit | Ejer |" in text


def test_same_sections_in_the_same_order_as_pdf_and_word(workspace, tmp_path, danish):
    wid = long_workshop(workspace)
    snapshot = workspace.snapshot(wid)
    markdown = export(workspace, wid, tmp_path, appendix=True)
    export_pdf(snapshot, tmp_path / "grundlag.pdf", appendix=True)
    export_docx(snapshot, tmp_path / "grundlag.docx", appendix=True)

    md_sections = [line[3:] for line in markdown.splitlines() if line.startswith("## ")]
    pdf_sections = [
        e.title for e in PdfReader(tmp_path / "grundlag.pdf").outline if not isinstance(e, list)
    ]
    word = Document(str(tmp_path / "grundlag.docx"))
    word_sections = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert md_sections[0] == _("Contents")
    assert md_sections[1:] == pdf_sections == word_sections
    assert len(pdf_sections) == 11  # introduction, eight values, commitments, appendix


def test_appendix_holds_the_notes_by_step_with_their_authors(workspace, tmp_path, danish):
    wid = small_workshop(workspace)
    assert NOTES[0] not in export(workspace, wid, tmp_path)
    text = export(workspace, wid, tmp_path, appendix=True)
    checkin = workspace.step_title(workspace.steps(wid)[0])
    tail = text.split(f"## {_('Appendix: notes from the workshop')}\n\n", 1)[1]
    assert tail.split("\n\n") == [
        f"### {checkin}",
        NOTES[0],
        f"— *{PARTICIPANTS[0]}*",
        NOTES[1],
        f"— *{PARTICIPANTS[1]}*\n",
    ]


# ------------------------------------------------------------ hostile text
def test_user_text_cannot_make_markup(workspace, tmp_path):
    wid = new_workshop(workspace, unit="Enhed *fed* [link](x)")
    value = workspace.values(wid)[0]
    workspace.update_foundation(wid, introduction="\n\n".join(ATTACKS))
    workspace.update_section(
        value.id, heading="Overskrift # med [link](x)", principles=list(ATTACKS)
    )
    for attack in ATTACKS:
        workspace.add_commitment(wid, attack, attack)
    text = export(workspace, wid, tmp_path)
    lines = text.splitlines()

    # Structure is ours alone: headings, list items and table rows we wrote.
    headings = [line for line in lines if re.match(r"#{1,6}( |$)", line)]
    # Title, contents, introduction, three values, commitments.
    assert len(headings) == 1 + 1 + 1 + 3 + 1
    # The contents list's five entries, then the principles.
    assert len([line for line in lines if line.startswith("- ")]) == 5 + len(ATTACKS)
    table = [line for line in lines if line.startswith("|")]
    assert len(table) == 2 + len(ATTACKS)
    for row in table[2:]:
        cells = re.split(r"(?<!\\)\|", row)
        assert len(cells) == 6  # four cells between five unescaped pipes
    for line in lines:
        # No block starts from user text: quotes, lists, code fences, rules, numbering.
        assert not re.match(r"(>|\+ |\* |\d+[.)]|```|~~~|---|===|\[ref\]:)", line), line
    # Every attack is shown exactly as typed, with nothing left unescaped.
    body = "\n".join(lines)
    for attack in ATTACKS:
        assert escape(attack) in body or inline(attack) in body
        assert unescape(inline(attack)) == attack
        assert unescaped_specials(inline(attack)) == []
    assert "Enhed \\*fed\\* \\[link\\](x)" in body


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(string.printable[:-5] + "æøåŁ🙂"), max_size=80))
def test_escaped_text_shows_exactly_what_was_typed(text):
    text = text.replace("\n", " ").replace("\r", " ")
    for escaped in (escape(text), inline(text)):
        assert unescape(escaped) == text
        assert unescaped_specials(escaped) == []
        # No character reference survives: "&amp;" stays five characters.
        assert not re.search(r"(?<!\\)&#?\w+;", escaped)
    at_start = escape(text)
    assert not re.match(r"[-+=>]|\d{1,9}[.)]", at_start)


# ---------------------------------------------------------------- failures
def test_a_missing_folder_gives_a_message_and_no_file(workspace, tmp_path):
    target = tmp_path / "findes-ikke" / "grundlag.md"
    with pytest.raises(ExportError) as caught:
        export_markdown(workspace.snapshot(small_workshop(workspace)), target)
    assert str(target) in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_progress_runs_from_zero_to_one_and_can_cancel(workspace, tmp_path):
    snapshot = workspace.snapshot(small_workshop(workspace))
    seen: list[float] = []
    export_markdown(snapshot, tmp_path / "a.md", progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen)

    target = tmp_path / "b.md"
    target.write_text("forrige udgave")

    def cancel(fraction: float) -> None:
        if fraction > 0.3:
            raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError):
        export_markdown(snapshot, target, progress=cancel)
    assert target.read_text() == "forrige udgave"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.md"]
