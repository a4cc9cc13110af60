"""Where results may be written: never onto an input, into data or templates, or onto another
report's result.

Every command that writes a .docx the user may name (`build`, `watch`, `diff`) checks its target
here before anything is rendered; a batch build checks that no two of its reports share a result
before the first one is built.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from generator.diagnostics import display_path
from generator.errors import OutputError
from generator.project import PathRefused, ReportFolder, check_file_name, real_path, within


def check_output_path(target: Path, report_dir: Path, template: Path,
                      inputs: Iterable[Path] = ()) -> None:
    """Refuse an output that would overwrite an input, data or the template, or a strange file.

    `inputs` are the files the command read (report.yaml, areas, the template, a .docx compared).
    """
    where = display_path(target)
    resolved = _checked(target, where)
    if resolved.suffix.lower() != ".docx":
        raise OutputError(f"tệp kết quả '{where}' phải có đuôi .docx.")
    folder = ReportFolder(report_dir)
    templates = real_path(folder.templates_dir)
    if resolved.parent == real_path(template).parent or within(resolved, templates):
        raise OutputError(f"không ghi kết quả vào thư mục mẫu: '{where}'. Hãy chọn nơi khác.")
    if within(resolved, folder.real, real_path(folder.data_dir)):
        raise OutputError(f"không ghi kết quả vào thư mục dữ liệu: '{where}'. Hãy chọn nơi khác.")
    for source in inputs:
        if same_file(resolved, source):
            raise OutputError(f"không ghi kết quả đè lên tệp đầu vào '{display_path(source)}'. "
                              "Hãy chọn nơi khác.")


def _checked(target: Path, where: str) -> Path:
    """Return `target` resolved; refuse NUL, over-long names, links, folders, special files."""
    if "\0" in str(target):
        raise OutputError("tên tệp kết quả có ký tự NUL (mã 0); hãy đặt tên khác.")
    try:
        check_file_name(target.name, "tệp kết quả")
    except PathRefused as refused:
        raise OutputError(refused.message) from None
    try:
        resolved = real_path(target)
    except PathRefused as refused:
        raise OutputError(refused.message) from None
    if target.is_symlink():
        raise OutputError(f"'{where}' là liên kết (symlink); baocao không ghi kết quả qua liên "
                          "kết. Hãy chọn một tên tệp thường.")
    if target.is_dir():
        raise OutputError(f"'{where}' là một thư mục, không phải tệp .docx; hãy đổi tên hoặc "
                          "xóa thư mục đó, hoặc chọn nơi lưu khác bằng -o.")
    if target.exists() and not target.is_file():
        raise OutputError(f"'{where}' là một tệp đặc biệt (không phải tệp thường); hãy chọn nơi "
                          "khác.")
    return resolved


def same_file(a: Path, b: Path) -> bool:
    """Return True if `a` and `b` name one file (links followed, case folded as on Windows)."""
    try:
        if os.path.exists(a) and os.path.exists(b) and os.path.samefile(a, b):
            return True
        return _key(a) == _key(b)
    except (OSError, ValueError, PathRefused):
        return False


def _key(path: Path) -> str:
    """Return how Windows and macOS compare names: case and Unicode form ignored."""
    return unicodedata.normalize("NFC", str(real_path(path))).casefold()


def collisions(outputs: dict[Path, Path]) -> list[tuple[Path, list[Path]]]:
    """Return each output that more than one folder would write: (output, its folders)."""
    by_key: dict[str, list[Path]] = {}
    target: dict[str, Path] = {}
    for folder, output in outputs.items():
        key = _key(output)
        by_key.setdefault(key, []).append(folder)
        target.setdefault(key, output)
    return [(target[key], folders) for key, folders in by_key.items() if len(folders) > 1]
