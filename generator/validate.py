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

from generator import yamlhints
from generator.diagnostics import Diagnostics
from generator.schema import DateSpec, OutlineEntry

if TYPE_CHECKING:  # the loader imports this module for its messages
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
    "dict_type": "các dòng 'tên: giá trị' thụt vào bên dưới",
    "model_type": "các dòng 'tên: giá trị' thụt vào bên dưới",
    "model_attributes_type": "các dòng 'tên: giá trị' thụt vào bên dưới",
}


def validate(source: SourceFile, model: type[M], diagnostics: Diagnostics) -> M | None:
    """Return `source.data` as a `model`, or None after reporting every problem it has.

    Problems under a value the loader already reported (an unsafe tag, a date that does not
    exist) are not repeated, nor is a missing field that a "did you mean" already names.
    """
    try:
        return model.model_validate(source.data)
    except ValidationError as exc:
        errors = [e for e in map(_untagged, exc.errors(include_url=False))
                  if not _reported(source, e["loc"])]
    errors = _stray_notes(source, errors, diagnostics)
    suggested = {(tuple(e["loc"][:-1]), _suggestion(model, tuple(e["loc"])))
                 for e in errors if e["type"] == "extra_forbidden"}
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] != "missing" or (loc[:-1], loc[-1]) not in suggested:
            _report(source, model, error, diagnostics)
    return None


def _untagged(error: dict) -> dict:
    """Return `error` without the union tags (``~table``) of `generator.schema` in its path."""
    error["loc"] = tuple(p for p in error["loc"] if not str(p).startswith("~"))
    return error


def _stray_notes(source: SourceFile, errors: list[dict], diagnostics: Diagnostics) -> list[dict]:
    """Report notes written flush left under an empty ``notes:``; return the other errors."""
    data = source.data
    if not (isinstance(data, dict) and "notes" in data and data["notes"] is None):
        return errors
    stray = [e for e in errors if e["type"] == "extra_forbidden" and len(e["loc"]) == 1
             and re.fullmatch(r"[\w-]{1,12}", str(e["loc"][0]))]
    for error in stray:
        location = source.locate(tuple(error["loc"]), key=True)
        diagnostics.error("schema.note-indent", f"chú thích `{error['loc'][0]}` chưa được thụt "
                          "vào dưới `notes:` nên không thuộc `notes`. Hãy thêm hai dấu cách ở đầu "
                          "dòng này và ở đầu mỗi dòng chú thích khác.", location.with_field(""),
                          source.excerpt(location))
    if not stray:
        return errors
    return [e for e in errors if e not in stray and tuple(e["loc"][:1]) != ("notes",)]


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
        location = location.with_field("") if len(loc) == 1 else location  # the key is named
        message = _unknown_key(model, loc)
        code = "schema.unknown-key"
    elif kind == "missing":
        location = source.locate(loc[:-1])
        message = f"thiếu `{loc[-1]}:` (bắt buộc phải có)."
        code = "schema.missing"
    else:
        location = source.locate(loc)
        if _model_at(model, loc) is DateSpec and kind in _EXPECTED:
            message = _date_message(error.get("input"))
        else:
            message = _value_message(error)
            if kind == "string_type":
                message = _shape_hint(source, location, error.get("input"), _fix(loc)) or message
            elif kind == "list_type" and isinstance(error.get("input"), str) and \
                    loc[-1:] == ("paragraphs",):
                message += _dash_hint(source, location)
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
        now = "đang để trống" if found is None else f"đang là {_describe(found)}"
        return f"cần {_EXPECTED[kind]}, nhưng {now}."
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


def _fix(loc: tuple) -> str:
    """Return the one fix for a paragraph that broke: the block form where it exists."""
    if "paragraphs" in loc or "intro" in loc:
        return f"{yamlhints.BLOCK_FIX}, hoặc {yamlhints.QUOTE_FIX}"
    return yamlhints.QUOTE_FIX


def _shape_hint(source: SourceFile, location, found: Any, fix: str) -> str:
    """Explain how a paragraph turned into 'tên: giá trị' or a list, or return ''."""
    if not isinstance(found, (dict, list)) or not 0 < location.line <= len(source.lines):
        return ""
    line = source.lines[location.line - 1][location.column - 1:]
    if isinstance(found, dict) and line.startswith("“") and ": " in line:
        return yamlhints.CURLY
    if isinstance(found, dict) and ": " in line:
        return ("đoạn văn có dấu ': ' (hai chấm rồi dấu cách) nên bị tách thành 'tên: giá trị' "
                f"và không in được. Hãy {fix}.")
    if isinstance(found, dict) and line.rstrip().endswith(":"):
        return ("đoạn văn kết thúc bằng dấu ':' nên bị hiểu là tên của một nhóm và không in "
                f"được. Hãy {fix}.")
    if line[:1] in ("[", "{"):
        return f"chữ bắt đầu bằng '{line[0]}' nên bị hiểu là một danh sách. Hãy {fix}."
    return ""


def _dash_hint(source: SourceFile, location) -> str:
    """Point at a forgotten ``- `` when a list of paragraphs was read as one text."""
    if not 0 < location.line <= len(source.lines):
        return ""
    if source.lines[location.line - 1].rstrip().endswith(":"):  # the text starts below
        return (f" Dòng {location.line + 1} thiếu '- ' ở đầu; hãy thêm '- ' trước mỗi đoạn, "
                f"hoặc {yamlhints.BLOCK_FIX}.")
    return f" Mỗi đoạn phải là một dòng bắt đầu bằng '- ', hoặc {yamlhints.BLOCK_FIX}."


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
        return "một nhóm 'tên: giá trị'"
    if isinstance(value, list):
        return "một danh sách"
    text = str(value)
    return f"'{text[:40]}…'" if len(text) > 40 else f"'{text}'"


def _unknown_key(model: type[BaseModel], loc: tuple) -> str:
    message = f"tên `{loc[-1]}` không dùng được ở đây."
    close = _suggestion(model, loc)
    fields = _fields_at(model, loc[:-1])
    if close:
        message += f" Có phải ý bạn là `{close}`?"
    elif fields:
        message += f" Các tên dùng được: {', '.join(fields)}."
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
