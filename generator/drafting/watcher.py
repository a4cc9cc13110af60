"""Rebuild a report on every save: the loop behind ``baocao watch``.

Changes come from watchfiles (a Rust notifier over inotify, FSEvents or, on Windows,
ReadDirectoryChangesW) which groups a burst of events: an editor that writes a temporary file
and renames it gives one rebuild. Every build goes through `pipeline.build_report`, which writes
atomically and only after success, so a bad edit leaves the last good .docx as it was, and an
identical result is not rewritten.

For tests and benchmarks: `Watcher.build` is one in-process rebuild, returning a `BuildEvent`;
`run_watch` takes a `stop_event`, a `max_builds` bound, an `on_build` callback and a `ready`
event set once changes are being watched. From outside, each build prints one line starting
``[HH:MM:SS]``; `WRITTEN_LINE` matches the line of a build that wrote the .docx.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from generator.commands.common import print_diagnostics, print_failure
from generator.diagnostics import display_path
from generator.errors import BaocaoError
from generator.lastresort import failure_lines
from generator.pdf import INSTALL_HINT, PDFTOPPM_HINT, find_pdftoppm, find_soffice
from generator.vnformat import format_number

QUIET_MS = 100
"""A burst of events ends after this long without one (MkDocs waits 0.1 s too)."""
MAX_BATCH_MS = 1600
"""Longest a batch is held while events keep coming."""
POLL_MS = 500
"""How often the loop wakes without events: to announce it is ready and to notice a stop."""
WRITTEN_LINE = re.compile(r"^\[\d\d:\d\d:\d\d\] .* → (?P<path>.+) \(đã ghi\)\.$")
"""Matches the line printed when a build wrote the .docx (the end of `BuildResult.summary`)."""


@dataclass(frozen=True)
class WatchSettings:
    """What ``baocao watch`` was asked for."""

    output: Path | None = None
    pdf: bool = False
    png: bool = False
    verbose: bool = False


@dataclass(frozen=True)
class BuildEvent:
    """One build of the loop."""

    ok: bool
    written: bool
    seconds: float
    """Time of the build itself (load to write)."""
    finished: float
    """`time.perf_counter()` when the build, previews included, ended."""
    output: Path | None


class Watcher:
    """A report being watched: builds it and knows which changed files matter."""

    def __init__(self, report_dir: Path, settings: WatchSettings = WatchSettings(),
                 echo: Callable[[str], Any] = click.echo):
        self.report_dir = report_dir
        self.root = report_dir.resolve()
        self.settings = settings
        self.echo = echo
        self.template: Path | None = None
        """The template of the last good build; until then, any .docx in the templates folder."""
        self.pdf = settings.pdf or settings.png
        self.png = settings.png
        self.announced = False

    def check_tools(self) -> None:
        """Say once, before watching, that a converter is missing, and go on without it."""
        if self.pdf and find_soffice() is None:
            click.echo(f"Cảnh báo: {INSTALL_HINT} Vẫn theo dõi và tạo .docx, không tạo PDF.",
                       err=True)
            self.pdf = self.png = False
        elif self.png and find_pdftoppm() is None:
            click.echo(f"Cảnh báo: {PDFTOPPM_HINT} Vẫn tạo PDF.", err=True)
            self.png = False

    def build(self) -> BuildEvent:
        """Build once and print its line; a mistake in the data is printed, never raised."""
        from generator.pipeline import build_report

        started = time.perf_counter()
        try:
            result = build_report(self.report_dir, self.settings.output)
        except Exception as exc:  # noqa: BLE001 - watching goes on, whatever one build did
            if isinstance(exc, BaocaoError):
                print_failure(exc, self.settings.verbose)
            else:
                click.echo(failure_lines(exc, self.settings.verbose), err=True)
            seconds = time.perf_counter() - started
            self.echo(f"[{_clock()}] Chưa tạo lại được ({format_number(seconds, 2)} giây): sửa "
                      "lỗi ở trên rồi lưu lại; tệp .docx cũ vẫn giữ nguyên.")
            return BuildEvent(False, False, seconds, time.perf_counter(), None)
        self.template = result.compiled.template.resolve()
        print_diagnostics(result.compiled.diagnostics)
        self.echo(f"[{_clock()}] {result.summary()}")
        if self.pdf:
            self._previews(result.output, result.written)
        return BuildEvent(True, result.written, result.seconds, time.perf_counter(),
                          result.output)

    def paths(self) -> tuple[Path, ...]:
        """Return the folders to watch: the report's and the template's."""
        from generator.project import ReportFolder

        templates = self.template.parent if self.template else \
            ReportFolder(self.report_dir).templates_dir
        found = [self.root] + ([templates] if templates.is_dir() else [])
        return tuple(dict.fromkeys(found))

    def relevant(self, _change: object, path: str) -> bool:
        """Return True if a change of `path` calls for a rebuild."""
        file = Path(path)
        if file.name.startswith((".", "~")) or file.name.endswith("~"):
            return False  # editors' swap files, Word's "~$x.docx" lock, our own temporary files
        if file.suffix.lower() == ".docx":
            return file == self.template if self.template else True
        return file.suffix.lower() in (".yaml", ".yml") and file.is_relative_to(self.root)

    def announce(self, paths: tuple[Path, ...], ready: Any = None) -> None:
        """Say, once, that saves are now being watched; set `ready` if given."""
        if self.announced:
            return
        self.announced = True
        shown = " và ".join(display_path(path) for path in paths)
        self.echo(f"Đang theo dõi {shown}: mỗi lần lưu tệp, báo cáo được tạo lại. "
                  "Nhấn Ctrl+C để dừng.")
        if ready is not None:
            ready.set()

    def _previews(self, docx: Path, fresh: bool) -> None:
        from generator.drafting.preview import write_previews

        try:
            write_previews(docx, png=self.png, fresh=fresh, echo=self.echo)
        except BaocaoError as exc:  # ConversionError among them
            print_failure(exc, self.settings.verbose)
        except Exception as exc:  # noqa: BLE001 - a failed preview never ends the watch
            click.echo(failure_lines(exc, self.settings.verbose), err=True)


def run_watch(report_dir: Path, settings: WatchSettings = WatchSettings(), *,
              echo: Callable[[str], Any] = click.echo, stop_event: Any = None,
              max_builds: int | None = None, on_build: Callable[[BuildEvent], Any] | None = None,
              ready: Any = None) -> int:
    """Build `report_dir`, then rebuild it after every relevant save; return the builds run.

    Runs until `stop_event` (anything with ``is_set()``) is set, `max_builds` builds (the first
    included) have run, or Ctrl+C (`KeyboardInterrupt`, left to the caller). `ready` (anything
    with ``set()``) is set once changes are being watched: edits before that may be missed.
    """
    import watchfiles

    watcher = Watcher(report_dir, settings, echo)
    watcher.check_tools()
    builds = 0

    def build() -> None:
        nonlocal builds
        event = watcher.build()
        builds += 1
        if on_build is not None:
            on_build(event)

    build()
    while max_builds is None or builds < max_builds:
        paths = watcher.paths()
        for changes in watchfiles.watch(*paths, watch_filter=watcher.relevant, step=QUIET_MS,
                                        debounce=MAX_BATCH_MS, rust_timeout=POLL_MS,
                                        yield_on_timeout=True, stop_event=stop_event):
            watcher.announce(paths, ready)  # the first yield: the notifier is running
            if not changes:
                continue
            build()
            if (max_builds is not None and builds >= max_builds) or watcher.paths() != paths:
                break  # done, or the template moved: watch the new set of folders
        else:
            return builds  # stop_event was set
    return builds


def _clock() -> str:
    return time.strftime("%H:%M:%S")
