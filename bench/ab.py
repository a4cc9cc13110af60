"""Compare checkouts, interleaved run by run so that machine noise hits them alike.

    python bench/ab.py BEFORE_DIR AFTER_DIR [--runs 15] [-x 50] [--build-args=--no-check]

For each checkout (a folder holding ``generator/``): the median of a cold ``baocao build`` in a
new process and of an in-process rebuild, on the sample repeated `-x` times. Use it to measure
one change: copy the tree, undo the change in the copy, compare.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.content import SAMPLE, scaled_report
from bench.measure import checked, child_env, median, run_process

CHILD = Path(__file__).resolve().parent / "child.py"


def compare(roots: list[Path], report_dir: Path, runs: int, tmp: Path,
            build_args: list[str]) -> dict[Path, dict]:
    """Return {root: {"cold": median s, "rebuild": median s}}, runs interleaved across roots."""
    cold: dict[Path, list[float]] = {root: [] for root in roots}
    warm: dict[Path, list[float]] = {root: [] for root in roots}
    for i in range(runs + 1):  # run 0 warms the bytecode caches up
        for n, root in enumerate(roots):
            env = child_env(tmp / f"pycache-{n}")
            env["PYTHONPATH"] = str(root)
            out = tmp / f"{n}-{i}.docx"
            cmd = [sys.executable, "-m", "generator", "build", *build_args, str(report_dir),
                   "-o", str(out)]
            sample = checked(run_process(cmd, tmp, env), f"build with {root}")
            rebuild = [sys.executable, str(CHILD), "rebuild", str(report_dir),
                       str(tmp / f"{n}-warm.docx"), "3"]
            times = json.loads(checked(run_process(rebuild, tmp, env), "rebuild")
                               .output.strip().splitlines()[-1])["times"]
            if i:
                cold[root].append(sample.seconds)
                warm[root].append(median(times))
    return {root: {"cold": median(cold[root]), "rebuild": median(warm[root])} for root in roots}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("roots", nargs="+", type=Path, help="checkouts to compare")
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("-x", "--factor", type=int, default=1, help="repeat the sample N times")
    parser.add_argument("--build-args", default="", help="extra `baocao build` options")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="baocao-ab-") as name:
        tmp = Path(name)
        report_dir = SAMPLE if args.factor == 1 else scaled_report(tmp / "data" / "x",
                                                                    args.factor)
        results = compare([r.resolve() for r in args.roots], report_dir, args.runs, tmp,
                          args.build_args.split())
    first = next(iter(results.values()))
    print(f"{'cold build':>12} {'rebuild':>10}  (medians of {args.runs}, sample ×{args.factor})")
    for root, r in results.items():
        print(f"{r['cold'] * 1000:9.1f} ms {r['rebuild'] * 1000:7.1f} ms  {root}  "
              f"({r['cold'] / first['cold']:.2f}×, {r['rebuild'] / first['rebuild']:.2f}×)")


if __name__ == "__main__":
    main()
