"""``baocao check --fix`` on a report folder: the safe mechanical fixes, made where they stand.

Each fix is a finding of `generator.checks` with a suggestion, among `SAFE` codes: its span is
replaced in the file's text only when the file holds exactly what the finding read there, so
comments, quoting, line ends and layout stay as they were. Checks run again after each round
(a paragraph reports one non-breaking space at a time) until nothing safe is left. A file is
written only if it still reads as the same structure; the original goes to `BACKUP_DIR` first.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from generator.diagnostics import Diagnostics, display_path

SAFE = ("text.nbsp", "text.double-space", "text.missing-space", "spelling.tone-style",
        "number.decimal-point")
"""Codes whose suggestion never changes what a sentence says."""
_RANGE_ONLY = {"text.missing-space": " - "}
"""Of `text.missing-space`, only the spacing around the dash of a year range is mechanical."""
BACKUP_DIR = ".baocao-backup"
MAX_ROUNDS = 8


@dataclass(frozen=True)
class Change:
    """One replacement: where, what was there, what is there now, and the rule behind it."""

    path: Path
    line: int
    column: int
    before: str
    after: str
    code: str

    def describe(self) -> str:
        """Return the change as printed: ``tệp:dòng:cột: 'a  b' → 'a b' (text.double-space)``."""
        return (f"{display_path(self.path)}:{self.line}:{self.column}: {_shown(self.before)} → "
                f"{_shown(self.after)} ({self.code})")


def _shown(text: str) -> str:
    return "'" + text.replace("\u00a0", "⍽").replace("\u202f", "⍽").replace("\u2007", "⍽") + "'"


@dataclass
class FixOutcome:
    """What `fix_report` did: the changes made, and those it could not make by itself."""

    changes: list[Change]
    left: list[Change]
    """Fixes that would have changed how the file reads (a ``,`` in a bare YAML cell is
    quoted; anything else is left for the user, and said)."""


def fix_report(report_dir: Path, *, dry_run: bool = False) -> FixOutcome:
    """Apply the safe fixes to the report in `report_dir`; return what was changed, in order.

    Raises `DataError` when the report cannot be compiled (nothing is changed then).
    """
    texts: dict[Path, str] = {}
    outcome = FixOutcome([], [])
    for _round in range(MAX_ROUNDS):
        found, left = _round_changes(report_dir, texts)
        outcome.left = left  # what the last round could not make, on the newest texts
        if not found:
            break
        outcome.changes += found  # the next round reads `texts`: a dry run lists the same
    if not dry_run:
        _write(report_dir, texts)
    return outcome


def _round_changes(report_dir: Path, texts: dict[Path, str]) -> tuple[list[Change], list[Change]]:
    """Find the applicable fixes on the current texts, apply them to `texts`; return the
    changes made and those left because they would change the file's structure."""
    from generator.checks import run_checks

    compiled = _compile(report_dir, texts)
    by_file: dict[Path, list] = {}
    for finding in run_checks(compiled, include_build=False):
        if _applicable(finding):
            by_file.setdefault(finding.location.path, []).append(finding)
    changes, left = [], []
    for path, findings in by_file.items():
        text = texts.get(path)
        text = _read(path) if text is None else text
        new, made = _apply(path, text, findings)
        if made and not _same_structure(path, text, new):
            new, made, refused = _one_by_one(path, text, findings)
            left += refused
        if made:
            texts[path] = new
            changes += made
    return changes, left


def _one_by_one(path: Path, text: str, findings: list) -> tuple[str, list[Change], list[Change]]:
    """Apply the findings one at a time, keeping each that leaves the structure as it was.

    One fix that would split a cell must not hold back the others of its file.
    """
    made, refused = [], []
    for finding in findings:
        new, one = _apply(path, text, [finding])
        if one and _same_structure(path, text, new):
            text, made = new, made + one
        else:
            refused += one
    return text, made, refused


def _applicable(finding) -> bool:
    if finding.code not in SAFE or not finding.found or finding.location is None:
        return False
    wanted = _RANGE_ONLY.get(finding.code)
    return wanted is None or finding.suggestion == wanted


