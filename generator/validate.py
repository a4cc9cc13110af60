"""Explain, in Vietnamese, what is wrong with a YAML file: its syntax, then its fields.

A syntax error is placed at its probable cause (a Tab, an unclosed quote, a paragraph starting
with ``*``) rather than where the parser gave up. Each pydantic error becomes a located
diagnostic: file, line and column from the source map, the field path, what was expected and
what was found. Unknown keys get a "did you mean" suggestion.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.diagnostics import Diagnostics
from generator.schema import DateSpec, OutlineEntry

if TYPE_CHECKING:  # the loader imports this module for its messages
    import yaml

    from generator.loader import SourceFile

M = TypeVar("M", bound=BaseModel)

_EXPECTED = {
    "string_type": "một đoạn văn bản",
    "int_type": "một số nguyên",
    "int_parsing": "một số nguyên",
    "int_from_float": "một số nguyên",
    "bool_type": "true hoặc false",
    "bool_parsing": "true hoặc false",
    "list_type": "một danh sách (các dòng bắt đầu bằng '- ')",
    "dict_type": "một khối trường (tên: giá trị)",
    "model_type": "một khối trường (tên: giá trị)",
    "model_attributes_type": "một khối trường (tên: giá trị)",
}


def validate(source: SourceFile, model: type[M], diagnostics: Diagnostics) -> M | None:
    """Return `source.data` as a `model`, or None after reporting every problem it has.

    Problems under a value the loader already reported (an unsafe tag, a date that does not
    exist) are not repeated, nor is a missing field that a "did you mean" already names.
    """
    try:
        return model.model_validate(source.data)
    except ValidationError as exc:
        errors = [e for e in exc.errors(include_url=False) if not _reported(source, e["loc"])]
    suggested = {(tuple(e["loc"][:-1]), _suggestion(model, tuple(e["loc"])))
                 for e in errors if e["type"] == "extra_forbidden"}
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] != "missing" or (loc[:-1], loc[-1]) not in suggested:
            _report(source, model, error, diagnostics)
    return None


def _reported(source: SourceFile, loc: tuple) -> bool:
    return any(tuple(loc[: len(path)]) == path for path in source.reported)


def salvage_outline(source: SourceFile | None) -> list[OutlineEntry] | None:
    """Return the outline of an invalid report.yaml, keeping each entry's place and `area`.

    Lets a run check the area files even when report.yaml has errors. Entries that are not
    blocks become empty ones, so field paths (``outline[2]``) still match the file.
    """
    data = source.data if source is not None else None
    raw = data.get("outline") if isinstance(data, dict) else None
    return [_salvage_entry(entry) for entry in raw] if isinstance(raw, list) else None


def _salvage_entry(raw: Any) -> OutlineEntry:
    raw = raw if isinstance(raw, dict) else {}
    area, sections = raw.get("area"), raw.get("sections")
    return OutlineEntry.model_construct(
        heading=None,
        area=area if isinstance(area, str) and area.strip() else None,
        sections=[_salvage_entry(s) for s in sections] if isinstance(sections, list) else None)


def _report(source: SourceFile, model: type[BaseModel], error: dict, diagnostics: Diagnostics):
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        location = source.locate(loc, key=True)
        message = _unknown_key(model, loc)
        code = "schema.unknown-key"
    elif kind == "missing":
        location = source.locate(loc[:-1])
        message = f"thiếu trường bắt buộc '{loc[-1]}'."
        code = "schema.missing"
    else:
        location = source.locate(loc)
        if _model_at(model, loc) is DateSpec and kind in _EXPECTED:
            message = _date_message(error.get("input"))
        else:
            message = _value_message(error)
            if kind == "string_type":
                message += _shape_hint(source, location, error.get("input"))
        code = "schema.type" if kind in _EXPECTED else "schema.value"
    diagnostics.error(code, message, location, source.excerpt(location))


def value_message(tag: str, value: str) -> str:
    """Return why the YAML scalar `value` could not be read as `tag` (a date that does not exist)."""
    if tag.endswith(":timestamp"):
        parts = re.match(r"(\d+)-(\d+)-(\d+)", value)
        if parts:
            year, month, day = (int(p) for p in parts.groups())
            if not 1 <= month <= 12:
                return f"ngày '{value}' có tháng {month}; tháng phải từ 1 đến 12."
            return f"ngày {day:02d}/{month:02d}/{year} không có thật."
        return f"ngày '{value}' không đúng dạng năm-tháng-ngày (ví dụ 2024-09-26)."
    return f"giá trị '{value}' không đúng với thẻ '{tag.rsplit(':', 1)[-1]}'."


def _value_message(error: dict) -> str:
    kind, ctx, found = error["type"], error.get("ctx") or {}, error.get("input")
    if kind in _EXPECTED:
        return f"cần {_EXPECTED[kind]}, nhưng đang là {_describe(found)}."
    if kind == "literal_error":
        allowed = ctx.get("expected", "").replace("'", "").replace(" or ", ", ")
        return f"giá trị {_describe(found)} không hợp lệ; chỉ chấp nhận: {allowed}."
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"giá trị {found} nằm ngoài khoảng cho phép ({_range_text(error)})."
    if kind == "too_short":
        return "danh sách không được để trống."
    if kind in ("date_type", "date_parsing"):
        return f"cần một ngày (ví dụ 2024-09-26), nhưng đang là {_describe(found)}."
    return error["msg"].removeprefix("Value error, ") + "."


def _shape_hint(source: SourceFile, location, found: Any) -> str:
    """Explain how plain text turned into a block or a list: a ': ' or a leading '['."""
    if not isinstance(found, (dict, list)) or not 0 < location.line <= len(source.lines):
        return ""
    line = source.lines[location.line - 1][location.column - 1:]
    if isinstance(found, dict) and ": " in line:
        return (" Dòng này có dấu ': ' nên YAML hiểu là 'tên: giá trị'; nếu đây là đoạn văn, "
                "hãy đặt cả đoạn trong ngoặc kép \"…\".")
    if line[:1] in ("[", "{"):
        return (f" Giá trị bắt đầu bằng '{line[0]}' nên YAML hiểu là danh sách hay khối; nếu đây "
                "là đoạn văn, hãy đặt cả đoạn trong ngoặc kép \"…\".")
    return ""


def _date_message(found: Any) -> str:
    message = (f"cần một ngày dạng năm-tháng-ngày (ví dụ 2024-09-26) hoặc một khối có month và "
               f"year, nhưng đang là {_describe(found)}.")
    parts = re.fullmatch(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*", str(found))
    if parts:
        day, month, year = (int(p) for p in parts.groups())
        try:
            dt.date(year, month, day)
            message += f" Hãy viết {year}-{month:02d}-{day:02d}."
        except ValueError:
            message += f" Ngày {day:02d}/{month:02d}/{year} cũng không có thật."
    return message


def _range_text(error: dict) -> str:
    ctx = error.get("ctx") or {}
    parts = []
    for key, word in (("ge", "từ"), ("gt", "lớn hơn"), ("le", "đến"), ("lt", "nhỏ hơn")):
        if key in ctx:
            parts.append(f"{word} {ctx[key]}")
    return " ".join(parts)


def _describe(value: Any) -> str:
    if value is None:
        return "trống"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "một khối trường"
    if isinstance(value, list):
        return "một danh sách"
    text = str(value)
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"


def _unknown_key(model: type[BaseModel], loc: tuple) -> str:
    message = f"trường '{loc[-1]}' không được hỗ trợ ở đây."
    close = _suggestion(model, loc)
    fields = _fields_at(model, loc[:-1])
    if close:
        message += f" Có phải ý bạn là '{close}'?"
    elif fields:
        message += f" Các trường hợp lệ: {', '.join(fields)}."
    return message


def _suggestion(model: type[BaseModel], loc: tuple) -> str | None:
    """Return the allowed field name closest to the unknown key at `loc`, if one is close."""
    close = difflib.get_close_matches(str(loc[-1]), _fields_at(model, loc[:-1]), n=1, cutoff=0.6)
    return close[0] if close else None


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """Return the field names allowed at `loc` inside `model`."""
    current = _model_at(model, loc)
    return list(current.model_fields) if current else []


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """Return the model of the value at `loc` inside `model` (walks nested models)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        field = current.model_fields.get(part)
        current = _model_in(field.annotation) if field else None
    return current


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found:
            return found
    return None


