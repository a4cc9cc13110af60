"""The last-resort handler every command runs under: a Vietnamese message, a log, exit 1.

A mistake in the data is a `BaocaoError` and is reported where it happens. Anything else (a bug,
a full disk, a file another program locked) ends here instead of in a traceback: one line says
what happened in plain Vietnamese, the technical details go to a log file whose path is printed,
and ``-v`` prints them too. Outputs are written atomically, so the previous result is intact.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import click

from generator import __version__
from generator.diagnostics import display_path
from generator.errors import EXIT_DATA, BaocaoError
from generator.oserrors import describe

T = TypeVar("T")
LOG_DIR_VARIABLE = "BAOCAO_LOG_DIR"
"""Where the logs go when set (tests); otherwise ``<temp>/baocao``."""


def run_guarded(call: Callable[[], T], verbose: bool = False) -> T:
    """Return `call()`, or end the command as the last resort does (see the module docstring).

    Click's own endings (usage errors, ``--help``, Ctrl+C) and `SystemExit` pass through.
    """
    try:
        return call()
    except (click.exceptions.Exit, click.ClickException, click.Abort):
        raise
    except BaocaoError as exc:
        from generator.commands.common import print_failure

        print_failure(exc, verbose)
        sys.exit(exc.exit_code)
    except ValueError as exc:
        if not _nul(exc):
            click.echo(failure_lines(exc, verbose), err=True)
        else:  # a user's mistake in an argument, not a fault: nothing to log
            click.echo("Lỗi: Tên tệp hoặc thư mục có ký tự NUL (mã 0); hãy gõ lại tên đó.",
                       err=True)
        sys.exit(EXIT_DATA)
    except Exception as exc:  # noqa: BLE001 - the point of a last resort
        click.echo(failure_lines(exc, verbose), err=True)
        sys.exit(EXIT_DATA)


def _nul(exc: BaseException) -> bool:
    return isinstance(exc, ValueError) and "null" in str(exc)


def failure_lines(exc: BaseException, verbose: bool = False) -> str:
    """Return the lines printed for an unexpected `exc`, starting ``Lỗi: ``."""
    text = failure_text(exc, verbose)
    return f"Lỗi: {text[:1].upper()}{text[1:]}"


def failure_text(exc: BaseException, verbose: bool = False) -> str:
    """Return what is said about an unexpected `exc`: what happened, the log, maybe the trace."""
    import traceback  # here, not at start-up: every command runs under this module

    details = "".join(traceback.format_exception(exc))
    log = write_log(details)
    text = f"{what_happened(exc)} Tệp kết quả cũ (nếu có) được giữ nguyên."
    if log is not None:
        text += (f"\nChi tiết kỹ thuật đã ghi vào {display_path(log)}; khi cần hỗ trợ, hãy gửi "
                 "kèm tệp này.")
    if verbose:
        text += "\n" + details.rstrip("\n")
    return text


def what_happened(exc: BaseException) -> str:
    """Return one Vietnamese sentence about `exc`, naming the file for an OS error."""
    if isinstance(exc, OSError) or _nul(exc):
        name = getattr(exc, "filename", None)
        where = f" với '{display_path(Path(os.fsdecode(name)))}'" if name else ""
        return f"không thao tác được{where}: {describe(exc)}."
    if isinstance(exc, MemoryError):
        return "máy không đủ bộ nhớ để làm tiếp (tệp đầu vào quá lớn?)."
    return (f"chương trình baocao gặp sự cố ngoài dự kiến ({type(exc).__name__}); đây là lỗi "
            "của chương trình, không phải của dữ liệu.")


def write_log(details: str) -> Path | None:
    """Write `details` with the version and command line to a new log file; return its path.

    Returns None when no log can be written (a full disk is one reason to be here).
    """
    import platform
    import tempfile

    folder = Path(os.environ.get(LOG_DIR_VARIABLE) or Path(tempfile.gettempdir()) / "baocao")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    try:
        header = (f"baocao {__version__}, Python {platform.python_version()}, "
                  f"{platform.platform()}\nlệnh: {' '.join(sys.argv)}\nthư mục: {os.getcwd()}\n\n")
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"loi-{stamp}-{os.getpid()}.log"
        path.write_text(header + details, encoding="utf-8")
    except (OSError, ValueError):
        return None
    return path
