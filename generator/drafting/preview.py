"""A quick look at a built report: its PDF and page images (``--pdf``, ``--png``)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import click

from generator.diagnostics import display_path
from generator.pdf import docx_to_pdf, pdf_to_pngs
from generator.vnformat import format_number


def write_previews(docx: Path, *, png: bool = False, fresh: bool = True,
                   echo: Callable[[str], None] = click.echo) -> list[Path]:
    """Write ``<docx stem>.pdf`` next to `docx` (and with `png` its pages); return the files.

    With `fresh` False (the .docx was not rewritten) an up-to-date PDF is kept rather than
    converted again: LibreOffice takes seconds. Raises `ConversionError`.
    """
    pdf = docx.with_suffix(".pdf")
    if fresh or not _newer(pdf, docx):
        echo(f"Đang chuyển sang PDF bằng LibreOffice (có thể mất vài giây): {display_path(pdf)}")
        started = time.perf_counter()
        docx_to_pdf(docx, pdf)
        echo(f"Đã ghi {display_path(pdf)} ({_seconds(started)} giây).")
    else:
        echo(f"PDF không đổi, giữ nguyên: {display_path(pdf)}.")
    if not png:
        return [pdf]
    first = docx.with_name(f"{docx.stem}-1.png")
    if not fresh and _newer(first, pdf):
        echo(f"Ảnh trang không đổi, giữ nguyên: {display_path(first)} …")
        return [pdf]
    started = time.perf_counter()
    pages = pdf_to_pngs(pdf, docx.with_suffix(""))
    echo(f"Đã ghi {len(pages)} ảnh trang: {display_path(pages[0])} … {pages[-1].name} "
         f"({_seconds(started)} giây).")
    return [pdf, *pages]


def _newer(path: Path, than: Path) -> bool:
    try:
        return path.stat().st_mtime >= than.stat().st_mtime
    except OSError:
        return False


def _seconds(started: float) -> str:
    return format_number(time.perf_counter() - started, 2)
