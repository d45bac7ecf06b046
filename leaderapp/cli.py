"""The command line: the window by default, plus headless list, demo, export and import.

Nothing here imports Qt: the GUI is imported only when the window is asked for,
so scripts and servers without display libraries can still list and export.
Scripts read stdout, so it carries only results; hints and errors go to stderr,
and every expected failure is one ``leaderapp: …`` line with exit code 1.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from leaderapp import APP_NAME, __version__
from leaderapp.core.i18n import SUPPORTED_LANGUAGES, _, set_language
from leaderapp.core.paths import database_path, default_data_dir

if TYPE_CHECKING:
    from leaderapp.core.workspace import Workspace

# The window's start imports only what its first screen needs (docs/performance.md):
# the workspace, demo and library load inside the commands that use them.

PROG = "leaderapp"
EXIT_OK = 0
EXIT_ERROR = 1
EXIT_INTERRUPTED = 130


class CliError(Exception):
    """A user-facing failure; the message is already translated."""


class _HelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


def _parser_kwargs() -> dict:
    # Our own -h and option groups, so the help text is translated throughout.
    return {"add_help": False, "formatter_class": _HelpFormatter}


def _add_common(group: argparse._ArgumentGroup, *, top: bool) -> None:
    # Subcommands repeat the common options; SUPPRESS keeps a value given
    # before the subcommand from being reset by the subcommand's default.
    default = None if top else argparse.SUPPRESS
    group.add_argument("-h", "--help", action="help", help=_("Show this help and exit."))
    group.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        default=default,
        help=_("The folder that holds the database (default: {folder}).").format(
            folder=default_data_dir()
        ),
    )
    group.add_argument(
        "--lang",
        choices=SUPPORTED_LANGUAGES,
        default=default,
        help=_("The language of the interface and of messages."),
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_(
            "{app}: guided value reflection for leader groups. Without a command, the window opens."
        ).format(app=APP_NAME),
        **_parser_kwargs(),
    )
    options = parser.add_argument_group(_("options"))
    _add_common(options, top=True)
    options.add_argument(
        "--version",
        action="version",
        version=f"{APP_NAME} {__version__}",
        help=_("Show the version number and exit."),
    )
    # A build's self-test (packaging/smoke_test.sh, gui/smoke.py): open the latest
    # workshop, export it to FILE through the window and quit. Not for users: hidden.
    options.add_argument("--smoke-test", metavar="FILE", type=Path, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", title=_("commands"), metavar="COMMAND")

    def command(name: str, help_text: str, run: Callable[[argparse.Namespace], int]):
        sub = commands.add_parser(name, help=help_text, description=help_text, **_parser_kwargs())
        sub.set_defaults(run=run)
        _add_common(sub.add_argument_group(_("options")), top=False)
        return sub

    command(
        "list",
        _(
            "List the workshops, most recently changed first: id, unit name and first date "
            "(YYYY-MM-DD, or empty), separated by tabs."
        ),
        _run_list,
    )
    command(
        "demo",
        _(
            "Create the demo workshop, a finished example, and print its id and unit name. "
            "Every run adds another copy; when there are several, export them by id."
        ),
        _run_demo,
    )
    export = command(
        "export",
        _(
            "Export a workshop's foundation as PDF, Word or Markdown, the whole workshop as a "
            "workshop file, or its raw data as CSV (or several at once), and print each file "
            "written."
        ),
        _run_export,
    )
    arguments = export.add_argument_group(_("arguments"))
    arguments.add_argument(
        "workshop", metavar="WORKSHOP", help=_("The workshop's id, or its exact unit name.")
    )
    arguments.add_argument(
        "--pdf",
        metavar="FILE",
        type=Path,
        help=_("The PDF file to write (replaced if it exists)."),
    )
    arguments.add_argument(
        "--docx",
        metavar="FILE",
        type=Path,
        help=_("The Word file (.docx) to write (replaced if it exists)."),
    )
    arguments.add_argument(
        "--md",
        metavar="FILE",
        type=Path,
        help=_("The Markdown file to write (replaced if it exists)."),
    )
    arguments.add_argument(
        "--appendix",
        action="store_true",
        help=_("Add an appendix with the workshop's notes, step by step."),
    )
    arguments.add_argument(
        "--workshop-file",
        metavar="FILE",
        type=Path,
        help=_(
            "The workshop file to write: the whole workshop, to import on another "
            "computer (replaced if it exists)."
        ),
    )
    arguments.add_argument(
        "--csv",
        metavar="FILE",
        type=Path,
        help=_(
            "The raw data to write: a zip file with the notes, votes and ratings as CSV "
            "files for Excel (replaced if it exists)."
        ),
    )
    importer = command(
        "import",
        _(
            "Import a workshop file: a new workshop is added, one that is here already gets "
            "the file's new notes and changes (nothing is deleted). Prints the workshop's id "
            "and unit name."
        ),
        _run_import,
    )
    importer.add_argument_group(_("arguments")).add_argument(
        "file", metavar="FILE", type=Path, help=_("The workshop file to import.")
    )
    return parser


# --------------------------------------------------------------------- commands
def _data_dir(args: argparse.Namespace) -> Path:
    folder = getattr(args, "data_dir", None) or default_data_dir()
    if folder.exists() and not folder.is_dir():
        raise CliError(_("{path} is not a folder.").format(path=folder))
    return folder


def _open(args: argparse.Namespace, *, create: bool) -> Workspace | None:
    """The workspace, or None when there is no database and ``create`` is false."""
    path = database_path(_data_dir(args))
    if not create and not path.exists():
        return None
    from leaderapp.core.workspace import Workspace

    return Workspace.open(path)


def _run_gui(args: argparse.Namespace) -> int:
    data_dir = getattr(args, "data_dir", None)
    from leaderapp.core.storage.integrity import begin_quick_check

    # The database's check reads the file while Qt is imported (docs/performance.md).
    begin_quick_check(database_path(data_dir))
    try:
        from leaderapp.gui.app import run_gui
    except ImportError as exc:
        # E.g. Qt's system libraries are missing on this machine.
        raise CliError(_("Cannot start the window: {error}").format(error=exc)) from exc
    return run_gui(data_dir, smoke_pdf=getattr(args, "smoke_test", None))


def _run_list(args: argparse.Namespace) -> int:
    workspace = _open(args, create=False)
    summaries = []
    if workspace is not None:
        try:
            summaries = workspace.list_workshops()
        finally:
            workspace.close()
    if not summaries:
        print(
            _("No workshops in {folder} yet. Try “{prog} demo”.").format(
                folder=_data_dir(args), prog=PROG
            ),
            file=sys.stderr,
        )
    for s in summaries:
        first = s.first_date.isoformat() if s.first_date else ""
        print(f"{s.id}\t{s.unit_name}\t{first}")
    return EXIT_OK


def _run_demo(args: argparse.Namespace) -> int:
    workspace = _open(args, create=True)
    try:
        from leaderapp.core.demo import create_demo_workshop

        workshop_id = create_demo_workshop(workspace)
        print(f"{workshop_id}\t{workspace.workshop(workshop_id).unit_name}")
    finally:
        workspace.close()
    return EXIT_OK


def _run_export(args: argparse.Namespace) -> int:
    targets = [(kind, path) for kind in ("pdf", "docx", "md") if (path := getattr(args, kind))]
    workshop_file = getattr(args, "workshop_file", None)
    raw_csv = getattr(args, "csv", None)
    if not targets and workshop_file is None and raw_csv is None:
        raise CliError(
            _("Name at least one file to write: --pdf, --docx, --md, --workshop-file or --csv.")
        )
    workspace = _open(args, create=False)
    if workspace is None:
        raise CliError(_("There are no workshops in {folder}.").format(folder=_data_dir(args)))
    try:
        workshop = workspace.find_workshop(args.workshop)
        snapshot = workspace.snapshot(workshop.id)
        if workshop_file is not None:
            written_file = _write_workshop_file(workspace, workshop.id, workshop_file)
    finally:
        workspace.close()
    if raw_csv is not None:
        from leaderapp.core.export import ExportError
        from leaderapp.core.transfer.raw_csv import write_raw_csv

        try:
            print(write_raw_csv(snapshot, raw_csv), flush=True)
        except ExportError as exc:
            raise CliError(str(exc)) from exc
    if not targets:
        if workshop_file is not None:
            print(written_file)
        return EXIT_OK
    # reportlab and python-docx load only for an export (they are slow to import).
    from leaderapp.core.export import ExportError
    from leaderapp.core.export.docx import export_docx
    from leaderapp.core.export.markdown import export_markdown
    from leaderapp.core.export.pdf import export_pdf

    writers = {"pdf": export_pdf, "docx": export_docx, "md": export_markdown}
    for kind, path in targets:
        try:
            written = writers[kind](snapshot, path, appendix=args.appendix)
        except ExportError as exc:
            raise CliError(str(exc)) from exc
        print(written, flush=True)
    if workshop_file is not None:
        print(written_file)
    return EXIT_OK


def _write_workshop_file(workspace: Workspace, workshop_id: str, target: Path) -> Path:
    from leaderapp.core.transfer import WorkshopFileError, export_workshop_file

    try:
        return export_workshop_file(workspace, workshop_id, target)
    except WorkshopFileError as exc:
        raise CliError(str(exc)) from exc


def _run_import(args: argparse.Namespace) -> int:
    from leaderapp.core.transfer import WorkshopFileError, import_workshop_file
    from leaderapp.core.transfer.validate import read_document

    source: Path = args.file
    try:
        if not database_path(_data_dir(args)).exists():
            # Check the file before creating a database for it: a refused file
            # must leave the folder as it was.
            read_document(source)
        workspace = _open(args, create=True)
        try:
            summary = import_workshop_file(workspace, source)
        finally:
            workspace.close()
    except WorkshopFileError as exc:
        raise CliError(str(exc)) from exc
    print(f"{summary.workshop_id}\t{summary.unit_name}")
    print(summary.describe(), file=sys.stderr)
    return EXIT_OK


# ------------------------------------------------------------------------- main
def _message(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        where = exc.filename
        text = f"{exc.strerror}: {where}" if where else exc.strerror
    elif isinstance(exc, sqlite3.Error):
        text = _("The database cannot be used: {error}").format(error=exc)
    else:
        text = str(exc) or type(exc).__name__
    return " ".join(text.split())  # one line, whatever the message held


def _language(argv: Sequence[str]) -> None:
    # Before building the parser, so that the help texts are in that language.
    # An unknown value is left for the real parser to report.
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang")
    known, _rest = pre.parse_known_args(argv)
    if known.lang in SUPPORTED_LANGUAGES:
        set_language(known.lang)


def _expected_errors() -> tuple[type[BaseException], ...]:
    """The failures reported as one line; evaluated only when something failed."""
    from leaderapp.core.demo import DemoError
    from leaderapp.core.library import LibraryError
    from leaderapp.core.model import ValidationError
    from leaderapp.core.storage import StorageError
    from leaderapp.core.workspace import NotFound

    return (
        CliError,
        DemoError,
        NotFound,
        StorageError,
        ValidationError,
        LibraryError,
        OSError,
        sqlite3.Error,
    )


# The window's own options; each takes one value.
_WINDOW_OPTIONS = {"--data-dir": Path, "--lang": str, "--smoke-test": Path}


def _window_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments of a plain window start (``[--data-dir DIR] [--lang L]``), or None.

    Building the whole translated parser costs ~10 ms, a noticeable part of the window's
    cold start (docs/performance.md); this reads the window's few options without it.
    Anything else (a command, ``--help``, a typo, an unknown language) returns None and
    goes through argparse, which reports it as before.
    """
    values: dict[str, object] = {}
    args = iter(argv)
    for arg in args:
        name, equals, value = arg.partition("=")
        if name not in _WINDOW_OPTIONS or name in values:
            return None
        if not equals:
            value = next(args, None)
            if value is None or value.startswith("-"):
                return None
        if not value or (name == "--lang" and value not in SUPPORTED_LANGUAGES):
            return None
        values[name] = _WINDOW_OPTIONS[name](value)
    return argparse.Namespace(
        data_dir=values.get("--data-dir"),
        lang=values.get("--lang"),
        smoke_test=values.get("--smoke-test"),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        # A console that cannot show “Ł” must not turn a listing into a crash.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    _language(argv)
    args = _window_arguments(argv) or build_parser().parse_args(argv)
    run = getattr(args, "run", _run_gui)
    try:
        return run(args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except _expected_errors() as exc:
        print(f"{PROG}: {_message(exc)}", file=sys.stderr)
        return EXIT_ERROR
