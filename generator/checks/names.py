"""Names in running text: two capitalised words in a row, or one after a place noun."""

from __future__ import annotations

import re

_NEIGHBOUR_BEFORE = re.compile(r"([^\W\d_]+) $")
PLACE_NOUNS = frozenset({
    "sông", "suối", "núi", "đèo", "hồ", "đầm", "cầu", "chợ", "đường", "phố", "phường", "xã",
    "thôn", "bản", "ấp", "xóm", "làng", "buôn", "sóc", "khóm", "tổ", "huyện", "quận", "tỉnh",
    "thị", "trấn", "xứ", "vịnh", "đảo", "mũi", "kênh", "rạch", "cồn", "cù", "lao",
})
"""Words a place name follows (sông Gâm, thôn Moòng, xã Tả Phìn)."""
_NEIGHBOUR_AFTER = re.compile(r" ([^\W\d_]+)")


def in_name(text: str, start: int, end: int, *, after_place_noun: bool = True) -> bool:
    """Return True if the capitalised word ``text[start:end]`` stands beside another one.

    Two capitalised words in a row are a name (Hiệp Hòa, thôn Nậm Moòng): their syllables are
    not reported as unknown or off-style. A word in capitals (a heading) is no name. With
    `after_place_noun`, one capitalised word after ``sông``, ``xã`` … is a name too (sông Gâm);
    not for the tone placement, which is the writer's even there (tỉnh Khoá XVII).
    """
    word = text[start:end]
    if not word[:1].isupper() or word.isupper() and len(word) > 1:
        return False
    before = _NEIGHBOUR_BEFORE.search(text, max(0, start - 40), start)
    after = _NEIGHBOUR_AFTER.match(text, end)
    if after_place_noun and before and before.group(1) in PLACE_NOUNS:
        return True
    return any(m and m.group(1)[0].isupper() and not m.group(1).isupper()
               for m in (before, after))


def is_abbreviation(text: str, start: int, end: int) -> bool:
    """Return True for a word in capitals amid ordinary text (ĐYC, UBMTTQ): an abbreviation.

    In a heading in capitals (KẾ HOẠCH THỰC HIỆN) a neighbour is in capitals too, and the word
    is spelled like any other.
    """
    word = text[start:end]
    if len(word) < 2 or not word.isupper():
        return False
    before = _NEIGHBOUR_BEFORE.search(text, max(0, start - 40), start)
    after = _NEIGHBOUR_AFTER.match(text, end)
    return not any(m and m.group(1).isupper() for m in (before, after))
