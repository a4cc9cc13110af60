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
@click.option("--from", "previous", type=click.Path(path_type=Path, file_okay=False),
              help="Thư mục báo cáo kỳ trước.")
@click.option("--period", "kind", type=click.Choice(PERIOD_KINDS),
              help="Kỳ báo cáo mới.")
@click.option("--year", metavar="NĂM", type=click.IntRange(1930, 2100),
              help="Năm của kỳ mới (mặc định: năm của kỳ trước, hoặc năm sau nếu kỳ mới bắt "
              "đầu lại từ đầu năm).")
@click.option("--keep-text/--empty", default=True,
              help="Giữ nguyên các đoạn văn của kỳ trước để sửa tiếp (mặc định), hoặc để trống.")
@click.option("--organ", metavar="TÊN", help="Không có báo cáo kỳ trước: tên cơ quan ban hành, "
              "ví dụ \"ĐẢNG ỦY PHƯỜNG NINH KIỀU\".")
@click.option("--parent", metavar="TÊN", help="Cơ quan cấp trên in phía trên tên cơ quan.")
@click.option("--type", "doc_type", metavar="LOẠI", default="BÁO CÁO", show_default=True,
              help="Loại văn bản khi tạo mới.")
@click.option("-v", "--verbose", is_flag=True, help="In thêm chi tiết kỹ thuật khi có lỗi.")
def command(target: Path, previous: Path | None, kind: str | None, year: int | None,
            keep_text: bool, organ: str | None, parent: str | None, doc_type: str,
            verbose: bool) -> None:
    from generator.diagnostics import display_path
    from generator.drafting import fresh
    from generator.drafting.newperiod import create_next_period

    if previous is None:
        sys.exit(_new_without_previous(target, organ, parent, doc_type, kind, year, verbose))
    if kind is None:
        raise click.UsageError("cần --period (kỳ báo cáo mới).")
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
        print_failure(exc, verbose, "Chưa tạo thư mục mới.")
        sys.exit(exc.exit_code)
    print_diagnostics(made.diagnostics)
    print_diagnostics(fresh.obsolete_warnings(made.compiled))
    text = "giữ nguyên nội dung kỳ trước" if keep_text else "để trống nội dung"
    where = display_path(made.folder)
    click.echo(f"Đã tạo {where} cho {made.period} từ {display_path(previous)} "
               f"({made.previous_period}): {len(made.compiled.areas)} phần chờ cập nhật, {text}.")
    click.echo(fresh.profile_line(made.compiled))
    click.echo(f"Tiếp theo: baocao status {where}   ·   baocao watch {where}")
    sys.exit(EXIT_OK)


def _new_without_previous(target: Path, organ: str | None, parent: str | None, doc_type: str,
                          kind: str | None, year: int | None, verbose: bool) -> int:
    """Write a fresh report folder from --organ/--parent/--type/--period/--year."""
    import datetime as dt

    from generator.diagnostics import display_path
    from generator.drafting import fresh

    if not organ:
        raise click.UsageError("cần --from (báo cáo kỳ trước) hoặc --organ (tạo mới).")
    try:
        made = fresh.create_report(target, organ, parent, doc_type, kind,
                                   year or dt.date.today().year)
    except BaocaoError as exc:
        print_failure(exc, verbose, "Chưa tạo thư mục mới.")
        return exc.exit_code
    print_diagnostics(made.compiled.diagnostics)
    click.echo(f"Đã tạo {display_path(made.folder)}: báo cáo mới, điền nội dung vào "
               f"{display_path(made.folder / 'areas' / (fresh.AREA + '.yaml'))}.")
    click.echo(fresh.profile_line(made.compiled))
    return EXIT_OK

