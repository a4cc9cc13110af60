"""Write the result atomically: a temporary file in the same folder, then `os.replace`.

A failed build, a crash or a full disk never leaves a half-written .docx: the previous output
stays byte-for-byte intact. An unchanged result is not rewritten, so Word's "file changed"
prompt does not fire for nothing. A read-only output is refused on every system (Linux would
let a rename replace it), so that it behaves as it does on Windows.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from pathlib import Path

from generator.diagnostics import display_path
from generator.errors import OutputError
from generator.oserrors import describe

_REPLACE_RETRIES = (0.05, 0.15, 0.3)
"""Pauses before retrying `os.replace`: on Windows an antivirus or the search indexer may hold a
freshly written file for a moment."""


def write_output(path: Path, data: bytes, elsewhere: str = "chọn nơi lưu khác bằng -o") -> bool:
    """Write `data` to `path` unless it already holds exactly that; return True if written.

    Raises `OutputError` with a Vietnamese message (close Word, or `elsewhere`: advice naming
    only what the command has, ``-o`` by default) on failure.
    """
    try:
        if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass  # unreadable (e.g. locked): try to replace it and report what fails
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise OutputError(cannot_write(path, exc, elsewhere)) from exc
    return True


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one step; on any failure `path` is left as it was.

    Raises `PermissionError` if `path` is read-only, `OSError` for other failures.
    """
    if _read_only(path):
        raise PermissionError(13, "read-only file", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, _file_mode(path))  # mkstemp creates 0600; keep what a normal save gives
        _replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def backup(path: Path) -> Path:
    """Copy `path` to ``<file>.bak`` (a timestamped name if that is taken); return the copy.

    What a command replaces that it did not make (``--force``, fix-encoding) is kept this way.
    """
    copy = path.with_name(path.name + ".bak")
    if copy.exists() or copy.is_symlink():
        copy = path.with_name(f"{path.name}.{time.strftime('%Y%m%d-%H%M%S')}.bak")
    write_atomic(copy, path.read_bytes())
    return copy


def _replace(temp: str, path: Path) -> None:
    for pause in _REPLACE_RETRIES:
        try:
            os.replace(temp, path)
            return
        except PermissionError:
            time.sleep(pause)
    os.replace(temp, path)


def _read_only(path: Path) -> bool:
    try:
        return not path.stat().st_mode & stat.S_IWUSR
    except OSError:
        return False  # missing: nothing to protect


def _file_mode(path: Path) -> int:
    """Return the mode of the file being replaced, or the umask's default for a new file."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


def cannot_write(path: Path, exc: OSError, elsewhere: str = "chọn nơi lưu khác bằng -o") -> str:
    """Return why `path` could not be written, in Vietnamese, ending with advice."""
    where = display_path(path)
    if _read_only(path):
        return (f"không ghi được '{where}': tệp đang đặt chế độ chỉ đọc (read-only). Hãy bỏ chế "
                f"độ chỉ đọc hoặc đóng tệp nếu đang mở trong Word, hoặc {elsewhere}.")
    if isinstance(exc, PermissionError):
        return (f"không ghi được '{where}': tệp đang mở trong Word hoặc thư mục chỉ cho đọc. "
                f"Hãy đóng tệp trong Word rồi chạy lại, hoặc {elsewhere}.")
    return f"không ghi được '{where}': {describe(exc)}. Hãy {elsewhere}."
