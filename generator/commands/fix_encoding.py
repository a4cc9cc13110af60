"""``baocao fix-encoding``: convert text typed in TCVN3 or VNI to Unicode, in place.

Each converted value is rewritten where it stands in the file (between the marks YAML gives
its scalar), so comments, quotes, indentation and line endings are kept; the file is then read
again to check that only those values changed. The original is kept as ``<file>.bak``.
"""

from __future__ import annotations

import re
import sys
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import click
import yaml

from generator import legacy
from generator.commands.common import print_diagnostics, report_dir_ok
from generator.diagnostics import Diagnostics, display_path
from generator.errors import EXIT_DATA, EXIT_OK
from generator.loader import BOM, read_text
from generator.textclean import blank_invalid
from generator.writer import write_atomic


@dataclass(frozen=True)
class Fix:
    """One value to convert: its place in the text and its text before and after."""

    line: int
    encoding: str
    start: int
    end: int
    before: str
    after: str


@click.command(help="Chuyển văn bản gõ bằng bảng mã cũ (TCVN3/ABC, VNI) trong các tệp .yaml "
               "của một báo cáo sang Unicode ngay trong tệp, giữ nguyên chú thích '#' và cách "
               "trình bày, lưu bản cũ thành <tệp>.bak, ví dụ: baocao fix-encoding "
               "data/hau-giang-2024-9-thang", options_metavar="[TÙY_CHỌN]")
@click.argument("report", metavar="THƯ_MỤC_BÁO_CÁO",
                type=click.Path(path_type=Path, file_okay=False))
@click.option("--dry-run", is_flag=True, help="Chỉ in những gì sẽ đổi, không ghi tệp nào.")
def command(report: Path, dry_run: bool) -> None:
    if not report_dir_ok(report):
        sys.exit(EXIT_DATA)
    files = [report / "report.yaml", *sorted((report / "areas").glob("*.yaml"))]
    code, values, changed = EXIT_OK, 0, 0
    for path in files:
        try:
            fixes = fix_file(path, dry_run)
        except _Refused as exc:
            click.echo(f"Lỗi: {display_path(path)}: {exc}", err=True)
            code = EXIT_DATA
            continue
        values += len(fixes)
        changed += bool(fixes)
    click.echo(_summary(report, values, changed, dry_run))
    sys.exit(code)


def fix_file(path: Path, dry_run: bool = False) -> list[Fix]:
    """Convert the legacy values of the YAML file at `path`; return what was (or would be) done.

    Prints the changes. Raises `_Refused` when the file cannot be read, parsed or written.
    """
    diagnostics = Diagnostics()
    text = read_text(path, diagnostics)
    if text is None:
        print_diagnostics(diagnostics)
        raise _Refused("không đọc được tệp.")
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
        bom = BOM if path.read_bytes().startswith(BOM) else b""
        try:
            backup = _backup(path)
            write_atomic(path, bom + new_text.encode("utf-8"))
        except OSError as exc:
            raise _Refused(f"không ghi được tệp ({exc.strerror or exc}); hãy đóng tệp trong "
                           "trình soạn thảo rồi chạy lại.") from exc
        click.echo(f"  bản cũ: {display_path(backup)}")
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
        raise _Refused("tệp có lỗi cách viết; hãy sửa trước (baocao build chỉ ra chỗ "
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
    """Raise `_Refused` unless `new_text` parses to the old values with only the fixes applied."""
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
        raise _Refused("không sửa tự động được tệp này (giá trị đổi khác dự kiến); tệp được "
                       "giữ nguyên. Hãy sửa bằng tay.")


def _start(node: yaml.Node) -> int:
    return node.start_mark.index


def _backup(path: Path) -> Path:
    """Copy `path` to ``<file>.bak`` (or a timestamped name if that exists); return the copy."""
    backup = path.with_name(path.name + ".bak")
    if backup.exists():
        backup = path.with_name(f"{path.name}.{time.strftime('%Y%m%d-%H%M%S')}.bak")
    write_atomic(backup, path.read_bytes())
    return backup


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _summary(report: Path, values: int, files: int, dry_run: bool) -> str:
    where = display_path(report)
    if not values:
        return f"Không thấy văn bản gõ bằng bảng mã cũ trong {where}."
    if dry_run:
        return (f"Chạy thử: sẽ chuyển {values} giá trị trong {files} tệp sang Unicode; chưa ghi "
                "gì. Bỏ --dry-run để ghi.")
    return f"Đã chuyển {values} giá trị trong {files} tệp sang Unicode."


class _Refused(Exception):
    """A file that fix-encoding leaves alone, with the Vietnamese reason."""
