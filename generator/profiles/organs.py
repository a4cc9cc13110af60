"""Today's organs: how a header names them, their symbol, how a sentence names them.

Kinds of organ are recognised by the first words of their name (``ĐẢNG ỦY PHƯỜNG …``); a
staff body (``BAN TỔ CHỨC``) takes its symbol and its sentence name from the cấp ủy above it
(``THÀNH ỦY CẦN THƠ`` → ``BTCTU``, "Ban Tổ chức Thành ủy"). regime-2026.md §3.2–3.3.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.profiles.provinces import spelling_key

LEVEL_WORDS = ("ĐẶC KHU", "THÀNH PHỐ", "KHU PHỐ", "PHƯỜNG", "XÃ", "THÔN", "ẤP", "TỈNH",
               "HUYỆN", "QUẬN", "THỊ XÃ", "BẢN", "TỔ DÂN PHỐ")
"""Words naming the level of a place; a sentence writes them in lower case (``phường``)."""


@dataclass(frozen=True)
class Kind:
    prefix: str
    """First words of the name, capitals: ``ĐẢNG ỦY``."""
    symbol: str
    """Issuer symbol in the number: ``ĐU``."""
    sentence: str
    """How a sentence starts naming it: ``Đảng ủy``."""
    keep_place: bool = True
    """The sentence name goes on with the place (``Đảng ủy phường Ninh Kiều``); a tỉnh ủy's
    sentences say only "Tỉnh ủy"."""


KINDS = (
    Kind("TỈNH ỦY", "TU", "Tỉnh ủy", keep_place=False),
    Kind("THÀNH ỦY", "TU", "Thành ủy", keep_place=False),  # no "ThU": HD05 I.3.1.2b
    Kind("ĐẢNG ỦY", "ĐU", "Đảng ủy"),
    # Before 01/7/2025 only (HD36 documents); organ.obsolete warns about them after.
    Kind("HUYỆN ỦY", "HU", "Huyện ủy", keep_place=False),
    Kind("QUẬN ỦY", "QU", "Quận ủy", keep_place=False),
    Kind("THỊ ỦY", "TU", "Thị ủy", keep_place=False),
    Kind("CHI BỘ", "CB", "Chi bộ"),
    Kind("ỦY BAN NHÂN DÂN", "UBND", "Ủy ban nhân dân"),
    Kind("HỘI ĐỒNG NHÂN DÂN", "HĐND", "Hội đồng nhân dân"),
)
STAFF = (
    Kind("BAN TỔ CHỨC", "BTC", "Ban Tổ chức"),
    Kind("BAN TUYÊN GIÁO VÀ DÂN VẬN", "BTGDV", "Ban Tuyên giáo và Dân vận"),
    Kind("BAN NỘI CHÍNH", "BNC", "Ban Nội chính"),
    Kind("BAN XÂY DỰNG ĐẢNG", "BXDĐ", "Ban Xây dựng Đảng"),
    Kind("ỦY BAN KIỂM TRA", "UBKT", "Ủy ban Kiểm tra"),
    Kind("VĂN PHÒNG", "VP", "Văn phòng"),
)
"""Staff bodies of a cấp ủy (HD05 abbreviations: BTCTU, BTGDVTU, BNCTU, UBKTTU, VPTU, VPĐU)."""


def _kind(name: str, kinds: tuple[Kind, ...]) -> tuple[Kind, str] | None:
    """Return the kind `name` starts with and the rest of the name, or None."""
    key = spelling_key(name)
    for kind in kinds:
        prefix = spelling_key(kind.prefix)
        if key == prefix or key.startswith(prefix + " "):
            return kind, " ".join(name.split()[len(kind.prefix.split()):])
    return None


def symbol(name: str, parent: str | None) -> str | None:
    """Return the issuer symbol of the organ `name` under `parent`, or None if unknown."""
    staff = _kind(name, STAFF)
    if staff is not None and parent:
        above = _kind(parent, KINDS)
        return staff[0].symbol + above[0].symbol if above else None
    found = _kind(name, KINDS)
    return found[0].symbol if found else None


def sentence_name(name: str, parent: str | None) -> str | None:
    """Return how a sentence names the organ, in full: "Ban Tuyên giáo và Dân vận Thành ủy".

    None when the kind of organ is not known (the caller falls back on the whole name).
    """
    staff = _kind(name, STAFF)
    if staff is not None and parent:
        above = _kind(parent, KINDS)
        return f"{staff[0].sentence} {above[0].sentence}" if above else staff[0].sentence
    found = _kind(name, KINDS)
    if found is None:
        return None
    kind, rest = found
    return f"{kind.sentence} {place_phrase(rest)}" if kind.keep_place and rest else kind.sentence


def place_phrase(text: str) -> str:
    """Return the rest of a name as a sentence writes it.

    After a level word the place is a proper name: ``PHƯỜNG NINH KIỀU`` → ``phường Ninh Kiều``.
    Otherwise it is a common noun phrase: ``KHỐI CƠ QUAN TỈNH`` → ``Khối cơ quan tỉnh``.
    """
    words = text.split()
    level = next((w for w in LEVEL_WORDS if words[:len(w.split())] == w.split()), None)
    if level is None:
        return _title(words[0]) + "".join(" " + word.lower() for word in words[1:])
    rest = words[len(level.split()):]
    return " ".join([level.lower(), *(_title(word) for word in rest)])


def _title(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


def unit_name(name: str) -> str | None:
    """Return the unit a name ends with, as a place: ``ĐẢNG ỦY PHƯỜNG NINH KIỀU`` → ``Ninh Kiều``.

    A tỉnh ủy / thành ủy names its province after two words; other names after a level word.
    """
    words = name.split()
    found = _kind(name, KINDS)
    if found is not None and found[0].symbol == "TU" and len(words) > 2:
        return " ".join(_title(word) for word in words[2:])
    for index in range(len(words)):
        for level in ("ĐẶC KHU", "THÀNH PHỐ", "PHƯỜNG", "XÃ", "TỈNH"):
            size = len(level.split())
            if words[index:index + size] == level.split() and index + size < len(words):
                return " ".join(_title(word) for word in words[index + size:])
    return None


def split_lines(name: str, after: tuple[str, ...]) -> str:
    """Return `name` with a line break after one of the words `after` (NĐ30's two lines).

    The words are matched in either placement of the tone mark (``UỶ``/``ỦY``) but printed
    as typed in `name`: an organ name is identity, never re-spelled.
    """
    for words in after:
        if spelling_key(name).startswith(spelling_key(words) + " "):
            typed, count = name.split(), len(words.split())
            return " ".join(typed[:count]) + "\n" + " ".join(typed[count:])
    return name


_SPACES = re.compile(r"\s+")


def sentence_case(name: str) -> str:
    """Return a whole name in capitals as a sentence would write it (first letter capital)."""
    text = _SPACES.sub(" ", name.strip()).lower()
    return text[:1].upper() + text[1:]
