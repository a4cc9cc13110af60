"""``baocao check``: the editorial review of one or more report folders."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from generator.commands.common import print_diagnostics, report_dir_ok
from generator.errors import EXIT_DATA, EXIT_OK, BaocaoError


@click.command(help="Rà soát biên tập báo cáo: số liệu, phép tính, ngày tháng, trích dẫn văn "
               "bản, chính tả, dấu câu. Thoát với mã 1 khi có lỗi.")
@click.argument("reports", nargs=-1, required=True, metavar="THƯ_MỤC_BÁO_CÁO...",
                type=click.Path(path_type=Path, file_okay=False))
@click.option("--strict", is_flag=True, help="Coi cả cảnh báo là lỗi (mã thoát 1).")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="json: mỗi phát hiện một dòng JSON (cho trình soạn thảo, CI).")
@click.option("-v", "--verbose", is_flag=True, help="In thêm chi tiết kỹ thuật khi có lỗi.")
def command(reports: tuple[Path, ...], strict: bool, output_format: str, verbose: bool) -> None:
    code = EXIT_OK
    for report_dir in reports:
        code = max(code, check_one(report_dir, strict, output_format == "json", verbose))
    sys.exit(code)


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
    for finding in findings:
        click.echo(json.dumps(finding.to_json(), ensure_ascii=False))
