"""Convert a .docx to PDF with headless LibreOffice, and a PDF to page images with pdftoppm.

soffice exits 0 even when the conversion fails, so success is judged by the PDF file itself.
Each run gets its own profile folder (``-env:UserInstallation``): two conversions at once, or a
LibreOffice window the clerk has open, would otherwise fight over one profile and fail silently.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.diagnostics import display_path
from generator.errors import BaocaoError
from generator.oserrors import describe

TIMEOUT_SECONDS = 180
_WINDOWS_CANDIDATES = (
    Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "LibreOffice/program/soffice.exe",
    Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    / "LibreOffice/program/soffice.exe",
)
_MAC_CANDIDATE = Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")

_REGISTRY_KEYS = (r"SOFTWARE\LibreOffice\UNO\InstallPath",
                  r"SOFTWARE\Wow6432Node\LibreOffice\UNO\InstallPath")
"""Where the LibreOffice installer records its program folder (also for a custom location)."""
PNG_DPI = 100
"""Resolution of page images: an A4 page is about 830 × 1170 pixels, enough for a quick look."""

INSTALL_HINT = (
    "Chưa cài LibreOffice. Trên Windows: tải bộ cài tại trang chủ LibreOffice rồi cài đặt bình "
    "thường; trên Debian/Ubuntu: sudo apt-get install libreoffice-writer-nogui."
)
PDFTOPPM_HINT = (
    "Chưa có pdftoppm (bộ công cụ Poppler) nên không tạo được ảnh trang. Trên Windows: tải bản "
    "Poppler cho Windows, giải nén rồi thêm thư mục bin vào PATH (hoặc đặt biến môi trường "
    "BAOCAO_PDFTOPPM là đường dẫn tới pdftoppm.exe); trên Debian/Ubuntu: sudo apt-get install "
    "poppler-utils."
)


class ConversionError(BaocaoError):
    """LibreOffice or pdftoppm is missing or did not produce the file."""


def find_soffice() -> Path | None:
    """Return the LibreOffice executable, or None when it is not installed."""
    env = os.environ.get("BAOCAO_SOFFICE")
    if env:
        return Path(env)
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    if sys.platform == "win32":
        candidates = (*_registry_soffice(), *_WINDOWS_CANDIDATES)
    else:
        candidates = (_MAC_CANDIDATE,)
    return next((path for path in candidates if path.is_file()), None)


def _registry_soffice() -> list[Path]:
    """Return soffice.exe in the folders the Windows registry names for LibreOffice."""
    try:
        import winreg
    except ImportError:  # not Windows
        return []
    found = []
    for root in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        for key in _REGISTRY_KEYS:
            try:
                with winreg.OpenKey(root, key) as handle:
                    folder, _ = winreg.QueryValueEx(handle, "")
            except OSError:
                continue
            found.append(Path(folder) / "soffice.exe")
    return found


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
        _run(command, f"LibreOffice không chuyển xong '{display_path(docx)}'")
        produced = work_dir / f"{docx.stem}.pdf"
        if not produced.is_file() or produced.stat().st_size == 0:
            raise ConversionError(f"LibreOffice không tạo được PDF từ '{display_path(docx)}'.")
        pdf.parent.mkdir(parents=True, exist_ok=True)
        temp = pdf.with_name(f".{pdf.name}.tmp")
        shutil.move(str(produced), temp)
        _replace(temp, pdf)
    return pdf


def find_pdftoppm() -> Path | None:
    """Return the pdftoppm executable (Poppler), or None when it is not installed."""
    env = os.environ.get("BAOCAO_PDFTOPPM")
    if env:
        return Path(env)
    found = shutil.which("pdftoppm")
    return Path(found) if found else None


def pdf_to_pngs(pdf: Path, stem: Path) -> list[Path]:
    """Render each page of `pdf` to ``<stem>-<n>.png`` (n from 1); return them in page order.

    Images left from a longer earlier version (``<stem>-7.png`` when there are now 6 pages)
    are removed, so the folder always shows the current document. Raises `ConversionError`.
    """
    tool = find_pdftoppm()
    if tool is None:
        raise ConversionError(PDFTOPPM_HINT)
    folder = stem.parent
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".baocao-png-", dir=folder) as work:
        _run([str(tool), "-png", "-r", str(PNG_DPI), str(pdf), str(Path(work) / "page")],
             f"pdftoppm không tạo xong ảnh trang của '{display_path(pdf)}'")
        # pdftoppm pads page numbers to the page count's width (page-01.png); ours are not
        pages = sorted(Path(work).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-")[-1]))
        if not pages:
            raise ConversionError(f"pdftoppm không tạo được ảnh trang từ '{display_path(pdf)}'.")
        written = []
        for number, page in enumerate(pages, start=1):
            target = folder / f"{stem.name}-{number}.png"
            _replace(page, target)
            written.append(target)
    for old in folder.glob(f"{glob.escape(stem.name)}-*.png"):
        suffix = old.stem[len(stem.name) + 1:]
        if suffix.isdigit() and int(suffix) > len(written):
            old.unlink(missing_ok=True)
    return written


def _run(command: list[str], failure: str) -> None:
    """Run a converter; turn a timeout or a missing program into `ConversionError`."""
    try:
        subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False,
                       stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise ConversionError(f"{failure} sau {TIMEOUT_SECONDS} giây.") from None
    except OSError as exc:
        raise ConversionError(f"{failure}: không chạy được '{command[0]}' "
                              f"({describe(exc)}).") from None


def _replace(source: Path, target: Path) -> None:
    """Move `source` over `target`; a viewer holding `target` open (Windows) is reported."""
    try:
        os.replace(source, target)
    except OSError as exc:
        Path(source).unlink(missing_ok=True)
        raise ConversionError(f"không ghi được '{display_path(target)}' ({describe(exc)}): "
                              "có thể tệp đang mở trong một chương trình xem; hãy đóng lại rồi "
                              "thử lại.") from None
