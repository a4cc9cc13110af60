"""How wide a line of Times New Roman Bold is, so a rule can be exactly as long as its text.

Advance widths in font units (2048 per em) of Liberation Serif Bold 2.1.5, read from its
``hmtx`` table via the ``cmap``. Liberation Serif is metric-compatible with Times New Roman, so
these are TNR Bold's advances too; a precomposed Vietnamese letter (Ả, Ệ, Ộ …) shares the
advance of its base letter, Đ/đ that of D/d. Kerning is ignored: Word does not kern unless
``w:kern`` is set, and kerning would only make the text narrower.
"""

from __future__ import annotations

import unicodedata

_ADVANCES = {
    " ": 512, "-": 682, "*": 1024, "/": 569, ".": 512, ",": 512, ":": 682, "(": 682, ")": 682,
    "a": 1024, "b": 1139, "c": 909, "d": 1139, "e": 909, "f": 682, "g": 1024, "h": 1139,
    "i": 569, "j": 682, "k": 1139, "l": 569, "m": 1706, "n": 1139, "o": 1024, "p": 1139,
    "q": 1139, "r": 909, "s": 797, "t": 682, "u": 1139, "v": 1024, "w": 1479, "x": 1024,
    "y": 1024, "z": 909, "A": 1479, "B": 1366, "C": 1479, "D": 1479, "E": 1366, "F": 1251,
    "G": 1593, "H": 1593, "I": 797, "J": 1024, "K": 1593, "L": 1366, "M": 1933, "N": 1479,
    "O": 1593, "P": 1251, "Q": 1593, "R": 1479, "S": 1139, "T": 1366, "U": 1479, "V": 1479,
    "W": 2048, "X": 1479, "Y": 1479, "Z": 1366,
}
_UNITS_PER_EM = 2048
_BASE = {"Đ": "D", "đ": "d", "Ư": "U", "ư": "u", "Ơ": "O", "ơ": "o"}
# Ư/Ơ are a little wider than U/O (the horn); that only shortens the rule by a hair.


def _advance(char: str) -> int:
    base = _BASE.get(char) or unicodedata.normalize("NFD", char)[0]
    return _ADVANCES[_BASE.get(base, base)]


def bold_width(text: str, size_pt: float) -> float:
    """Return the width of `text` in TNR Bold at `size_pt`, in twips (1 pt = 20 twips)."""
    return sum(_advance(char) for char in text) / _UNITS_PER_EM * size_pt * 20
