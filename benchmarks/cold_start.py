"""Cold start: from process creation until the main window has painted its first
frame with the start page's list filled, against the floor (benchmarks/floor_window.py,
an empty QMainWindow), both measured by the same rule in alternating runs.

Offscreen, and as a real X11 window: on the current display if there is one, else
under ``xvfb-run`` (the X server starts once, outside the timed region).

    python -m benchmarks.cold_start DATA_DIR [--platform xcb] [--repeat N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from benchmarks.common import REPO, Measurement, check, child_env, run_child, shown_time

TARGET_RATIO = 2.0
FLOOR_SCRIPT = str(Path("benchmarks") / "floor_window.py")


def _time_to_shown(args: list[str], env: dict[str, str]) -> float:
    run = run_child(args, env)
    return (shown_time(run.stdout) - run.started) * 1000


def measure(
    data_dir: Path, *, platform: str = "offscreen", repeat: int = 7, warmup: bool = True
) -> Measurement:
    env = child_env(platform)
    app_env = child_env(platform, LEADERAPP_EXIT_WHEN_SHOWN="1")
    app_args = ["-m", "leaderapp", "--data-dir", str(data_dir)]
    app, floor = [], []
    # Round 0 fills the OS file cache (and compiles .pyc files); it is not counted.
    # Alternating app and floor spreads a noisy neighbour's load over both.
    for round_ in range(0 if warmup else 1, repeat + 1):
        pair = [(floor, FLOOR_SCRIPT, env), (app, None, app_env)]
        if round_ % 2:
            pair.reverse()
        for samples, script, run_env in pair:
            ms = _time_to_shown([script] if script else app_args, run_env)
            if round_:
                samples.append(ms)
    return check(
        Measurement(
            f"cold start, {platform}",
            "ms",
            app,
            floor,
            "empty QMainWindow, bare PySide6",
            f"<= {TARGET_RATIO:.1f}x floor",
        ),
        lambda m: m.ratio <= TARGET_RATIO,
    )


def real_window(data_dir: Path, *, repeat: int, warmup: bool = True) -> Measurement | str:
    """The same measurement as a real X11 window; a string says why it was skipped."""
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return measure(data_dir, platform="xcb", repeat=repeat, warmup=warmup)
    xvfb = shutil.which("xvfb-run")
    if not xvfb or not sys.platform.startswith("linux"):
        return "cold start, real window: skipped (no display and no xvfb-run)"
    out = subprocess.run(
        [
            xvfb,
            "-a",
            "-s",
            "-screen 0 1366x768x24",
            sys.executable,
            "-m",
            "benchmarks.cold_start",
            str(data_dir),
            "--platform",
            "xcb",
            "--repeat",
            str(repeat),
            "--json",
            *([] if warmup else ["--no-warmup"]),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if out.returncode != 0:
        return f"cold start, xcb under xvfb-run: failed\n{out.stderr[-2000:]}"
    data = json.loads(out.stdout.strip().splitlines()[-1])
    measurement = Measurement(**data)
    measurement.name += " (Xvfb)"
    return measurement


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--platform", default="offscreen")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-warmup", action="store_true")
    args = parser.parse_args()
    result = measure(
        args.data_dir, platform=args.platform, repeat=args.repeat, warmup=not args.no_warmup
    )
    if args.json:
        print(json.dumps({k: getattr(result, k) for k in result.__dataclass_fields__}))
    else:
        from benchmarks.common import print_report

        print_report([result])


if __name__ == "__main__":
    main()
