"""What every scenario shares: statistics, the result table, child processes."""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def percentile(samples: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100): a value that really occurred."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass
class Measurement:
    """One line of the report: samples of the app, samples of its floor (the same
    work done by the stack alone, measured in the same run) and the target."""

    name: str
    unit: str  # "ms" or "MB"
    samples: list[float]
    floor: list[float] = field(default_factory=list)
    floor_name: str = ""
    target: str = ""
    ok: bool | None = None  # None: no target for this line
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def floor_median(self) -> float | None:
        return statistics.median(self.floor) if self.floor else None

    @property
    def ratio(self) -> float | None:
        floor = self.floor_median
        return self.median / floor if floor else None

    def p(self, q: float) -> float:
        return percentile(self.samples, q)

    def as_dict(self) -> dict:
        data = asdict(self)
        data.update(median=self.median, ratio=self.ratio, floor_median=self.floor_median)
        data.update(p50=self.p(50), p99=self.p(99), min=min(self.samples), max=max(self.samples))
        return data


def check(measurement: Measurement, verdict: Callable[[Measurement], bool]) -> Measurement:
    measurement.ok = bool(verdict(measurement))
    return measurement


# --------------------------------------------------------------------- report
HEADER = (
    f"{'scenario':<44}{'n':>5}{'min':>9}{'median':>9}{'p99':>9}{'max':>9}"
    f"{'floor':>9}{'ratio':>8}  target"
)


def _num(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.1f}" if value < 1000 else f"{value:.0f}"


def format_line(m: Measurement) -> str:
    p99 = _num(m.p(99)) if len(m.samples) >= 20 else "-"
    ratio = f"{m.ratio:.2f}x" if m.ratio is not None else "-"
    verdict = {True: "ok", False: "MISSED", None: ""}[m.ok]
    line = (
        f"{m.name + ' (' + m.unit + ')':<44}{len(m.samples):>5}{_num(min(m.samples)):>9}"
        f"{_num(m.median):>9}{p99:>9}{_num(max(m.samples)):>9}{_num(m.floor_median):>9}"
        f"{ratio:>8}  {m.target} {verdict}".rstrip()
    )
    extra = [f"floor: {m.floor_name}"] if m.floor_name else []
    if m.note:
        extra.append(m.note)
    return line + "".join(f"\n{'':<6}{text}" for text in extra)


def print_report(measurements: Sequence[Measurement], out=sys.stdout) -> None:
    print(HEADER, file=out)
    print("-" * len(HEADER), file=out)
    for m in measurements:
        print(format_line(m), file=out)


# ------------------------------------------------------------ child processes
def child_env(platform: str = "offscreen", **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = platform
    env["LEADERAPP_LANG"] = "da"
    env.pop("LEADERAPP_EXIT_WHEN_SHOWN", None)
    # An installed app runs from compiled bytecode; without .pyc files every run would
    # pay for compiling the app's modules, which the floor (no modules of its own) never does.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(extra)
    return env


@dataclass(frozen=True)
class ChildRun:
    started: float  # time.time() just before the process was created
    stdout: str
    peak_rss_mb: float  # the child's own peak resident memory


def run_child(
    args: Sequence[str], env: dict[str, str] | None = None, timeout: float = 300
) -> ChildRun:
    """Run ``python ARGS`` from the repository; its output and its own peak RSS."""
    with tempfile.TemporaryFile("w+") as out:
        started = time.time()
        proc = subprocess.Popen(
            [sys.executable, *args],
            cwd=REPO,
            env=env or child_env(),
            stdout=out,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + timeout
        while True:
            # wait4 reports this child's own peak RSS (ru_maxrss, KiB on Linux).
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                raise TimeoutError(f"{' '.join(args)} took more than {timeout} s")
            time.sleep(0.002)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read()
        proc.stderr.close()
        out.seek(0)
        text = out.read()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}):\n{err[-3000:]}")
    return ChildRun(started, text, usage.ru_maxrss / 1024)


def child_json(args: Sequence[str], env: dict[str, str] | None = None) -> dict:
    """Run a child that prints its result as one JSON line (``emit``)."""
    run = run_child(args, env)
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"{' '.join(args)} printed no result:\n{run.stdout[-2000:]}")
    return json.loads(lines[-1])


def emit(result: dict) -> None:
    """A child's result: one JSON line on stdout."""
    print(json.dumps(result), flush=True)


def shown_time(stdout: str) -> float:
    """The ``shown <time.time()>`` line of the app's or the floor's start."""
    for line in reversed(stdout.splitlines()):
        if line.startswith("shown "):
            return float(line.split()[1])
    raise RuntimeError(f"no 'shown' line in:\n{stdout[-2000:]}")


def machine_description() -> str:
    """CPU, cores, memory, OS, Python and library versions, for the report."""
    import platform

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
        memory = f", {total / 2**30:.0f} GiB RAM"
    except (ValueError, OSError, AttributeError):
        pass
    import sqlite3

    from PySide6 import __version__ as pyside
    from reportlab import Version as reportlab

    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; {platform.platform()}; "
        f"Python {platform.python_version()}, PySide6 {pyside}, SQLite {sqlite3.sqlite_version}, "
        f"reportlab {reportlab}"
    )
