"""``baocao new``: a new report folder for the next period, from the previous report."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.commands.common import print_diagnostics, print_failure, report_dir_ok
from generator.errors import EXIT_DATA, EXIT_OK, BaocaoError, DataError
from generator.vnformat import PERIOD_KINDS


@click.command(help="Tạo thư mục báo cáo cho kỳ mới từ báo cáo kỳ trước: giữ bố cục, cơ quan, "
               "nơi nhận, chữ ký và các phần; bỏ số, đặt lại ngày và nhãn 'Dự thảo'; mọi phần "
               "được đánh dấu chờ cập nhật. Ví dụ: baocao new data/hau-giang-2024-quy-4 "
               "--from data/hau-giang-2024-9-thang --period quy-4")
@click.argument("target", metavar="THƯ_MỤC_MỚI", type=click.Path(path_type=Path))
@click.option("--from", "previous", required=True, type=click.Path(path_type=Path, file_okay=False),
              help="Thư mục báo cáo kỳ trước.")
@click.option("--period", "kind", required=True, type=click.Choice(PERIOD_KINDS),
              help="Kỳ báo cáo mới.")
@click.option("--year", metavar="NĂM", type=click.IntRange(1930, 2100),
              help="Năm của kỳ mới (mặc định: năm của kỳ trước, hoặc năm sau nếu kỳ mới bắt "
              "đầu lại từ đầu năm).")
@click.option("--keep-text/--empty", default=True,
              help="Giữ nguyên các đoạn văn của kỳ trước để sửa tiếp (mặc định), hoặc để trống.")
@click.option("-v", "--verbose", is_flag=True, help="In thêm chi tiết kỹ thuật khi có lỗi.")
def command(target: Path, previous: Path, kind: str, year: int | None, keep_text: bool,
            verbose: bool) -> None:
    from generator.diagnostics import display_path
    from generator.drafting.newperiod import create_next_period

    if not report_dir_ok(previous):
        sys.exit(EXIT_DATA)
    try:
        made = create_next_period(previous, target, kind, year, keep_text)
    except DataError as exc:
        print_diagnostics(exc.diagnostics)
        click.echo(f"Dừng lại: báo cáo kỳ trước có {exc.diagnostics.summary()}; hãy sửa rồi chạy "
                   "lại. Chưa tạo thư mục mới.", err=True)
        sys.exit(exc.exit_code)
    except BaocaoError as exc:
        print_failure(exc, verbose)
        sys.exit(exc.exit_code)
    print_diagnostics(made.diagnostics)
    text = "giữ nguyên nội dung kỳ trước" if keep_text else "để trống nội dung"
    where = display_path(made.folder)
    click.echo(f"Đã tạo {where} cho {made.period} từ {display_path(previous)} "
               f"({made.previous_period}): {len(made.compiled.areas)} phần chờ cập nhật, {text}.")
    click.echo(f"Tiếp theo: baocao status {where}   ·   baocao watch {where}")
    sys.exit(EXIT_OK)

