"""Raw data out: notes, votes and ratings as CSV files that Danish Excel opens cleanly."""

import uuid
import zipfile
from datetime import date

import pytest

from leaderapp.core.export import ExportError
from leaderapp.core.i18n import current_language, set_language
from leaderapp.core.model import WorkshopDraft
from leaderapp.core.transfer.raw_csv import (
    csv_bytes,
    raw_tables,
    read_csv,
    safe_cell,
    suggested_raw_name,
    tables_in,
    write_raw_csv,
)

HOSTILE = ["=SUM(A1:A9)", "+45 12 34 56 78", "-1+2", "@cmd", "\tfane", "\rretur"]


@pytest.fixture
def english():
    before = current_language()
    set_language("en")
    yield
    set_language(before)


@pytest.fixture
def running(workspace):
    """A workshop in the middle of a full course: notes of every shape, votes, ratings."""
    draft = WorkshopDraft(
        unit_name="Akut/modtagelsen",
        participants=("Şükrü Yılmaz", "Łukasz Nowak", "Anna Østergaard"),
        dates=(date(2026, 12, 1),),
        program_id="full_course",
    )
    wid = workspace.create_workshop(draft).created_id
    steps = {}
    for step in workspace.steps(wid):
        steps.setdefault(step.exercise_id, step)  # the first of each: check-in of meeting 1
    sukru, lukasz, anna = workspace.participants(wid)
    checkin = steps["checkin"]
    cluster = str(uuid.uuid4())
    workspace.db["cluster"].insert(
        {
            "id": cluster,
            "workshop_id": wid,
            "step_id": checkin.id,
            "name": "Tavlemødet",
            "position": 0,
        }
    )
    first = workspace.add_note(
        checkin.id,
        'Første linje\nanden linje; med semikolon og "citat" <b>& 🙂',
        author_id=sukru.id,
        round=2,
        cluster_id=cluster,
    ).created_id
    workspace.add_note(checkin.id, "Skjult indtil afsløring", author_id=lukasz.id, hidden=True)
    for text in HOSTILE:
        workspace.add_note(checkin.id, text)
    attitude = steps["attitude_action"]
    parent = workspace.add_note(
        attitude.id, "Vi taler med hinanden, ikke om hinanden", slot="attitude"
    ).created_id
    workspace.add_note(attitude.id, "Tavlemøde hver morgen", slot="action", parent_id=parent)
    workspace.add_note(steps["triple_task"].id, "Fælles vagtplan", slot="across_sectors")
    voting = steps["dot_voting"]
    competence = steps["competence_rating"]
    for participant, dots in ((sukru.id, 2), (None, 1)):
        workspace.db["vote"].insert(
            {
                "id": str(uuid.uuid4()),
                "workshop_id": wid,
                "step_id": voting.id,
                "note_id": first,
                "participant_id": participant,
                "dots": dots,
            }
        )
    for participant, item, score in ((anna.id, "tor", 4.0), (None, "kan", 2.5)):
        workspace.db["rating"].insert(
            {
                "id": str(uuid.uuid4()),
                "workshop_id": wid,
                "step_id": competence.id,
                "participant_id": participant,
                "item": item,
                "score": score,
                "updated_at": "2026-12-01T10:00:00.000+00:00",
            }
        )
    return wid


def by_text(table, text):
    header, *rows = table
    row = next(r for r in rows if r[header.index("Text")] == text)
    return dict(zip(header, row, strict=True))


def test_the_zip_holds_three_excel_ready_csv_files(workspace, running, tmp_path, english):
    path = write_raw_csv(workspace.snapshot(running), tmp_path / "raw.zip")
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist() == ["notes.csv", "votes.csv", "ratings.csv"]
        raw = archive.read("notes.csv")
    # A byte order mark, so Excel reads UTF-8; ";" and CRLF as Danish Excel expects.
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.split(b"\r\n")[0].decode("utf-8-sig").startswith("Step no.;Step;Meeting;Value;")
    assert "Şükrü Yılmaz".encode() in raw and "Østergaard".encode() not in raw