def explain_syntax(lines: list[str], exc: yaml.MarkedYAMLError,
                   quoted: list) -> tuple[int, int, str]:
    """Return (line, column, message) for a YAML syntax error in a file of `lines`.

    `quoted` holds the quoted scalar tokens read before the error, to spot unclosed quotes.
    """
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if "end of stream" in str(exc.problem) and exc.context_mark:  # an unclosed quote: its start
        line, col = exc.context_mark.line + 1, exc.context_mark.column + 1
    if line > len(lines):  # the end of the file: show its last line
        line = max(len(lines), 1)
        col = len(lines[-1]) + 1 if lines else 1
    before = [t for t in quoted if (t.start_mark.line + 1, t.start_mark.column + 1) < (line, col)]
    cause = _unclosed_quote(lines, line, before[-1:])
    context = exc.context_mark.line + 1 if exc.context_mark else line
    for number in sorted({min(context, line), line}):
        cause = cause or _line_mistake(lines[number - 1] if lines else "", number,
                                       col if number == line else 0)
    return cause or (line, col, _hint_for(exc))


_TAB_HINT = "dùng phím Tab để thụt lề; YAML chỉ chấp nhận dấu cách. Hãy thay Tab bằng dấu cách."
_QUOTE_HINT = ("nếu đoạn văn có dấu ngoặc kép bên trong, hãy viết \\\" trong \"…\", hoặc bao cả "
               "đoạn bằng dấu nháy đơn '…' (khi đó nháy đơn bên trong viết thành '').")
