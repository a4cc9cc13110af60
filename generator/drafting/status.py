"""``baocao status``: per area of the outline, how much text there is and whether it is new.

Areas are read one by one (a broken file is a state, not the end of the command). "Unchanged
since the previous period" compares the area's content hash with the one ``baocao new``
recorded (or with a previous report folder given explicitly).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.diagnostics import Diagnostics, display_path
from generator.drafting.baseline import Baseline, content_hash, read_area, read_baseline
from generator.drafting.editsize import SMALL_EDIT, changed_share, printed_words
from generator.errors import DataError
from generator.inline import anchor_ids
from generator.pipeline import read_manifest
from generator.project import AREAS_DIR, PathRefused, ReportFolder, real_path, within
from generator.resolve import area_key
from generator.schema import AreaFile, OutlineEntry, SpanCell, TableItem
from generator.tabledata import label_columns
from generator.vnformat import period_text, roman

MISSING, INVALID, EMPTY, UNCHANGED, LIGHT, UPDATED, FILLED = (
    "missing", "invalid", "empty", "unchanged", "light", "updated", "filled")
STATE_LABELS = {
    MISSING: "thiếu tệp", INVALID: "có lỗi", EMPTY: "trống", UNCHANGED: "giống kỳ trước",
    LIGHT: "sửa ít", UPDATED: "đã cập nhật", FILLED: "có nội dung",
}
"""What each state is called; `FILLED` is used when there is no previous period to compare."""


@dataclass(frozen=True)
class AreaStatus:
    """One row of the status table."""

    ref: str
    """Where the area sits in the outline: ``III.2``."""
    name: str
    heading: str
    owner: str
    paragraphs: int
    words: int
    footnotes: int
    state: str
    modified: dt.datetime | None
    tables: int = 0


@dataclass(frozen=True)
class ReportStatus:
    """The status of a report: its period, its areas and what they were compared with."""

    period: str
    rows: list[AreaStatus]
    baseline: Baseline | None
    compared_with: str
    """The previous report folder as shown to the user, or ``""``."""
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    """Areas that were not read because their name leaves the report folder."""

    def counts(self) -> dict[str, int]:
        """Return how many areas are in each state, in the order of `STATE_LABELS`."""
        found = {state: sum(row.state == state for row in self.rows) for state in STATE_LABELS}
        return {state: count for state, count in found.items() if count}


def report_status(report_dir: Path, previous: Path | None = None) -> ReportStatus:
    """Return the status of the report in `report_dir`, compared with `previous` if given.

    Without `previous`, the comparison is with what ``baocao new`` recorded, if anything.
    Raises `DataError` when report.yaml itself cannot be read. An area whose name leaves the
    folder is not read: its row says ``có lỗi`` and the reason is in `diagnostics`.
    """
    folder = ReportFolder(report_dir)
    source, manifest = read_manifest(report_dir)
    if previous is not None:
        baseline, compared = baseline_of(previous), display_path(previous)
    else:
        baseline = read_baseline(report_dir)
        compared = display_path(report_dir / baseline.source) if baseline else ""
        previous = report_dir / baseline.source if baseline else None
    diagnostics = Diagnostics()
    rows = []
    for ref, heading, name, where in [*outline_areas(manifest.outline),
                                      *appendix_areas(manifest.appendices)]:
        try:
            path = folder.area(name)
        except PathRefused as refused:
            location = source.locate(where)
            diagnostics.error(refused.code, refused.message, location, source.excerpt(location))
            rows.append(AreaStatus(ref, name, heading or name, "", 0, 0, 0, INVALID, None))
            continue
        rows.append(_area_status(path, ref, heading, baseline, previous))
    period = manifest.period
    return ReportStatus(period_text(period.kind, period.year) if period else "", rows, baseline,
                        compared, diagnostics)


def baseline_of(previous: Path) -> Baseline:
    """Return a baseline made from the area files of the report folder `previous`."""
    folder = ReportFolder(previous)
    hashes = {}
    for path in folder.area_files():
        if not within(real_path(path), folder.real):
            continue  # a link leaving the previous report: not read
        model = read_area(path).model
        if model is not None:
            hashes[path.stem] = content_hash(model)
    try:
        period = read_manifest(previous)[1].period
        words = period_text(period.kind, period.year) if period else ""
    except DataError:
        words = ""
    return Baseline(previous.as_posix(), words, hashes)


def outline_areas(entries: list[OutlineEntry], parent: str = "",
                  path: tuple = ("outline",)) -> Iterator[tuple[str, str, str, tuple]]:
    """Yield (reference such as ``III.2``, outline heading or ``""``, area name, field path)."""
    for index, entry in enumerate(entries, start=1):
        ref = f"{parent}.{index}" if parent else roman(index)
        here = path + (index - 1,)
        if entry.area is not None:
            yield ref, entry.heading or "", area_key(entry.area), here + ("area",)
        else:
            yield from outline_areas(entry.sections or [], ref, here + ("sections",))


def appendix_areas(appendices: list) -> Iterator[tuple[str, str, str, tuple]]:
    """Yield the appendices like `outline_areas`: ``PL`` (``PL1``, ``PL2`` … when several)."""
    for index, appendix in enumerate(appendices):
        ref = "PL" if len(appendices) == 1 else f"PL{index + 1}"
        yield ref, appendix.title, area_key(appendix.area), ("appendices", index, "area")


def _area_status(path: Path, ref: str, heading: str, baseline: Baseline | None,
                 previous: Path | None = None) -> AreaStatus:
    if not path.is_file():
        return AreaStatus(ref, path.stem, heading or path.stem, "", 0, 0, 0, MISSING, None)
    modified = dt.datetime.fromtimestamp(path.stat().st_mtime)
    model = read_area(path).model
    if model is None:
        return AreaStatus(ref, path.stem, heading or path.stem, "", 0, 0, 0, INVALID, modified)
    items = _items(model)
    texts = _texts(model)
    tables = sum(isinstance(item, TableItem) for item in items)
    return AreaStatus(
        ref, path.stem, heading or model.heading or path.stem, model.owner or "",
        len(items) - tables, sum(count_words(text) for text in texts),
        sum(len(anchor_ids(text)) for text in texts),
        _state(model, path.stem, any(map(_has_content, items)), baseline, previous), modified,
        tables)


def _has_content(item) -> bool:
    """Return True for a paragraph, or a table with a figure (``new --empty`` blanks them)."""
    if not isinstance(item, TableItem):
        return True
    keep = label_columns(item.table)
    return any(any(row[keep:]) for row in item.table.rows)


def _items(model: AreaFile) -> list:
    """Return the paragraphs and tables of an area, sub-sections' included, in order."""
    return list(model.paragraphs) + [item for section in model.sections
                                     for item in section.paragraphs]


