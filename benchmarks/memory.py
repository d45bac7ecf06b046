"""Peak memory (resident set) of the app with the large workshop open, against the
floor program (an empty QMainWindow). Each is its own process; the peak is the
kernel's count for that process (``wait4`` rusage), so nothing is sampled.

    python -m benchmarks.memory --child DATA_DIR WORKSHOP_ID
"""

from __future__ import annotations

import argparse
from pathlib import Path

from benchmarks.common import Measurement, check, child_env, run_child

TARGET_EXTRA_MB = 60.0
FLOOR_SCRIPT = str(Path("benchmarks") / "floor_window.py")


def child(data_dir: Path, workshop_id: str) -> None:
    from benchmarks.appdriver import start_window, wait_painted

    app, workspace, window = start_window(data_dir)
    window.open_workshop(workshop_id)
    wait_painted(window.workshop_view)
    window.close()
    workspace.close()
    app.quit()


def measure(data_dir: Path, workshop_id: str, *, repeat: int = 3) -> Measurement:
    app, floor = [], []
    for _ in range(repeat):
        app.append(
            run_child(
                ["-m", "benchmarks.memory", "--child", str(data_dir), workshop_id], child_env()
            ).peak_rss_mb
        )
        floor.append(
            run_child([FLOOR_SCRIPT], child_env(LEADERAPP_EXIT_WHEN_SHOWN="1")).peak_rss_mb
        )
    return check(
        Measurement(
            "peak memory, large workshop open",
            "MB",
            app,
            floor,
            "empty QMainWindow, bare PySide6",
            f"<= floor + {TARGET_EXTRA_MB:.0f} MB",
        ),
        lambda m: m.median - m.floor_median <= TARGET_EXTRA_MB,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", action="store_true")
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("workshop_id")
    args = parser.parse_args()
    if args.child:
        child(args.data_dir, args.workshop_id)
    else:
        from benchmarks.common import print_report

        print_report([measure(args.data_dir, args.workshop_id)])


if __name__ == "__main__":
    main()
