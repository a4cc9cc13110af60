"""``baocao import``: turn a Word report (or one department's part) into baocao data."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.commands.common import print_diagnostics, print_failure
from generator.diagnostics import display_path
from generator.errors import EXIT_OK, BaocaoError


@click.command(help="Nhập một báo cáo Word (.docx) có sẵn thành dữ liệu YAML của baocao "
               "(report.yaml và các tệp trong areas/). Với --area: nhập phần do một đơn vị "
               "gửi vào một báo cáo đã có.", options_metavar="[TÙY_CHỌN]")
@click.argument("docx", metavar="TỆP_WORD",
                type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.argument("report", metavar="THƯ_MỤC_BÁO_CÁO",
                type=click.Path(path_type=Path, file_okay=False))
@click.option("--area", "heading", metavar="ĐỀ_MỤC",
              help="Chỉ nhập tệp này thành một phần (một tệp trong areas/) của báo cáo đã có "
              "trong THƯ_MỤC_BÁO_CÁO; ĐỀ_MỤC là đề mục của phần đó trong bố cục.")
@click.option("--force", is_flag=True, help="Ghi đè dữ liệu đã có trong thư mục đích.")
@click.option("-v", "--verbose", is_flag=True, help="In thêm chi tiết kỹ thuật khi có lỗi.")
def command(docx: Path, report: Path, heading: str | None, force: bool, verbose: bool) -> None:
    try:
        if heading is None:
            _import_report(docx, report, force)
        else:
            _import_area(docx, report, heading, force)
    except BaocaoError as exc:
        print_failure(exc, verbose)
        sys.exit(exc.exit_code)
    sys.exit(EXIT_OK)


def _import_report(docx: Path, report: Path, force: bool) -> None:
    from generator.importer.run import import_report

    result = import_report(docx, report, force)
    print_diagnostics(result.diagnostics)
    print_diagnostics(result.compiled.diagnostics)
    click.echo(result.summary())
    click.echo(f"Hãy đọc lại các tệp YAML, sửa những chỗ được cảnh báo, rồi chạy: "
               f"baocao build {display_path(report)}")


def _import_area(docx: Path, report: Path, heading: str, force: bool) -> None:
    from generator.importer.area import import_area

    result = import_area(docx, report, heading, force)
    print_diagnostics(result.diagnostics)
    for line in result.messages:
        click.echo(line)