def _texts(model: AreaFile) -> list[str]:
    """Return every text an area prints: paragraphs, and a table's caption and cells."""
    out = []
    for item in _items(model):
        if not isinstance(item, TableItem):
            out.append(item)
            continue
        table = item.table
        out += [table.caption or "", *(c.text if isinstance(c, SpanCell) else c
                                       for row in table.header for c in row)]
        out += [cell for row in table.rows for cell in row]
    return out


def _state(model: AreaFile, name: str, has_text: bool, baseline: Baseline | None,
           previous: Path | None) -> str:
    if not has_text:
        return EMPTY
    if baseline is None:
        return FILLED
    if baseline.hashes.get(name) == content_hash(model):
        return UNCHANGED
    return LIGHT if _small_edit(model, previous, name) else UPDATED


def _small_edit(model: AreaFile, previous: Path | None, name: str) -> bool:
    """Return True when under a tenth of the words changed since the previous period's file."""
    path = previous / AREAS_DIR / f"{name}.yaml" if previous is not None else None
    old = read_area(path).model if path is not None and path.is_file() else None
    if old is None:
        return False
    return changed_share(_texts(old), _texts(model)) < SMALL_EDIT


def count_words(text: str) -> int:
    """Return the number of words of `text` as printed (markup and anchors left out)."""
    return len(printed_words(text))