_VALUE_START = re.compile(r"^\s*(?:-\s+)*(?:[\w.-][\w .-]*:\s+)?(?=\S)")
_STARTS = [
    ("*&", ("giá trị bắt đầu bằng '{c}' (chữ đậm **…**, nghiêng *…*) phải đặt trong ngoặc "
            "kép: - \"**Kết quả**: …\".")),
    ("[{", ("giá trị bắt đầu bằng '{c}' nên YAML hiểu là danh sách hay khối viết trên một dòng. "
            "Nếu đây là đoạn văn, hãy đặt cả đoạn trong ngoặc kép \"…\".")),
    ("`@%|>!", "giá trị không được bắt đầu bằng '{c}'. Hãy đặt cả đoạn văn trong ngoặc kép \"…\"."),
]


def _unclosed_quote(lines: list[str], line: int, quoted: list):
    """Return (line, column, message) if the last quote before `line` looks unclosed or misused."""
    if not quoted:
        return None
    start, end = quoted[0].start_mark, quoted[0].end_mark
    if start.line + 1 < line <= end.line + 2:
        return start.line + 1, start.column + 1, (
            f"dấu ngoặc mở ở đây có lẽ chưa được đóng (YAML đọc tiếp tới dòng {line} mới thấy "
            "lỗi). Hãy thêm dấu đóng ở cuối đoạn văn.")
    rest = lines[line - 1][end.column:].strip() if end.line + 1 == line else ""
    if rest and rest[0] not in ",:#]}":
        return line, end.column + 1, "còn chữ sau dấu ngoặc đóng; " + _QUOTE_HINT
    return None


def _line_mistake(current: str, line: int, col: int):
    """Return (line, column, message) of a common mistake on `current`, or None."""
    indent = current[: len(current) - len(current.lstrip())]
    if "\t" in indent or (col and current[col - 1:col] == "\t"):
        return line, current.index("\t") + 1, _TAB_HINT
    start = _VALUE_START.match(current)
    char = current[start.end()] if start else ""
    for chars, message in _STARTS:
        if char and char in chars:
            return line, start.end() + 1, message.format(c=char)
    if re.match(r"\s*-[^\s-]", current):
        return line, current.index("-") + 2, "sau dấu '-' của mỗi mục phải có một dấu cách."
    return None


_SYNTAX_HINTS = [
    ("mapping values are not allowed",
     ("có dấu ':' theo sau là dấu cách bên trong một giá trị không đặt trong ngoặc kép. "
      "Hãy đặt cả đoạn văn trong dấu ngoặc kép \"…\".")),
    ("end of stream", "dấu ngoặc mở nhưng chưa được đóng. Hãy thêm dấu đóng ở cuối đoạn văn."),
    ("unknown escape character",
     ("trong chuỗi đặt trong ngoặc kép, dấu '\\' phải đi cùng một ký tự hợp lệ; "
      "hãy viết '\\\\' nếu muốn có chính dấu '\\'.")),
    ("did not find expected key", "thụt lề không thẳng hàng hoặc thiếu dấu ':' sau tên trường."),
    ("did not find expected '-' indicator",
     "thụt lề của danh sách không thẳng hàng: mỗi mục phải bắt đầu bằng '- ' ở cùng một cột."),
    ("duplicate anchor", "cùng một nhãn '&' được đặt hai lần."),
    ("undefined alias", "bí danh '*' trỏ tới một nhãn '&' chưa được đặt."),
    ("could not find expected ':'",
     "thiếu dấu ':' sau tên trường, hoặc dấu ngoặc kép chưa đóng ở dòng trước."),
    ("expected ',' or", ("danh sách hay khối viết trong '[…]' hoặc '{…}' chưa được đóng, "
                         "hoặc thiếu dấu ',' giữa các phần tử.")),
]


def _hint_for(exc: yaml.MarkedYAMLError) -> str:
    problem = f"{exc.context or ''} {exc.problem or ''}"
    for needle, hint in _SYNTAX_HINTS:
        if needle in problem:
            return hint
    return (f"YAML không đọc được chỗ này ({(exc.problem or '').strip()}). Hãy kiểm tra thụt lề "
            "và dấu ngoặc kép; nếu đây là đoạn văn, hãy đặt cả đoạn trong ngoặc kép \"…\".")
