"""The measured cases. Each returns result rows: a median beside a baseline from the same run."""

from __future__ import annotations

import json
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bench.content import SAMPLE, copied_reports, give_template, report_markdown, scaled_report
from bench.install import Install, install, installed_env
from bench.measure import REPO, Sample, checked, child_env, median, peak_mb, ratio, run_process

CHILD = Path(__file__).resolve().parent / "child.py"
WATCH_AREA = "kinh-te.yaml"
"""The area file the watch case edits."""


@dataclass
class Settings:
    """What to run and how often."""

    runs: int = 5
    rebuilds: int = 30
    scales: tuple[int, ...] = (1, 100, 500)
    folders: int = 1000
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    cases: tuple[str, ...] = ("cold", "help", "check", "rebuild", "checks", "watch", "scale",
                              "batch", "hostile")
    build_args: tuple[str, ...] = ()
    """Extra options for every measured ``baocao build`` (e.g. ``--no-check``)."""
    hostile_size: int = 100_000
    """Characters of each adversarial kind in the ``hostile`` case."""
    project: Path | None = REPO
    """The checkout installed (pip, non-editable) and measured; None: run it in place."""


@dataclass
class Bench:
    """Shared state of one benchmark run: the temp folder, the environment, the baselines."""

    tmp: Path
    settings: Settings
    env: dict = field(init=False)
    pandoc: str | None = field(init=False)
    pandoc_median: float | None = None
    rebuild_median: float | None = None
    installed: Install | None = field(init=False, default=None)

    def __post_init__(self):
        self.pandoc = shutil.which("pandoc")
        if self.settings.project is None:
            self.env = child_env(self.tmp / "pycache")
            return
        self.installed = install(self.settings.project, self.tmp / "install")
        self.env = installed_env()

    @property
    def python(self) -> str:
        return self.installed.python if self.installed else sys.executable

    def warm_up(self) -> None:
        """Build the sample once, untimed, so the bytecode cache holds every module used."""
        out = self.tmp / "out" / "warm-up.docx"
        self.run(self.build(str(SAMPLE), "-o", str(out)), self.tmp, "warm-up build")

    def baocao(self, *args: str) -> list[str]:
        """Return a ``baocao`` command line: the installed script, or the checkout's module."""
        if self.installed:
            return [self.installed.baocao, *args]
        return [sys.executable, "-m", "generator", *args]

    def build(self, *args: str) -> list[str]:
        """Return the ``baocao build`` command line with the extra options asked for."""
        return self.baocao("build", *self.settings.build_args, *args)

    def child(self, *args: str) -> list[str]:
        return [self.python, str(CHILD), *args]

    def run(self, cmd: list[str], cwd: Path, what: str, ok: tuple[int, ...] = (0,)) -> Sample:
        return checked(run_process(cmd, cwd, self.env), what, ok)

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


def interleaved(bench: Bench, commands: dict[str, list[str]], runs: int, warm_up: bool = True,
                ok: tuple[int, ...] = (0,)) -> dict[str, list[Sample]]:
    """Run every command in turn (A B C A B C …) `runs` times; return the samples by name.

    A burst of load hits all of them alike. With `warm_up`, one untimed round comes first: it
    fills the bytecode and OS file caches. Commands that write should name a new file per run.
    """
    samples: dict[str, list[Sample]] = {name: [] for name in commands}
    for i in range(runs + warm_up):
        for name, cmd in commands.items():
            sample = bench.run([part.format(i=i) for part in cmd], bench.tmp, name, ok)
            if i or not warm_up:
                samples[name].append(sample)
    return samples


def _cold_pair(bench: Bench, report_dir: Path, markdown: Path, name: str, runs: int,
               warm_up: bool = True, no_check: bool = False) -> dict[str, list[Sample]]:
    """Time `baocao build` (and with ``--no-check``) and pandoc on the same content, interleaved.

    Every timed run writes a new file, so nothing is skipped as unchanged.
    """
    out = bench.tmp / "out" / name
    out.mkdir(parents=True, exist_ok=True)
    commands = {"build": bench.build(str(report_dir), "-o", str(out / "b{i}.docx"))}
    if no_check:
        commands["no-check"] = bench.baocao("build", "--no-check", str(report_dir), "-o",
                                            str(out / "n{i}.docx"))
    if bench.pandoc:
        commands["pandoc"] = bench.pandoc_cmd(markdown, out / "p{i}.docx")
    samples = interleaved(bench, commands, runs, warm_up)
    samples.setdefault("pandoc", [])
    return samples


