"""``baocao status``: a table of the report's areas, so the secretariat sees whose part is in."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import click

from generator.commands.common import print_diagnostics, print_failure, report_dir_ok
from generator.errors import EXIT_DATA, EXIT_OK, BaocaoError

_STATE_COLORS = {"missing": "red", "invalid": "red", "empty": "red", "unchanged": "yellow",
                 "light": "yellow", "updated": "green", "filled": "green"}


@click.command(help="Xem tình trạng từng phần của báo cáo: đơn vị gửi, số đoạn, số bảng, số chữ, "
               "số chú thích, phần nào còn trống hoặc vẫn giống kỳ trước.")
@click.argument("report", metavar="THƯ_MỤC_BÁO_CÁO", type=click.Path(path_type=Path, file_okay=False))
@click.option("--previous", type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="So với thư mục báo cáo kỳ trước này (mặc định: kỳ trước mà 'baocao new' "
              "đã ghi lại).")
@click.option("--no-color", is_flag=True, help="Không tô màu (khi chuyển kết quả sang tệp, "
              "màu tự tắt).")
def command(report: Path, previous: Path | None, no_color: bool) -> None:
    from generator.drafting.status import report_status

    if not report_dir_ok(report) or (previous is not None and not report_dir_ok(previous)):
        sys.exit(EXIT_DATA)
    try:
        status = report_status(report, previous)
    except BaocaoError as exc:
        print_failure(exc, outcome="")
        sys.exit(exc.exit_code)
    print_diagnostics(status.diagnostics)
    color = False if no_color or os.environ.get("NO_COLOR") else None  # None: only on a terminal
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
    for line in status_lines(status, report, width):
        click.echo(line, color=color)
    sys.exit(EXIT_DATA if status.diagnostics.has_errors() else EXIT_OK)


def status_lines(status, report: Path, width: int | None) -> list[str]:
    """Return the lines printed: what is compared, the table, the counts."""
    from generator.diagnostics import display_path
    from generator.drafting import table
    from generator.drafting.status import INVALID, MISSING, STATE_LABELS
    from generator.vnformat import format_number

    columns = [table.Column("Mục"), table.Column("Phần", shrinkable=True, min_width=16),
               table.Column("Đơn vị gửi", shrinkable=True, min_width=12),
               table.Column("Đoạn", ">"), table.Column("Bảng", ">"), table.Column("Chữ", ">"),
               table.Column("Chú thích", ">"),
               table.Column("Tình trạng"), table.Column("Sửa lần cuối")]
    rows = []
    for row in status.rows:
        read = row.state not in (MISSING, INVALID)  # no counts for a file that could not be read
        counts = [str(row.paragraphs), str(row.tables), format_number(row.words),
                  str(row.footnotes)]
        rows.append([row.ref, row.heading, row.owner, *(counts if read else [""] * len(counts)),
                     STATE_LABELS[row.state],
                     row.modified.strftime("%d/%m/%Y %H:%M") if row.modified else ""])

    def style(index: int, column: int, cell: str) -> str:
        if index < 0:
            return click.style(cell, bold=True)
        if column == 7:
            return click.style(cell, fg=_STATE_COLORS[status.rows[index].state])
        return cell

    if status.baseline is not None:
        origin = f"So với kỳ trước: {status.baseline.period or 'không rõ kỳ'} " \
                 f"({status.compared_with})."
    else:
        origin = ("Chưa có kỳ trước để so (báo cáo này không tạo bằng 'baocao new'); "
                  "dùng --previous <thư mục kỳ trước> để so.")
    counts = ", ".join(f"{count} {STATE_LABELS[state]}" for state, count in status.counts().items())
    lines = [f"Báo cáo {display_path(report)}: {status.period}. {origin}", "",
             *table.render(columns, rows, width, style), "",
             f"{len(status.rows)} phần: {counts}."]
    if any(row.state == INVALID for row in status.rows):
        lines.append(f"Xem lỗi của các phần 'có lỗi': baocao build {display_path(report)}")
    return lines
