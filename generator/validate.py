"""Check loaded YAML against the input models and report, in Vietnamese, every problem found.

Each pydantic error becomes a located diagnostic: file, line and column from the source map, the
field path, what was expected and what was found. Unknown keys get a "did you mean" suggestion.
"""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.diagnostics import Diagnostics
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
    """Return `source.data` as a `model`, or None after reporting every problem it has."""
    try:
        return model.model_validate(source.data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            _report(source, model, error, diagnostics)
        return None


def _report(source: SourceFile, model: type[BaseModel], error: dict, diagnostics: Diagnostics):
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        location = source.locate(loc, key=True)
        message = _unknown_key(model, loc)
        code = "schema.unknown-key"
    elif kind == "missing":
        location = source.locate(loc[:-1])
        location = location.with_field(location.field)
        message = f"thiếu trường bắt buộc '{loc[-1]}'."
        code = "schema.missing"
    else:
        location = source.locate(loc)
        message = _value_message(error)
        code = "schema.type" if kind in _EXPECTED else "schema.value"
    diagnostics.error(code, message, location, source.excerpt(location))


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
    key = str(loc[-1])
    fields = _fields_at(model, loc[:-1])
    message = f"trường '{key}' không được hỗ trợ ở đây."
    close = difflib.get_close_matches(key, fields, n=1, cutoff=0.6)
    if close:
        message += f" Có phải ý bạn là '{close[0]}'?"
    elif fields:
        message += f" Các trường hợp lệ: {', '.join(fields)}."
    return message


def _fields_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """Return the field names allowed at `loc` inside `model` (walks nested models)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        field = current.model_fields.get(part)
        current = _model_in(field.annotation) if field else None
    return list(current.model_fields) if current else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found:
            return found
    return None
