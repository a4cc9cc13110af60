"""Case 2b: edit-to-file-written latency of ``baocao watch``, when that command exists."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import yaml

from bench.content import SAMPLE, give_template
from bench.measure import median, ratio

EDITED_AREA = "kinh-te.yaml"
START_TIMEOUT = 30.0
EDIT_TIMEOUT = 10.0
SETTLE = 0.5
"""Pause before each edit so one edit is not merged with the previous one by a debounce."""


def available() -> bool:
    """Return True if this checkout has a ``watch`` command."""
    from generator.cli import COMMANDS

    return "watch" in COMMANDS


def watch_latency(bench) -> list[dict]:
    """Start `baocao watch` on a copy of the sample, edit an area file, time the new output."""
    from bench.cases import row

    label = "watch: edit → .docx written"
    if not available():
        print("  watch: skipped, this checkout has no `baocao watch` command yet.")
        return [row("watch", label, None, budget="(no budget)", skipped="no watch command")]
    project = bench.tmp / "watch"
    report = project / "data" / SAMPLE.name
    shutil.copytree(SAMPLE, report)
    give_template(project)
    output = project / "output" / f"{SAMPLE.name}.docx"
    cmd = bench.baocao("watch", str(report.relative_to(project)))
    if "--output" in _help(bench, project):
        cmd += ["-o", str(output)]
    with open(project / "watch.log", "wb") as log:
        proc = subprocess.Popen(cmd, cwd=project, env=bench.env, stdin=subprocess.DEVNULL,
                                stdout=log, stderr=subprocess.STDOUT)
        try:
            times = _measure(proc, report / "areas" / EDITED_AREA, output, bench.settings.runs)
        finally:
            _stop(proc)
    if times is None:
        log_text = (project / "watch.log").read_text(encoding="utf-8", errors="replace")
        print(f"  watch: no output within the time limits; its output:\n{log_text[-1500:]}")
        return [row("watch", label, None, budget="(no budget)", skipped="no output")]
    value = median(times)
    return [row("watch", label, value, baseline_label="in-process rebuild",
                baseline=bench.rebuild_median, budget="(overhead = ratio)", met=None,
                runs=times, overhead=ratio(value, bench.rebuild_median))]


def _help(bench, cwd: Path) -> str:
    done = subprocess.run(bench.baocao("watch", "--help"), cwd=cwd, env=bench.env,
                          capture_output=True, text=True, encoding="utf-8", timeout=60,
                          check=False)
    return done.stdout


def _measure(proc, area: Path, output: Path, runs: int) -> list[float] | None:
    """Return the latency of each of `runs` edits, or None if watch never writes."""
    if _wait_change(proc, output, None, START_TIMEOUT / 4) is None:
        area.write_bytes(area.read_bytes())  # no first build at start: trigger one
        if _wait_change(proc, output, None, START_TIMEOUT) is None:
            return None
    data = yaml.safe_load(area.read_text(encoding="utf-8"))
    first = data["paragraphs"][0]
    times = []
    for i in range(1, runs + 1):
        time.sleep(SETTLE)
        before = _signature(output)
        data["paragraphs"][0] = f"(Bản sửa {i}) {first}"
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
        started = time.perf_counter()
        area.write_text(text, encoding="utf-8")
        if _wait_change(proc, output, before, EDIT_TIMEOUT) is None:
            return None
        times.append(time.perf_counter() - started)
    return times


def _signature(path: Path):
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def _wait_change(proc, output: Path, before, timeout: float):
    """Poll every 2 ms until `output` differs from `before`; None on timeout or exit."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline and proc.poll() is None:
        now = _signature(output)
        if now is not None and now != before:
            return now
        time.sleep(0.002)
    return None


def _stop(proc) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)
