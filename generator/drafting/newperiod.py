"""``baocao new``: start the next period's report folder from the previous one.

The folder is copied, then edited as text (comments survive): number removed, date set to the
last month of the new period with the day blank, draft label ``Dự thảo``, period words in the
title and closing rewritten, paragraphs kept or emptied. Each area gets a header comment saying
it awaits an update, and `.baocao-new.json` records the previous content's hashes so that
``baocao status`` can tell, reliably, which parts are still the previous period's.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from generator import textform
from generator.diagnostics import Diagnostics, Location, display_path
from generator.drafting import yamledit
from generator.drafting.baseline import BASELINE_FILE, Baseline, content_hash, write_baseline
from generator.drafting.newareas import emptied, empty_area_edits, keep_notes, table_period_words
from generator.drafting.periods import END_MONTH, default_year, mentions, replace_period
from generator.errors import OutputError
from generator.fixes import BACKUP_DIR
from generator.pipeline import REPORT_FILE, Compiled, compile_report, load_valid
from generator.project import copy_folder, real_path, within
from generator.schema import AreaFile, DateSpec, OutlineEntry, Period, ReportFile
from generator.tabledata import area_tables
from generator.vnformat import period_text
from generator.writer import write_atomic

DRAFT_LABEL = "Dự thảo"


@dataclass(frozen=True)
class NewReport:
    """What ``baocao new`` made."""

    folder: Path
    compiled: Compiled
    period: str
    """The new period as written: ``quý IV năm 2024``."""
    previous_period: str
    diagnostics: Diagnostics
    """Things to look at in the new folder (period words the tool could not rewrite)."""


def create_next_period(previous: Path, target: Path, kind: str, year: int | None = None,
                       keep_text: bool = True) -> NewReport:
    """Create `target` for period `kind`/`year` from the report in `previous`; return it.

    Raises `OutputError` if `target` exists and `DataError` if the previous report has errors.
    """
    _check_target(previous, target)
    old = compile_report(previous)
    period = Period(kind=kind, year=year or default_year(old.manifest.period, kind))
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        left_out = copy_folder(previous, target, _skip)
        _rewrite_report(target / REPORT_FILE, old.manifest, period, keep_text)
        header = _area_header(old, previous, period, keep_text)
        for area in old.areas.values():
            _rewrite_area(target / area.source.path.relative_to(previous), area.model, header,
                          keep_text)
        old_period = old.manifest.period
        write_baseline(target, Baseline(
            _relative(previous, target), period_text(old_period.kind, old_period.year),
            {name: content_hash(area.model) for name, area in old.areas.items()},
            "keep" if keep_text else "empty"))
        compiled = compile_report(target)  # the new folder must build
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)  # we created it: leave nothing half-made
        raise
    found = _period_warnings(compiled, old_period, keep_text)
    for path in left_out:
        found.warning("path.outside", "không chép sang thư mục mới: đây là liên kết (symlink) ra "
                      "ngoài thư mục báo cáo hoặc một tệp đặc biệt.", Location(path))
    return NewReport(target, compiled, period_text(period.kind, period.year),
                     period_text(old_period.kind, old_period.year), found)


def _check_target(previous: Path, target: Path) -> None:
    """Refuse a target that exists (even as a dangling link) or lies inside `previous`."""
    if target.exists() or target.is_symlink():
        raise OutputError(f"thư mục '{display_path(target)}' đã có; baocao new không ghi đè. "
                          "Hãy chọn tên khác hoặc tự xóa thư mục đó trước.")
    if within(real_path(target), real_path(previous)):
        raise OutputError(f"thư mục mới '{display_path(target)}' nằm trong thư mục báo cáo kỳ "
                          "trước; hãy chọn một thư mục bên cạnh, ví dụ trong data/.")


def _skip(name: str) -> bool:
    """Return True for what is not copied: baocao's record, check --fix's backups of the old
    period, lock and temporary files."""
    return name in (BASELINE_FILE, BACKUP_DIR, "__pycache__") \
        or name.startswith(("~$", ".~lock.")) or name.endswith(".tmp")


def _relative(previous: Path, target: Path) -> str:
    """Return `previous` as seen from `target`, with '/' (absolute across Windows drives)."""
    try:
        return Path(os.path.relpath(previous.resolve(), target.resolve())).as_posix()
    except ValueError:
        return previous.resolve().as_posix()


def _rewrite_report(path: Path, manifest: ReportFile, period: Period, keep_text: bool) -> None:
    old = manifest.period
    update: dict[str, Any] = {
        "number": None, "draft": DRAFT_LABEL, "period": period,
        "date": DateSpec(month=END_MONTH[period.kind], year=period.year),
        "title": replace_period(manifest.title, old, period)[0],
        "closing": manifest.closing and replace_period(manifest.closing, old, period)[0],
    }
    if not keep_text:
        update["intro"] = []
        update["notes"] = _notes_still_anchored(manifest)
    update["profile"] = _next_profile(manifest.profile, update["date"])
    expected = manifest.model_copy(update=update)
    text = _read(path)
    try:
        edited = _report_edits(text, manifest, expected).apply()
        # comments such as "Báo cáo … 9 tháng năm 2024" follow the period when that is safe
        candidates = [_comment_periods(edited, old, period), edited]
    except (yamledit.EditError, yaml.YAMLError):
        candidates = []
    _write_first_valid(path, candidates, ReportFile, expected)


def _next_profile(profile: str | None, date: DateSpec) -> str | None:
    """Return the `profile:` the new period keeps: a rule set chosen by date (hd36, hd05)
    follows the new date; one never guessed (nd30, a state body) stays."""
    from generator import profiles

    if profile is None or profiles.get(profile) is None or not profiles.get(profile).guessed:
        return profile
    return profiles.for_date(date.year, date.month, None).name


def _report_edits(text: str, manifest: ReportFile, expected: ReportFile) -> yamledit.TextEdits:
    root = yamledit.compose(text)
    edits = yamledit.TextEdits(text)
    edits.delete_entry(root, "number")
    _edit_date(edits, root, expected.date)
    date_key, date_node = yamledit.entry(root, "date")
    draft = yamledit.value(root, "draft")
    if draft is None:
        indent = " " * date_key.start_mark.column
        edits.insert_line_after(date_node, f"{indent}draft: {DRAFT_LABEL}")
    elif manifest.draft != DRAFT_LABEL:
        edits.replace_scalar(draft, DRAFT_LABEL)
    period = yamledit.value(root, "period")
    for key in ("kind", "year"):
        node = yamledit.value(period, key)
        if node is None:
            raise yamledit.EditError("period is not a mapping of kind and year")
        edits.replace_scalar(node, getattr(expected.period, key))
    for key in ("title", "closing", "profile"):
        if getattr(expected, key) != getattr(manifest, key):
            edits.replace_scalar(yamledit.value(root, key), getattr(expected, key))
    if expected.intro != manifest.intro:
        edits.replace(yamledit.value(root, "intro"), "[]")
    if expected.notes != manifest.notes:
        keep_notes(edits, yamledit.value(root, "notes"), expected.notes)
    return edits


def _edit_date(edits: yamledit.TextEdits, root: yaml.Node, date: DateSpec) -> None:
    node = yamledit.value(root, "date")
    year = yamledit.entry(node, "year")
    if not isinstance(node, yaml.MappingNode) or node.flow_style or year is None:
        edits.replace(node, f"{{month: {date.month}, year: {date.year}}}")
        return
    edits.delete_entry(node, "day")
    month = yamledit.value(node, "month")
    if month is None:
        edits.insert_line_before(year[0], f"{' ' * year[0].start_mark.column}month: {date.month}")
    else:
        edits.replace_scalar(month, date.month)
    edits.replace_scalar(year[1], date.year)


def _notes_still_anchored(manifest: ReportFile) -> dict[str, str]:
    """Return the report-level notes still anchored once the intro is emptied."""
    from generator.inline import anchor_ids

    texts = [manifest.title, manifest.closing or ""] + _outline_headings(manifest.outline)
    used = {note for text in texts for note in anchor_ids(text)}
    return {key: note for key, note in manifest.notes.items() if key in used}


def _outline_headings(entries: list[OutlineEntry]) -> list[str]:
    out: list[str] = []
    for item in entries:
        out.append(item.heading or "")
        out.extend(_outline_headings(item.sections or []))
    return out


def _comment_periods(text: str, old: Period, new: Period) -> str:
    lines = text.splitlines(keepends=True)
    return "".join(replace_period(line, old, new)[0] if line.lstrip().startswith("#") else line
                   for line in lines)


def _area_header(old: Compiled, previous: Path, period: Period, keep_text: bool) -> list[str]:
    was = f"báo cáo {period_text(old.manifest.period.kind, old.manifest.period.year)} " \
          f"({previous.resolve().name})"
    now = period_text(period.kind, period.year)
    what = f"nội dung dưới đây chép từ {was}" if keep_text else f"nội dung {was} đã được xóa"
    return [f"# CHỜ CẬP NHẬT cho {now}: {what}.",
            ('# Lệnh "baocao status" cho biết phần này đã được cập nhật chưa; có thể xóa '
             "hai dòng này.")]


def _rewrite_area(path: Path, model: AreaFile, header: list[str], keep_text: bool) -> None:
    text = _read(path)
    edits = yamledit.TextEdits(text)
    edits.prepend(header)
    expected = model if keep_text else emptied(model)
    try:
        root = yamledit.compose(text)
        written = _block_form_edits(edits, root, expected)
        if not keep_text:
            empty_area_edits(edits, root, written, model, expected)
        candidates = [edits.apply()]
    except (yamledit.EditError, yaml.YAMLError):
        candidates = []
    _write_first_valid(path, candidates, AreaFile, expected, header)


def _block_form_edits(edits: yamledit.TextEdits, root: yaml.Node, model: AreaFile) -> set[int]:
    """Rewrite the area's ``paragraphs:`` list as ``text: |``; return the ids of lists rewritten.

    A list holding comment lines is left as it is (the clerk's notes stay where they were).
    """
    done: set[int] = set()
    found = yamledit.entry(root, "paragraphs")
    if found and isinstance(found[1], yaml.SequenceNode) \
            and all(isinstance(p, str) for p in model.paragraphs):  # a table stays a list
        lines = textform.block_lines(model.paragraphs, found[0].start_mark.column)
        if lines is not None and "#" not in edits.text[found[0].start_mark.index:
                                                        edits.end(found[1])].replace("[^", ""):
            edits.replace_entry(found[0], found[1], lines)
            done.add(id(found[1]))
            _replace_help(edits)
    return done


_LIST_HELP = 'Mỗi đoạn văn là một dòng bắt đầu bằng "- "'
_BLOCK_HELP = 'Các đoạn văn viết dưới "text: |", thụt vào hai dấu cách, cách nhau một dòng trống'


def _replace_help(edits: yamledit.TextEdits) -> None:
    """Make the sample's help comment describe the block form the area is now written in."""
    at = edits.text.find(_LIST_HELP)
    line_start = edits.text.rfind("\n", 0, at) + 1
    if at >= 0 and edits.text[line_start:at].strip() == "#":
        edits.edits.append((at, at + len(_LIST_HELP), _BLOCK_HELP))


def _write_first_valid(path: Path, candidates: list[str], model: type[BaseModel],
                       expected: BaseModel, header: list[str] | None = None) -> None:
    """Write the first edited text that reads back as `expected`, else a fresh dump of it.

    Read back through the project's loader (it normalises text, as every build will). The
    edits should always succeed; the dump, which loses comments, is the safety net for a
    layout they do not handle.
    """
    want = expected.model_dump()
    for text in candidates:
        _write(path, text)
        diagnostics = Diagnostics()
        _source, got = load_valid(path, model, diagnostics)
        if got is not None and got.model_dump() == want:
            return
    data = expected.model_dump(mode="json", exclude_defaults=True)
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=4096)
    _write(path, "".join(line + "\n" for line in header or []) + dumped)


