"""The printed foundation: what a reader finds in the PDF, and how export fails."""

from __future__ import annotations

import dataclasses
import errno
import re
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path
from xml.sax.saxutils import unescape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from leaderapp.core.export import ExportError, atomic
from leaderapp.core.export.pdf import CELL_PIECE, export_pdf, printable, text_blocks
from leaderapp.core.i18n import _, current_language, set_language
from leaderapp.core.model import CommitmentStatus, WorkshopDraft
from leaderapp.core.workspace import Workspace

UNIT = "Akutafdelingen Gødstrup"
HEADINGS = (
    "Åben og ligeværdig dialog",
    "Dygtighed gennem kvalitet og fælles læring",
    "Udvikling, nytænkning og rum for dristighed",
)
HOSTILE = (
    'Fed <b> & <img src="/etc/passwd"/> og <a href="file:///etc/passwd">x</a> '
    '</para> <font name="x"> 🙂👍'
)
RTL = "שלום עולם مرحبا"


def new_workshop(ws: Workspace, unit: str = UNIT) -> str:
    draft = WorkshopDraft(
        unit_name=unit,
        organisation="Region Midtjylland",
        facilitator="Mette Ærø Sørensen",
        dates=(date(2026, 12, 1), date(2027, 1, 12)),
        participants=("Łukasz Kowalski", "Şükrü Yılmaz", "Anna Ólafsdóttir", "Jens Østergaard"),
    )
    return ws.create_workshop(draft).created_id


def filled_workshop(ws: Workspace) -> str:
    wid = new_workshop(ws)
    ws.update_foundation(
        wid,
        introduction="Vi har skrevet grundlaget sammen.\n\nDet er en invitation til dialog.\n"
        "Vi tager det op hvert kvartal.",
    )
    for value, heading in zip(ws.values(wid), HEADINGS, strict=True):
        ws.update_section(
            value.id,
            heading=heading,
            principles=["Vi siger det, vi mener", "Gensidig tillid", "Feedback begge veje"],
            expect_of_us="Du kan forvente ledere, der lytter og vender tilbage.",
            expect_of_you="Vi forventer, at du siger til, når noget ikke fungerer.",
        )
    first = ws.values(wid)[0].id
    ws.add_commitment(wid, "Tavlemøde hver morgen kl. 8.15", "Łukasz Kowalski", date(2027, 2, 1))
    cid = ws.add_commitment(wid, "Afprøve selvplanlægning", "Şükrü Yılmaz", None, first).created_id
    ws.update_commitment(cid, status=CommitmentStatus.IN_PROGRESS)
    return wid


def export(ws: Workspace, wid: str, folder: Path, **kw) -> PdfReader:
    target = folder / "grundlag.pdf"
    assert export_pdf(ws.snapshot(wid), target, **kw) == target
    return PdfReader(target)


def page_texts(reader: PdfReader) -> list[str]:
    """Page text with whitespace collapsed: wrapped lines read as one line."""
    return [" ".join(page.extract_text().split()) for page in reader.pages]


# ------------------------------------------------------------------ content
def test_the_foundation_prints_every_part(workspace, tmp_path, danish):
    reader = export(workspace, filled_workshop(workspace), tmp_path)
    text = " ".join(page_texts(reader))

    assert len(reader.pages) >= 3
    for expected in (
        UNIT,
        "Region Midtjylland",
        "Mette Ærø Sørensen",
        "1. december 2026 og 12. januar 2027",
        "Łukasz Kowalski",
        "Şükrü Yılmaz",
        "Anna Ólafsdóttir",
        "Jens Østergaard",
        *HEADINGS,
        "Gensidig tillid",
        "Du kan forvente ledere, der lytter",
        "Vi forventer, at du siger til",
        _("What you can expect of us"),
        _("What we expect of you"),
        "Tavlemøde hver morgen kl. 8.15",
        CommitmentStatus.IN_PROGRESS.label,
        "Vi tager det op hvert kvartal.",
    ):
        assert expected in text, expected
    # Only the finished file is left: no temporary file beside it.
    assert [p.name for p in tmp_path.iterdir()] == ["grundlag.pdf"]