def _apply(path: Path, text: str, findings: list) -> tuple[str, list[Change]]:
    """Return `text` with the non-overlapping findings' spans replaced, and the changes."""
    starts = _line_starts(text)
    spans = []
    for finding in findings:
        loc = finding.location
        if not 0 < loc.line <= len(starts):
            continue
        at = starts[loc.line - 1] + loc.column - 1
        if text[at:at + len(finding.found)] == finding.found:
            spans.append((at, at + len(finding.found), finding))
        if finding.code == "text.nbsp":  # reported once per paragraph: the rest of its line too
            spans += _more_on_line(text, at + 1, finding, loc.line, at - loc.column + 1)
    spans.sort(key=lambda span: span[0])
    out, pos, made = [], 0, []
    for start, end, finding in spans:
        if start < pos:
            continue  # overlaps the previous fix: the next round sees it again
        after = _in_place(text, start, end, finding.suggestion)
        out += [text[pos:start], after]
        pos = end
        loc = finding.location
        made.append(Change(path, loc.line, loc.column, finding.found, after, finding.code))
    return "".join(out) + text[pos:], made


_FLOW_BEFORE, _FLOW_AFTER = ("[", ","), (",", "]")


def _in_place(text: str, start: int, end: int, suggestion: str) -> str:
    """Return `suggestion` as it must be written over ``text[start:end]``.

    A bare cell of a one-line row (``[1, Thu, 65.65]``) holding ``65,65`` would become two
    cells: such a cell is written in double quotes, as the samples write their percentages.
    """
    if "," not in suggestion or '"' in suggestion or "\\" in suggestion:
        return suggestion
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    before = text[line_start:start].rstrip()
    after = text[end:len(text) if line_end < 0 else line_end].lstrip()
    if before.endswith(_FLOW_BEFORE) and after.startswith(_FLOW_AFTER):
        return f'"{suggestion}"'
    return suggestion


def _more_on_line(text: str, start: int, finding, line: int, line_start: int) -> list:
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    more = []
    for index in range(start, end):
        if text[index] == finding.found:
            where = replace(finding.location, line=line, column=index - line_start + 1)
            more.append((index, index + 1, replace(finding, location=where)))
    return more


def _line_starts(text: str) -> list[int]:
    starts, at = [0], text.find("\n")
    while at >= 0:
        starts.append(at + 1)
        at = text.find("\n", at + 1)
    return starts


def _same_structure(path: Path, old: str, new: str) -> bool:
    """Return True if `new` loads to the same fields as `old` (no text became a comment)."""
    from generator.loader import SourceFile, load_yaml

    def shape(text: str) -> set | None:
        with tempfile.TemporaryDirectory(prefix="baocao-fix-") as folder:
            probe = Path(folder) / path.name
            probe.write_text(text, encoding="utf-8", newline="")
            diagnostics = Diagnostics()
            source: SourceFile | None = load_yaml(probe, diagnostics)
            return None if source is None or diagnostics.has_errors() else set(source.marks)

    after = shape(new)
    return after is not None and after == shape(old)


def _compile(report_dir: Path, texts: dict[Path, str]):
    """Compile the report as it would be with `texts` written (a scratch copy when needed)."""
    from generator.pipeline import compile_report

    if not texts:
        return compile_report(report_dir)
    scratch = Path(tempfile.mkdtemp(prefix="baocao-fix-"))
    try:
        copy = scratch / report_dir.resolve().name
        shutil.copytree(report_dir, copy)
        for path, text in texts.items():
            (copy / path.resolve().relative_to(report_dir.resolve())).write_text(
                text, encoding="utf-8", newline="")
        compiled = compile_report(copy)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return _relocated(compiled, copy, report_dir)


def _relocated(compiled, copy: Path, report_dir: Path):
    """Point the compiled sources back at the real folder, so findings name its files."""
    for source in [compiled.source] + [area.source for area in compiled.areas.values()]:
        source.path = report_dir / source.path.resolve().relative_to(copy.resolve())
    return compiled


def _read(path: Path) -> str:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return stream.read()


def _write(report_dir: Path, texts: dict[Path, str]) -> None:
    """Back every changed file up under `BACKUP_DIR`, then write it (BOM kept if it had one)."""
    for path, text in texts.items():
        backup = report_dir / BACKUP_DIR / path.resolve().relative_to(report_dir.resolve())
        backup.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, backup)
        bom = "\ufeff" if path.read_bytes().startswith(b"\xef\xbb\xbf") else ""
        temp = path.with_name(f".{path.name}.tmp")
        temp.write_text(bom + text, encoding="utf-8", newline="")
        temp.replace(path)
