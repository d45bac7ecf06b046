"""Search across many workshops (100 workshops, 10,000 notes): the latency of
``leaderapp.core.search.search`` per query, p50 and p99 over a mix of queries
such as a facilitator types them (common and rare words, prefixes while typing,
two words, Danish letters, no hits, FTS syntax).

Floor: the same FTS5 query (MATCH, rank, snippet, LIMIT) through a plain sqlite3
connection, without app code.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from benchmarks.common import Measurement, check

TARGET_P99_MS = 20.0
LIMIT = 50
QUERIES = (
    "dialog",
    "d",
    "di",
    "dia",
    "tillid",
    "ledelse",
    "møde",
    "ærlig",
    "åbent",
    "pårørende",
    "vi",
    "og",
    "patientsikkerhed",
    "tavlemødet vagtskifte",
    "mod læring fejl",
    "feedback sparring",
    "kvalitet i kerneopgave",
    "zebra",
    'NEAR("dialog"',
    "AND OR NOT",
)


def measure(data_dir: Path, *, rounds: int = 10) -> Measurement:
    from leaderapp.core.paths import database_path
    from leaderapp.core.search import fts_query, search
    from leaderapp.core.workspace import Workspace

    path = database_path(data_dir)
    workspace = Workspace.open(path)
    raw = sqlite3.connect(path)
    app, floor = [], []
    try:
        for query in QUERIES:  # warm-up: page cache, statement cache, exercise library
            search(workspace, query, LIMIT)
        for _ in range(rounds):
            for query in QUERIES:
                start = time.perf_counter()
                search(workspace, query, LIMIT)
                app.append((time.perf_counter() - start) * 1000)
                match = fts_query(query)  # not timed: the floor gets a ready query
                start = time.perf_counter()
                if match:
                    raw.execute(
                        "SELECT rowid, snippet(note_fts, 0, '', '', '…', 14) FROM note_fts "
                        "WHERE note_fts MATCH ? ORDER BY rank LIMIT ?",
                        [match, LIMIT],
                    ).fetchall()
                floor.append((time.perf_counter() - start) * 1000)
        notes = workspace.db.execute("SELECT count(*) FROM note").fetchone()[0]
        workshops = workspace.db.execute("SELECT count(*) FROM workshop").fetchone()[0]
    finally:
        raw.close()
        workspace.close()
    return check(
        Measurement(
            "search, per query",
            "ms",
            app,
            floor,
            "the same FTS5 query through plain sqlite3",
            f"p99 <= {TARGET_P99_MS:.0f} ms",
            note=f"{len(QUERIES)} queries x {rounds} over {workshops} workshops, {notes} notes",
        ),
        lambda m: m.p(99) <= TARGET_P99_MS,
    )


def child_panel(data_dir: Path, rounds: int) -> None:
    """The start page's search panel: query, fill the hit list, repaint."""
    from PySide6.QtWidgets import QApplication, QListWidget

    from benchmarks.appdriver import start_window
    from benchmarks.common import emit

    app, workspace, window = start_window(data_dir)
    panel = window.start_page.search
    times, floor = [], []
    for _ in range(rounds):
        for query in QUERIES:
            panel.field.setText(query)  # starts the debounce timer; run() is what it calls
            start = time.perf_counter()
            panel.run()
            app.processEvents()
            times.append((time.perf_counter() - start) * 1000)
            texts = [panel.results.item(i).text() for i in range(panel.results.count())]
            bare = QListWidget()
            bare.setWordWrap(True)
            bare.resize(panel.results.size())
            bare.show()
            QApplication.processEvents()
            start = time.perf_counter()
            bare.addItems(texts)
            app.processEvents()
            floor.append((time.perf_counter() - start) * 1000)
            bare.close()
    window.close()
    workspace.close()
    emit({"panel": times, "floor": floor})
    app.quit()


def measure_panel(data_dir: Path, *, rounds: int = 3) -> Measurement:
    from benchmarks.common import child_env, child_json

    result = child_json(
        ["-m", "benchmarks.search", "--child-panel", str(data_dir), "--rounds", str(rounds)],
        child_env(),
    )
    return Measurement(
        "search panel: query, list, repaint (GUI)",
        "ms",
        result["panel"],
        result["floor"],
        "the same hit texts added to a bare QListWidget",
        note="what typing in the search field costs once the 150 ms pause is over",
    )


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--child-panel", action="store_true")
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if args.child_panel:
        child_panel(args.data_dir, args.rounds)
    else:
        from benchmarks.common import print_report

        print_report([measure(args.data_dir, rounds=args.rounds), measure_panel(args.data_dir)])


if __name__ == "__main__":
    main()
