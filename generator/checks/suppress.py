"""Silencing findings with a YAML comment that names the code and says why.

Per line (on the finding's line, or alone on the line just above it)::

    - Đoạn văn … # baocao: bỏ qua number.thousands — số hiệu của Ban Chỉ đạo

Per file (a comment line, usually at the top)::

    # baocao: bỏ qua-tệp spelling.unknown — tên riêng nước ngoài

A code may be a family (``spelling``) to cover all its codes. The reason is required.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.checks.base import ERROR, WARNING, Finding
from generator.diagnostics import Location, caret_excerpt
from generator.loader import SourceFile

RULES = {
    "suppress.no-reason": (WARNING, "chú thích bỏ qua không ghi lý do (viết sau dấu '—')."),
    "suppress.unknown-code": (WARNING, "chú thích bỏ qua nêu một mã không tồn tại."),
    "suppress.unused": (WARNING, "chú thích bỏ qua không còn bỏ qua phát hiện nào; hãy xóa nó."),
}

_DIRECTIVE = re.compile(r"(?:^|\s)#\s*baocao\s*:\s*(b[ỏo]\s+qua(?:-t[ệe]p)?)(?![\w-])(.*)$",
                        re.IGNORECASE)
_REASON_SPLIT = re.compile(r"\s+[—–-]+\s*|\s*[—–:]\s*")


@dataclass
class Suppression:
    """One ``# baocao: bỏ qua …`` comment."""

    path: Path
    line: int
    column: int
    whole_file: bool
    codes: list[str]
    reason: str
    applies_to: set[int] = field(default_factory=set)
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        loc = finding.location
        if loc is None or loc.path != self.path:
            return False
        if not self.whole_file and loc.line not in self.applies_to:
            return False
        return any(finding.code == c or finding.code.startswith(c + ".") for c in self.codes)


def parse(source: SourceFile) -> list[Suppression]:
    """Return the suppression comments of `source`."""
    found = []
    for index, line in enumerate(source.lines):
        # `_DIRECTIVE` needs a '#'; most lines are long paragraphs without one (1 ms a sample).
        match = _DIRECTIVE.search(line) if "#" in line else None
        if not match:
            continue
        whole = "-" in match.group(1)
        codes_text, reason = _split_reason(match.group(2))
        codes = [c for c in re.split(r"[,\s]+", codes_text) if c]
        column = line.index("#", match.start()) + 1
        item = Suppression(source.path, index + 1, column, whole, codes, reason)
        item.applies_to = {index + 1}
        if line[:match.start()].strip() == "":  # a comment alone on its line: the next line too
            item.applies_to.add(_next_content_line(source.lines, index))
        found.append(item)
    return found


def _split_reason(text: str) -> tuple[str, str]:
    parts = _REASON_SPLIT.split(text.strip(), maxsplit=1)
    reason = parts[1].strip(" .…") if len(parts) > 1 else ""
    return parts[0], reason


def _next_content_line(lines: list[str], index: int) -> int:
    for following in range(index + 1, len(lines)):
        stripped = lines[following].strip()
        if stripped and not stripped.startswith("#"):
            return following + 1
    return index + 1


def apply(findings: list[Finding], sources: list[SourceFile], known: set[str]) -> list[Finding]:
    """Return `findings` minus the suppressed ones, plus warnings about the suppressions."""
    suppressions = [s for source in sources for s in parse(source)]
    known = known | {f.code for f in findings}
    families = {code.split(".")[0] for code in known}
    kept = []
    for finding in findings:
        covering = [s for s in suppressions if s.covers(finding)
                    and (s.reason or not _needs_reason(finding))]
        for s in covering:
            s.used = True
        if not covering:
            kept.append(finding)
    by_path = {source.path: source for source in sources}
    for s in suppressions:
        kept.extend(_problems(s, by_path[s.path], known, families))
    return kept


def _needs_reason(finding: Finding) -> bool:
    """Return True for an error only a reasoned comment may silence (last period's text)."""
    return finding.severity == ERROR and finding.code.startswith("stale.")


def _problems(s: Suppression, source: SourceFile, known: set[str], families: set[str]):
    location = Location(s.path, s.line, s.column)
    excerpt = caret_excerpt(source.lines[s.line - 1], s.column)
    unknown = [c for c in s.codes if c not in known and c not in families]
    if not s.codes:
        yield Finding(WARNING, "suppress.unknown-code", "chú thích bỏ qua chưa nêu mã cần bỏ qua "
                      "(ví dụ: '# baocao: bỏ qua number.thousands — lý do').", location, excerpt)
    for code in unknown:
        yield Finding(WARNING, "suppress.unknown-code", f"không có mã '{code}'; xem danh sách mã "
                      "trong README (mục Kiểm tra).", location, excerpt)
    if not s.reason:
        yield Finding(WARNING, "suppress.no-reason", "chú thích bỏ qua phải ghi lý do sau dấu "
                      "'—', ví dụ: '# baocao: bỏ qua spelling.unknown — tên riêng'.",
                      location, excerpt)
    if s.codes and not unknown and not s.used:
        yield Finding(WARNING, "suppress.unused", "chú thích bỏ qua này không còn bỏ qua phát "
                      "hiện nào; hãy xóa nó.", location, excerpt)
