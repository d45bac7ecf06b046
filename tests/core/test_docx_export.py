"""The foundation as a Word document, read back with python-docx: what a group
finds when it opens the file in Word to keep editing."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from leaderapp.core.export import ExportError, atomic
from leaderapp.core.export.docx import export_docx
from leaderapp.core.i18n import _
from leaderapp.core.workspace import Workspace

from .foundations import (
    COMMITMENTS,
    EXPECT_OF_US,
    EXPECT_OF_YOU,
    HEADINGS,
    NOTES,
    PARTICIPANTS,
    PRINCIPLES,
    UNIT,
    long_workshop,
    new_workshop,
    small_workshop,
)

HOSTILE = (
    'Fed <b> & <img src="/etc/passwd"/> <w:t>x</w:t> ]]> &amp; '
    '<a href="file:///etc/passwd">x</a> {PAGE} 🙂'
)


def export(ws: Workspace, wid: str, folder: Path, **kw):
    target = folder / "grundlag.docx"
    assert export_docx(ws.snapshot(wid), target, **kw) == target
    return Document(str(target))


def texts(doc, style: str) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == style]


def all_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


# ------------------------------------------------------------------ content
def test_the_foundation_has_word_headings_bullets_and_a_table(workspace, tmp_path, danish):
    doc = export(workspace, small_workshop(workspace), tmp_path)

    # Heading styles: Word's navigation pane lists exactly these, in reading order.
    assert texts(doc, "Heading 1") == [_("Introduction"), *HEADINGS, _("Our commitments")]
    voices = [_("What you can expect of us"), _("What we expect of you")]
    assert texts(doc, "Heading 2") == voices * 3
    assert texts(doc, "List Bullet") == list(PRINCIPLES) * 3
    body = texts(doc, "Normal")
    assert body.count(EXPECT_OF_US) == 3 and body.count(EXPECT_OF_YOU) == 3
    # The cover: unit as the title, the facts below it.
    cover = "\n".join(p.text for p in doc.paragraphs[:12])
    assert UNIT in texts(doc, "Title")
    for expected in ("Region Midtjylland", "Mette Ærø Sørensen", "1. december 2026", *PARTICIPANTS):
        assert expected in cover, expected
    # The body, here the contents list, starts on the page after the cover.
    breaks = [p for p in doc.paragraphs if p.paragraph_format.page_break_before]
    assert breaks[0].text == _("Contents") and breaks[0].style.name == "Contents Title"

    [table] = doc.tables
    assert [c.text for c in table.rows[0].cells] == [
        _("Action"),
        _("Owner"),
        _("Due date"),
        _("Status"),
    ]
    assert COMMITMENTS[0] in table.rows[1].cells[0].text
    assert table.rows[1].cells[1].text == PARTICIPANTS[0]
    assert table.rows[1].cells[2].text == "1.\u00a0feb.\u00a02027"
    # The value a commitment belongs to stands above its action.
    value = workspace.values(workspace.list_workshops()[0].id)[0].name
    assert table.rows[2].cells[0].text.split("\n") == [value, COMMITMENTS[1]]


def test_the_table_header_repeats_and_rows_stay_whole(workspace, tmp_path):
    doc = export(workspace, small_workshop(workspace), tmp_path)
    [table] = doc.tables
    header = table.rows[0]._tr.trPr
    assert header.find(qn("w:tblHeader")) is not None
    for row in table.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    for row in table.rows[1:]:
        assert row._tr.trPr.find(qn("w:tblHeader")) is None


def test_a4_pages_with_the_unit_and_page_numbers_in_the_footer(workspace, tmp_path, danish):
    doc = export(workspace, small_workshop(workspace), tmp_path)
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.left_margin.mm) == round(section.right_margin.mm) == 22
    # No footer on the cover; every other page: unit, "Side X af Y" as Word fields.
    assert section.different_first_page_header_footer
    footer = section.footer.paragraphs[0]
    instructions = [el.text.strip() for el in footer._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    template = _("Page {page} of {pages}")
    assert footer.text == f"{UNIT}\t" + template.format(page=1, pages=1)


def test_one_font_with_every_letter_and_the_language_set(workspace, tmp_path, danish):
    doc = export(workspace, small_workshop(workspace), tmp_path)
    for name in ("Normal", "Heading 1", "Heading 2", "Title"):
        fonts = doc.styles[name].element.rPr.rFonts
        assert fonts.get(qn("w:ascii")) == "Arial" and fonts.get(qn("w:hAnsi")) == "Arial"
        # A theme font would win over the explicit one in Word.
        assert fonts.get(qn("w:asciiTheme")) is None, name
    language = doc.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert language.get(qn("w:val")) == "da-DK"
    assert doc.settings.element.find(qn("w:autoHyphenation")) is not None
    assert "Łukasz Kowalski" in all_text(doc) and "Şükrü Yılmaz" in all_text(doc)


def test_document_properties_name_the_unit(workspace, tmp_path):
    doc = export(workspace, small_workshop(workspace), tmp_path)
    props = doc.core_properties
    assert UNIT in props.title
    assert props.author == "Region Midtjylland"
    assert "python-docx" not in (props.last_modified_by, props.comments)


def test_sections_follow_the_value_order(workspace, tmp_path):
    wid = small_workshop(workspace)
    workspace.move_value(workspace.values(wid)[2].id, 0)
    headings = texts(export(workspace, wid, tmp_path), "Heading 1")
    assert headings[1:4] == [HEADINGS[2], HEADINGS[0], HEADINGS[1]]


def test_contents_list_links_to_the_headings_when_more_than_four_sections(
    workspace, tmp_path, danish
):
    wid = small_workshop(workspace)
    doc = export(workspace, wid, tmp_path)
    entries = texts(doc, "Contents Entry")
    assert entries == [_("Introduction"), *HEADINGS, _("Our commitments")]
    bookmarks = {b.get(qn("w:name")) for b in doc.element.body.iter(qn("w:bookmarkStart"))}
    anchors = [link.get(qn("w:anchor")) for link in doc.element.body.iter(qn("w:hyperlink"))]
    assert len(anchors) == len(entries) and set(anchors) <= bookmarks

    for commitment in workspace.commitments(wid):
        workspace.delete_commitment(commitment.id)
    doc = export(workspace, wid, tmp_path)  # four sections
    assert texts(doc, "Contents Entry") == [] and texts(doc, "Contents Title") == []


def test_appendix_holds_the_notes_by_step_with_their_authors(workspace, tmp_path, danish):
    wid = small_workshop(workspace)
    without = all_text(export(workspace, wid, tmp_path))
    assert NOTES[0] not in without
    doc = export(workspace, wid, tmp_path, appendix=True)
    checkin = workspace.step_title(workspace.steps(wid)[0])
    title = _("Appendix: notes from the workshop")
    assert texts(doc, "Heading 1")[-1] == title
    heading = next(p for p in doc.paragraphs if p.text == title and p.style.name == "Heading 1")
    assert heading.paragraph_format.page_break_before
    assert texts(doc, "Heading 2")[-1] == checkin
    tail = [p.text for p in doc.paragraphs]
    tail = tail[tail.index(checkin) :]
    assert tail == [
        checkin,
        NOTES[0],
        f"— {PARTICIPANTS[0]}",
        NOTES[1],
        f"— {PARTICIPANTS[1]}",
    ]


def test_lines_and_paragraphs_of_user_text_are_kept(workspace, tmp_path):
    wid = new_workshop(workspace)
    workspace.update_foundation(wid, introduction="Første linje\nanden linje\n\nNyt afsnit")
    doc = export(workspace, wid, tmp_path)
    body = [p for p in doc.paragraphs if p.style.name == "Normal" and p.text]
    assert [p.text for p in body[:2]] == ["Første linje\nanden linje", "Nyt afsnit"]
    assert len(list(body[0]._p.iter(qn("w:br")))) == 1


# ------------------------------------------------------------ hostile text
def test_user_text_stays_text(workspace, tmp_path):
    wid = new_workshop(workspace, unit="Enhed <b> & co")
    value = workspace.values(wid)[0]
    workspace.update_foundation(wid, introduction=f"{HOSTILE}\nfør\x00\x07\x1bbagefter")
    workspace.update_section(value.id, heading=HOSTILE, principles=[HOSTILE])
    workspace.add_commitment(wid, HOSTILE, "Ejer & <i>")
    doc = export(workspace, wid, tmp_path)
    text = all_text(doc)

    assert text.count(HOSTILE) >= 4
    assert "Enhed <b> & co" in text and "Ejer & <i>" in text
    assert "førbagefter" in text  # control characters dropped, nothing else
    assert doc.inline_shapes._inline_lst == []
    # No links but the contents list's own, no fields but the footer's page numbers.
    assert all(link.get(qn("r:id")) is None for link in doc.element.body.iter(qn("w:hyperlink")))
    assert list(doc.element.body.iter(qn("w:instrText"))) == []
    assert list(doc.element.body.iter(qn("w:fldSimple"))) == []


# --------------------------------------------------------------- long one
def test_a_thirty_page_foundation_reads_back_whole(workspace, tmp_path, danish):
    wid = long_workshop(workspace)
    doc = export(workspace, wid, tmp_path, appendix=True)
    headings = [s.heading for s in workspace.foundation(wid).sections]
    title = _("Appendix: notes from the workshop")
    assert texts(doc, "Heading 1") == [
        _("Introduction"),
        *headings,
        _("Our commitments"),
        title,
    ]
    [table] = doc.tables
    assert len(table.rows) == 61
    assert [row.cells[0].text.split("\n")[-1][:10] for row in table.rows[1:4]] == [
        "Aftale 1: ",
        "Aftale 2: ",
        "Aftale 3: ",
    ]
    assert len(texts(doc, "List Bullet")) == 40
    steps = [workspace.step_title(step) for step in workspace.steps(wid)]
    assert texts(doc, "Heading 2")[-len(steps) :] == steps
    assert len(texts(doc, "Note Author")) == 3 * len(steps)


# ---------------------------------------------------------------- failures
def test_a_missing_folder_gives_a_message_and_no_file(workspace, tmp_path):
    target = tmp_path / "findes-ikke" / "grundlag.docx"
    with pytest.raises(ExportError) as caught:
        export_docx(workspace.snapshot(small_workshop(workspace)), target)
    assert str(target) in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_keeps_the_previous_file(workspace, tmp_path, monkeypatch):
    target = tmp_path / "grundlag.docx"
    target.write_bytes(b"forrige udgave")

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", disk_full)
    with pytest.raises(ExportError) as caught:
        export_docx(workspace.snapshot(small_workshop(workspace)), target)
    assert str(caught.value) == _("There is not enough free disk space to save “{path}”.").format(
        path=target
    )
    assert target.read_bytes() == b"forrige udgave"
    assert [p.name for p in tmp_path.iterdir()] == ["grundlag.docx"]


def test_progress_runs_from_zero_to_one_and_can_cancel(workspace, tmp_path):
    snapshot = workspace.snapshot(small_workshop(workspace))
    seen: list[float] = []
    export_docx(snapshot, tmp_path / "a.docx", progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0 and seen == sorted(seen) and len(seen) > 3

    target = tmp_path / "b.docx"
    target.write_bytes(b"forrige udgave")

    def cancel(fraction: float) -> None:
        if fraction > 0.3:
            raise RuntimeError("cancelled")

    with pytest.raises(RuntimeError):
        export_docx(snapshot, target, progress=cancel)
    assert target.read_bytes() == b"forrige udgave"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "b.docx"]