def test_dates_follow_the_language(workspace, tmp_path):
    wid = filled_workshop(workspace)
    previous = current_language()
    set_language("en")
    try:
        text = " ".join(page_texts(export(workspace, wid, tmp_path)))
    finally:
        set_language(previous)
    assert "December 1, 2026 and January 12, 2027" in text
    assert "Feb 1, 2027" in text


def test_every_page_but_the_cover_has_a_numbered_footer(workspace, tmp_path):
    reader = export(workspace, filled_workshop(workspace), tmp_path)
    texts = page_texts(reader)
    total = len(texts)
    assert _("Page {page} of {pages}").format(page=1, pages=total) not in texts[0]
    for number, text in enumerate(texts[1:], start=2):
        assert _("Page {page} of {pages}").format(page=number, pages=total) in text
        assert UNIT in text


def test_outline_lists_each_value_once_and_jumps_to_it(workspace, tmp_path):
    reader = export(workspace, filled_workshop(workspace), tmp_path)
    entries = [entry for entry in reader.outline if not isinstance(entry, list)]
    titles = [entry.title for entry in entries]
    texts = page_texts(reader)
    for heading in HEADINGS:
        assert titles.count(heading) == 1
        entry = entries[titles.index(heading)]
        assert heading in texts[reader.get_destination_page_number(entry)]
    assert titles.index(HEADINGS[0]) < titles.index(HEADINGS[1]) < titles.index(HEADINGS[2])


def test_document_properties_name_the_unit(workspace, tmp_path):
    reader = export(workspace, filled_workshop(workspace), tmp_path)
    assert UNIT in reader.metadata.title
    assert reader.metadata.author == "Region Midtjylland"


def test_fonts_are_embedded(workspace, tmp_path):
    reader = export(workspace, filled_workshop(workspace), tmp_path)
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]


def test_sections_follow_the_value_order(workspace, tmp_path):
    wid = filled_workshop(workspace)
    last = workspace.values(wid)[2]
    workspace.move_value(last.id, 0)
    text = " ".join(page_texts(export(workspace, wid, tmp_path)))
    assert text.index(HEADINGS[2]) < text.index(HEADINGS[0]) < text.index(HEADINGS[1])


def test_an_empty_foundation_still_gives_cover_and_value_sections(workspace, tmp_path):
    wid = new_workshop(workspace)
    reader = export(workspace, wid, tmp_path)
    text = " ".join(page_texts(reader))

    assert len(reader.pages) >= 2
    assert UNIT in page_texts(reader)[0]
    names = [v.name for v in workspace.values(wid)]
    for name in names:
        assert name in text
    assert [entry.title for entry in reader.outline] == names
    # Nothing written, so no headings over nothing.
    for heading in (
        _("Introduction"),
        _("What you can expect of us"),
        _("What we expect of you"),
        _("Our commitments"),
    ):
        assert heading not in text


def test_a_workshop_without_values_is_just_a_cover(workspace, tmp_path):
    wid = new_workshop(workspace)
    for value in workspace.values(wid):
        workspace.remove_value(value.id)
    reader = export(workspace, wid, tmp_path)
    assert len(reader.pages) == 1
    assert UNIT in page_texts(reader)[0]


