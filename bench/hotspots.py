"""Where the time goes: start-up imports, build stages, and a cProfile of rebuilds.

    python bench/hotspots.py imports          # -X importtime of a cold build, by package
    python bench/hotspots.py stages [-x 50]   # median of each build stage, in one process
    python bench/hotspots.py cprofile [-x 50] # cProfile of in-process rebuilds (top 30)
"""

from __future__ import annotations

import argparse
import cProfile
import itertools
import pstats
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.content import SAMPLE, scaled_report
from bench.measure import child_env, median


def imports(tmp: Path) -> None:
    """Print the import time of a cold build grouped by top-level package (self time summed)."""
    env = child_env(tmp / "pycache")
    cmd = [sys.executable, "-X", "importtime", "-m", "generator", "build", str(SAMPLE), "-o"]
    subprocess.run(cmd + [str(tmp / "warm.docx")], env=env, capture_output=True, check=True)
    done = subprocess.run(cmd + [str(tmp / "cold.docx")], env=env, capture_output=True,
                          text=True, check=True)
    by_package: dict[str, int] = defaultdict(int)
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "self" not in line:
            own, _, name = line[len("import time:"):].split("|")
            by_package[name.strip().split(".")[0]] += int(own)
    total = sum(by_package.values())
    print(f"imports: {total / 1000:.1f} ms in all")
    for name, micros in sorted(by_package.items(), key=lambda kv: -kv[1])[:20]:
        print(f"  {micros / 1000:7.1f} ms  {name}")


def stages(report_dir: Path, out: Path, runs: int) -> None:
    """Print the median time of each pipeline stage over `runs` in-process builds."""
    from generator.context import build_context
    from generator.pipeline import compile_report
    from generator.render import render_docx
    from generator.writer import write_output

    times: dict[str, list[float]] = defaultdict(list)
    for i in range(runs + 1):
        marks = [("start", time.perf_counter())]
        compiled = compile_report(report_dir)
        marks.append(("load, validate, resolve", time.perf_counter()))
        context = build_context(compiled.report)
        marks.append(("context", time.perf_counter()))
        data = render_docx(compiled.template, compiled.report, context)
        marks.append(("render (docxtpl, footnotes, zip)", time.perf_counter()))
        write_output(out, data)
        marks.append(("write", time.perf_counter()))
        if i:  # the first build fills the caches
            for (_, before), (name, after) in itertools.pairwise(marks):
                times[name].append(after - before)
    for name, values in times.items():
        print(f"  {median(values) * 1000:8.1f} ms  {name}")
    print(f"  {sum(median(v) for v in times.values()) * 1000:8.1f} ms  total")


def profile(report_dir: Path, out: Path, runs: int) -> None:
    """Print cProfile's top functions over `runs` in-process rebuilds."""
    from generator.pipeline import build_report

    build_report(report_dir, out)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(runs):
        build_report(report_dir, out)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("imports", "stages", "cprofile"))
    parser.add_argument("-x", "--factor", type=int, default=1, help="repeat the sample N times")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="baocao-hotspots-") as name:
        tmp = Path(name)
        report_dir = SAMPLE if args.factor == 1 else scaled_report(tmp / "data" / "x",
                                                                    args.factor)
        if args.what == "imports":
            imports(tmp)
        elif args.what == "stages":
            stages(report_dir, tmp / "out.docx", args.runs)
        else:
            profile(report_dir, tmp / "out.docx", args.runs)


if __name__ == "__main__":
    main()
