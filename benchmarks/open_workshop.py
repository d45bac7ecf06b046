"""Open the large workshop (2,000 notes, 40 steps, 6 values) from the start page
until its view has painted: the first open in a fresh process (cold caches, lazy
imports), and warm re-opens after going back to the start page.

Floor: the same texts (40 step titles in a list, the open step's notes in a
list, one note in an editor) shown by bare Qt widgets in a window of the same
size, built and painted in the same process.

    python -m benchmarks.open_workshop --child DATA_DIR WORKSHOP_ID [--opens N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from benchmarks.common import Measurement, check, child_env, child_json, emit

TARGET_MS = 200.0


def _floor_open(window_size, step_titles: list[str], notes: list[str]) -> float:
    from PySide6.QtWidgets import (
        QHBoxLayout,
        QListWidget,
        QMainWindow,
        QPlainTextEdit,
        QVBoxLayout,
        QWidget,
    )

    from benchmarks.appdriver import ms_since, wait_painted

    start = time.perf_counter()
    window = QMainWindow()
    window.resize(window_size)
    body = QWidget()
    row = QHBoxLayout(body)
    sidebar = QListWidget()
    sidebar.setWordWrap(True)
    sidebar.addItems(step_titles)
    sidebar.setFixedWidth(300)
    row.addWidget(sidebar)
    column = QVBoxLayout()
    listing = QListWidget()
    listing.setWordWrap(True)
    listing.addItems(notes)
    column.addWidget(listing, 3)
    editor = QPlainTextEdit()
    editor.setPlainText(notes[-1] if notes else "")
    column.addWidget(editor, 2)
    row.addLayout(column, 1)
    window.setCentralWidget(body)
    window.show()
    wait_painted(window)
    took = ms_since(start)
    window.close()
    return took


def child(data_dir: Path, workshop_id: str, opens: int) -> None:
    import resource

    from benchmarks.appdriver import ms_since, start_window, wait_painted

    app, workspace, window = start_window(data_dir)
    times = []
    for n in range(opens):
        start = time.perf_counter()
        window.open_workshop(workshop_id)
        wait_painted(window.workshop_view)
        times.append(ms_since(start))
        if n == 0:
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            # The floor shows what the view shows: the step titles, the open step's notes.
            view = window.workshop_view
            titles = [workspace.step_title(s) for s in view.steps]
            notes = [n.text for n in workspace.notes(workshop_id, view.current_step().id)]
        window.show_start()
        wait_painted(window.start_page)

    floor = [_floor_open(window.size(), titles, notes) for _ in range(opens)]
    window.close()
    workspace.close()
    emit({"open": times, "floor": floor, "peak_mb_after_first_open": peak_mb})
    app.quit()


def measure(
    data_dir: Path, workshop_id: str, *, processes: int = 5, opens: int = 5
) -> list[Measurement]:
    first, warm, first_floor, warm_floor = [], [], [], []
    for _ in range(processes):
        result = child_json(
            [
                "-m",
                "benchmarks.open_workshop",
                "--child",
                str(data_dir),
                workshop_id,
                "--opens",
                str(opens),
            ],
            child_env(),
        )
        first.append(result["open"][0])
        warm.extend(result["open"][1:])
        first_floor.append(result["floor"][0])
        warm_floor.extend(result["floor"][1:])
    floor_name = "bare QListWidgets + QPlainTextEdit with the same texts"
    target = f"<= {TARGET_MS:.0f} ms"
    results = [
        check(
            Measurement("open large workshop, first", "ms", first, first_floor, floor_name, target),
            lambda m: m.median <= TARGET_MS,
        )
    ]
    if warm:
        results.append(
            check(
                Measurement(
                    "open large workshop, again", "ms", warm, warm_floor, floor_name, target
                ),
                lambda m: m.median <= TARGET_MS,
            )
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", action="store_true")
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("workshop_id")
    parser.add_argument("--opens", type=int, default=5)
    args = parser.parse_args()
    if args.child:
        child(args.data_dir, args.workshop_id, args.opens)
    else:
        from benchmarks.common import print_report

        print_report(measure(args.data_dir, args.workshop_id, opens=args.opens))


if __name__ == "__main__":
    main()
