"""Where the two versions come from: report folders, a folder at a git revision, or .docx files."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

from generator.diagnostics import display_path
from generator.errors import BaocaoError, DataError
from generator.pipeline import REPORT_FILE, Compiled, compile_report


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
