"""The benchmark harness still runs end to end (``make bench`` at tiny sizes).

Timings are never asserted here: a test machine's speed says nothing about the
app. What is checked is that every scenario produces samples and a floor.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from leaderapp.core.workspace import Workspace

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:  # benchmarks/ is not installed; it lives beside the tests
    sys.path.insert(0, str(REPO))

from benchmarks.generate import large_workshop  # noqa: E402

EXPECTED = {
    "cold start, offscreen": True,  # has a floor
    "open large workshop, first": True,
    "search, per query": True,
    "keystroke in a note, GUI thread": True,
    "commit of a note edit, synchronous=FULL": True,
    "PDF export of the foundation": True,
    "peak memory, large workshop open": True,
}


def test_every_scenario_runs_and_reports_a_ratio(tmp_path):
    out = tmp_path / "results.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--tiny", "--json", str(out)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    results = {r["name"]: r for r in json.loads(out.read_text(encoding="utf-8"))["results"]}
    for name, has_floor in EXPECTED.items():
        assert name in results, f"{name} missing from {sorted(results)}"
        assert results[name]["samples"] and all(s >= 0 for s in results[name]["samples"])
        if has_floor:
            assert results[name]["floor"] and results[name]["ratio"] is not None
        assert name in run.stdout  # printed, with its ratio, in the table
    assert "Machine:" in run.stdout


def test_the_large_workshop_has_the_asked_for_shape_and_the_same_text_every_time():
    def make():
        workspace = Workspace.open(None)
        try:
            workshop_id = large_workshop(workspace, notes=300, steps=40, values=6)
            notes = workspace.notes(workshop_id)
            steps, values = workspace.steps(workshop_id), workspace.values(workshop_id)
            return (len(notes), len(steps), len(values)), sorted(n.text for n in notes)
        finally:
            workspace.close()

    shape, texts = make()
    assert shape == (300, 40, 6)
    assert make()[1] == texts  # a fixed seed: every run measures the same text
    assert any(ch in "".join(texts) for ch in "æøå")
    lengths = sorted(len(t) for t in texts)
    assert 60 < lengths[len(lengths) // 2] < 400  # a sticky note, not a word or an essay
