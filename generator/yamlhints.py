"""Typing mistakes in data files, found from the source lines and told in a clerk's words.

A syntax error is placed at its probable cause (a Tab, an unclosed quote, a forgotten ``- ``, a
block not indented, Word's curly quotes) rather than where the parser gave up; text the parser
would drop silently (a paragraph cut at `` #``) is found from the line it was on. No message
names the file format or its terms: the fix is said in words, often "viết đoạn này trong khối
``text: |``".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import yaml

BLOCK_FIX = "viết đoạn này trong khối `text: |`"
QUOTE_FIX = "đặt cả đoạn trong ngoặc kép thẳng \"…\""
TAB = ("dòng này thụt lề bằng phím Tab; chỉ được thụt lề bằng dấu cách. Hãy thay Tab bằng "
       "hai dấu cách.")
_TAB_INDENT = re.compile(r"^[ ]*(?:-[ ]+)*[ ]*\t")
_TEXT_KEYS = {"paragraphs", "intro", "text", "closing", "title", "heading", "recipients", "notes"}
"""Fields holding a clerk's sentences: a `` #`` there is never meant as a comment."""


def tab_lines(lines: list[str]) -> list[tuple[int, int, str]]:
    """Return (line, column, message) for every line indented with a Tab."""
    found = []
    for number, line in enumerate(lines, 1):
        match = _TAB_INDENT.match(line)
        if match:
            found.append((number, match.end(), TAB))
    return found


def comment_cut(node: yaml.ScalarNode, lines: list[str], path: tuple) -> tuple | None:
    """Return (line, column, message) when a text value ends where a `` #`` comment begins."""
    if node.style or not any(part in _TEXT_KEYS for part in path if
                                         isinstance(part, str)):
        return None
    end = node.end_mark
    if end.line >= len(lines):
        return None
    rest = lines[end.line][end.column:]
    match = re.match(r"\s+#", rest)
    if not match or not _looks_like_text(rest[match.end():], match.end() - 1, path):
        return None
    lost = rest[match.end() - 1:].rstrip()
    return end.line + 1, end.column + match.end(), (
        f"dấu '#' đứng sau một dấu cách được hiểu là mở đầu ghi chú, nên phần \"{lost}\" bị bỏ "
        f"đi và không được in. Hãy {BLOCK_FIX}, hoặc {QUOTE_FIX}.")


def _looks_like_text(after: str, spaces: int, path: tuple) -> bool:
    """Return True when what follows `` #`` is text (``#12``), not a comment a clerk wrote.

    A comment is ``# lời ghi`` with a space after the ``#``, and after a paragraph it is set
    apart by two spaces or more.
    """
    if re.match(r"\s*baocao\s*:", after):  # a suppression comment (generator.checks.suppress)
        return False
    if after[:1] not in ("", " "):
        return True
    return spaces == 1 and "paragraphs" in path and bool(after.strip())


