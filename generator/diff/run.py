"""The diff recipe: the two versions → the merged document → the tracked-changes .docx."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import display_path
from generator.diff.compare import compare
from generator.diff.lower import to_report
from generator.diff.merged import Comparison
from generator.diff.sources import checkout_revision, compile_sides
from generator.diff.summary import summarize
from generator.errors import OutputError
from generator.model import Report
from generator.ooxml import package
from generator.ooxml.tracked import Revision, mark_revisions
from generator.pipeline import Compiled, check_output_path, project_root
from generator.writer import write_output

AUTHOR = "baocao"
"""The author of every tracked change."""
OLD_SIDE, NEW_SIDE = "bản cũ", "bản mới"


@dataclass(frozen=True)
class DiffResult:
    """What a comparison produced."""

    comparison: Comparison
    output: Path
    written: bool

    def summary(self) -> list[str]:
        """Return the Vietnamese lines printed after a comparison."""
        return summarize(self.comparison)


def diff_reports(old: Path, new: Path | None, *, rev: str | None = None,
                 output: Path | None = None, date: dt.date | None = None) -> DiffResult:
    """Compare two versions into a .docx: folders or .docx files, or `old` at git `rev` vs now."""
    with tempfile.TemporaryDirectory(prefix="baocao-diff-") as temp:
        work = Path(temp)
        if rev is not None:
            old, new = checkout_revision(old, rev, work / "rev"), old
        assert new is not None
        old_side = f"{OLD_SIDE} ({rev})" if rev else OLD_SIDE
        before, after = compile_sides(old, old_side, new, NEW_SIDE, work)
        target = output or default_output(new)
        _check_output(target, [new] if rev else [old, new], after)
        comparison = compare(before, after.report)
        revision = Revision(AUTHOR, revision_date(date, after))
        data = render_tracked(after.template, to_report(comparison), revision)
    return DiffResult(comparison, target, write_output(target, data))


def render_tracked(template: Path, report: Report, revision: Revision) -> bytes:
    """Return the .docx of the merged `report`: built as usual, then markers made revisions.

    The rendered document is marked in memory, as reading its written package back would give
    it (`package.as_read_back`), rather than zipped and opened again.
    """
    from generator.context import build_context  # docxtpl loads only when rendering
    from generator.render import render_document

    document = package.as_read_back(render_document(template, report, build_context(report)))
    mark_revisions(document, revision)
    return package.to_bytes(document)


def default_output(new: Path) -> Path:
    """Return ``<project>/output/<new folder or file name>-so-sanh.docx``."""
    name = new.resolve().name if new.is_dir() else new.stem
    return project_root(new) / "output" / f"{name}-so-sanh.docx"


def _check_output(target: Path, inputs: list[Path], after: Compiled) -> None:
    for source in inputs:
        if source.is_dir():
            check_output_path(target, source, after.template)
        elif target.resolve() == source.resolve():
            raise OutputError(f"không ghi kết quả đè lên tệp đầu vào '{display_path(source)}'. "
                              "Hãy chọn nơi khác bằng -o.")


def revision_date(date: dt.date | None, new: Compiled) -> str:
    """Return the date stamped on every change: `date`, else the new report's (day/month 1)."""
    if date is None:
        spec = new.manifest.date
        date = dt.date(spec.year, spec.month or 1, spec.day or 1)
    return f"{date.isoformat()}T00:00:00Z"
