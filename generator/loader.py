"""Read YAML safely into plain data plus a source map (field path → line and column).

PyYAML's composer gives every node a start mark; we build the Python values ourselves from the
node tree so that each value keeps its place in the file. Only the standard YAML tags are
accepted (nothing that constructs objects), and alias expansion is bounded so that a
"billion laughs" file is refused at once instead of eating the machine.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import Diagnostics, Location, caret_excerpt

try:  # the C parser is several times faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Path_ = tuple[str | int, ...]

_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
MAX_NODES = 200_000
"""Most values one file may expand to; the sample has about 200. Stops alias bombs."""

# Characters XML 1.0 forbids, lone surrogates, and the private-use characters baocao uses
# internally as markers (U+E000–U+E00F). Tab, LF and CR are allowed and handled by the text layer.
_INVALID_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff\ue000-\ue00f]")
_CHAR_NAMES = {
    "\x0b": "ngắt dòng thủ công của Word (\\v)",
    "\x0c": "ngắt trang (\\f)",
    "\x00": "ký tự NUL",
}


@dataclass
class SourceFile:
    """One loaded YAML file: its `data`, where each value came from, and the raw `lines`."""

    path: Path
    data: Any
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def locate(self, path: Path_, *, key: bool = False) -> Location:
        """Return the location of the value (or with `key`, the key) at `path`.

        Falls back to the nearest enclosing value that has a mark, so a missing field points at
        the mapping that should hold it.
        """
        table = self.key_marks if key else self.marks
        probe = tuple(path)
        while probe:
            if probe in table:
                line, col = table[probe]
                return Location(self.path, line, col, format_field(path))
            table = self.marks
            probe = probe[:-1]
        line, col = self.marks.get((), (1, 1))
        return Location(self.path, line, col, format_field(path))

    def excerpt(self, location: Location) -> str:
        """Return the source line of `location` with a caret under its column."""
        if not 0 < location.line <= len(self.lines):
            return ""
        return caret_excerpt(self.lines[location.line - 1], location.column)


def format_field(path: Path_) -> str:
    """Return a field path the way users read it: ``outline[2].sections[0].area``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def load_yaml(path: Path, diagnostics: Diagnostics) -> SourceFile | None:
    """Load the YAML file at `path`, reporting every problem into `diagnostics`.

    Returns None when the file cannot be read or parsed at all (the reason is reported).
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        diagnostics.error("file.unreadable", f"không đọc được tệp ({exc.strerror or exc}).",
                          Location(path))
        return None
    text = _decode(raw, path, diagnostics)
    if text is None:
        return None
    source = SourceFile(path, None, lines=text.splitlines())
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        _report_syntax(source, exc, diagnostics)
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - every parser error carries a mark
        diagnostics.error("yaml.syntax", f"lỗi cú pháp YAML: {exc}", Location(path))
        return None
    builder = _Builder(source, diagnostics)
    try:
        source.data = {} if node is None else builder.build(node, ())
    except _TooLarge as exc:
        location = Location(path, exc.node.start_mark.line + 1, exc.node.start_mark.column + 1)
        diagnostics.error("yaml.too-large",
                          f"tệp mở rộng ra hơn {MAX_NODES:,} giá trị (thường do bí danh '*' lồng "
                          "nhau). baocao từ chối đọc tệp này.".replace(",", "."), location)
        return None
    return source


def _decode(raw: bytes, path: Path, diagnostics: Diagnostics) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):  # Notepad on Windows writes a BOM
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        diagnostics.error(
            "file.encoding",
            "tệp không phải UTF-8. Hãy lưu lại tệp với bảng mã UTF-8 "
            "(Notepad: Lưu thành… → Mã hóa: UTF-8).",
            Location(path, line, 1),
        )
        return None


_SYNTAX_HINTS = [
    ("cannot start any token", "'\\t'",
     "dùng phím Tab để thụt lề; YAML chỉ chấp nhận dấu cách. Hãy thay Tab bằng dấu cách."),
    ("mapping values are not allowed", None,
     "có dấu ':' theo sau là dấu cách bên trong một giá trị không đặt trong ngoặc kép. "
     "Hãy đặt cả đoạn văn trong dấu ngoặc kép \"…\"."),
    ("found unexpected end of stream", None,
     "dấu ngoặc kép mở nhưng chưa được đóng. Hãy thêm dấu \" ở cuối đoạn văn."),
    ("found unknown escape character", None,
     "trong chuỗi đặt trong ngoặc kép, dấu '\\' phải đi cùng một ký tự hợp lệ; "
     "hãy viết '\\\\' nếu muốn có chính dấu '\\'."),
    ("did not find expected key", None,
     "thụt lề không thẳng hàng hoặc thiếu dấu ':' sau tên trường."),
    ("did not find expected '-' indicator", None,
     "thụt lề của danh sách không thẳng hàng: mỗi mục phải bắt đầu bằng '- ' ở cùng một cột."),
    ("found duplicate anchor", None, "cùng một nhãn '&' được đặt hai lần."),
    ("found undefined alias", None, "bí danh '*' trỏ tới một nhãn '&' chưa được đặt."),
    ("could not find expected ':'", None,
     "thiếu dấu ':' sau tên trường, hoặc dấu ngoặc kép chưa đóng ở dòng trước."),
]


def _report_syntax(source: SourceFile, exc: yaml.MarkedYAMLError, diagnostics: Diagnostics) -> None:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    problem = f"{exc.context or ''} {exc.problem or ''}"
    message = f"lỗi cú pháp YAML ({(exc.problem or '').strip()})."
    for needle, char, hint in _SYNTAX_HINTS:
        if needle in problem and (char is None or char in problem):
            message = hint[0].upper() + hint[1:]
            break
    location = Location(source.path, line, col)
    diagnostics.error("yaml.syntax", message, location, source.excerpt(location))


class _Builder:
    """Turn composed nodes into Python values, recording marks and text problems."""

    def __init__(self, source: SourceFile, diagnostics: Diagnostics):
        self.source = source
        self.diagnostics = diagnostics
        self.count = 0
        self.constructor = _Loader("")  # only its scalar constructors are used

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooLarge(node)
        self.source.marks[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in _SAFE_TAGS:
            self._unsafe_tag(node, path)
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node, path) if isinstance(key_node, yaml.ScalarNode) else None
            if key is None or isinstance(key, (dict, list)):
                self._error(key_node, path, "yaml.key", "tên trường phải là một chữ đơn giản.")
                continue
            key = str(key)
            child = path + (key,)
            self.source.key_marks[child] = (key_node.start_mark.line + 1,
                                            key_node.start_mark.column + 1)
            if key in result:
                self._error(key_node, child, "yaml.duplicate-key",
                            f"trường '{key}' xuất hiện hai lần trong cùng một khối; "
                            "giá trị sau sẽ ghi đè giá trị trước. Hãy xóa một trong hai.")
            result[key] = self.build(value_node, child)
        return result

    def _scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        try:
            value = self.constructor.construct_object(node, deep=True)
        except (yaml.constructor.ConstructorError, ValueError) as exc:
            self._error(node, path, "yaml.value", f"giá trị không hợp lệ: {exc}")
            return None
        if isinstance(value, str):
            value = self._clean(value, node, path)
        return value

    def _clean(self, value: str, node: yaml.Node, path: Path_) -> str:
        bad = sorted(set(_INVALID_CHARS.findall(value)))
        if bad:
            names = ", ".join(_CHAR_NAMES.get(ch, f"U+{ord(ch):04X}") for ch in bad)
            self._warning(node, path, "text.invalid-char",
                          f"đã bỏ ký tự không hợp lệ trong văn bản Word: {names}.")
            value = _INVALID_CHARS.sub(lambda m: " " if m.group() == "\x0b" else "", value)
        return unicodedata.normalize("NFC", value)

    def _unsafe_tag(self, node: yaml.Node, path: Path_) -> None:
        self._error(node, path, "yaml.unsafe-tag",
                    f"thẻ YAML '{node.tag}' không được phép (baocao chỉ đọc văn bản, số, "
                    "danh sách và khối trường; không tạo đối tượng từ dữ liệu).")

    def _location(self, node: yaml.Node, path: Path_) -> Location:
        mark = node.start_mark
        return Location(self.source.path, mark.line + 1, mark.column + 1, format_field(path))

    def _error(self, node, path, code, message):
        loc = self._location(node, path)
        self.diagnostics.error(code, message, loc, self.source.excerpt(loc))

    def _warning(self, node, path, code, message):
        self.diagnostics.warning(code, message, self._location(node, path))


class _TooLarge(Exception):
    def __init__(self, node: yaml.Node):
        self.node = node
