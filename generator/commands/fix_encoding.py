"""``baocao fix-encoding``: convert text typed in TCVN3 or VNI to Unicode, in place.

The work is `generator.legacy_fix`'s; this module is the command line around it and imports
it only when the command runs, so listing the commands stays cheap.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.commands.common import print_diagnostics, report_dir_ok
from generator.errors import EXIT_DATA, EXIT_OK


@click.command(help="Chuyển văn bản gõ bằng bảng mã cũ (TCVN3/ABC, VNI) trong các tệp .yaml "
               "của một báo cáo sang Unicode ngay trong tệp, giữ nguyên chú thích '#' và cách "
               "trình bày, lưu bản cũ thành <tệp>.bak, ví dụ: baocao fix-encoding "
               "data/hau-giang-2024-9-thang", options_metavar="[TÙY_CHỌN]")
@click.argument("report", metavar="THƯ_MỤC_BÁO_CÁO",
                type=click.Path(path_type=Path, file_okay=False))
@click.option("--dry-run", is_flag=True, help="Chỉ in những gì sẽ đổi, không ghi tệp nào.")
def command(report: Path, dry_run: bool) -> None:
    from generator.diagnostics import Diagnostics, Location, display_path
    from generator.legacy_fix import Refused, Tally, fix_file
    from generator.project import PathRefused, ReportFolder

    if not report_dir_ok(report):
        sys.exit(EXIT_DATA)
    folder = ReportFolder(report)
    tally = Tally()
    for path in [folder.manifest, *folder.area_files()]:
        try:
            fixes = fix_file(folder.inside(path, "tệp này"), dry_run)
        except PathRefused as refused:
            found = Diagnostics()
            found.error(refused.code, refused.message, Location(path))
            print_diagnostics(found)
            tally.unread += 1
            continue
        except Refused as exc:
            click.echo(f"Lỗi: {display_path(path)}: {exc}", err=True)
            tally.refused(exc.found)
            continue
        tally.values += len(fixes)
        tally.files += bool(fixes)
    click.echo(tally.summary(report, dry_run))
    sys.exit(EXIT_DATA if tally.failed else EXIT_OK)
