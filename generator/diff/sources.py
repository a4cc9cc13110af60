"""Where the two versions come from: report folders, a folder at a git revision, or .docx files."""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from generator import gcpause
from generator.diagnostics import display_path
from generator.errors import BaocaoError, DataError
from generator.model import Report
from generator.pipeline import REPORT_FILE, Compiled, compile_report

PARALLEL_FROM = 1 << 20
"""Bytes of ``word/document.xml`` from which both .docx sides are read at once, one in a second
process: about 5,000 paragraphs, half a second of import each. Below it, starting a process
(half a second on Windows, which spawns) costs more than it saves."""


class SideError(DataError):
    """The data of one side has errors; `side` says which, for the message."""

    def __init__(self, side: str, error: DataError):
        super().__init__(error.message, error.diagnostics)
        self.side = side


def compile_side(path: Path, side: str, workdir: Path) -> Compiled:
    """Return the resolved report of a folder or a .docx; `side` (``bản cũ``…) names it.

    A .docx is read back into data by `baocao import` in `workdir` first; anything named
    ``*.docx`` that is not a report folder goes there, so that a FIFO or a folder named
    ``x.docx`` is refused by the package reader with its own message.
    """
    if path.suffix.lower() == ".docx" and not (path / REPORT_FILE).is_file():
        return _imported(path, side, workdir)
    if not (path / REPORT_FILE).is_file():
        raise BaocaoError(f"'{display_path(path)}' ({side}) không phải thư mục báo cáo (thiếu "
                          f"tệp {REPORT_FILE}) cũng không phải tệp .docx.")
    try:
        return compile_report(path)
    except DataError as exc:
        raise SideError(side, exc) from exc


def compile_sides(old: Path, old_side: str, new: Path, new_side: str,
                  workdir: Path) -> tuple[Report, Compiled]:
    """Return the old side's report and the new side's compiled report, as `compile_side` does.

    Two large .docx files are imported at the same time, the old one in a worker process: the
    20,000-paragraph benchmark spends two thirds of its time importing its two sides
    (bench/README.md). The worker only ever saves time: when it fails for any reason, the old
    side is read again here, so its error is raised (first, as before) with its own message.
    """
    if not _parallel(old, new):
        before = compile_side(old, old_side, workdir / "old").report
        return before, compile_side(new, new_side, workdir / "new")
    worker = _start_worker(old, old_side, workdir / "old")
    try:
        after = compile_side(new, new_side, workdir / "new")
    except BaocaoError:
        if _collected(worker) is None:
            compile_side(old, old_side, workdir / "old-again")  # its error comes first, as before
        raise
    before = _collected(worker)
    if before is None:
        before = compile_side(old, old_side, workdir / "old-again").report
    return before, after


def _parallel(old: Path, new: Path) -> bool:
    """Say whether both sides are .docx files large enough to be read in two processes."""
    if (os.cpu_count() or 1) < 2:
        return False
    return all(_document_size(side) >= PARALLEL_FROM for side in (old, new))


def _document_size(path: Path) -> int:
    """Return the inflated size of the body of .docx `path`; 0 for a folder or a bad file."""
    from generator.ooxml.safezip import open_package

    if path.suffix.lower() != ".docx" or (path / REPORT_FILE).is_file():
        return 0
    try:
        return open_package(path).archive.getinfo("word/document.xml").file_size
    except (BaocaoError, KeyError):
        return 0  # read here, one side after the other, the error is said as usual


def _start_worker(old: Path, side: str, workdir: Path) -> tuple[ProcessPoolExecutor, Future]:
    # a spawned worker starts up as the command does: collection paused (generator/batch.py)
    pool = ProcessPoolExecutor(max_workers=1, initializer=gcpause.pause)
    return pool, pool.submit(_report_or_none, old, side, workdir)


def _collected(worker: tuple[ProcessPoolExecutor, Future]) -> Report | None:
    """Return the worker's report, or None when it failed."""
    pool, future = worker
    try:
        return future.result()
    except (BrokenProcessPool, OSError, EOFError):
        return None
    finally:
        pool.shutdown(cancel_futures=True)


def _report_or_none(old: Path, side: str, workdir: Path) -> Report | None:
    """In the worker: the report of `old`, or None on any error (it is read again to say it)."""
    try:
        return compile_side(old, side, workdir).report
    except Exception:  # noqa: BLE001 - the main process reads the side again and reports it
        return None


def _imported(docx: Path, side: str, workdir: Path) -> Compiled:
    from generator.importer.run import import_report

    try:
        return import_report(docx, workdir / "data" / docx.stem, force=True).compiled
    except DataError as exc:
        raise SideError(f"{side} (đọc từ {display_path(docx)})", exc) from exc


def checkout_revision(folder: Path, rev: str, into: Path) -> Path:
    """Write report `folder` as it was at git revision `rev` into ``into/data/``; return it.

    ``data/`` keeps the project layout, so the copy resolves its paths like the original.
    """
    prefix = _git(folder, "rev-parse", "--show-prefix").decode().strip().rstrip("/")
    top = Path(_git(folder, "rev-parse", "--show-toplevel").decode().strip())
    if not _git(top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}", check=False):
        raise BaocaoError(f"kho git không có phiên bản '{rev}' (thử HEAD~1, tên nhánh hoặc "
                          "tên thẻ).")
    # run from the top: in a subfolder git archive limits itself to that folder of `rev`'s tree
    tar = _git(top, "archive", "--format=tar", f"{rev}:{prefix}", check=False)
    if not tar:
        raise BaocaoError(f"thư mục '{display_path(folder)}' chưa có trong phiên bản '{rev}'.")
    target = into / "data" / folder.resolve().name
    target.mkdir(parents=True)
    # `filter` exists from Python 3.11.4 on; the archive comes from the user's own repository
    safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
    with tarfile.open(fileobj=io.BytesIO(tar)) as archive:
        archive.extractall(target, **safe)
    return target


def _git(folder: Path, *args: str, check: bool = True) -> bytes:
    """Return git's output in `folder`; empty when it fails and `check` is off."""
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True,
                              check=False)
    except FileNotFoundError:
        raise BaocaoError("không tìm thấy chương trình git; --rev cần git.") from None
    if done.returncode == 0:
        return done.stdout
    if check:
        raise BaocaoError(f"'{display_path(folder)}' không nằm trong một kho git nên không dùng "
                          "được --rev.")
    return b""