# ------------------------------------------------------------ hostile text
def test_markup_in_user_text_is_printed_not_obeyed(workspace, tmp_path):
    wid = new_workshop(workspace, unit="Enhed <b> & co")
    value = workspace.values(wid)[0]
    workspace.update_foundation(wid, introduction=f"{HOSTILE}\n{RTL}")
    workspace.update_section(
        value.id, heading="Dialog <i>", principles=[HOSTILE], expect_of_us=HOSTILE
    )
    workspace.add_commitment(wid, HOSTILE, "Ejer & <i>")
    reader = export(workspace, wid, tmp_path)
    text = " ".join(page_texts(reader))

    assert text.count(HOSTILE) >= 3
    assert "Enhed <b> & co" in text
    assert "Dialog <i>" in text
    assert "Ejer & <i>" in text
    layout = " ".join(p.extract_text(extraction_mode="layout") for p in reader.pages)
    assert RTL in " ".join(layout.split())
    for page in reader.pages:
        # The only links are the contents list's jumps to our own headings.
        for annotation in page.get("/Annots", []):
            annotation = annotation.get_object()
            assert "/A" not in annotation, "user text must not become a link"
            assert annotation["/Dest"][0].get_object()["/Type"] == "/Page"
        xobjects = page["/Resources"].get("/XObject", {})
        assert not xobjects, "user text must not embed images"


def test_control_characters_and_broken_text_do_not_stop_the_export(workspace, tmp_path):
    wid = new_workshop(workspace)
    workspace.update_foundation(
        wid, introduction="før\x00\x07\x1b\x7f\x85\ufffe\x0bbagefter\tslut\r\nny linje"
    )
    snapshot = workspace.snapshot(wid)
    # A lone surrogate cannot even be stored, but a snapshot could carry one.
    broken = dataclasses.replace(
        snapshot.foundation, introduction=snapshot.foundation.introduction + " halv\ud83d"
    )
    target = tmp_path / "kontrol.pdf"
    export_pdf(dataclasses.replace(snapshot, foundation=broken), target)

    text = " ".join(page_texts(PdfReader(target)))
    assert "før" in text and "bagefter slut" in text and "ny linje" in text
    assert "halv\ufffd" in text
    # Storage is untouched: only the PDF is cleaned.
    assert "\x07" in workspace.foundation(wid).introduction


def test_a_megabyte_of_text_exports_whole(workspace, tmp_path):
    wid = new_workshop(workspace)
    words = ("lang tekst om dialog og tillid " * 40_000)[:1_000_000]
    workspace.update_foundation(wid, introduction=f"BEGYNDELSE {words} SLUTNING")
    workspace.add_commitment(wid, "Handling " + "x" * 50_000 + " HANDLINGSSLUT", "Ejer")
    reader = export(workspace, wid, tmp_path)

    texts = [page.extract_text() for page in reader.pages]

    assert len(texts) > 100
    assert "BEGYNDELSE" in texts[1]
    assert any("SLUTNING" in text for text in texts)
    assert "HANDLINGSSLUT" in texts[-1]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=4000))
def test_text_pieces_never_lose_or_inject_characters(text):
    blocks = text_blocks(text, CELL_PIECE)
    max_chars, max_lines = CELL_PIECE
    for block in blocks:
        plain = unescape(block.replace("<br/>", "\n"))
        assert len(plain) <= max_chars + max_lines
        assert plain.count("\n") < max_lines
        # Escaped: the only tags left are our own line breaks.
        assert "<" not in block.replace("<br/>", "")
    printed = unescape("".join(blocks).replace("<br/>", ""))
    assert re.sub(r"\s", "", printed) == re.sub(r"\s", "", printable(text))


# ----------------------------------------------------------- commitments
def test_a_long_commitments_table_spans_pages_with_its_header(workspace, tmp_path):
    wid = new_workshop(workspace)
    for n in range(1, 81):
        action = f"Aftale {n}: følge op på mødestrukturen og dele erfaringer på tværs af teams"
        workspace.add_commitment(wid, action, "Łukasz Kowalski", date(2027, 3, 1))
    texts = page_texts(export(workspace, wid, tmp_path))

    first = next(i for i, t in enumerate(texts) if "Aftale 1:" in t)
    last = next(i for i, t in enumerate(texts) if "Aftale 80:" in t)
    assert last > first
    header = f"{_('Action')} {_('Owner')} {_('Due date')} {_('Status')}"
    for page in range(first, last + 1):
        assert header in texts[page]
    assert all(f"Aftale {n}:" in " ".join(texts) for n in range(1, 81))


