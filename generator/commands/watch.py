"""``baocao watch``: rebuild a report every time one of its files is saved."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.commands.common import report_dir_ok
from generator.errors import EXIT_DATA, EXIT_OK


@click.command(help="Tạo báo cáo rồi tự tạo lại mỗi khi lưu report.yaml, một tệp trong areas/ "
               "hoặc tệp mẫu. Nếu dữ liệu có lỗi, lỗi được in ra và tệp .docx cũ giữ nguyên. "
               "Nhấn Ctrl+C để dừng.")
@click.argument("report", metavar="THƯ_MỤC_BÁO_CÁO", type=click.Path(path_type=Path, file_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Nơi lưu tệp .docx (mặc định: output/<tên thư mục báo cáo>.docx).")
@click.option("--pdf", is_flag=True, help="Mỗi lần tạo lại, tạo cả tệp PDF (cần LibreOffice).")
@click.option("--png", is_flag=True, help="Tạo cả ảnh từng trang <tên>-1.png, <tên>-2.png… "
              "(cần LibreOffice và pdftoppm).")
@click.option("-v", "--verbose", is_flag=True, help="In thêm chi tiết kỹ thuật khi có lỗi.")
@click.option("--max-builds", type=click.IntRange(min=1), hidden=True,
              help="Dừng sau N lần tạo (kể cả lần đầu); dùng cho kiểm thử và đo tốc độ.")
def command(report: Path, output: Path | None, pdf: bool, png: bool, verbose: bool,
            max_builds: int | None) -> None:
    from generator.drafting.watcher import WatchSettings, run_watch

    if not report_dir_ok(report):
        sys.exit(EXIT_DATA)
    last = []  # the exit code says how the last build went
    try:
        run_watch(report, WatchSettings(output, pdf, png, verbose), max_builds=max_builds,
                  on_build=lambda event: last.append(event.ok))
    except KeyboardInterrupt:
        click.echo("\nĐã dừng theo dõi. Tạm biệt!")
    sys.exit(EXIT_OK if not last or last[-1] else EXIT_DATA)
