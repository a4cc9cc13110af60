"""Convert the values of a report's YAML files typed in TCVN3 or VNI to Unicode, in place.

Each converted value is rewritten where it stands in the file (between the marks YAML gives
its scalar), so comments, quotes, indentation and line endings are kept; the file is then read
again to check that only those values changed. The original is kept as ``<file>.bak``. The
``baocao fix-encoding`` command (`generator.commands.fix_encoding`) drives it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import click
import yaml

from generator import legacy
from generator.commands.common import print_diagnostics
from generator.diagnostics import Diagnostics, display_path
from generator.loader import BOM, read_text
from generator.oserrors import describe
from generator.project import real_path
from generator.textclean import blank_invalid
from generator.writer import backup, write_atomic


@dataclass(frozen=True)
class Fix:
    """One value to convert: its place in the text and its text before and after."""

    line: int
    encoding: str
    start: int
    end: int
    before: str
    after: str


def fix_file(path: Path, dry_run: bool = False) -> list[Fix]:
    """Convert the legacy values of the YAML file at `path`; return what was (or would be) done.

    Prints the changes. Raises `Refused` when the file cannot be read, parsed or written (with
    how many legacy values it holds, so the summary stays honest). A link is followed to the
    file it names, which is rewritten in place: the link stays a link.
    """
    diagnostics = Diagnostics()
    text = read_text(path, diagnostics)
    if text is None:
        print_diagnostics(diagnostics)
        raise Refused("không đọc được tệp.")
    fixes = find_fixes(text)
    if not fixes:
        return []
    new_text = apply_fixes(text, fixes)
    _check(text, new_text, fixes)
    click.echo(f"{display_path(path)}:")
    for fix in fixes:
        click.echo(f"  dòng {fix.line} ({fix.encoding.upper()}): {_short(fix.before)} → "
                   f"{_short(fix.after)}")
    if not dry_run:
        target = real_path(path)
        bom = BOM if target.read_bytes().startswith(BOM) else b""
        try:
            copy = backup(target)
            write_atomic(target, bom + new_text.encode("utf-8"))
        except OSError as exc:
            raise Refused(f"tìm thấy {len(fixes)} giá trị gõ bằng bảng mã cũ nhưng không ghi "
                           f"được tệp: {describe(exc)}. Tệp được giữ nguyên; hãy đóng tệp trong "
                           "trình soạn thảo rồi chạy lại.", len(fixes)) from exc
        click.echo(f"  bản cũ: {display_path(copy)}")
    return fixes


def find_fixes(text: str) -> list[Fix]:
    """Return the values of the YAML `text` typed in a legacy encoding, in file order."""
    fixes = []
    for node in _value_scalars(_compose(text)):
        value = unicodedata.normalize("NFC", node.value)
        encoding = legacy.detect_legacy(value)
        if encoding is None:
            continue
        start, end = _span(text, node)
        before = text[start:end]
        after = legacy.to_unicode(unicodedata.normalize("NFC", before), encoding)
        if after != before:
            fixes.append(Fix(node.start_mark.line + 1, encoding, start, end, before, after))
    return sorted(fixes, key=lambda fix: fix.start)


def _span(text: str, node: yaml.Node) -> tuple[int, int]:
    """Return where the scalar of `node` stands in `text`, after any ``&anchor !tag``."""
    start, end = node.start_mark.index, node.end_mark.index
    return _PROPERTIES.match(text, start, end).end(), end


_PROPERTIES = re.compile(r"(?:[&!]\S*\s+)*")


def apply_fixes(text: str, fixes: list[Fix]) -> str:
    """Return `text` with each fix's span replaced, working from the end so offsets hold."""
    for fix in sorted(fixes, key=lambda f: f.start, reverse=True):
        text = text[: fix.start] + fix.after + text[fix.end:]
    return text


def _compose(text: str) -> yaml.Node | None:
    """Compose `text` with the pure-Python parser, whose marks count characters."""
    try:  # characters YAML refuses become spaces, one for one, so offsets still match `text`
        return yaml.compose(blank_invalid(text), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        raise Refused("tệp có lỗi cách viết; hãy sửa trước (baocao build chỉ ra chỗ "
                       "lỗi).") from None


def _value_scalars(root: yaml.Node | None):
    """Yield every string scalar that is a value (not a key), each node once."""
    seen: set[int] = set()
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(value for _key, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif node.tag == "tag:yaml.org,2002:str":
            yield node


def _check(old_text: str, new_text: str, fixes: list[Fix]) -> None:
    """Raise `Refused` unless `new_text` parses to the old values with only the fixes applied."""
    encodings = {fix.start: fix.encoding for fix in fixes}
    old = sorted(_value_scalars(_compose(old_text)), key=_start)
    new = sorted(_value_scalars(_compose(new_text)), key=_start)
    mismatch = len(old) != len(new)
    for before, after in zip(old, new):
        value, encoding = before.value, encodings.get(_span(old_text, before)[0])
        if encoding:
            value = legacy.to_unicode(unicodedata.normalize("NFC", value), encoding)
        mismatch = mismatch or after.value != value
    if mismatch:
        raise Refused(f"tìm thấy {len(fixes)} giá trị gõ bằng bảng mã cũ nhưng không sửa tự "
                       "động được (giá trị đổi khác dự kiến); tệp được giữ nguyên. Hãy sửa bằng "
                       "tay.", len(fixes))


def _start(node: yaml.Node) -> int:
    return node.start_mark.index


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass
class Tally:
    """What a run did, for its last line: converted, found but left, and unread files."""

    values: int = 0
    files: int = 0
    left_values: int = 0
    left_files: int = 0
    unread: int = 0

    def refused(self, found: int) -> None:
        if found:
            self.left_values += found
            self.left_files += 1
        else:
            self.unread += 1

    @property
    def failed(self) -> bool:
        return bool(self.left_files or self.unread)

    def summary(self, report: Path, dry_run: bool) -> str:
        """Return the last line: exactly what was converted, what was left and why."""
        parts = []
        if self.values and dry_run:
            parts.append(f"Chạy thử: sẽ chuyển {self.values} giá trị trong {self.files} tệp sang "
                         "Unicode; chưa ghi gì. Bỏ --dry-run để ghi.")
        elif self.values:
            parts.append(f"Đã chuyển {self.values} giá trị trong {self.files} tệp sang Unicode.")
        if self.left_files:
            parts.append(f"Còn {self.left_values} giá trị gõ bằng bảng mã cũ trong "
                         f"{self.left_files} tệp chưa chuyển được (xem lỗi ở trên).")
        if self.unread:
            parts.append(f"{self.unread} tệp không đọc được nên chưa được xem (xem lỗi ở trên).")
        if not self.values and not self.left_files:
            where = "các tệp còn lại của " if self.unread else ""
            parts.insert(0, f"Không thấy văn bản gõ bằng bảng mã cũ trong {where}"
                         f"{display_path(report)}.")
        return " ".join(parts)


class Refused(Exception):
    """A file that fix-encoding leaves alone, with the Vietnamese reason and the values found."""

    def __init__(self, message: str, found: int = 0):
        super().__init__(message)
        self.found = found
