"""``baocao build``: render one or more report folders to .docx (and PDF, page images)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.commands.common import REPORT_FILE, print_diagnostics, print_failure, report_dir_ok
from generator.errors import EXIT_DATA, EXIT_OK, BaocaoError

if TYPE_CHECKING:
    from generator.pipeline import BuildResult


@dataclass(frozen=True)
class Extras:
    """What to do with a built .docx besides writing it."""

    pdf: bool = False
    png: bool = False
    open: bool = False
    check: bool = False
    """Run the editorial checks and print their one-line count (issue 4)."""


@click.command(help="Tạo tệp Word (.docx) của một hoặc nhiều báo cáo, ví dụ: baocao build "
               "data/hau-giang-2024-9-thang, hoặc mọi báo cáo: baocao build data/*",
               options_metavar="[TÙY_CHỌN]")
@click.argument("reports", nargs=-1, required=True, metavar="THƯ_MỤC_BÁO_CÁO...",
                type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Nơi lưu tệp .docx (mặc định: output/<tên thư mục báo cáo>.docx).")
@click.option("--pdf", is_flag=True, help="Tạo thêm tệp PDF cạnh tệp .docx (cần LibreOffice).")
@click.option("--png", is_flag=True, help="Tạo thêm ảnh từng trang <tên>-1.png, <tên>-2.png… "
              "để xem nhanh (cần LibreOffice và pdftoppm).")
@click.option("--open", "open_result", is_flag=True,
              help="Mở tệp .docx vừa tạo bằng chương trình mặc định (Word).")
@click.option("--no-check", is_flag=True,
              help="Không chạy rà soát biên tập (baocao check) sau khi tạo.")
@click.option("-v", "--verbose", is_flag=True, help="In thêm chi tiết kỹ thuật khi có lỗi.")
def command(reports: tuple[Path, ...], output: Path | None, pdf: bool, png: bool,
            open_result: bool, no_check: bool, verbose: bool) -> None:
    if output is not None and len(reports) > 1:
        raise click.UsageError("chỉ dùng -o khi tạo một báo cáo.")
    extras = Extras(pdf=pdf or png, png=png, open=open_result, check=not no_check)
    if len(reports) == 1:
        sys.exit(build_one(reports[0], output, verbose, extras))
    sys.exit(build_folders(reports, verbose, extras))


def build_one(report_dir: Path, output: Path | None, verbose: bool,
              extras: Extras = Extras()) -> int:
    """Build `report_dir`, print its diagnostics and summary; return the exit code."""
    if not report_dir_ok(report_dir):
        return EXIT_DATA
    return finish(attempt(report_dir, output), verbose, extras)


def attempt(report_dir: Path, output: Path | None = None) -> BuildResult | BaocaoError:
    """Build `report_dir`; return the error instead of raising it."""
    from generator.pipeline import build_report

    try:
        return build_report(report_dir, output)
    except BaocaoError as exc:
        return exc


def finish(outcome: BuildResult | BaocaoError, verbose: bool, extras: Extras) -> int:
    """Print what a build gave, make its PDF and open it if asked; return the exit code."""
    if isinstance(outcome, BaocaoError):
        print_failure(outcome, verbose)
        return outcome.exit_code
    print_diagnostics(outcome.compiled.diagnostics)
    click.echo(outcome.summary())
    if extras.check:
        from generator.checks import run_checks, summary_line
        from generator.diagnostics import display_path

        # The build's own warnings were printed above; count only the editorial findings.
        # They never fail the build: `baocao check` is the command that gates on them.
        findings = run_checks(outcome.compiled, include_build=False)
        report_dir = display_path(outcome.compiled.source.path.parent)
        click.echo(summary_line(findings, hint=report_dir))
    code = EXIT_OK
    if extras.pdf:
        from generator.drafting.preview import write_previews

        try:
            write_previews(outcome.output, png=extras.png, fresh=outcome.written)
        except BaocaoError as exc:  # the .docx is written; only the preview failed
            print_failure(exc, verbose)
            code = exc.exit_code
    if extras.open:
        from generator.drafting.desktop import open_file

        problem = open_file(outcome.output)
        if problem:
            click.echo(f"Cảnh báo: {problem}", err=True)
    return code


def build_folders(paths: tuple[Path, ...], verbose: bool, extras: Extras) -> int:
    """Build every report folder among `paths`, one line of progress each; return the worst code.

    Paths that exist but are not report folders (``data/*`` also matches files and other
    folders) are skipped with a warning; a path that does not exist is an error.
    """
    from generator.diagnostics import display_path

    code, folders, skipped = EXIT_OK, [], 0
    for path in dict.fromkeys(paths):
        if (path / REPORT_FILE).is_file():
            folders.append(path)
        elif path.exists():
            skipped += 1
            click.echo(f"Cảnh báo: bỏ qua '{display_path(path)}': không phải thư mục báo cáo "
                       f"(thiếu {REPORT_FILE}).", err=True)
        else:
            report_dir_ok(path)  # says it is missing
            code = EXIT_DATA
    failed = 0
    outcomes = ((folder, attempt(folder)) for folder in folders)  # built one at a time
    for index, (folder, outcome) in enumerate(outcomes, start=1):
        click.echo(f"[{index}/{len(folders)}] {display_path(folder)}")
        result = finish(outcome, verbose, extras)
        failed += result != EXIT_OK
        code = max(code, result)
    skipped_text = f"; bỏ qua {skipped} đường dẫn không phải báo cáo" if skipped else ""
    click.echo(f"Tổng kết: {len(folders)} báo cáo, {len(folders) - failed} xong, {failed} có lỗi"
               f"{skipped_text}.")
    if not folders:
        click.echo("Lỗi: không có thư mục báo cáo nào để tạo.", err=True)
        code = EXIT_DATA
    return code
