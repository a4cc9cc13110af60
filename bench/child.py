"""Measured work that must run in its own process; prints one JSON line.

    python bench/child.py rebuild REPORT_DIR OUTPUT RUNS   # in-process rebuilds, as `watch` does
    python bench/child.py checks REPORT_DIR RUNS           # the editorial checks, in process
    python bench/child.py batch JOBS REPORT_DIR...         # generator.batch.build_many
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path


def rebuild(report_dir: Path, output: Path, runs: int) -> dict:
    """Import, build once (warm-up: template cache), then time `runs` rebuilds."""
    started = time.perf_counter()
    import generator.context
    import generator.render  # noqa: F401
    from generator.pipeline import build_report

    imports = time.perf_counter() - started
    started = time.perf_counter()
    build_report(report_dir, output)
    first = time.perf_counter() - started
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        build_report(report_dir, output)
        times.append(time.perf_counter() - started)
    return {"imports": imports, "first": first, "times": times}


def checks(report_dir: Path, runs: int) -> dict:
    """Compile once, run the editorial checks once (loads their data), then time `runs` more."""
    from generator.checks import run_checks
    from generator.pipeline import compile_report

    compiled = compile_report(report_dir)
    started = time.perf_counter()
    findings = run_checks(compiled, include_build=False)
    first = time.perf_counter() - started
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run_checks(compiled, include_build=False)
        times.append(time.perf_counter() - started)
    return {"first": first, "times": times, "findings": len(findings)}


def batch(jobs: int, report_dirs: list[Path]) -> dict:
    """Build every folder with `build_many`; count failures."""
    from generator.batch import build_many

    failures = [str(d) for d, outcome in build_many(report_dirs, jobs)
                if not hasattr(outcome, "summary")]
    return {"built": len(report_dirs) - len(failures), "failures": failures}


def main(argv: list[str]) -> int:
    mode, args = argv[0], argv[1:]
    if mode == "rebuild":
        result = rebuild(Path(args[0]), Path(args[1]), int(args[2]))
    elif mode == "checks":
        result = checks(Path(args[0]), int(args[1]))
    elif mode == "batch":
        result = batch(int(args[0]), [Path(a) for a in args[1:]])
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    print(json.dumps(result))
    return 1 if result.get("failures") else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
