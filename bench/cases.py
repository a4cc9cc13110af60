"""The measured cases. Each returns result rows: a median beside a baseline from the same run."""

from __future__ import annotations

import json
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bench.content import SAMPLE, copied_reports, report_markdown, scaled_report
from bench.measure import Sample, checked, child_env, median, peak_mb, ratio, run_process

CHILD = Path(__file__).resolve().parent / "child.py"
WATCH_AREA = "kinh-te.yaml"
"""The area file the watch case edits."""


@dataclass
class Settings:
    """What to run and how often."""

    runs: int = 5
    rebuilds: int = 30
    scales: tuple[int, ...] = (1, 10, 50)
    folders: int = 100
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    cases: tuple[str, ...] = ("cold", "rebuild", "watch", "scale", "batch", "hostile")
    build_args: tuple[str, ...] = ()
    """Extra options for every measured ``baocao build`` (e.g. ``--no-check``)."""
    hostile_size: int = 100_000
    """Characters of each adversarial kind in the ``hostile`` case."""


@dataclass
class Bench:
    """Shared state of one benchmark run: the temp folder, the environment, the baselines."""

    tmp: Path
    settings: Settings
    env: dict = field(init=False)
    pandoc: str | None = field(init=False)
    pandoc_median: float | None = None
    rebuild_median: float | None = None

    def __post_init__(self):
        self.env = child_env(self.tmp / "pycache")
        self.pandoc = shutil.which("pandoc")

    def warm_up(self) -> None:
        """Build the sample once, untimed, so the bytecode cache holds every module used."""
        out = self.tmp / "out" / "warm-up.docx"
        self.run(self.build(str(SAMPLE), "-o", str(out)), self.tmp, "warm-up build")

    def baocao(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "generator", *args]

    def build(self, *args: str) -> list[str]:
        """Return the ``baocao build`` command line with the extra options asked for."""
        return self.baocao("build", *self.settings.build_args, *args)

    def child(self, *args: str) -> list[str]:
        return [sys.executable, str(CHILD), *args]

    def run(self, cmd: list[str], cwd: Path, what: str) -> Sample:
        return checked(run_process(cmd, cwd, self.env), what)

    def pandoc_cmd(self, markdown: Path, output: Path) -> list[str]:
        return [self.pandoc, "-f", "markdown", "-t", "docx", "-o", str(output), str(markdown)]


def row(case: str, label: str, value: float | None, *, baseline_label: str = "",
        baseline: float | None = None, budget: str = "", met: bool | None = None,
        **extra) -> dict:
    """Return one result row (the table line and the JSON record)."""
    return {"case": case, "label": label, "median_s": value, "baseline_label": baseline_label,
            "baseline_s": baseline, "ratio": ratio(value, baseline), "budget": budget,
            "met": met, **extra}


def _markdown_of(bench: Bench, report_dir: Path, name: str) -> Path:
    """Write the Markdown twin of `report_dir` once; return its path."""
    from generator.pipeline import compile_report

    path = bench.tmp / f"{name}.md"
    path.write_text(report_markdown(compile_report(report_dir).report), encoding="utf-8")
    return path


def _cold_pair(bench: Bench, report_dir: Path, markdown: Path, name: str,
               runs: int) -> tuple[list[Sample], list[Sample]]:
    """Time `baocao build` and pandoc on the same content, interleaved, after one warm-up each.

    The warm-up run fills the bytecode cache and the OS file cache; every timed run writes a
    new file, so nothing is skipped as unchanged.
    """
    out = bench.tmp / "out" / name
    out.mkdir(parents=True, exist_ok=True)
    ours, theirs = [], []
    for i in range(runs + 1):
        sample = bench.run(bench.build(str(report_dir), "-o", str(out / f"b{i}.docx")),
                           bench.tmp, "baocao build")
        base = (bench.run(bench.pandoc_cmd(markdown, out / f"p{i}.docx"), bench.tmp, "pandoc")
                if bench.pandoc else None)
        if i:  # run 0 is the warm-up
            ours.append(sample)
            if base:
                theirs.append(base)
    return ours, theirs


def cold(bench: Bench) -> list[dict]:
    """Case 1: a fresh `baocao build` process vs pandoc converting the same content."""
    markdown = _markdown_of(bench, SAMPLE, "sample")
    ours, theirs = _cold_pair(bench, SAMPLE, markdown, "cold", bench.settings.runs)
    value = median([s.seconds for s in ours])
    bench.pandoc_median = median([s.seconds for s in theirs])
    r = ratio(value, bench.pandoc_median)
    return [row("cold", "cold build, sample (new process)", value,
                baseline_label="pandoc md→docx", baseline=bench.pandoc_median,
                budget="≤ 1.0× pandoc", met=None if r is None else r <= 1.0,
                peak_rss_mb=peak_mb(ours), baseline_peak_rss_mb=peak_mb(theirs),
                runs=[s.seconds for s in ours], baseline_runs=[s.seconds for s in theirs])]


def _rebuild_times(bench: Bench, report_dir: Path, runs: int) -> tuple[dict, Sample]:
    output = bench.tmp / "out" / f"rebuild-{report_dir.name}.docx"
    sample = bench.run(bench.child("rebuild", str(report_dir), str(output), str(runs)),
                       bench.tmp, "in-process rebuild")
    return json.loads(sample.output.strip().splitlines()[-1]), sample


