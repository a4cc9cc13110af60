"""Characters Word cannot hold: find them, name them for the user, remove or map them.

Text pasted from Word, PDFs and e-mails brings control characters (Word's manual line break
\\v, page breaks, NUL) that XML 1.0 and YAML refuse; an lxml text node would raise on them and
docxtpl's lenient parser would drop them silently (docxtpl issues #594, #634).
"""

from __future__ import annotations

import bisect
import re

# Characters XML 1.0 forbids, the C1 controls YAML refuses, lone surrogates, the private-use
# characters baocao uses internally as markers (U+E000–U+E01F, see generator/ooxml/markers.py), and the Unicode line breaks YAML
# obeys but Notepad does not show (U+0085, U+2028, U+2029). Tab, LF and CR are allowed and
# handled by the text layer.
INVALID_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\ue000-\ue01f\u2028\u2029]")
_TO_SPACE = "\x0b\x0c\x85\u2028\u2029"
"""Invalid characters that separate words, so they become a space rather than nothing."""
_CHAR_NAMES = {
    "\x0b": "ngắt dòng thủ công của Word (\\v)",
    "\x0c": "ngắt trang (\\f)",
    "\x00": "ký tự NUL",
    "\x85": "xuống dòng NEL (U+0085)",
    "\u2028": "ngắt dòng Unicode (U+2028)",
    "\u2029": "ngắt đoạn Unicode (U+2029)",
}
_ESCAPE_HINT = (" Trong ngoặc kép, '\\' và chữ theo sau tạo thành một ký tự điều khiển (như \\b "
                "trong C:\\baocao); muốn có dấu '\\' hãy viết '\\\\'.")


def clean_text(text: str) -> str:
    """Return `text` without characters invalid in Word (line and page breaks become spaces)."""
    return INVALID_CHARS.sub(lambda m: " " if m.group() in _TO_SPACE else "", text)


def blank_invalid(text: str) -> str:
    """Return `text` with each character YAML refuses replaced by a space (offsets unchanged)."""
    return INVALID_CHARS.sub(" ", text)


def invalid_chars_by_line(text: str) -> list[tuple[int, int, str]]:
    """Return (line, column of the first, characters) for each line with invalid characters.

    Lines are counted as editors count them (str.splitlines also splits at \\v, \\f …).
    """
    if not INVALID_CHARS.search(text):
        return []
    starts = [0] + [m.end() for m in re.finditer("\r\n|[\n\r]", text)]
    found: dict[int, list[re.Match]] = {}
    for match in INVALID_CHARS.finditer(text):
        found.setdefault(bisect.bisect_right(starts, match.start()), []).append(match)
    return [(line, matches[0].start() - starts[line - 1] + 1, "".join(m.group() for m in matches))
            for line, matches in found.items()]


def invalid_chars_message(text: str, escaped: bool = False) -> str:
    """Return the Vietnamese warning for the invalid characters of `text`.

    With `escaped`, the text was a double-quoted YAML string, where ``\\b`` in ``C:\\baocao``
    silently makes a control character: say so.
    """
    bad = sorted(set(INVALID_CHARS.findall(text)))
    spaced = [_CHAR_NAMES.get(c, f"U+{ord(c):04X}") for c in bad if c in _TO_SPACE]
    dropped = [_CHAR_NAMES.get(c, f"U+{ord(c):04X}") for c in bad if c not in _TO_SPACE]
    parts = ([f"thay {', '.join(spaced)} bằng dấu cách"] if spaced else []) + \
        ([f"bỏ {', '.join(dropped)}"] if dropped else [])
    return f"đã sửa ký tự Word không dùng được: {'; '.join(parts)}." + \
        (_ESCAPE_HINT if escaped else "")
