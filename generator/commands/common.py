"""Printing helpers shared by the commands: diagnostics, failures, folder checks."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.diagnostics import Diagnostics, display_path
from generator.errors import BaocaoError
from generator.project import REPORT_FILE, ReportFolder

__all__ = ["REPORT_FILE", "ProfileName", "print_diagnostics", "print_failure", "report_dir_ok",
           "stop_line"]


class ProfileName(click.ParamType):
    """A profile name of the registry (``hd36``, ``hd05``, ``nd30``), read only when needed.

    click's own Choice reads its choices when the command is declared, which would import the
    profiles' data each time the commands are listed (``baocao --help``).
    """

    name = "profile"

    @staticmethod
    def names() -> list[str]:
        from generator.profiles import PROFILES

        return list(PROFILES)

    @staticmethod
    def folders() -> list[str]:
        """Return the profiles' folder names, which are their names, without importing them.

        For the help text: the registry's data takes 25 ms to import, a third of ``--help``.
        tests/test_cli_vi.py holds them equal to the registry's names.
        """
        root = Path(__file__).resolve().parent.parent / "profiles"
        return sorted(p.parent.name for p in root.glob("*/__init__.py"))

    def get_metavar(self, param, ctx=None) -> str:
        return "[" + "|".join(self.folders()) + "]"

    def convert(self, value, param, ctx):
        if value in self.names():
            return value
        shown = ", ".join(f"'{name}'" for name in self.names())
        self.fail(f"'{value}' không thuộc {shown}.", param, ctx)




def print_diagnostics(diagnostics: Diagnostics) -> None:
    """Print every diagnostic, sorted by file and line, to stderr."""
    for diagnostic in diagnostics.sorted():
        click.echo(diagnostic.format(), err=True)


KEPT_OUTPUT = "Tệp kết quả cũ được giữ nguyên."
"""What a stopped build or diff leaves: the previous output, untouched."""


def print_failure(exc: BaocaoError, verbose: bool = False, outcome: str = KEPT_OUTPUT) -> None:
    """Print why a command stopped and `outcome`, what it left; with `verbose`, the traceback."""
    print_diagnostics(exc.diagnostics)
    click.echo(stop_line(exc, outcome), err=True)
    if verbose:
        import traceback

        traceback.print_exception(exc, file=sys.stderr)


def stop_line(exc: BaocaoError, outcome: str = KEPT_OUTPUT) -> str:
    """Return the one line saying why a command stopped (counts, or the error's message)."""
    if exc.diagnostics.items:
        return f"Dừng lại: {exc.diagnostics.summary()}. {outcome}".rstrip()
    return f"Lỗi: {exc.message[:1].upper()}{exc.message[1:]}"


def report_dir_ok(report_dir: Path) -> bool:
    """Return True if `report_dir` holds a report.yaml; otherwise say so and return False."""
    if ReportFolder(report_dir).is_report():
        return True
    shown = display_path(report_dir).replace("\0", "\\0")
    click.echo(f"Lỗi: '{shown}' không phải thư mục báo cáo: thiếu tệp {REPORT_FILE}.", err=True)
    return False
