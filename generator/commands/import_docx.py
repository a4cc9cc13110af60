"""``baocao import``: turn a Word report (or one department's part) into baocao data."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.commands.common import print_diagnostics, print_failure
from generator.diagnostics import display_path
from generator.errors import EXIT_DATA, EXIT_OK, BaocaoError


@click.command(help="Nhập một báo cáo Word (.docx) có sẵn thành các tệp dữ liệu (.yaml) của "
               "baocao "
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
@click.option("--allow-loss", is_flag=True, help="Chấp nhận khi có nội dung của tệp Word không "
              "chuyển được sang dữ liệu (vẫn liệt kê), không báo lỗi.")
@click.option("-v", "--verbose", is_flag=True, help="In thêm chi tiết kỹ thuật khi có lỗi.")
def command(docx: Path, report: Path, heading: str | None, force: bool, allow_loss: bool,
            verbose: bool) -> None:
    code = EXIT_OK
    try:
        if heading is None:
            code = _import_report(docx, report, force, allow_loss)
        else:
            code = _import_area(docx, report, heading, force, allow_loss)
    except BaocaoError as exc:
        print_failure(exc, verbose, "Hãy sửa các chỗ trên rồi chạy lại lệnh import.")
        sys.exit(exc.exit_code)
    sys.exit(code)


def _import_report(docx: Path, report: Path, force: bool, allow_loss: bool) -> int:
    """Import, print the warnings and the faithfulness summary; return the exit code."""
    from generator.importer.run import import_report

    result = import_report(docx, report, force)
    print_diagnostics(result.diagnostics)
    print_diagnostics(result.compiled.diagnostics)
    click.echo(result.summary())
    code = _faithfulness(result.faithfulness, allow_loss)
    if code == EXIT_OK:
        click.echo(f"Hãy đọc lại các tệp .yaml, sửa những chỗ được cảnh báo, rồi chạy: "
                   f"baocao build {display_path(report)}")
    return code


def _faithfulness(faithfulness, allow_loss: bool) -> int:
    """Print the faithfulness summary; return 1 when something was not carried, unless allowed."""
    click.echo(faithfulness.summary())
    losses = len(faithfulness.losses)
    if losses and not allow_loss:
        click.echo(f"Dừng lại: {losses} chỗ của tệp Word không chuyển được sang dữ liệu (kể trên); "
                   "dữ liệu đã ghi nhưng chưa đủ. Hãy bổ sung bằng tay, hoặc thêm --allow-loss "
                   "nếu chấp nhận.", err=True)
        return EXIT_DATA
    return EXIT_OK


def _import_area(docx: Path, report: Path, heading: str, force: bool, allow_loss: bool) -> int:
    from generator.importer.area import import_area

    result = import_area(docx, report, heading, force)
    print_diagnostics(result.diagnostics)
    for line in result.messages:
        click.echo(line)
    return _faithfulness(result.faithfulness, allow_loss)