# ---------------------------------------------------------------- failures
def test_a_missing_folder_gives_a_message_and_no_file(workspace, tmp_path):
    target = tmp_path / "findes-ikke" / "grundlag.pdf"
    with pytest.raises(ExportError) as caught:
        export_pdf(workspace.snapshot(new_workshop(workspace)), target)
    assert str(target) in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_without_write_permission_gives_a_message(workspace, tmp_path, monkeypatch):
    # Tests may run as root, which ignores folder permissions: fail where a
    # read-only folder fails, when the file is created.
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    target = tmp_path / "grundlag.pdf"
    with pytest.raises(ExportError) as caught:
        export_pdf(workspace.snapshot(new_workshop(workspace)), target)
    assert str(caught.value) == _(
        "“{path}” could not be saved: you may not write there, "
        "or the file is open in another program."
    ).format(path=target)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_as_target_gives_a_message_and_leaves_it_alone(workspace, tmp_path):
    folder = tmp_path / "grundlag.pdf"
    folder.mkdir()
    with pytest.raises(ExportError) as caught:
        export_pdf(workspace.snapshot(new_workshop(workspace)), folder)
    assert str(folder) in str(caught.value)
    assert [p.name for p in tmp_path.iterdir()] == ["grundlag.pdf"] and folder.is_dir()


def test_a_full_disk_keeps_the_previous_file(workspace, tmp_path, monkeypatch):
    target = tmp_path / "grundlag.pdf"
    target.write_bytes(b"forrige udgave")

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", disk_full)
    with pytest.raises(ExportError) as caught:
        export_pdf(workspace.snapshot(filled_workshop(workspace)), target)
    assert str(target) in str(caught.value)
    assert target.read_bytes() == b"forrige udgave"
    assert [p.name for p in tmp_path.iterdir()] == ["grundlag.pdf"]


def test_a_failed_build_leaves_the_previous_file_untouched(workspace, tmp_path):
    target = tmp_path / "grundlag.pdf"
    target.write_bytes(b"forrige udgave")

    def interrupt(fraction: float) -> None:
        if fraction > 0.3:
            raise RuntimeError("stopped halfway")

    with pytest.raises(RuntimeError):
        export_pdf(workspace.snapshot(filled_workshop(workspace)), target, progress=interrupt)
    assert target.read_bytes() == b"forrige udgave"
    assert [p.name for p in tmp_path.iterdir()] == ["grundlag.pdf"]


# ------------------------------------------------------------ integration
def test_progress_runs_from_zero_to_one(workspace, tmp_path):
    seen: list[float] = []
    export(workspace, filled_workshop(workspace), tmp_path, progress=seen.append)
    assert seen[0] == 0.0 and seen[-1] == 1.0
    assert seen == sorted(seen)
    assert len(seen) > 3


def test_exports_one_after_another_on_worker_threads(workspace, tmp_path):
    snapshot = workspace.snapshot(filled_workshop(workspace))
    errors: list[BaseException] = []

    def run(name: str) -> None:
        try:
            export_pdf(snapshot, tmp_path / name)
        except BaseException as exc:  # reported below, on the test's thread
            errors.append(exc)

    for name in ("a.pdf", "b.pdf"):
        worker = threading.Thread(target=run, args=(name,))
        worker.start()
        worker.join()
    assert errors == []
    pages = [page_texts(PdfReader(tmp_path / name)) for name in ("a.pdf", "b.pdf")]
    assert pages[0] == pages[1]


