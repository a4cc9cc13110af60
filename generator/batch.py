"""Build many report folders at once, on every core: ``baocao build data/*``.

A province builds one report per district committee and period, so folders come by the
hundred. Each folder is independent, so they are spread over worker processes (threads would
not help: rendering is pure Python and holds the GIL). Results come back in the order the folders
were given, so what is printed does not depend on which worker finished first.

Spawn-safe (Windows, macOS): workers import this module afresh and run a module-level
function; nothing crosses between processes but the folder path and a small picklable result.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from generator import gcpause
from generator.diagnostics import Diagnostics
from generator.errors import BaocaoError
from generator.pipeline import build_report

T = TypeVar("T")

MIN_PER_WORKER = 4
"""Folders a worker needs before a pool pays off: starting one (imports) costs about 0.3 s,
about eight builds of the sample (bench/README.md)."""
WINDOWS_MAX_WORKERS = 61
"""`ProcessPoolExecutor` refuses more workers on Windows (a limit of WaitForMultipleObjects)."""


@dataclass(frozen=True)
class Built:
    """What the command prints for a folder that was built: small enough to cross processes.

    A whole `BuildResult` (report, sources, marks) pickles to about 200 KB; sending it back
    cost 3.5 ms per folder, a seventh of the build.
    """

    output: Path
    written: bool
    summary: str
    """The one Vietnamese line printed after the build (`BuildResult.summary`)."""
    diagnostics: Diagnostics
    """The warnings of the build (a failed build raises instead)."""


def build_folder(report_dir: Path) -> Built | BaocaoError:
    """Build one folder to its default output; return the error instead of raising it."""
    try:
        result = build_report(report_dir)
    except BaocaoError as exc:
        return exc
    return Built(result.output, result.written, result.summary(), result.compiled.diagnostics)


def build_many(report_dirs: Sequence[Path], jobs: int | None = None,
               work: Callable[[Path], T] = build_folder) -> Iterator[tuple[Path, T]]:
    """Run `work` on every folder, on several cores; yield (folder, its result) in order.

    `work` defaults to `build_folder`. Another must be a module-level function (or a
    `functools.partial` of one) returning something picklable, and should return errors
    rather than raise them, so that one bad folder does not stop the others. `jobs` is the
    number of worker processes (default: one per CPU); with one job, or too few folders to pay
    for starting workers, the folders are done here, one after another.
    """
    workers = _worker_count(len(report_dirs), jobs)
    if workers <= 1:
        for report_dir in report_dirs:
            yield report_dir, work(report_dir)
        return
    chunk = max(1, len(report_dirs) // (workers * 4))  # few round trips, still balanced
    # a spawned worker starts up as the command does: collection paused until its data is in
    with ProcessPoolExecutor(max_workers=workers, initializer=gcpause.pause) as pool:
        yield from zip(report_dirs, pool.map(work, report_dirs, chunksize=chunk))


def _worker_count(folders: int, jobs: int | None) -> int:
    """Return how many processes to use for `folders` folders."""
    wanted = jobs if jobs and jobs > 0 else (os.cpu_count() or 1)
    if sys.platform == "win32":
        wanted = min(wanted, WINDOWS_MAX_WORKERS)
    return max(1, min(wanted, folders // MIN_PER_WORKER))