def seconds_of(samples: list[Sample]) -> float | None:
    return median([s.seconds for s in samples])


def cold(bench: Bench) -> list[dict]:
    """Case 1: a fresh `baocao build` process (and one with ``--no-check``) vs pandoc."""
    markdown = _markdown_of(bench, SAMPLE, "sample")
    samples = _cold_pair(bench, SAMPLE, markdown, "cold", bench.settings.runs, no_check=True)
    bench.pandoc_median = seconds_of(samples["pandoc"])
    rows = []
    for key, label, limit in (("build", "cold build, sample (new process)", 1.0),
                              ("no-check", "cold build --no-check, sample", 0.7)):
        value = seconds_of(samples[key])
        r = ratio(value, bench.pandoc_median)
        rows.append(row("cold" if key == "build" else "cold-no-check", label, value,
                        baseline_label="pandoc md→docx", baseline=bench.pandoc_median,
                        budget=f"≤ {limit}× pandoc", met=None if r is None else r <= limit,
                        peak_rss_mb=peak_mb(samples[key]),
                        baseline_peak_rss_mb=peak_mb(samples["pandoc"]),
                        runs=[s.seconds for s in samples[key]],
                        baseline_runs=[s.seconds for s in samples["pandoc"]]))
    return rows


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


BIG = 100
"""From this repetition on, a cold build takes seconds: fewer runs, no warm-up round."""


def scale(bench: Bench) -> list[dict]:
    """Case 3: the sample repeated (1×, 100×, 500×): cold build vs pandoc, warm build, memory."""
    from generator.pipeline import compile_report

    rows, warmed = [], False
    give_template(bench.tmp / "scale")
    for factor in bench.settings.scales:
        report_dir = scaled_report(bench.tmp / "scale" / "data" / f"x{factor}", factor)
        report = compile_report(report_dir).report
        markdown = _markdown_of(bench, report_dir, f"x{factor}")
        big = factor >= BIG
        runs = min(bench.settings.runs, 2) if big else bench.settings.runs
        samples = _cold_pair(bench, report_dir, markdown, f"x{factor}", runs,
                             warm_up=not (big and warmed))
        warmed = True
        warm, _ = _rebuild_times(bench, report_dir, 1 if big else max(3, bench.settings.runs))
        ours, theirs = samples["build"], samples["pandoc"]
        value, peak, base = seconds_of(ours), peak_mb(ours), seconds_of(theirs)
        top = factor == max(bench.settings.scales)
        r = ratio(value, base)
        rows.append(row(
            f"scale-{factor}", f"cold build, sample ×{factor}", value,
            baseline_label="pandoc md→docx", baseline=base,
            budget="≤ 0.5× pandoc, ≤ 600 MB" if top else "",
            met=((r is None or r <= 0.5) and (peak is None or peak <= 600)) if top else None,
            factor=factor, paragraphs=report.paragraph_count, footnotes=len(report.footnotes),
            warm_build_s=median(warm["times"]), peak_rss_mb=peak,
            baseline_peak_rss_mb=peak_mb(theirs), runs=[s.seconds for s in ours]))
    return rows + _growth(rows)


def _growth(rows: list[dict]) -> list[dict]:
    """Return the growth rows: warm build, largest scale over 1×; cold, the two largest."""
    by_factor = {r["factor"]: r for r in rows}
    if len(by_factor) < 2:
        return []
    top, below = sorted(by_factor)[-1], sorted(by_factor)[-2]
    out = []
    if 1 in by_factor:
        one, big = by_factor[1], by_factor[top]
        warm = ratio(big["warm_build_s"], one["warm_build_s"])
        out.append(row("growth", f"growth ×{top}/×1, warm build", big["warm_build_s"],
                       baseline_label="warm build ×1", baseline=one["warm_build_s"],
                       budget=f"ratio ≤ {top} (linear)", met=warm is not None and warm <= top,
                       cold_ratio=ratio(big["median_s"], one["median_s"]),
                       memory_ratio=ratio(big["peak_rss_mb"], one["peak_rss_mb"]),
                       pandoc_ratio=ratio(big["baseline_s"], one["baseline_s"])))
    limit = 1.2 * top / below  # the "×500 within 6× of ×100"
    cold = ratio(by_factor[top]["median_s"], by_factor[below]["median_s"])
    out.append(row("growth-cold", f"growth ×{top}/×{below}, cold build",
                   by_factor[top]["median_s"], baseline_label=f"cold build ×{below}",
                   baseline=by_factor[below]["median_s"], budget=f"ratio ≤ {limit:g}",
                   met=cold is not None and cold <= limit))
    return out


