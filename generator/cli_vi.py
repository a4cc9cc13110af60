"""Vietnamese for click's own texts (usage, option help, usage errors).

click marks its strings with ``gettext`` (each module does ``from gettext import gettext as _``)
but ships no catalogues. Rather than a compiled .mo catalogue for the process-wide gettext
domain, we point those module-level ``_``/``ngettext`` names at a small table: explicit, testable,
and it affects nothing outside click. Strings missing from the table stay English.
"""

from __future__ import annotations

import importlib
import re

_TEXTS = {
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "Aborted!": "Đã hủy!",
    "Argument {name!r} takes {nargs} values.": "Tham số {name!r} cần {nargs} giá trị.",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "Commands": "Lệnh",
    "Error: {message}": "Lỗi: {message}",
    "Invalid value for {param_hint}: {message}": "{param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Missing argument": "Thiếu tham số",
    "Missing command.": "Thiếu lệnh.",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing {param_type}": "Thiếu {param_type}",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Options": "Tùy chọn",
    "Show the version and exit.": "In phiên bản rồi thoát.",
    "Show this message and exit.": "In hướng dẫn này rồi thoát.",
    "Try '{command} {option}' for help.": "Gõ '{command} {option}' để xem hướng dẫn.",
    "Usage:": "Cách dùng:",
    "argument": "tham số",
    "option": "tùy chọn",
    "parameter": "tham số",
    "default: {default}": "mặc định: {default}",
    "directory": "thư_mục",
    "file": "tệp",
    "path": "đường_dẫn",
    "{name} {filename!r} does not exist.": "không tìm thấy {filename!r}.",
    "{name} {filename!r} is a directory.": "{filename!r} là một thư mục, cần một tệp.",
    "{name} {filename!r} is a file.": "{filename!r} là một tệp, cần một thư mục.",
    "{name} {filename!r} is not readable.": "không đọc được {filename!r}.",
    "{name} {filename!r} is not writable.": "không ghi được {filename!r}.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải {number_type} hợp lệ.",
    "{value!r} is not one of {choices}.": "{value!r} không thuộc {choices}.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng cho phép ({range}).",
    "integer": "số nguyên",
    "required": "bắt buộc",
    "text": "chữ",
    "boolean": "đúng/sai",
    "float": "số thực",
}
_PLURALS = {
    "Got unexpected extra argument ({args})": "Thừa tham số không mong đợi ({args})",
    "Got unexpected extra arguments ({args})": "Thừa các tham số không mong đợi ({args})",
    "{value!r} is not {choice}.": "{value!r} không phải {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} không thuộc {choices}.",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "Tùy chọn {name!r} cần {nargs} giá trị.",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
    "(Possible options: {possibilities})": "(Các tùy chọn có thể: {possibilities})",
}
_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "utils",
            "termui")


def gettext(message: str) -> str:
    """Return the Vietnamese for click's `message` (the English text when unknown)."""
    return _TEXTS.get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Return the Vietnamese singular/plural form of a click message."""
    message = singular if count == 1 else plural
    return _PLURALS.get(message, _TEXTS.get(message, message))


def describe_range(low, high, low_open: bool = False, high_open: bool = False) -> str:
    """Return a number range in words: ``từ 1 trở lên``, ``từ 1930 đến 2100``."""
    if low is None:
        return f"{'nhỏ hơn' if high_open else 'không quá'} {high}"
    if high is None:
        return f"lớn hơn {low}" if low_open else f"từ {low} trở lên"
    return f"{'lớn hơn' if low_open else 'từ'} {low} {'và nhỏ hơn' if high_open else 'đến'} {high}"


_ARGUMENT = r"(?:[^\s,;()]*[-/*_\d][^\s,;()]*|[A-ZĐƯỆ_]{3,})"
_EXAMPLE = re.compile(rf"baocao (?:[a-z][a-z-]*|LỆNH)(?=[ ,.;]|$)(?: {_ARGUMENT})*")
"""A command line quoted in a help text (a command, then options, paths, metavars)."""
_PLACEHOLDER = re.compile(r"<[^<>\n]+>")
"""A path with a part to fill in: ``output/<tên thư mục báo cáo>.docx``."""
_KEEP_SPACE = "\u00a0"
"""Stands for a space that wrapping must not break at (textwrap breaks at ASCII spaces)."""


def keep_examples(wrap):
    """Return `wrap` (click's `wrap_text`) never breaking an example or a path.

    Each ``baocao …`` example and each ``<…>`` placeholder stays on one line; with
    `unbroken_words`, no word is cut at its hyphens or its length.
    """

    def joined(match: re.Match) -> str:
        return match.group().replace(" ", _KEEP_SPACE)

    def wrapped(text: str, *args, **kwargs) -> str:
        text = _PLACEHOLDER.sub(joined, _EXAMPLE.sub(joined, text))
        return wrap(text, *args, **kwargs).replace(_KEEP_SPACE, " ")

    wrapped.keeps_examples = True
    return wrapped


def unbroken_words() -> None:
    """Make click's wrapper keep words whole: a path is never cut at a hyphen or mid-word."""
    from click import _textwrap

    wrapper = _textwrap.TextWrapper
    original = wrapper.__init__

    def init(self, *args, **kwargs):
        kwargs.setdefault("break_long_words", False)
        kwargs.setdefault("break_on_hyphens", False)
        original(self, *args, **kwargs)

    wrapper.__init__ = init


def install() -> None:
    """Make click print its own texts in Vietnamese (idempotent)."""
    from click import formatting, types

    types._NumberRangeBase._describe_range = lambda self: describe_range(
        self.min, self.max, self.min_open, self.max_open)
    if not getattr(formatting.wrap_text, "keeps_examples", False):
        formatting.wrap_text = keep_examples(formatting.wrap_text)
        unbroken_words()
    for name in _MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # a click version without that module
            continue
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
