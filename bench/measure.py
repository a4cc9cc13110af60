"""Timing helpers: child processes with their own peak memory, medians, the machine line."""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Sample:
    """One run of a child process: wall time, peak resident memory and CPU (None where unknown).

    `cpu_s` is user plus system time of the child and of every process it waited for (the
    workers of a pool), so CPU over wall time says how many cores were busy.
    """

    seconds: float
    peak_rss_mb: float | None
    returncode: int
    output: str
    cpu_s: float | None = None


class ChildFailed(RuntimeError):
    """A measured command exited with an error."""


def child_env(pycache: Path) -> dict[str, str]:
    """Return the environment for measured Python children.

    The repository comes first on PYTHONPATH so the checkout is measured even without
    ``pip install -e``. Bytecode is cached in `pycache` (a temp folder) even where
    PYTHONDONTWRITEBYTECODE is set, so a cold start costs what it costs on a user's machine,
    where pip compiled the package once, and the repository stays clean. The template cache
    (generator/tcache.py) is kept beside it: filled by the warm-up round, as by a user's first
    build, and never the user's own.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env["BAOCAO_CACHE_DIR"] = str(pycache.with_name(pycache.name + "-templates"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run_process(cmd: list[str], cwd: Path, env: dict[str, str] | None = None,
                timeout: float = 300.0) -> Sample:
    """Run `cmd` to completion; return its wall time and, on POSIX, its own peak RSS.

    `os.wait4` gives the resource usage of exactly this child (RUSAGE_CHILDREN would give the
    largest of all children so far). Windows has neither: the peak is reported as None.
    """
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                stderr=subprocess.STDOUT)
        watchdog = threading.Timer(timeout, proc.kill)
        watchdog.start()
        try:
            code, peak, cpu = _wait(proc)
        finally:
            watchdog.cancel()
        seconds = time.perf_counter() - started
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    return Sample(seconds, peak, code, text, cpu)


def _wait(proc: subprocess.Popen) -> tuple[int, float | None, float | None]:
    if not hasattr(os, "wait4"):
        return proc.wait(), None, None
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: tell Popen
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB elsewhere
    return proc.returncode, usage.ru_maxrss / scale, usage.ru_utime + usage.ru_stime


def checked(sample: Sample, what: str, ok: tuple[int, ...] = (0,)) -> Sample:
    """Return `sample`, or raise `ChildFailed` with its output if the command failed."""
    if sample.returncode not in ok:
        raise ChildFailed(f"{what} exited with {sample.returncode}:\n{sample.output[-2000:]}")
    return sample


def median(values: list[float]) -> float | None:
    """Return the median of `values`, or None when there are none."""
    return statistics.median(values) if values else None


def peak_mb(samples: list[Sample]) -> float | None:
    """Return the largest peak RSS among `samples` (None when unknown)."""
    peaks = [s.peak_rss_mb for s in samples if s.peak_rss_mb is not None]
    return max(peaks) if peaks else None


def ratio(value: float | None, base: float | None) -> float | None:
    """Return value / base, or None when either is missing."""
    if value is None or not base:
        return None
    return value / base


def machine() -> dict:
    """Return the machine line recorded with every result."""
    return {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "platform": platform.platform(),
        "processor": platform.machine(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
    }
