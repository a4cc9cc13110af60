"""Benchmark baocao against baselines measured in the same run; see bench/README.md.

    python bench/run.py                # everything, 5 runs each (about two minutes)
    python bench/run.py --quick        # 3 runs each
    python bench/run.py --json results.json --cases cold,rebuild
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # `bench` and `generator`

from bench import cases, commands, hostile, watch
from bench.measure import ChildFailed, machine

CASES = {"cold": cases.cold, "help": commands.help_case, "check": commands.check_case,
         "rebuild": cases.rebuild, "checks": commands.checks_case, "watch": watch.watch_latency,
         "scale": cases.scale, "batch": cases.batch, "hostile": hostile.hostile}


def parse(argv: list[str]) -> tuple[cases.Settings, Path | None, bool]:
    parser = argparse.ArgumentParser(description="baocao benchmark (medians beside baselines)")
    parser.add_argument("--quick", action="store_true", help="3 runs each, 10 rebuilds")
    parser.add_argument("--runs", type=int, help="runs per measurement (default 5)")
    parser.add_argument("--cases", default=",".join(CASES),
                        help=f"comma-separated subset of {','.join(CASES)}")
    parser.add_argument("--scales", default="1,100,500",
                        help="content repetitions (default 1,100,500)")
    parser.add_argument("--folders", type=int, default=1000, help="report folders for 'batch'")
    parser.add_argument("--jobs", type=int, help="worker processes for 'batch' (default: CPUs)")
    parser.add_argument("--build-args", default="",
                        help="extra options for every measured `baocao build`, e.g. --no-check")
    parser.add_argument("--hostile-size", type=int, default=100_000,
                        help="characters of each adversarial kind for 'hostile' (default 100000)")
    parser.add_argument("--project", type=Path, default=cases.REPO,
                        help="checkout to install (pip, non-editable) and measure (default: this "
                        "one)")
    parser.add_argument("--in-place", action="store_true",
                        help="run the checkout's own files instead of installing it (no pip)")
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument("--keep", action="store_true", help="keep the temp folder and say where")
    args = parser.parse_args(argv)
    settings = cases.Settings()
    if args.quick:
        settings.runs, settings.rebuilds = 3, 10
    if args.runs:
        settings.runs, settings.rebuilds = args.runs, max(5, 6 * args.runs)
    settings.scales = tuple(int(s) for s in args.scales.split(",") if s)
    settings.folders = args.folders
    settings.jobs = args.jobs or settings.jobs
    settings.cases = tuple(c for c in args.cases.split(",") if c)
    settings.build_args = tuple(args.build_args.split())
    settings.hostile_size = args.hostile_size
    settings.project = None if args.in_place else args.project.resolve()
    unknown = set(settings.cases) - set(CASES)
    if unknown:
        parser.error(f"unknown case(s): {', '.join(sorted(unknown))}")
    return settings, args.json, args.keep


def run(settings: cases.Settings, tmp: Path) -> list[dict]:
    """Run the chosen cases in a fixed order (rebuild and watch reuse earlier baselines)."""
    bench = cases.Bench(tmp, settings)
    if not bench.pandoc:
        print("pandoc not found: the pandoc baselines are reported as n/a.")
    try:
        bench.warm_up()
    except ChildFailed as exc:
        print(f"[warm-up] FAILED: {exc}", flush=True)
        return [cases.row("warm-up", "warm-up build: failed (see above)", None, failed=True)]
    rows = []
    for name, case in CASES.items():
        if name in settings.cases:
            started = time.perf_counter()
            print(f"[{name}] …", flush=True)
            try:
                rows += case(bench)
            except ChildFailed as exc:  # report it, measure the rest
                print(f"[{name}] FAILED: {exc}", flush=True)
                rows.append(cases.row(name, f"{name}: failed (see above)", None, failed=True))
            print(f"[{name}] done in {time.perf_counter() - started:.1f} s", flush=True)
    return rows


def _fmt_s(value: float | None, unit: str = "s") -> str:
    if value is None:
        return "n/a"
    if unit != "s":
        return f"{value:.2f} {unit}"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def _fmt(value, spec: str, unit: str = "") -> str:
    return "n/a" if value is None else f"{value:{spec}}{unit}"


def table(rows: list[dict]) -> str:
    """Return the compact result table."""
    head = ("case", "median", "baseline", "base median", "ratio", "peak RSS", "budget", "met")
    lines = [[r["label"], _fmt_s(r["median_s"], r.get("unit", "s")), r["baseline_label"] or "-",
              _fmt_s(r["baseline_s"]) if r["baseline_label"] else "-",
              _fmt(r["ratio"], ".2f", "×"), _fmt(r.get("peak_rss_mb"), ".0f", " MB"),
              r["budget"] or "-", {True: "yes", False: "NO", None: "-"}[r["met"]]]
             for r in rows]
    widths = [max(len(str(x)) for x in col) for col in zip(head, *lines)]
    fmt = "  ".join(f"{{:{'<' if i in (0, 2, 6) else '>'}{w}}}" for i, w in enumerate(widths))
    out = [fmt.format(*head), fmt.format(*("-" * w for w in widths))]
    out += [fmt.format(*line) for line in lines]
    out += _notes(rows)
    return "\n".join(out)


def _notes(rows: list[dict]) -> list[str]:
    notes = []
    for r in rows:
        if r.get("failed"):
            continue
        if r["case"].startswith("scale-"):
            notes.append(f"  ×{r['factor']}: {r['paragraphs']} paragraphs, {r['footnotes']} "
                         f"footnotes; warm build {_fmt_s(r['warm_build_s'])}; pandoc peak "
                         f"{_fmt(r['baseline_peak_rss_mb'], '.0f', ' MB')}")
        elif r["case"] == "growth":
            notes.append(f"  growth: warm {_fmt(r['ratio'], '.1f', '×')}, cold "
                         f"{_fmt(r['cold_ratio'], '.1f', '×')}, memory "
                         f"{_fmt(r['memory_ratio'], '.1f', '×')}, pandoc "
                         f"{_fmt(r['pandoc_ratio'], '.1f', '×')}")
        elif r["case"].startswith("hostile-") and r.get("exit_codes") != [0]:
            notes.append(f"  {r['label']}: exit {r['exit_codes']}, "
                         f"{' '.join(r['last_line'])[:110]}")
        elif r["case"] == "help-command":
            notes.append("  --help of each command: " + ", ".join(
                f"{name} {_fmt_s(value)}" for name, value in sorted(r["each"].items())))
        elif r["case"] == "checks":
            notes.append(f"  checks: first call in the process {_fmt_s(r['first_s'])} (loads "
                         f"the word lists), {r['findings']} findings")
        elif r["case"] == "batch-cpu" and r["median_s"] is not None:
            notes.append(f"  batch: CPU {r['cpu_s']:.1f} s for all folders, {r['few_cpu_s']:.1f}"
                         f" s for {r['few']}")
        elif r["case"] == "rebuild":
            notes.append(f"  rebuild: imports {_fmt_s(r['imports_s'])}, first build in the "
                         f"process {_fmt_s(r['first_build_s'])}")
    return notes


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    settings, json_path, keep = parse(argv)
    info = machine()
    command = "python bench/run.py" + ("" if not argv else " " + " ".join(argv))
    print(f"{info['date']}  {info['platform']}  {info['cpus']} CPUs  Python {info['python']}")
    print("measuring " + (f"a pip install (non-editable) of {settings.project}" if settings.project
                          else "the checkout in place"), flush=True)
    tmp = Path(tempfile.mkdtemp(prefix="baocao-bench-"))
    try:
        rows = run(settings, tmp)
    finally:
        if keep:
            print(f"temp folder kept: {tmp}")
        else:
            import shutil

            shutil.rmtree(tmp, ignore_errors=True)
    print()
    print(table(rows))
    if json_path:
        payload = {"machine": info, "command": command, "settings": vars(settings), "rows": rows}
        json_path.write_text(json.dumps(payload, indent=2, ensure_ascii=False, default=str),
                             encoding="utf-8")
        print(f"\nresults written to {json_path}")
    if any(r.get("failed") for r in rows):
        return 1
    return 0 if all(r["met"] is not False for r in rows) else 3


if __name__ == "__main__":
    sys.exit(main())