def rebuild(bench: Bench) -> list[dict]:
    """Case 2a: `build_report` called again and again in one process, as `watch` does."""
    result, sample = _rebuild_times(bench, SAMPLE, bench.settings.rebuilds)
    value = bench.rebuild_median = median(result["times"])
    return [row("rebuild", "in-process rebuild, sample", value,
                baseline_label="pandoc md→docx", baseline=bench.pandoc_median,
                budget="< 60 ms", met=value < 0.060, first_build_s=result["first"],
                imports_s=result["imports"],
                peak_rss_mb=sample.peak_rss_mb, runs=result["times"])]


def scale(bench: Bench) -> list[dict]:
    """Case 3: the sample repeated 1×, 10×, 50×: cold build vs pandoc, warm build, peak memory."""
    rows = []
    for factor in bench.settings.scales:
        report_dir = scaled_report(bench.tmp / "scale" / "data" / f"x{factor}", factor)
        from generator.pipeline import compile_report

        report = compile_report(report_dir).report
        markdown = _markdown_of(bench, report_dir, f"x{factor}")
        ours, theirs = _cold_pair(bench, report_dir, markdown, f"x{factor}", bench.settings.runs)
        warm, _ = _rebuild_times(bench, report_dir, max(3, bench.settings.runs))
        value, peak = median([s.seconds for s in ours]), peak_mb(ours)
        big = factor == max(bench.settings.scales)
        rows.append(row(
            f"scale-{factor}", f"cold build, sample ×{factor}", value,
            baseline_label="pandoc md→docx", baseline=median([s.seconds for s in theirs]),
            budget="< 5 s, < 300 MB" if big else "",
            met=(value < 5.0 and (peak is None or peak < 300)) if big else None,
            factor=factor, paragraphs=report.paragraph_count, footnotes=len(report.footnotes),
            warm_build_s=median(warm["times"]), peak_rss_mb=peak,
            baseline_peak_rss_mb=peak_mb(theirs), runs=[s.seconds for s in ours]))
    return rows + _growth(rows)


def _growth(rows: list[dict]) -> list[dict]:
    """Return the growth row: largest scale over 1×, for the warm build, cold build and memory."""
    by_factor = {r["factor"]: r for r in rows}
    if 1 not in by_factor or len(by_factor) < 2:
        return []
    top = max(by_factor)
    one, big = by_factor[1], by_factor[top]
    warm = ratio(big["warm_build_s"], one["warm_build_s"])
    return [row("growth", f"growth ×{top}/×1, warm build", big["warm_build_s"],
                baseline_label="warm build ×1", baseline=one["warm_build_s"],
                budget=f"ratio ≤ {top} (linear)", met=warm is not None and warm <= top,
                cold_ratio=ratio(big["median_s"], one["median_s"]),
                memory_ratio=ratio(big["peak_rss_mb"], one["peak_rss_mb"]),
                pandoc_ratio=ratio(big["baseline_s"], one["baseline_s"]))]


def _has_jobs_option(bench: Bench) -> bool:
    """Return True if `baocao build` takes ``--jobs`` (build_many wired into the command)."""
    sample = run_process(bench.baocao("build", "--help"), bench.tmp, bench.env)
    return "--jobs" in sample.output


def batch(bench: Bench) -> list[dict]:
    """Case 4: N report folders at once: the command as it is, and `build_many` on 1 and N cores.

    The command may do more per folder than `build_many` (editorial checks, for one), so the
    parallel speed-up is measured against `build_many` with one job: the same work.
    """
    project = bench.tmp / "batch"
    folders = copied_reports(project / "data", bench.settings.folders)
    names = [str(f.relative_to(project)) for f in folders]  # as the shell expands data/*
    jobs = bench.settings.jobs
    if _has_jobs_option(bench):
        def many(n: int) -> list[str]:
            return bench.build("--jobs", str(n), *names)
        how = "baocao build --jobs {}"
    else:
        def many(n: int) -> list[str]:
            return bench.child("batch", str(n), *names)
        how = "build_many(jobs={})"
    commands = {"command": bench.build(*names), "one": many(1), "all": many(jobs)}
    runs: dict[str, list[Sample]] = {key: [] for key in commands}
    for _ in range(max(1, min(3, bench.settings.runs))):
        for key, cmd in commands.items():
            shutil.rmtree(project / "output", ignore_errors=True)  # every run writes every file
            runs[key].append(bench.run(cmd, project, "batch build"))
    seconds = {key: median([s.seconds for s in samples]) for key, samples in runs.items()}
    n, big = bench.settings.folders, bench.settings.folders >= 100
    return [
        row("batch-command", f"{n} folders, baocao build data/*", seconds["command"],
            budget="< 15 s" if big else "", met=seconds["command"] < 15.0 if big else None,
            peak_rss_mb=peak_mb(runs["command"]), runs=[s.seconds for s in runs["command"]]),
        row("batch-seq", f"{n} folders, {how.format(1)}", seconds["one"],
            peak_rss_mb=peak_mb(runs["one"]), runs=[s.seconds for s in runs["one"]]),
        row("batch", f"{n} folders, {how.format(jobs)}", seconds["all"],
            baseline_label="one job", baseline=seconds["one"],
            budget="< 15 s" if big else "", met=seconds["all"] < 15.0 if big else None,
            jobs=jobs, peak_rss_mb=peak_mb(runs["all"]), runs=[s.seconds for s in runs["all"]]),
    ]
