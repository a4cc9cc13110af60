"""``baocao build``: render one or more report folders to .docx (and PDF, page images)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.commands.common import REPORT_FILE, print_failure, report_dir_ok, stop_line
from generator.errors import EXIT_DATA, EXIT_OK, BaocaoError

if TYPE_CHECKING:
    from generator.diagnostics import Diagnostics
    from generator.pipeline import BuildResult, Compiled


@dataclass(frozen=True)
class Extras:
    """What to do with a built .docx besides writing it."""

    pdf: bool = False
    png: bool = False
    open: bool = False
    check: bool = False
    """Run the editorial checks and print their one-line count (issue 4)."""


@dataclass(frozen=True)
class Outcome:
    """Everything printed about one folder's build: small and picklable, so a worker sends it.

    A whole `BuildResult` pickles to about 200 KB; this holds only the text and the path.
    """

    diagnostics: tuple[str, ...] = ()
    """The build's diagnostics, sorted and formatted, for stderr."""
    summary: str = ""
    """`BuildResult.summary()`; empty when the build failed."""
    checks: str = ""
    """The editorial checks' one-line count; empty when they were not run."""
    output: Path | None = None
    written: bool = False
    failure: str = ""
    """Why the build stopped (``Dừng lại: …`` or ``Lỗi: …``); empty when it was built."""
    traceback: str = ""
    """The failure's traceback, kept only with ``-v``."""
    exit_code: int = EXIT_OK


@click.command(help="Tạo tệp Word (.docx) của một hoặc nhiều báo cáo, ví dụ: baocao build "
               "data/hau-giang-2024-9-thang, hoặc mọi báo cáo: baocao build data/*",
               options_metavar="[TÙY_CHỌN]")
