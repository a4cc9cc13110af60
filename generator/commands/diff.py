"""``baocao diff``: a Word document with the changes between two drafts as tracked changes."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from generator.commands.common import print_failure
from generator.diagnostics import display_path
from generator.errors import EXIT_OK, BaocaoError


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' không phải ngày dạng NĂM-THÁNG-NGÀY (ví dụ "
                                 "2024-09-30).") from None


@click.command(options_metavar="[TÙY_CHỌN]",
               help="So sánh hai bản báo cáo (hai thư mục, hai tệp .docx do baocao tạo, hoặc một "
               "thư mục với --rev) và tạo tệp Word của bản mới, mọi chỗ thêm, bớt, sửa được đánh "
               "dấu bằng Track Changes.")
@click.argument("old", metavar="BẢN_CŨ", type=click.Path(path_type=Path, exists=True))
@click.argument("new", metavar="[BẢN_MỚI]", required=False,
                type=click.Path(path_type=Path, exists=True))
@click.option("--rev", metavar="PHIÊN_BẢN",
              help="Lấy BẢN_CŨ ở phiên bản git này (ví dụ HEAD~1, du-thao-1) làm bản cũ, thư mục "
              "hiện tại làm bản mới.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Nơi lưu tệp .docx (mặc định: output/<tên bản mới>-so-sanh.docx).")
@click.option("--date", metavar="NĂM-THÁNG-NGÀY", callback=_date,
              help="Ngày ghi cho các thay đổi (mặc định: ngày của bản mới).")
@click.option("-v", "--verbose", is_flag=True, help="In thêm chi tiết kỹ thuật khi có lỗi.")
def command(old: Path, new: Path | None, rev: str | None, output: Path | None,
            date: dt.date | None, verbose: bool) -> None:
    from generator.diff.run import diff_reports
    from generator.diff.sources import SideError

    if rev is not None and new is not None:
        raise click.UsageError("với --rev chỉ ghi một thư mục báo cáo (bản mới là thư mục đó).")
    if rev is None and new is None:
        raise click.UsageError("cần hai bản để so sánh: BẢN_CŨ BẢN_MỚI, hoặc một thư mục với "
                               "--rev.")
    try:
        result = diff_reports(old, new, rev=rev, output=output, date=date)
    except BaocaoError as exc:
        if isinstance(exc, SideError):
            click.echo(f"Dữ liệu của {exc.side} có lỗi:", err=True)
        print_failure(exc, verbose)
        sys.exit(exc.exit_code)
    for line in result.summary():
        click.echo(line)
    state = "đã ghi" if result.written else "không đổi, giữ nguyên"
    click.echo(f"→ {display_path(result.output)} ({state}).")
    sys.exit(EXIT_OK)
