"""Printing helpers shared by the commands: diagnostics, failures, folder checks."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

import click

from generator.diagnostics import Diagnostics
from generator.errors import BaocaoError

REPORT_FILE = "report.yaml"


def print_diagnostics(diagnostics: Diagnostics) -> None:
    """Print every diagnostic, sorted by file and line, to stderr."""
    for diagnostic in diagnostics.sorted():
        click.echo(diagnostic.format(), err=True)


def print_failure(exc: BaocaoError, verbose: bool = False) -> None:
    """Print why a command stopped; with `verbose`, the traceback too."""
    print_diagnostics(exc.diagnostics)
    click.echo(stop_line(exc), err=True)
    if verbose:
        traceback.print_exception(exc, file=sys.stderr)


def stop_line(exc: BaocaoError) -> str:
    """Return the one line saying why a command stopped (counts, or the error's message)."""
    if exc.diagnostics.items:
        return f"Dừng lại: {exc.diagnostics.summary()}. Tệp kết quả cũ được giữ nguyên."
    return f"Lỗi: {exc.message[:1].upper()}{exc.message[1:]}"


def report_dir_ok(report_dir: Path) -> bool:
    """Return True if `report_dir` holds a report.yaml; otherwise say so and return False."""
    if (report_dir / REPORT_FILE).is_file():
        return True
    click.echo(f"Lỗi: '{report_dir}' không phải thư mục báo cáo: thiếu tệp {REPORT_FILE}.",
               err=True)
    return False