def explain_syntax(lines: list[str], exc: yaml.MarkedYAMLError,
                   quoted: list) -> tuple[int, int, str]:
    """Return (line, column, message) for a syntax error in a file of `lines`.

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
    cause = cause or _line_shape(lines, context)
    for number in sorted({min(context, line), line}):
        cause = cause or _line_mistake(lines[number - 1] if lines else "", number,
                                       col if number == line else 0)
    return cause or (line, col, _hint_for(exc))


_QUOTE_HINT = ("nếu đoạn văn có dấu ngoặc kép bên trong, hãy viết \\\" trong \"…\", hoặc bao cả "
               "đoạn bằng dấu nháy đơn '…' (khi đó nháy đơn bên trong viết thành ''), hoặc "
               f"{BLOCK_FIX}.")
_VALUE_START = re.compile(r"^\s*(?:-\s+)*(?:[\w.-][\w .-]*:\s+)?(?=\S)")
_STARTS = [
    ("*&", ("đoạn văn bắt đầu bằng '{c}' (chữ đậm **…**, nghiêng *…*) thì phải đặt cả đoạn "
            "trong ngoặc kép: - \"**Kết quả**: …\", hoặc " + BLOCK_FIX + ".")),
    ("[{", ("đoạn văn bắt đầu bằng '{c}' bị hiểu là một danh sách viết trên một dòng. "
            "Hãy " + BLOCK_FIX + ", hoặc " + QUOTE_FIX + ".")),
    ("`@%|>!", "đoạn văn không được bắt đầu bằng '{c}'. Hãy " + BLOCK_FIX + ", hoặc " + QUOTE_FIX
     + "."),
]
CURLY = ("đoạn văn mở bằng dấu ngoặc kép kiểu Word “ nên không được coi là dấu bao đoạn, và dấu "
         "': ' bên trong làm hỏng dòng này. Hãy " + BLOCK_FIX + ", hoặc thay “ ” ở hai đầu bằng "
         "ngoặc kép thẳng \"…\".")


def _unclosed_quote(lines: list[str], line: int, quoted: list):
    """Return (line, column, message) if the last quote before `line` looks unclosed or misused."""
    if not quoted:
        return None
    start, end = quoted[0].start_mark, quoted[0].end_mark
    if start.line + 1 < line <= end.line + 2:
        return start.line + 1, start.column + 1, (
            f"dấu ngoặc mở ở đây có lẽ chưa được đóng (đọc tiếp tới dòng {line} mới thấy lỗi). "
            "Hãy thêm dấu đóng ở cuối đoạn văn.")
    rest = lines[line - 1][end.column:].strip() if end.line + 1 == line else ""
    if rest and rest[0] not in ",:#]}":
        return line, end.column + 1, "còn chữ sau dấu ngoặc đóng; " + _QUOTE_HINT
    return None


_BLOCK_OPEN = re.compile(r"^(\s*)(?:-\s+)?([\w.-]+):\s*[|>][-+0-9]*\s*(?:#.*)?$")


def _line_shape(lines: list[str], number: int):
    """Return (line, column, message) for a line that lost its place: no ``- `` or no indent."""
    if not 0 < number <= len(lines):
        return None
    current = lines[number - 1]
    indent = len(current) - len(current.lstrip(" "))
    previous = _previous_line(lines, number)
    if previous is None or not current.strip() or current.lstrip().startswith(("-", "#")):
        return None
    opened = _BLOCK_OPEN.match(previous)
    if opened and indent <= len(opened.group(1)):
        key = opened.group(2)
        return number, indent + 1, (
            f"các dòng của khối `{key}: |` phải thụt vào so với chữ `{key}` (hai dấu cách ở đầu "
            "mỗi dòng); dòng này chưa thụt vào nên không thuộc khối. Hãy thêm hai dấu cách ở "
            "đầu mỗi dòng của khối.")
    item = re.match(r"^(\s*)-\s", previous)
    if item and len(item.group(1)) == indent and not re.search(r":(\s|$)", current):
        return number, indent + 1, (
            "dòng này thiếu dấu '- ' ở đầu: mỗi đoạn của danh sách bắt đầu bằng '- ' thẳng cột "
            f"với các đoạn trên. Hãy thêm '- ' trước chữ đầu tiên, hoặc {BLOCK_FIX}.")
    return None


def _previous_line(lines: list[str], number: int) -> str | None:
    for index in range(number - 2, -1, -1):
        if lines[index].strip() and not lines[index].lstrip().startswith("#"):
            return lines[index]
    return None


def _line_mistake(current: str, line: int, col: int):
    """Return (line, column, message) of a common mistake on `current`, or None."""
    indent = current[: len(current) - len(current.lstrip())]
    if "\t" in indent or (col and current[col - 1:col] == "\t"):
        return line, current.index("\t") + 1, TAB
    start = _VALUE_START.match(current)
    char = current[start.end()] if start else ""
    if char == "“" and ": " in current[start.end():]:
        return line, start.end() + 1, CURLY
    for chars, message in _STARTS:
        if char and char in chars:
            return line, start.end() + 1, message.format(c=char)
    if re.match(r"\s*-[^\s-]", current):
        return line, current.index("-") + 2, "sau dấu '-' của mỗi mục phải có một dấu cách."
    return None


_SYNTAX_HINTS = [
    ("mapping values are not allowed",
     ("có dấu ':' theo sau là dấu cách nên dòng này bị hiểu là 'tên: giá trị'. Hãy "
      f"{QUOTE_FIX} (với đoạn văn của một phần, có thể {BLOCK_FIX}).")),
    ("end of stream", "dấu ngoặc mở nhưng chưa được đóng. Hãy thêm dấu đóng ở cuối đoạn văn."),
    ("unknown escape character",
     ("trong đoạn đặt trong ngoặc kép, dấu '\\' phải đi cùng một ký tự hợp lệ; "
      "hãy viết '\\\\' nếu muốn có chính dấu '\\'.")),
    ("did not find expected key",
     "thụt lề không thẳng hàng với các dòng trên, hoặc thiếu dấu ':' sau một tên như `owner`."),
    ("did not find expected '-' indicator",
     "thụt lề của danh sách không thẳng hàng: mỗi mục phải bắt đầu bằng '- ' ở cùng một cột."),
    ("duplicate anchor", "cùng một nhãn '&' được đặt hai lần."),
    ("undefined alias", "bí danh '*' trỏ tới một nhãn '&' chưa được đặt."),
    ("could not find expected ':'",
     "thiếu dấu ':' sau một tên, hoặc dấu ngoặc kép chưa đóng ở dòng trước."),
    ("expected ',' or", ("danh sách viết trong '[…]' hoặc '{…}' chưa được đóng, "
                         "hoặc thiếu dấu ',' giữa các phần tử.")),
]


def _hint_for(exc: yaml.MarkedYAMLError) -> str:
    problem = f"{exc.context or ''} {exc.problem or ''}"
    for needle, hint in _SYNTAX_HINTS:
        if needle in problem:
            return hint
    return ("không đọc được chỗ này. Hãy kiểm tra thụt lề và dấu ngoặc kép; nếu đây là đoạn "
            f"văn, hãy {BLOCK_FIX}, hoặc {QUOTE_FIX}.")
