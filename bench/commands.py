"""The start-up cases: ``--help``, ``baocao check``, and the editorial checks in one process."""

from __future__ import annotations

import json

from bench.cases import Bench, interleaved, row, seconds_of
from bench.content import SAMPLE
from bench.measure import median, ratio


def _pandoc(bench: Bench) -> dict[str, list[str]]:
    """Return the pandoc command converting the sample, the baseline of every start-up case."""
    if not bench.pandoc:
        return {}
    markdown = bench.tmp / "sample.md"
    if not markdown.exists():
        from bench.cases import _markdown_of

        _markdown_of(bench, SAMPLE, "sample")
    out = bench.tmp / "out" / "startup"
    out.mkdir(parents=True, exist_ok=True)
    return {"pandoc": bench.pandoc_cmd(markdown, out / "p{i}.docx")}


def _against_pandoc(case: str, label: str, value, pandoc, limit: float, **extra) -> dict:
    r = ratio(value, pandoc)
    return row(case, label, value, baseline_label="pandoc md→docx", baseline=pandoc,
               budget=f"≤ {limit}× pandoc", met=None if r is None else r <= limit, **extra)


def help_case(bench: Bench) -> list[dict]:
    """``baocao --help`` and every ``baocao <command> --help``, interleaved with pandoc."""
    from generator.cli import COMMANDS

    commands = {"--help": bench.baocao("--help")}
    commands.update({name: bench.baocao(name, "--help") for name in sorted(COMMANDS)})
    samples = interleaved(bench, {**commands, **_pandoc(bench)}, bench.settings.runs)
    pandoc = seconds_of(samples.get("pandoc", []))
    each = {name: seconds_of(samples[name]) for name in COMMANDS}
    slowest = max(each, key=each.get)
    return [_against_pandoc("help", "baocao --help", seconds_of(samples["--help"]), pandoc, 0.4,
                            peak_rss_mb=max(s.peak_rss_mb or 0 for s in samples["--help"])),
            _against_pandoc("help-command", f"baocao {slowest} --help (slowest command)",
                            each[slowest], pandoc, 0.4, each=each)]


def check_case(bench: Bench) -> list[dict]:
    """``baocao check`` of the sample in a new process, interleaved with pandoc."""
    commands = {"check": bench.baocao("check", str(SAMPLE)), **_pandoc(bench)}
    samples = interleaved(bench, commands, bench.settings.runs, ok=(0, 1))  # 1: it found errors
    return [_against_pandoc("check", "baocao check, sample (new process)",
                            seconds_of(samples["check"]), seconds_of(samples.get("pandoc", [])),
                            0.8, peak_rss_mb=max(s.peak_rss_mb or 0 for s in samples["check"]))]


def checks_case(bench: Bench) -> list[dict]:
    """The editorial checks of the sample called again and again in one process."""
    sample = bench.run(bench.child("checks", str(SAMPLE), str(bench.settings.rebuilds)),
                       bench.tmp, "in-process checks")
    result = json.loads(sample.output.strip().splitlines()[-1])
    value = median(result["times"])
    return [row("checks", "editorial checks, sample (in process)", value,
                baseline_label="in-process rebuild", baseline=bench.rebuild_median,
                budget="≤ 18.5 ms (½ of 37)", met=value <= 0.0185, first_s=result["first"],
                findings=result["findings"], runs=result["times"])]
