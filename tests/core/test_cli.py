"""The command line as a user or a script runs it: a real process, real files."""

import subprocess
import sys
import types
from pathlib import Path

import pytest
from pypdf import PdfReader

from leaderapp import __version__, cli
from leaderapp.core.paths import database_path

ROOT = Path(__file__).resolve().parents[2]
UNIT = "Akutafdelingen, Regionshospitalet Kildebæk"


def run(*args: str, data_dir: Path | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-m", "leaderapp", *args]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", timeout=120)


def assert_one_line_error(result: subprocess.CompletedProcess) -> str:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("leaderapp: ")
    return lines[0]


def pdf_text(path: Path) -> str:
    text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return " ".join(text.split())


@pytest.fixture
def demo_dir(tmp_path) -> tuple[Path, str]:
    result = run("demo", data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    workshop_id, unit = result.stdout.strip().split("\t")
    assert unit == UNIT
    return tmp_path, workshop_id


def test_list_on_an_empty_folder_prints_nothing_and_creates_nothing(tmp_path):
    result = run("list", data_dir=tmp_path)
    assert result.returncode == 0
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_demo_then_list_shows_it(demo_dir):
    data_dir, workshop_id = demo_dir
    result = run("list", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.splitlines()
    listed_id, unit, first_date = line.split("\t")
    assert (listed_id, unit) == (workshop_id, UNIT)
    assert len(first_date) == 10 and first_date[4] == "-"


def test_a_second_demo_is_listed_newest_first(demo_dir):
    data_dir, first_id = demo_dir
    second = run("demo", data_dir=data_dir)
    second_id = second.stdout.split("\t")[0]
    ids = [line.split("\t")[0] for line in run("list", data_dir=data_dir).stdout.splitlines()]
    assert ids == [second_id, first_id]
    # Two workshops of that name: the name no longer picks one.
    error = assert_one_line_error(
        run("export", UNIT, "--pdf", str(data_dir / "x.pdf"), data_dir=data_dir)
    )
    assert UNIT in error
    assert not (data_dir / "x.pdf").exists()


@pytest.mark.parametrize("by", ["id", "name"])
def test_export_writes_a_pdf_of_the_foundation(demo_dir, by):
    data_dir, workshop_id = demo_dir
    target = data_dir / "out" / "grundlag.pdf"
    target.parent.mkdir()
    ref = workshop_id if by == "id" else UNIT
    result = run("export", ref, "--pdf", str(target), data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()) == target
    text = pdf_text(target)
    for word in ("Dialog", "Dygtighed", "Dristighed", UNIT):
        assert word in text


def test_export_of_an_unknown_workshop_is_one_clear_line(demo_dir):
    data_dir, _ = demo_dir
    target = data_dir / "x.pdf"
    result = run("export", "Ingen sådan afdeling", "--pdf", str(target), data_dir=data_dir)
    assert "Ingen sådan afdeling" in assert_one_line_error(result)
    assert not target.exists()


def test_export_from_an_empty_folder_is_one_clear_line(tmp_path):
    result = run("export", "x", "--pdf", str(tmp_path / "x.pdf"), data_dir=tmp_path)
    assert_one_line_error(result)
    assert list(tmp_path.iterdir()) == []


def test_corrupt_database_is_reported_and_left_untouched(tmp_path):
    path = database_path(tmp_path)
    garbage = bytes(range(256)) * 40
    path.write_bytes(garbage)
    for args in (("list",), ("demo",), ("export", "x", "--pdf", str(tmp_path / "x.pdf"))):
        error = assert_one_line_error(run(*args, data_dir=tmp_path))
        assert str(path) in error
        assert path.read_bytes() == garbage
    assert not (tmp_path / "x.pdf").exists()


def test_data_dir_that_is_a_file_is_one_clear_line(tmp_path):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    assert str(not_a_folder) in assert_one_line_error(run("list", data_dir=not_a_folder))


def test_version(tmp_path):
    for cmd in ([sys.executable, "-m", "leaderapp"], [sys.executable, str(ROOT / "main.py")]):
        result = subprocess.run([*cmd, "--version"], capture_output=True, text=True, cwd=tmp_path)
        assert result.returncode == 0
        assert __version__ in result.stdout


def test_help_follows_the_language_option():
    english = run("--lang", "en", "--help")
    assert english.returncode == 0
    assert "export" in english.stdout and "--data-dir" in english.stdout
    assert "Show this help and exit." in english.stdout


def test_headless_commands_never_load_qt(tmp_path):
    code = (
        "import sys\n"
        "from leaderapp.cli import main\n"
        f"main(['demo', '--data-dir', {str(tmp_path)!r}])\n"
        f"main(['list', '--data-dir', {str(tmp_path)!r}])\n"
        "sys.exit(1 if [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))] else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_no_command_starts_the_window_on_the_data_dir(tmp_path, monkeypatch):
    started = []
    # A stand-in window: this test is about the dispatch, not about Qt.
    package = types.ModuleType("leaderapp.gui")
    package.__path__ = []
    app = types.ModuleType("leaderapp.gui.app")
    app.run_gui = lambda data_dir, **options: started.append(data_dir) or 7
    package.app = app
    monkeypatch.setitem(sys.modules, "leaderapp.gui", package)
    monkeypatch.setitem(sys.modules, "leaderapp.gui.app", app)
    assert cli.main(["--data-dir", str(tmp_path)]) == 7
    assert cli.main([]) == 7
    assert started == [tmp_path, None]


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--data-dir", "/tmp/a b"],
        ["--data-dir=/tmp/æøå", "--lang", "en"],
        ["--lang=da", "--smoke-test", "out.pdf", "--data-dir", "d"],
    ],
)
def test_a_window_start_reads_its_options_as_the_full_parser_does(argv):
    fast = cli._window_arguments(argv)
    full = cli.build_parser().parse_args(argv)
    assert fast is not None
    for name in ("data_dir", "lang", "smoke_test"):
        assert getattr(fast, name) == getattr(full, name), name


@pytest.mark.parametrize(
    "argv",
    [
        ["list"],
        ["--help"],
        ["--version"],
        ["--lang", "fr"],
        ["--data-dir"],
        ["--data-dir", "--lang"],
        ["--data-dir", "a", "--data-dir", "b"],
        ["--datadir", "a"],
        ["--data-dir", "a", "export", "x"],
    ],
)
def test_anything_but_a_plain_window_start_goes_to_the_full_parser(argv):
    assert cli._window_arguments(argv) is None


# ---------------------------------------------------------------- workshop files
def test_workshop_file_moves_a_workshop_to_another_computer(demo_dir, tmp_path):
    data_dir, workshop_id = demo_dir
    target = tmp_path / "overfoersel" / "akut.vaerdidialog.json"
    target.parent.mkdir()
    exported = run("export", workshop_id, "--workshop-file", str(target), data_dir=data_dir)
    assert exported.returncode == 0, exported.stderr
    assert Path(exported.stdout.strip()) == target

    other_laptop = tmp_path / "laptop-b"
    imported = run("import", str(target), data_dir=other_laptop)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip() == f"{workshop_id}\t{UNIT}"
    assert UNIT in imported.stderr  # the summary, for the person at the keyboard
    listed = run("list", data_dir=other_laptop).stdout.splitlines()
    assert [line.split("\t")[:2] for line in listed] == [[workshop_id, UNIT]]

    again = run("import", str(target), data_dir=other_laptop)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == f"{workshop_id}\t{UNIT}"
    assert len(run("list", data_dir=other_laptop).stdout.splitlines()) == 1


def test_pdf_and_workshop_file_in_one_export(demo_dir, tmp_path):
    data_dir, workshop_id = demo_dir
    pdf, json_file = tmp_path / "g.pdf", tmp_path / "w.vaerdidialog.json"
    result = run(
        "export",
        workshop_id,
        "--pdf",
        str(pdf),
        "--workshop-file",
        str(json_file),
        data_dir=data_dir,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(pdf), str(json_file)]
    assert pdf.stat().st_size > 0 and json_file.stat().st_size > 0


def test_export_without_a_target_names_the_choices(demo_dir):
    data_dir, workshop_id = demo_dir
    error = assert_one_line_error(run("export", workshop_id, data_dir=data_dir))
    assert "--workshop-file" in error and "--csv" in error


def test_raw_data_as_csv_for_excel(demo_dir, tmp_path):
    from leaderapp.core.transfer.raw_csv import tables_in

    data_dir, workshop_id = demo_dir
    target = tmp_path / "rådata.zip"
    result = run("export", workshop_id, "--csv", str(target), "--lang", "en", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    assert Path(result.stdout.strip()) == target
    tables = tables_in(target)
    assert sorted(tables) == ["notes.csv", "ratings.csv", "votes.csv"]
    header, *notes = tables["notes.csv"]
    assert header[:2] == ["Step no.", "Step"] and len(notes) > 10
    assert any("Łukasz Nowak" in row for row in notes)  # authors by name

    missing = tmp_path / "no" / "such" / "folder.zip"
    error = assert_one_line_error(
        run("export", workshop_id, "--csv", str(missing), data_dir=data_dir)
    )
    assert str(missing) in error
    assert not missing.parent.exists()


@pytest.mark.parametrize(
    "content",
    [
        b"{ not json",
        b'{"format": "vaerdidialog-workshop", "version": 99, "workshop": {}}',
        b'{"format": "something-else", "version": 1}',
        b"\xff\xfe garbage",
    ],
)
def test_a_refused_workshop_file_is_one_line_and_changes_nothing(tmp_path, content):
    source = tmp_path / "broken.vaerdidialog.json"
    source.write_bytes(content)
    data_dir = tmp_path / "data"
    error = assert_one_line_error(run("import", str(source), data_dir=data_dir))
    assert source.name in error
    assert not data_dir.exists()  # no database was created for a refused file


def test_a_refused_file_leaves_an_existing_database_as_it_was(demo_dir, tmp_path):
    data_dir, _ = demo_dir
    source = tmp_path / "broken.vaerdidialog.json"
    source.write_text('{"format": "vaerdidialog-workshop", "version": 1}', encoding="utf-8")
    before = run("list", data_dir=data_dir).stdout
    assert_one_line_error(run("import", str(source), data_dir=data_dir))
    assert run("list", data_dir=data_dir).stdout == before


def test_importing_a_missing_file_is_one_clear_line(tmp_path):
    missing = tmp_path / "findes-ikke.vaerdidialog.json"
    assert missing.name in assert_one_line_error(run("import", str(missing), data_dir=tmp_path))


# ------------------------------------------------ Word, Markdown, appendix
def test_export_writes_word_and_markdown_with_the_appendix(demo_dir):
    from docx import Document

    data_dir, workshop_id = demo_dir
    pdf, docx, md = (data_dir / name for name in ("g.pdf", "g.docx", "g.md"))
    result = run(
        "export",
        workshop_id,
        "--md",
        str(md),
        "--docx",
        str(docx),
        "--pdf",
        str(pdf),
        "--appendix",
        "--lang",
        "da",
        data_dir=data_dir,
    )
    assert result.returncode == 0, result.stderr
    # One line per file written, always in the order PDF, Word, Markdown.
    assert result.stdout.splitlines() == [str(pdf), str(docx), str(md)]
    word = "\n".join(p.text for p in Document(str(docx)).paragraphs)
    markdown = md.read_text(encoding="utf-8")
    for text in (pdf_text(pdf), word, markdown):
        assert UNIT in text and "Dristighed" in text
        # The demo's notes are in the appendix, with their authors.
        assert "Check-in" in text and "Sigrún Ólafsdóttir" in text


def test_export_without_the_appendix_leaves_the_notes_out(demo_dir):
    data_dir, workshop_id = demo_dir
    md = data_dir / "g.md"
    assert run("export", workshop_id, "--md", str(md), data_dir=data_dir).returncode == 0
    assert "Check-in" not in md.read_text(encoding="utf-8")