def _period_warnings(compiled: Compiled, old: Period, keep_text: bool) -> Diagnostics:
    """Warn where the previous period's words remain in what the secretariat writes itself."""
    found = Diagnostics()
    manifest, source = compiled.manifest, compiled.source
    checks = [("title", manifest.title, "tiêu đề")]
    if manifest.closing:
        checks.append(("closing", manifest.closing, "câu kết"))
    for key, text, name in checks:
        if "{period}" not in text and not mentions(text, manifest.period):
            location = source.locate((key,))
            found.warning("new.period-words", f"{name} không có '{{period}}' và không nhắc kỳ "
                          "báo cáo nên không đổi theo kỳ mới; hãy xem lại.", location,
                          source.excerpt(location))
    old_words = period_text(old.kind, old.year)
    for index, text in enumerate(manifest.intro if keep_text else []):
        if mentions(text, old):
            location = source.locate(("intro", index))
            found.warning("new.period-words", f"phần mở đầu còn nhắc '{old_words}' của kỳ "
                          "trước; hãy sửa khi cập nhật.", location)
    for index, appendix in enumerate(manifest.appendices):
        if mentions(appendix.title, old):
            location = source.locate(("appendices", index, "title"))
            found.warning("new.period-words", f"tên phụ lục còn nhắc '{old_words}' của kỳ "
                          "trước; hãy sửa.", location, source.excerpt(location))
    for area in compiled.areas.values():
        for path, table in area_tables(area.model):
            table_period_words(found, area.source, path, table, old)
    return found


def _read(path: Path) -> str:
    with path.open(encoding="utf-8-sig", newline="") as stream:  # keep CRLF; drop a BOM
        return stream.read()


def _write(path: Path, text: str) -> None:
    """Replace `path` (a plain file `copy_folder` made) in one step, never through a link."""
    write_atomic(path, text.encode("utf-8"))
