"""Whatever a group types (markup, control characters, emoji, right-to-left text, a
1 MB paste) is stored and carried between laptops exactly as typed."""

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