@click.argument("reports", nargs=-1, required=True, metavar="THƯ_MỤC_BÁO_CÁO...",
                type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Nơi lưu tệp .docx (mặc định: output/<tên thư mục báo cáo>.docx).")
@click.option("--pdf", is_flag=True, help="Tạo thêm tệp PDF cạnh tệp .docx (cần LibreOffice).")
@click.option("--png", is_flag=True, help="Tạo thêm ảnh từng trang <tên>-1.png, <tên>-2.png… "
              "để xem nhanh (cần LibreOffice và pdftoppm).")
@click.option("--open", "open_result", is_flag=True,
              help="Mở tệp .docx vừa tạo bằng chương trình mặc định (Word).")
@click.option("--no-check", is_flag=True,
              help="Không chạy rà soát biên tập (baocao check) sau khi tạo.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="SỐ",
              help="Số tiến trình tạo nhiều báo cáo song song (mặc định: số lõi CPU; "
              "1 = lần lượt, trong tiến trình này).")
@click.option("-v", "--verbose", is_flag=True, help="In thêm chi tiết kỹ thuật khi có lỗi.")
def command(reports: tuple[Path, ...], output: Path | None, pdf: bool, png: bool,
            open_result: bool, no_check: bool, jobs: int | None, verbose: bool) -> None:
    if output is not None and len(reports) > 1:
        raise click.UsageError("chỉ dùng -o khi tạo một báo cáo.")
    extras = Extras(pdf=pdf or png, png=png, open=open_result, check=not no_check)
    if len(reports) == 1:
        sys.exit(build_one(reports[0], output, verbose, extras))
    sys.exit(build_folders(reports, verbose, extras, jobs))


def build_one(report_dir: Path, output: Path | None, verbose: bool,
              extras: Extras = Extras()) -> int:
    """Build `report_dir` here, print its diagnostics and summary; return the exit code."""
    if not report_dir_ok(report_dir):
        return EXIT_DATA
    outcome = build_outcome(report_dir, output, check=extras.check, verbose=verbose)
    return finish(outcome, verbose, extras)


def attempt(report_dir: Path, output: Path | None = None,
            verbose: bool = False) -> BuildResult | BaocaoError:
    """Build `report_dir`; return the error instead of raising it.

    Anything unexpected becomes an error too, its details in a log (`lastresort`), so that
    one folder of a batch cannot stop the others, nor a worker process the whole batch.
    """
    from generator.pipeline import build_report

    try:
        return build_report(report_dir, output)
    except BaocaoError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - reported like the last-resort handler does
        from generator.lastresort import failure_text

        return BaocaoError(failure_text(exc, verbose))


def build_outcome(report_dir: Path, output: Path | None = None, *, check: bool = False,
                  verbose: bool = False) -> Outcome:
    """Build `report_dir` and return what to print about it (the worker of a batch build).

    Module-level, so that a worker process started by spawn (Windows) can find it by name.
    """
    result = attempt(report_dir, output, verbose)
    if isinstance(result, BaocaoError):
        return failed(result, verbose)
    return Outcome(diagnostics=formatted(result.compiled.diagnostics), summary=result.summary(),
                   checks=checks_line(result.compiled) if check else "",
                   output=result.output, written=result.written)


def failed(exc: BaocaoError, verbose: bool) -> Outcome:
    """Return what is printed for a build that stopped (as `print_failure` prints it)."""
    why = stop_line(exc)
    trace = ""
    if verbose and exc.__traceback__ is not None:  # as text: it does not cross processes
        import traceback

        trace = "".join(traceback.format_exception(exc))
    return Outcome(diagnostics=formatted(exc.diagnostics), failure=why, traceback=trace,
                   exit_code=exc.exit_code)


def formatted(diagnostics: Diagnostics) -> tuple[str, ...]:
    """Return every diagnostic as printed, sorted by file and line."""
    return tuple(diagnostic.format() for diagnostic in diagnostics.sorted())


def checks_line(compiled: Compiled) -> str:
    """Run the editorial checks on a built report; return their one-line count."""
    from generator.checks import run_checks, summary_line
    from generator.diagnostics import display_path

    # The build's own warnings are printed apart; count only the editorial findings.
    # They never fail the build: `baocao check` is the command that gates on them.
    findings = run_checks(compiled, include_build=False)
    if not findings:
        return summary_line(findings)
    from generator.vnformat import format_number

    fix = sum(f.severity == "error" for f in findings)
    counts = [(fix, "chỗ nên sửa"), (len(findings) - fix, "chỗ nên xem lại")]
    found = " và ".join(f"{format_number(n)} {what}" for n, what in counts if n)
    return (f"Rà soát biên tập: có {found} (tệp Word vẫn được tạo). Xem chi tiết: baocao "
            f"check {display_path(compiled.source.path.parent)}")


def show(outcome: Outcome) -> None:
    """Print why a build stopped after its problems; or that it is done first, then the rest."""
    if not outcome.failure:
        click.echo(outcome.summary)
    for line in outcome.diagnostics:
        click.echo(line, err=True)
    if outcome.failure:
        click.echo(outcome.failure, err=True)
        click.echo(outcome.traceback, err=True, nl=False)
        return
    if outcome.checks:
        click.echo(outcome.checks)


def finish(outcome: Outcome, verbose: bool, extras: Extras) -> int:
    """Print what a build gave, make its PDF and open it if asked; return the exit code."""
    show(outcome)
    if outcome.failure:
        return outcome.exit_code
    code = EXIT_OK
    if extras.pdf:
        from generator.drafting.preview import write_previews

        try:
            write_previews(outcome.output, png=extras.png, fresh=outcome.written)
        except BaocaoError as exc:  # the .docx is written; only the preview failed
            print_failure(exc, verbose)
            code = exc.exit_code
    if extras.open:
        from generator.drafting.desktop import open_file

        problem = open_file(outcome.output)
        if problem:
            click.echo(f"Cảnh báo: {problem}", err=True)
    return code


def build_folders(paths: tuple[Path, ...], verbose: bool, extras: Extras,
                  jobs: int | None = None) -> int:
    """Build every report folder among `paths` on `jobs` processes; return the worst code.

    One line of progress per folder, in the order given, whichever worker finishes first.
    Previews and opening happen here, one folder after another, as each result arrives.
    """
    from generator.batch import build_many
    from generator.diagnostics import display_path

    folders, skipped, code = report_folders(paths)
    if not outputs_apart(folders):
        return EXIT_DATA
    work = partial(build_outcome, check=extras.check, verbose=verbose)  # picklable, unlike a lambda
    failed_count = 0
    for index, (folder, outcome) in enumerate(build_many(folders, jobs, work), start=1):
        click.echo(f"[{index}/{len(folders)}] {display_path(folder)}")
        result = finish(outcome, verbose, extras)
        failed_count += result != EXIT_OK
        code = max(code, result)
    skipped_text = f"; bỏ qua {skipped} đường dẫn không phải báo cáo" if skipped else ""
    click.echo(f"Tổng kết: {len(folders)} báo cáo, {len(folders) - failed_count} xong, "
               f"{failed_count} có lỗi{skipped_text}.")
    if not folders:
        click.echo("Lỗi: không có thư mục báo cáo nào để tạo.", err=True)
        code = EXIT_DATA
    return code


def outputs_apart(folders: list[Path]) -> bool:
    """Return True if no two `folders` write the same .docx; otherwise say which and why.

    Refused before anything is built, rather than numbering the names: ``bc-2.docx`` would
    depend on the order the folders were given, and a clerk would send the wrong file.
    """
    from generator.diagnostics import display_path
    from generator.outputs import collisions
    from generator.project import ReportFolder

    clashes = collisions({folder: ReportFolder(folder).default_output() for folder in folders})
    for output, same in clashes:
        names = ", ".join(f"'{display_path(folder)}'" for folder in same)
        click.echo(f"lỗi[output.collision]: các báo cáo {names} cùng ghi ra "
                   f"'{display_path(output)}' (cùng tên thư mục); báo cáo tạo sau sẽ đè báo cáo "
                   "tạo trước.", err=True)
    if clashes:
        click.echo("Dừng lại: chưa tạo báo cáo nào. Hãy đổi tên một trong các thư mục, hoặc tạo "
                   "riêng từng báo cáo với -o <tệp kết quả>.", err=True)
    return not clashes


def report_folders(paths: tuple[Path, ...]) -> tuple[list[Path], int, int]:
    """Return the report folders among `paths`, how many were skipped, and the exit code so far.

    Paths that exist but are not report folders (``data/*`` also matches files and other
    folders) are skipped with a warning; a path that does not exist is an error.
    """
    from generator.diagnostics import display_path
    from generator.project import ReportFolder

    code, folders, skipped, seen = EXIT_OK, [], 0, set()
    for path in paths:
        folder = ReportFolder(path)
        if folder.is_report():
            if folder.real not in seen:  # data/r, ./data/r/ and a link to it: built once
                folders.append(path)
            seen.add(folder.real)
        elif path.exists():
            skipped += 1
            click.echo(f"Cảnh báo: bỏ qua '{display_path(path)}': không phải thư mục báo cáo "
                       f"(thiếu {REPORT_FILE}).", err=True)
        else:
            report_dir_ok(path)  # says it is missing
            code = EXIT_DATA
    return folders, skipped, code