def _has_jobs_option(bench: Bench) -> bool:
    """Return True if `baocao build` takes ``--jobs`` (build_many wired into the command)."""
    sample = run_process(bench.baocao("build", "--help"), bench.tmp, bench.env)
    return "--jobs" in sample.output


def batch(bench: Bench) -> list[dict]:
    """Case 4: N report folders at once, and a tenth of them on one core and on all.

    CPU per report beyond start-up is the difference between building N folders and N/10
    folders, over the difference in folders: every fixed cost (the command's start, the
    workers' start) cancels out. CPU over wall time says how many cores were busy.
    """
    project = bench.tmp / "batch"
    give_template(project)
    n = bench.settings.folders
    folders = copied_reports(project / "data", n)
    names = [str(f.relative_to(project)) for f in folders]  # as the shell expands data/*
    few = names[:max(1, n // 10)]
    jobs = bench.settings.jobs
    if _has_jobs_option(bench):
        def many(count: int, chosen: list[str]) -> list[str]:
            return bench.build("--jobs", str(count), *chosen)
        how = "baocao build --jobs {}"
    else:
        def many(count: int, chosen: list[str]) -> list[str]:
            return bench.child("batch", str(count), *chosen)
        how = "build_many(jobs={})"
    commands = {"command": bench.build(*names), "few": bench.build(*few), "one": many(1, few),
                "all": many(jobs, few)}
    runs: dict[str, list[Sample]] = {key: [] for key in commands}
    for i in range(max(1, min(3, bench.settings.runs))):
        for key, cmd in commands.items():
            if key == "command" and i and n >= 1000:
                continue  # one run of a thousand folders is enough: it lasts a while
            shutil.rmtree(project / "output", ignore_errors=True)  # every run writes every file
            runs[key].append(bench.run(cmd, project, "batch build"))
    seconds = {key: seconds_of(samples) for key, samples in runs.items()}
    cpu = {key: median([s.cpu_s for s in samples if s.cpu_s is not None])
           for key, samples in runs.items()}
    per_report = (None if cpu["command"] is None or cpu["few"] is None or n == len(few)
                  else (cpu["command"] - cpu["few"]) / (n - len(few)))
    busy = ratio(cpu["command"], seconds["command"])
    return [
        row("batch-command", f"{n} folders, baocao build data/*", seconds["command"],
            peak_rss_mb=peak_mb(runs["command"]), cpu_s=cpu["command"],
            runs=[s.seconds for s in runs["command"]]),
        row("batch-cpu", f"{n} folders: CPU per report beyond start-up", per_report,
            budget="≤ 40 ms", met=None if per_report is None else per_report <= 0.040,
            cpu_s=cpu["command"], few_cpu_s=cpu["few"], few=len(few)),
        row("batch-cores", f"{n} folders: busy cores (CPU / wall)", busy, budget=f"≥ "
            f"{0.9 * jobs:g} of {jobs}", met=None if busy is None else busy >= 0.9 * jobs,
            unit="cores"),
        row("batch-seq", f"{len(few)} folders, {how.format(1)}", seconds["one"],
            peak_rss_mb=peak_mb(runs["one"]), runs=[s.seconds for s in runs["one"]]),
        row("batch", f"{len(few)} folders, {how.format(jobs)}", seconds["all"],
            baseline_label="one job", baseline=seconds["one"], jobs=jobs,
            peak_rss_mb=peak_mb(runs["all"]), runs=[s.seconds for s in runs["all"]]),
    ]
