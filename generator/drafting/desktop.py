"""Open a file in the user's default application (Word for a .docx) without failing the caller."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from generator.diagnostics import display_path
from generator.oserrors import describe

_WAIT_SECONDS = 10
"""How long to wait for ``open``/``xdg-open`` to hand the file over before moving on."""


def open_file(path: Path) -> str | None:
    """Open `path` in its default application; return None, or why it could not be opened."""
    where = display_path(path)
    try:
        if sys.platform == "win32":
            os.startfile(path)  # type: ignore[attr-defined]  # Windows only
            return None
        opener = "open" if sys.platform == "darwin" else "xdg-open"
        if shutil.which(opener) is None:
            return f"không mở được '{where}': máy không có lệnh '{opener}'. Hãy mở tệp bằng tay."
        process = subprocess.Popen([opener, str(path)], stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)  # Ctrl+C here must not close Word
        code = process.wait(timeout=_WAIT_SECONDS)
    except subprocess.TimeoutExpired:
        return None  # still handing over: the application is starting
    except OSError as exc:
        return f"không mở được '{where}': {describe(exc)}. Hãy mở tệp bằng tay."
    if code != 0:
        return f"không mở được '{where}' ('{opener}' báo lỗi {code}). Hãy mở tệp bằng tay."
    return None