def test_the_first_export_reads_only_the_fonts_its_text_needs(tmp_path):
    # Each font file costs ~10 ms to load (Symbola more) at a session's first
    # export; a fresh process shows which ones an export reads.
    code = f"""
import os, sys
from pathlib import Path
from leaderapp.core.workspace import Workspace
from leaderapp.core.export.pdf import export_pdf
from tests.core.test_pdf_export import filled_workshop
opened = []
sys.addaudithook(lambda event, args: event == "open" and isinstance(args[0], str)
                 and args[0].endswith(".ttf") and opened.append(os.path.basename(args[0])))
ws = Workspace.open(None)
wid = filled_workshop(ws)
export_pdf(ws.snapshot(wid), Path({str(tmp_path / "plain.pdf")!r}))
print(sorted(opened))
ws.update_foundation(wid, introduction="Godt gået 🙂")
export_pdf(ws.snapshot(wid), Path({str(tmp_path / "emoji.pdf")!r}))
print(sorted(opened))
"""
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parents[2],
    )
    assert result.returncode == 0, result.stderr
    plain, emoji = result.stdout.splitlines()
    assert plain == str(["DejaVuSans-Bold.ttf", "DejaVuSans.ttf"])
    assert emoji == str(["DejaVuSans-Bold.ttf", "DejaVuSans.ttf", "Symbola.ttf"])
    fonts = [
        font.get_object()["/BaseFont"]
        for page in PdfReader(tmp_path / "emoji.pdf").pages
        for font in page["/Resources"]["/Font"].values()
    ]
    assert any(name.endswith("Symbola") for name in fonts)
    assert "Godt gået 🙂" in " ".join(page_texts(PdfReader(tmp_path / "emoji.pdf")))


