"""Convert a .docx to PDF (and optionally PNG pages) with headless LibreOffice.

soffice exits 0 even when the conversion fails, so success is judged by the PDF file itself.
Each run gets its own profile folder (``-env:UserInstallation``): two conversions at once, or a
LibreOffice window the clerk has open, would otherwise fight over one profile and fail silently.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.diagnostics import display_path
from generator.errors import BaocaoError

TIMEOUT_SECONDS = 180
_WINDOWS_CANDIDATES = (
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "LibreOffice/program/soffice.exe",
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    / "LibreOffice/program/soffice.exe",
)
_MAC_CANDIDATE = Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")

INSTALL_HINT = (
    "Chưa cài LibreOffice. Trên Windows: tải bộ cài tại trang chủ LibreOffice rồi cài đặt bình "
    "thường; trên Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui."
)


class ConversionError(BaocaoError):
    """LibreOffice is missing or did not produce the file."""


def find_soffice() -> Path | None:
    """Return the LibreOffice executable, or None when it is not installed."""
    env = os.environ.get("BAOCAO_SOFFICE")
    if env:
        return Path(env)
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    candidates = _WINDOWS_CANDIDATES if sys.platform == "win32" else (_MAC_CANDIDATE,)
    return next((path for path in candidates if path.is_file()), None)


def docx_to_pdf(docx: Path, pdf: Path) -> Path:
    """Convert `docx` to `pdf` (replacing it atomically); return `pdf`.

    Raises `ConversionError` with a Vietnamese message when LibreOffice is missing, fails or
    times out.
    """
    soffice = find_soffice()
    if soffice is None:
        raise ConversionError(INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="baocao-lo-") as work:
        work_dir = Path(work)
        profile = (work_dir / "profile").as_uri()
        command = [str(soffice), f"-env:UserInstallation={profile}", "--headless",
                   "--convert-to", "pdf", "--outdir", str(work_dir), str(docx)]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False,
                           stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise ConversionError(f"LibreOffice không chuyển xong '{display_path(docx)}' sau "
                                  f"{TIMEOUT_SECONDS} giây.") from None
        produced = work_dir / f"{docx.stem}.pdf"
        if not produced.is_file() or produced.stat().st_size == 0:
            raise ConversionError(f"LibreOffice không tạo được PDF từ '{display_path(docx)}'.")
        pdf.parent.mkdir(parents=True, exist_ok=True)
        temp = pdf.with_name(f".{pdf.name}.tmp")
        shutil.move(str(produced), temp)
        os.replace(temp, pdf)
    return pdf
