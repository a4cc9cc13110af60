"""``baocao build``: render one or more report folders to .docx."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.commands.common import print_diagnostics, print_failure, report_dir_ok
from generator.errors import EXIT_DATA, EXIT_OK, BaocaoError


@click.command(help="Tạo tệp Word (.docx) của một hoặc nhiều báo cáo.",
               options_metavar="[TÙY_CHỌN]")
@click.argument("reports", nargs=-1, required=True, metavar="THƯ_MỤC_BÁO_CÁO...",
                type=click.Path(path_type=Path, file_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Nơi lưu tệp .docx (mặc định: output/<tên thư mục báo cáo>.docx).")
@click.option("-v", "--verbose", is_flag=True, help="In thêm chi tiết kỹ thuật khi có lỗi.")
def command(reports: tuple[Path, ...], output: Path | None, verbose: bool) -> None:
    if output is not None and len(reports) > 1:
        raise click.UsageError("chỉ dùng -o khi tạo một báo cáo.")
    code = EXIT_OK
    for report_dir in reports:
        code = max(code, build_one(report_dir, output, verbose))
    sys.exit(code)


def build_one(report_dir: Path, output: Path | None, verbose: bool) -> int:
    """Build `report_dir`, print its diagnostics and summary; return the exit code."""
    from generator.pipeline import build_report

    if not report_dir_ok(report_dir):
        return EXIT_DATA
    try:
        result = build_report(report_dir, output)
    except BaocaoError as exc:
        print_failure(exc, verbose)
        return exc.exit_code
    print_diagnostics(result.compiled.diagnostics)
    click.echo(result.summary())
    return EXIT_OK