def test_importing_the_export_does_not_load_reportlab():
    code = (
        "import sys, leaderapp.core.export, leaderapp.core.export.pdf;"
        "import leaderapp.core.export.docx, leaderapp.core.export.markdown;"
        "import leaderapp.core.export.document;"
        "print([m for m in ('reportlab', 'docx', 'pyphen', 'lxml') if m in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr


# ------------------------------------------------- contents, appendix, layout
def test_contents_list_appears_only_with_more_than_four_sections(workspace, tmp_path, danish):
    wid = filled_workshop(workspace)  # introduction, three values, commitments: five
    for commitment in workspace.commitments(wid):
        workspace.delete_commitment(commitment.id)
    four = export(workspace, wid, tmp_path)
    assert _("Contents") not in " ".join(page_texts(four))
    assert all("/Annots" not in page for page in four.pages)

    workspace.add_commitment(wid, "Tavlemøde hver morgen", "Łukasz Kowalski")
    reader = export(workspace, wid, tmp_path)
    contents = page_texts(reader)[1]
    titles = [_("Introduction"), *HEADINGS, _("Our commitments")]
    positions = [contents.index(title) for title in [_("Contents"), *titles]]
    assert positions == sorted(positions)
    # Each entry's page number, after its dot leader, is where its section starts...
    starts = [reader.get_destination_page_number(entry) + 1 for entry in reader.outline]
    assert [int(n) for n in re.findall(r"(?:\.\s+){3,}\.?\s*(\d+)", contents)] == starts
    # ...and a click on the entry (its title or its number) goes there.
    links = [a.get_object() for a in reader.pages[1]["/Annots"]]
    targets = [reader.get_page_number(link["/Dest"][0].get_object()) + 1 for link in links]
    assert sorted(targets) == sorted(starts * 2)


def test_appendix_holds_the_notes_by_step_with_their_authors(workspace, tmp_path, danish):
    from leaderapp.core.library import load_library

    wid = filled_workshop(workspace)
    people = workspace.participants(wid)
    steps = workspace.steps(wid)
    checkin, meaning = steps[0], steps[1]
    workspace.add_note(meaning.id, "Dialog er også at tie stille.", author_id=people[2].id)
    workspace.add_note(checkin.id, "Godt at være i gang.", author_id=people[0].id)
    workspace.add_note(checkin.id, "   ")  # an empty note prints nothing
    workspace.add_note(checkin.id, "Uden navn.")

    without = " ".join(page_texts(export(workspace, wid, tmp_path)))
    assert "Godt at være i gang." not in without
    reader = export(workspace, wid, tmp_path, appendix=True)
    texts = page_texts(reader)
    title = _("Appendix: notes from the workshop")
    top = [entry for entry in reader.outline if not isinstance(entry, list)]
    assert top[-1].title == title
    appendix_page = reader.get_destination_page_number(top[-1])
    text = " ".join(texts[appendix_page:])
    first_title = load_library().exercise(checkin.exercise_id).title()
    second_title = workspace.step_title(meaning)
    # Steps in program order, each note followed by its author.
    order = [
        first_title,
        "Godt at være i gang.",
        f"— {people[0].name}",
        "Uden navn.",
        second_title,
        "Dialog er også at tie stille.",
        f"— {people[2].name}",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    # The appendix starts on a page of its own and is in the outline, its steps below it.
    assert _("Our commitments") not in texts[appendix_page]
    assert [entry.title for entry in reader.outline[-1]] == [first_title, second_title]


def hyphenated_words(reader: PdfReader) -> list[tuple[str, str]]:
    """(head, tail) of each word broken with a hyphen at the end of a line."""
    pairs = []
    for page in reader.pages:
        lines = [line.strip() for line in page.extract_text().splitlines()]
        for line, following in zip(lines, lines[1:], strict=False):
            if re.search(r"\w-$", line) and following:
                pairs.append((line.split()[-1][:-1], following.split()[0]))
    return pairs


def test_long_danish_words_are_hyphenated_at_syllables(workspace, tmp_path, danish):
    from .foundations import LONG_WORDS

    wid = new_workshop(workspace)
    workspace.update_foundation(wid, introduction=" ".join(LONG_WORDS * 12))
    # A narrow column: the action column of the commitments table.
    workspace.add_commitment(wid, " ".join(LONG_WORDS), "Anna Ólafsdóttir")
    pairs = hyphenated_words(export(workspace, wid, tmp_path))

    assert len(pairs) >= 5
    for head, tail in pairs:
        word = (head + tail).rstrip(".,")
        assert word in LONG_WORDS, (head, tail)
        assert len(head) >= 3 and len(tail.rstrip(".,")) >= 3


def test_a_thirty_page_foundation_reads_back_whole(workspace, tmp_path, danish):
    from .foundations import long_workshop

    wid = long_workshop(workspace)
    reader = export(workspace, wid, tmp_path)
    texts = page_texts(reader)
    text = " ".join(texts)
    total = len(texts)

    assert 28 <= total <= 40
    headings = [s.heading for s in workspace.foundation(wid).sections]
    entries = [entry for entry in reader.outline if not isinstance(entry, list)]
    titles = [entry.title for entry in entries]
    assert titles == [_("Introduction"), *headings, _("Our commitments")]
    for entry in entries:
        # Each heading has text after it on its page: no heading is left alone at the bottom.
        page = texts[reader.get_destination_page_number(entry)]
        assert entry.title in page
        assert page.split(entry.title, 1)[1].strip(), entry.title
    for number, page in enumerate(texts[1:], start=2):
        assert _("Page {page} of {pages}").format(page=number, pages=total) in page
    # The contents list gives the page of every section, the last ones two-digit.
    starts = [reader.get_destination_page_number(entry) + 1 for entry in entries]
    assert starts[-1] >= 10
    assert [int(n) for n in re.findall(r"(?:\.\s+){3,}\.?\s*(\d+)", texts[1])] == starts
    assert all(f"Aftale {n}:" in text for n in range(1, 61))
    assert "Princip 8.4" in text


def test_a_long_paragraph_after_a_heading_starts_on_the_same_page(workspace, tmp_path, danish):
    # A paragraph too long for the rest of the page must not drag its heading
    # to the next page and leave a gap.
    wid = filled_workshop(workspace)
    workspace.update_foundation(wid, introduction=" ".join(["Vi lytter og handler."] * 120))
    texts = page_texts(export(workspace, wid, tmp_path))
    assert _("Contents") in texts[1] and _("Introduction") in texts[1]
    assert "Vi lytter og handler." in texts[1].split(_("Introduction"), 1)[1]
