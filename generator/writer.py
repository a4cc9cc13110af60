"""Write the result atomically: a temporary file in the same folder, then `os.replace`.

A failed build, a crash or a full disk never leaves a half-written .docx: the previous output
stays byte-for-byte intact. An unchanged result is not rewritten, so Word's "file changed"
prompt does not fire for nothing.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from generator.diagnostics import display_path
from generator.errors import OutputError


def write_output(path: Path, data: bytes) -> bool:
    """Write `data` to `path` unless it already holds exactly that; return True if written."""
    try:
        if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except OSError:
        pass  # unreadable (e.g. locked): try to replace it and report what fails
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError(_cannot_write(path, exc)) from exc
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp, _file_mode(path))  # mkstemp creates 0600; keep what a normal save gives
        os.replace(temp, path)
    except OSError as exc:
        Path(temp).unlink(missing_ok=True)
        raise OutputError(_cannot_write(path, exc)) from exc
    return True


def _file_mode(path: Path) -> int:
    """Return the mode of the file being replaced, or the umask's default for a new file."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask


def _cannot_write(path: Path, exc: OSError) -> str:
    where = display_path(path)
    if isinstance(exc, PermissionError):
        return (f"không ghi được '{where}': tệp đang mở trong Word hoặc thư mục chỉ cho đọc. "
                "Hãy đóng tệp trong Word rồi chạy lại, hoặc chọn nơi lưu khác bằng -o.")
    return f"không ghi được '{where}' ({exc.strerror or exc}). Hãy chọn nơi lưu khác bằng -o."