def test_notes_carry_readable_names_and_flags(workspace, running, tmp_path, english):
    tables = tables_in(write_raw_csv(workspace.snapshot(running), tmp_path / "raw.zip"))
    notes = tables["notes.csv"]
    assert len(notes) == 1 + 2 + len(HOSTILE) + 3
    first = by_text(notes, 'Første linje\nanden linje; med semikolon og "citat" <b>& 🙂')
    assert first["Step"] == "Check-in" and first["Step no."] == "1" and first["Meeting"] == "1"
    assert first["Author"] == "Şükrü Yılmaz"
    assert first["Round"] == "2 (pairs)"
    assert first["Cluster"] == "Tavlemødet"
    assert first["Hidden"] == "No" and first["Dots"] == "3"
    hidden = by_text(notes, "Skjult indtil afsløring")
    assert hidden["Hidden"] == "Yes" and hidden["Author"] == "Łukasz Nowak"
    action = by_text(notes, "Tavlemøde hver morgen")
    assert action["Under the note"] == "Vi taler med hinanden, ikke om hinanden"
    assert action["Field"] and action["Field"] != "action"  # the exercise's own label
    assert action["Value"] == "Dialog" and "dialog" in action["Step"].lower()
    level = by_text(notes, "Fælles vagtplan")
    assert level["Field"] != "across_sectors" and level["Field"]


def test_cells_that_excel_would_run_as_formulas_become_text(workspace, running, tmp_path, english):
    tables = tables_in(write_raw_csv(workspace.snapshot(running), tmp_path / "raw.zip"))
    cells = {cell for row in tables["notes.csv"] for cell in row}
    for text in HOSTILE:
        assert "'" + text in cells
        assert text not in cells
    # Ordinary text, names and numbers are left exactly as they are.
    assert safe_cell("Vi lytter") == "Vi lytter" and safe_cell("2,5") == "2,5"


def test_votes_and_ratings_name_who_and_use_decimal_commas(workspace, running, tmp_path, english):
    tables = tables_in(write_raw_csv(workspace.snapshot(running), tmp_path / "raw.zip"))
    header, *votes = tables["votes.csv"]
    rows = [dict(zip(header, r, strict=True)) for r in votes]
    assert [(r["Participant"], r["Dots"]) for r in rows] == [
        ("The room", "1"),
        ("Şükrü Yılmaz", "2"),
    ]
    assert all(r["Step"] == "Dot voting" or r["Step"] for r in rows)
    assert rows[0]["Note"].startswith("Første linje\nanden linje")
    assert rows[0]["The note's step"] == "Check-in"
    header, *ratings = tables["ratings.csv"]
    rows = [dict(zip(header, r, strict=True)) for r in ratings]
    assert [(r["Participant"], r["Key"], r["Score"]) for r in rows] == [
        ("The group / anonymous", "kan", "2,5"),
        ("Anna Østergaard", "tor", "4"),
    ]
    assert all(r["Rated"] and r["Rated"] != r["Key"] for r in rows)


def test_a_workshop_without_votes_or_ratings_gives_headers_only(workspace, workshop_id, english):
    tables = {t.name: read_csv(csv_bytes(t)) for t in raw_tables(workspace.snapshot(workshop_id))}
    assert len(tables["votes.csv"]) == 1 and len(tables["ratings.csv"]) == 1
    assert tables["notes.csv"][0][0] == "Step no."


def test_writing_replaces_the_target_whole_and_failure_keeps_the_old_one(
    workspace, running, tmp_path, english
):
    target = tmp_path / "raw.zip"
    target.write_bytes(b"an older export")
    write_raw_csv(workspace.snapshot(running), target)
    assert zipfile.is_zipfile(target)
    assert [p.name for p in tmp_path.iterdir()] == ["raw.zip"]  # no temporary file left
    with pytest.raises(ExportError, match="does not exist"):
        write_raw_csv(workspace.snapshot(running), tmp_path / "missing" / "raw.zip")
    assert [p.name for p in tmp_path.iterdir()] == ["raw.zip"]


def test_suggested_name_is_safe_and_dated(workspace, running, english):
    from datetime import datetime

    name = suggested_raw_name(workspace.snapshot(running), datetime(2026, 12, 2, 9, 0))
    assert name == "Akut modtagelsen raw data 2026-12-02.zip"


def test_very_long_and_foreign_text_is_kept_intact(workspace, workshop_id, tmp_path):
    step = workspace.steps(workshop_id)[1]
    long_text = "Şükrü; “citat”\n" + "æøå " * 50_000 + "\r\nslut 🙂"
    workspace.add_note(step.id, long_text)
    tables = tables_in(write_raw_csv(workspace.snapshot(workshop_id), tmp_path / "raw.zip"))
    header, row = list(tables.values())[0][:2]  # the notes come first
    assert long_text in row
