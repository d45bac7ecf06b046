"""Whatever a group types (markup, control characters, emoji, right-to-left text, a
1 MB paste) is stored and carried between laptops exactly as typed."""

import os
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from leaderapp.core.model import WorkshopDraft
from leaderapp.core.transfer import export_workshop_file, import_workshop_file
from leaderapp.core.workspace import Workspace

HOSTILE = [
    '<img src="/etc/passwd"/>',
    '<a href="file:///etc/passwd">klik</a><b>ikke lukket',
    "<font name='x'>&amp; &lt;&#0;",
    "\x00\x01\x07\x1b[31mrød\x1b[0m\x7f\u0085",
    "\u202eRTL override \u202c \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
    "👩🏽‍⚕️🏳️‍🌈 e\u0301 \ufeff\u200b\u200d",
    "line one\r\nline two\rthree\u2028four\u2029",
    "'; DROP TABLE note; --",
    '{"format": "vaerdidialog-workshop"}',
    "\\u0000 \\ud800 \\\\",
]
MEGABYTE = "Vi lytter 👂 <b>og</b> handler.\n" * 32_768  # about 1 MB

text = st.text(max_size=2_000) | st.sampled_from(HOSTILE)
fast = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def new_workshop(ws: Workspace) -> tuple[str, str]:
    wid = ws.create_workshop(WorkshopDraft(unit_name="Akut", participants=("Anna",))).created_id
    return wid, ws.steps(wid)[1].id


@fast
@given(note=text)
@example(note=MEGABYTE)
@example(note="")
def test_note_text_survives_storage_exactly(note):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "vaerdidialog.sqlite3"
        ws = Workspace.open(path)
        wid, step = new_workshop(ws)
        note_id = ws.add_note(step, note).created_id
        ws.close()
        reopened = Workspace.open(path)  # read back from the file, not a cache
        assert reopened.note(note_id).text == note
        reopened.close()


@fast
@given(note=text, action=text, introduction=text, principle=st.sampled_from(HOSTILE))
@example(note=MEGABYTE, action=MEGABYTE, introduction=MEGABYTE, principle=HOSTILE[0])
def test_text_survives_a_workshop_file_exactly(note, action, introduction, principle):
    laptop_a = Workspace.open(None)
    laptop_b = Workspace.open(None)
    wid, step = new_workshop(laptop_a)
    note_id = laptop_a.add_note(step, note).created_id
    laptop_a.add_commitment(wid, action)
    laptop_a.update_foundation(wid, introduction=introduction)
    value_id = laptop_a.values(wid)[0].id
    laptop_a.update_section(value_id, expect_of_us=note, principles=[principle])
    with tempfile.TemporaryDirectory() as folder:
        path = export_workshop_file(laptop_a, wid, Path(folder) / "w.json")
        import_workshop_file(laptop_b, path)
    assert laptop_b.note(note_id).text == note
    assert laptop_b.commitments(wid)[0].action == action
    assert laptop_b.foundation(wid).introduction == introduction
    assert laptop_b.section(value_id).expect_of_us == note
    assert laptop_b.snapshot(wid) == laptop_a.snapshot(wid)
    laptop_a.close()
    laptop_b.close()


# ------------------------------------------------------------------ the PDF
# tests/core/test_pdf_export.py prints fixed hostile examples; here arbitrary text goes
# through the whole export, and the test watches every file the export opens.
_opened: list[str] | None = None


def _watch_opens(event: str, args: tuple) -> None:
    if event == "open" and _opened is not None and isinstance(args[0], str | bytes):
        _opened.append(os.fsdecode(args[0]))


sys.addaudithook(_watch_opens)  # audit hooks cannot be removed; this one only records


def _warm_up(export_pdf) -> None:
    """Export once before watching: importing reportlab reads its own settings files
    (``~/.reportlab_settings``) and our modules, whatever the text."""
    global _warmed_up
    if not _warmed_up:
        ws = Workspace.open(None)
        snapshot = ws.snapshot(new_workshop(ws)[0])
        ws.close()
        with tempfile.TemporaryDirectory() as folder:
            export_pdf(snapshot, Path(folder) / "warm.pdf", appendix=True)
        _warmed_up = True


_warmed_up = False


def _letters(text: str) -> str:
    """What PDF text extraction reliably gives back: letters and digits, in order
    (line breaking, hyphenation and spacing differ from the typed text)."""
    return "".join(c for c in text if c.isalnum() and (c.isascii() or c in "æøåÆØÅ"))


def _is_subsequence(needle: str, haystack: str) -> bool:
    rest = iter(haystack)
    return all(c in rest for c in needle)


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    note=text,
    action=text,
    introduction=text,
    heading=st.text(max_size=150) | st.sampled_from(HOSTILE),
)
@example(note=HOSTILE[0], action=HOSTILE[1], introduction=HOSTILE[2], heading=HOSTILE[3])
def test_any_text_prints_as_text_and_the_export_reads_no_other_file(
    note, action, introduction, heading
):
    global _opened
    from pypdf import PdfReader

    from leaderapp.core.export.pdf import export_pdf
    from leaderapp.core.resources import resource_path

    _warm_up(export_pdf)
    ws = Workspace.open(None)
    wid, step = new_workshop(ws)
    markers = {}
    for n, (field, value) in enumerate(
        [("note", note), ("action", action), ("introduction", introduction)]
    ):
        markers[field] = (f"QQSTART{n}X", f"XQQEND{n}", value)
    start, end, _value = markers["note"]
    ws.add_note(step, f"{start} {note} {end}")
    start, end, _value = markers["action"]
    ws.add_commitment(wid, f"{start} {action} {end}")
    start, end, _value = markers["introduction"]
    ws.update_foundation(wid, introduction=f"{start} {introduction} {end}")
    value_id = ws.values(wid)[0].id
    ws.update_section(value_id, heading=heading, principles=[HOSTILE[0], "Vi lytter"])
    snapshot = ws.snapshot(wid)
    ws.close()

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "grundlag.pdf"
        _opened = []
        try:
            export_pdf(snapshot, target, appendix=True)
            opened = list(_opened)
        finally:
            _opened = None
        reader = PdfReader(target)
        extracted = _letters("".join(page.extract_text() or "" for page in reader.pages))
        pages = list(reader.pages)

    # The app's own fonts and the export's own files: nothing a text could name.
    allowed = (str(resource_path("fonts")), folder)
    assert [p for p in opened if not os.path.abspath(p).startswith(allowed)] == []
    for page in pages:
        for annotation in page.get("/Annots", []):
            # The contents may link to its own pages; user text must not link anywhere.
            action = annotation.get_object().get("/A", {})
            assert action.get("/S") in (None, "/GoTo"), "user text must not become a link"
        assert not page["/Resources"].get("/XObject"), "user text must not embed images"
    for field, (start, end, value) in markers.items():
        begin = extracted.index(_letters(start))
        stop = extracted.index(_letters(end), begin)
        assert _is_subsequence(_letters(value), extracted[begin:stop]), field
    assert _is_subsequence(_letters(snapshot.foundation.sections[0].heading), extracted)
