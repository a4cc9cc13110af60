"""``baocao check``: the editorial review of one or more report folders."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from generator.commands.common import ProfileName, print_diagnostics, report_dir_ok
from generator.errors import EXIT_DATA, EXIT_OK, BaocaoError

REPORTS = "THƯ_MỤC_BÁO_CÁO|TỆP.docx..."


@click.command(help="Rà soát biên tập báo cáo: số liệu, phép tính, ngày tháng, trích dẫn văn "
               "bản, chính tả, dấu câu. Với một tệp Word (.docx) bất kỳ: rà soát thể thức "
               "(trang, phông chữ, tiêu đề, nơi nhận, chữ ký, số trang). Thoát với mã 1 khi có "
               "lỗi.")
@click.argument("reports", nargs=-1, type=click.Path(path_type=Path),
                metavar=REPORTS)
@click.option("--strict", is_flag=True, help="Coi cả cảnh báo là lỗi (mã thoát 1).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="json: mỗi phát hiện một dòng JSON (cho trình soạn thảo, CI).")
@click.option("--profile", type=ProfileName(), default=None,
              help="Thể thức dùng để rà soát tệp Word; bỏ trống thì tự chọn theo tiêu đề và ngày "
              "của văn bản.")
@click.option("--fix", "fix_out", is_flag=False, flag_value="", default=None,
              metavar="[TỆP_SỬA.docx]", help="Với thư mục báo cáo: sửa ngay trong các tệp những lỗi "
              "máy sửa được (dấu cách không ngắt, dấu cách kép, dấu cách quanh gạch nối năm, kiểu "
              "đặt dấu, dấu thập phân), giữ ghi chú và bố cục, lưu bản cũ vào .baocao-backup/. "
              "Với một tệp Word: ghi bản đã sửa thể thức vào TỆP_SỬA.docx.")
@click.option("--dry-run", is_flag=True, help="Với --fix: chỉ liệt kê các chỗ sẽ sửa, không ghi.")
@click.option("-v", "--verbose", is_flag=True, help="In thêm chi tiết kỹ thuật khi có lỗi.")
def command(reports: tuple[Path, ...], strict: bool, output_format: str, profile: str | None,
            fix_out: str | None, dry_run: bool, verbose: bool) -> None:
    reports, fix_out = _fix_folder_first(reports, fix_out)
    code = EXIT_OK
    docx = [t for t in reports if t.suffix.lower() == ".docx" and not t.is_dir()]
    if fix_out is not None and not docx:
        sys.exit(max(fix_folder(target, dry_run) for target in reports))
    if fix_out is not None and (len(reports) != 1 or not fix_out):
        click.echo("Lỗi: với tệp Word, viết --fix TỆP_SỬA.docx cho đúng một tệp.", err=True)
        sys.exit(EXIT_DATA)
    for target in reports:
        if target in docx and fix_out is not None:
            code = fix_docx(target, Path(fix_out), profile)
        elif target in docx:
            code = max(code, check_docx(target, profile, strict, output_format == "json"))
        else:
            code = max(code, check_one(target, strict, output_format == "json", verbose))
    sys.exit(code)


def _fix_folder_first(reports: tuple[Path, ...], fix_out: str | None
                      ) -> tuple[tuple[Path, ...], str | None]:
    """Read ``check --fix THƯ_MỤC`` as ``check THƯ_MỤC --fix``: the folder is not a copy to write.

    `--fix` takes an optional file name (the corrected copy of a .docx), so a folder written
    right after it was taken for that name and the command stopped for a missing argument.
    """
    if reports:
        return reports, fix_out
    if fix_out and not fix_out.lower().endswith(".docx") and Path(fix_out).is_dir():
        return (Path(fix_out),), ""
    raise click.UsageError(f"Thiếu tham số '{REPORTS}'.")


def fix_folder(report_dir: Path, dry_run: bool) -> int:
    """Apply (or with `dry_run` list) the safe fixes of a report folder; return the exit code."""
    from generator.fixes import BACKUP_DIR, fix_report

    if not report_dir_ok(report_dir):
        return EXIT_DATA
    try:
        outcome = fix_report(report_dir, dry_run=dry_run)
    except BaocaoError as exc:
        print_diagnostics(exc.diagnostics)
        click.echo(f"Dừng lại: dữ liệu có lỗi ({exc.diagnostics.summary()}); chưa sửa gì.",
                   err=True)
        return exc.exit_code
    changes = outcome.changes
    for change in changes:
        click.echo(change.describe())
    if outcome.left:
        click.echo(f"Chưa sửa được {len(outcome.left)} chỗ vì sửa sẽ làm đổi cách đọc tệp; hãy "
                   "sửa bằng tay:")
        for change in outcome.left:
            click.echo("  " + change.describe())
    if not changes and outcome.left:
        click.echo("Các tệp được giữ nguyên.")
    elif not changes:
        click.echo("Không có chỗ nào máy sửa được; các tệp được giữ nguyên.")
    elif dry_run:
        click.echo(f"Sẽ sửa {len(changes)} chỗ (chưa ghi gì; bỏ --dry-run để sửa).")
    else:
        click.echo(f"Đã sửa {len(changes)} chỗ; bản cũ của các tệp được lưu trong "
                   f"{report_dir.as_posix()}/{BACKUP_DIR}/.")
    return EXIT_OK


def fix_docx(path: Path, out: Path, profile: str | None) -> int:
    """Write the corrected copy of `path` to `out`, list the changes, review the copy."""
    from generator.layout.fix import fix_docx as write_fixed

    if not path.is_file():
        click.echo(f"Lỗi: không có tệp '{path}'.", err=True)
        return EXIT_DATA
    if out.resolve() == path.resolve():
        click.echo("Lỗi: --fix cần một tệp khác tệp đang rà soát (bản gốc được giữ nguyên).",
                   err=True)
        return EXIT_DATA
    try:
        used, changes = write_fixed(path, out, profile)
    except BaocaoError as exc:
        click.echo(f"Lỗi: {exc}", err=True)
        return exc.exit_code
    if changes:
        click.echo(f"Đã ghi bản sửa {out} ({len(changes)} thay đổi):")
        for change in changes:
            click.echo(f"  - {change}")
    else:
        click.echo(f"Không có lỗi thể thức nào máy sửa được; đã chép nguyên bản sang {out}.")
    click.echo("Rà soát lại bản sửa:")
    return check_docx(out, used, strict=False, as_json=False)


def check_docx(path: Path, profile: str | None, strict: bool, as_json: bool) -> int:
    """Review the thể thức of the Word document at `path`; print the findings; return the code."""
    from generator.checks import Finding
    from generator.layout import review_docx, review_spec

    if not path.is_file():
        click.echo(f"Lỗi: không có tệp '{path}'.", err=True)
        return EXIT_DATA
    try:
        used, diagnostics = review_docx(path, profile)
    except BaocaoError as exc:
        click.echo(f"Lỗi: {exc}", err=True)
        return exc.exit_code
    findings = [Finding.from_diagnostic(d) for d in diagnostics]
    if as_json:
        _print_json(findings)
    else:
        click.echo(f"Rà soát thể thức theo {review_spec(used)['name']}:")
        for finding in findings:
            click.echo(finding.format())
        errors = sum(f.severity == "error" for f in findings)
        click.echo(f"Rà soát thể thức: {errors} lỗi, {len(findings) - errors} cảnh báo."
                   if findings else "Rà soát thể thức: không thấy sai lệch nào.")
    failing = [f for f in findings if f.severity == "error" or strict]
    return EXIT_DATA if failing else EXIT_OK


def check_one(report_dir: Path, strict: bool, as_json: bool, verbose: bool) -> int:
    """Check `report_dir`, print its findings and a summary; return the exit code."""
    from generator.checks import Finding, run_checks, summary_line
    from generator.pipeline import compile_report

    if not report_dir_ok(report_dir):
        return EXIT_DATA
    started = time.perf_counter()
    try:
        findings = run_checks(compile_report(report_dir))
    except BaocaoError as exc:
        if as_json:
            _print_json([Finding.from_diagnostic(d) for d in exc.diagnostics.sorted()])
        else:
            print_diagnostics(exc.diagnostics)
            click.echo(f"Dừng lại: dữ liệu có lỗi ({exc.diagnostics.summary()}); hãy sửa các "
                       "lỗi trên rồi chạy lại 'baocao check'.", err=True)
        if verbose:
            import traceback
            traceback.print_exception(exc, file=sys.stderr)
        return exc.exit_code
    failing = [f for f in findings if f.severity == "error" or strict]
    if as_json:
        _print_json(findings)
    else:
        for finding in findings:
            click.echo(finding.format())
        seconds = time.perf_counter() - started
        click.echo(f"{summary_line(findings)} {_seconds(seconds)}")
    return EXIT_DATA if failing else EXIT_OK


def _seconds(seconds: float) -> str:
    return f"({seconds:.2f} giây)".replace(".", ",")  # Vietnamese decimal comma


def _print_json(findings) -> None:
    import json  # only for --format json, not at every start-up

    for finding in findings:
        click.echo(json.dumps(finding.to_json(), ensure_ascii=False))
