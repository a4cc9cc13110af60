"""Text typed in the legacy Vietnamese encodings TCVN3 and VNI: detection and conversion.

Text typed with a
legacy font (``.VnTime``, ``VNI-Times`` …) and pasted into a Unicode file
arrives as Latin-1 look-alikes: ``Kinh tÕ`` (TCVN3) or ``Kinh teá`` (VNI) for ``Kinh tế``.

Sources of the tables (written from the standards' code charts, not from other programs):

- TCVN3 is VN3, the smallest of the three 8-bit sets of TCVN 5712:1993 ("Bộ mã chuẩn 8-bit kí
  tự Việt dùng trong trao đổi thông tin"), used by the ABC fonts ``.VnTime``/``.VnArial``. It
  keeps ASCII and adds, in 0xA1–0xFE, the 7 capitals Ă Â Ê Ô Ơ Ư Đ and 67 small letters: every
  vowel with every tone, plus đ. Toned capitals have no code of their own: they are typed with
  the small letter's code in a capitals font (``.VnTimeH``); `to_unicode` restores them when the
  whole text is written in capitals. Code points are listed in `_TCVN3_CHART` below, ordered
  as in the standard's chart.
- VNI-Windows is the VNI Software Company's font encoding (``VNI-Times`` …). Each toned vowel
  is the base letter followed by one byte that draws the marks (``a`` + ``ù`` = ``á``, ``e`` +
  ``á`` = ``ế``); ơ, ư, đ and the toned i and ỵ have single bytes. Capitals use the capital
  forms of the mark bytes (``A`` + ``Ù`` = ``Á``). The marks are in `_VNI_MARKS`.

Both tables were checked letter by letter against the published comparison charts of Vietnamese
encodings (Unicode, VNI, TCVN3, VISCII, VIQR) and against well-known sample strings, see
tests/errors/test_legacy.py.

The detector works per word: a word is legacy when it is not a Vietnamese syllable as it stands
but becomes one once converted. Real Unicode Vietnamese is always a valid syllable (so it is
never flagged), and foreign words like ``Zürich`` or ``café`` do not turn into syllables.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TCVN3 = "tcvn3"
VNI = "vni"
NAMES = {TCVN3: "TCVN3 (ABC, phông .VnTime)", VNI: "VNI-Windows (phông VNI-Times)"}
"""How messages name each encoding."""

# TCVN 5712:1993 VN3, 0xA1–0xFE: "code letter" pairs, vowel by vowel, tones in the chart's order.
_TCVN3_CHART = """
A1 Ă  A2 Â  A3 Ê  A4 Ô  A5 Ơ  A6 Ư  A7 Đ  A8 ă  A9 â  AA ê  AB ô  AC ơ  AD ư  AE đ
B5 à  B6 ả  B7 ã  B8 á  B9 ạ   BB ằ  BC ẳ  BD ẵ  BE ắ  C6 ặ   C7 ầ  C8 ẩ  C9 ẫ  CA ấ  CB ậ
CC è  CE ẻ  CF ẽ  D0 é  D1 ẹ   D2 ề  D3 ể  D4 ễ  D5 ế  D6 ệ
D7 ì  D8 ỉ  DC ĩ  DD í  DE ị
DF ò  E1 ỏ  E2 õ  E3 ó  E4 ọ   E5 ồ  E6 ổ  E7 ỗ  E8 ố  E9 ộ   EA ờ  EB ở  EC ỡ  ED ớ  EE ợ
EF ù  F1 ủ  F2 ũ  F3 ú  F4 ụ   F5 ừ  F6 ử  F7 ữ  F8 ứ  F9 ự
FA ỳ  FB ỷ  FC ỹ  FD ý  FE ỵ
"""
_TCVN3 = str.maketrans({chr(int(code, 16)): letter
                        for code, letter in re.findall(r"([0-9A-F]{2}) (\S)", _TCVN3_CHART)})

# VNI-Windows: the byte after a base vowel that adds its marks (lower-case forms; capitals are
# the same bytes minus 0x20). Key: the marks it draws, in Unicode combining characters.
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"
_VNI_MARKS = {
    "\xf8": _GRAVE, "\xf9": _ACUTE, "\xfb": _HOOK, "\xf5": _TILDE, "\xef": _DOT,
    "\xe2": _CIRCUMFLEX, "\xe0": _CIRCUMFLEX + _GRAVE, "\xe1": _CIRCUMFLEX + _ACUTE,
    "\xe5": _CIRCUMFLEX + _HOOK, "\xe3": _CIRCUMFLEX + _TILDE, "\xe4": _CIRCUMFLEX + _DOT,
    "\xea": _BREVE, "\xe8": _BREVE + _GRAVE, "\xe9": _BREVE + _ACUTE,
    "\xfa": _BREVE + _HOOK, "\xfc": _BREVE + _TILDE, "\xeb": _BREVE + _DOT,
}
# Single bytes: ơ ư đ, the toned i (which has no room for a second byte) and ỵ.
_VNI_SINGLE = {"\xf4": "ơ", "\xf6": "ư", "\xf1": "đ", "\xec": "ì", "\xed": "í", "\xe6": "ỉ",
               "\xf3": "ĩ", "\xf2": "ị", "\xee": "ỵ"}


def _vni_tables() -> tuple[dict[str, str], dict[str, str]]:
    """Return (two-character sequences, single characters) → Unicode letter, both cases."""
    pairs: dict[str, str] = {}
    for mark, combining in _VNI_MARKS.items():
        # ă is only a + breve, â ê ô only take a circumflex; i has no pairs (single bytes).
        bases = "a" if _BREVE in combining else "aeo" if _CIRCUMFLEX in combining else "aeouyôö"
        for base in bases:
            lower = unicodedata.normalize("NFC", _VNI_SINGLE.get(base, base) + combining)
            pairs[base + mark] = lower
            pairs[base.upper() + _capital(mark)] = lower.upper()
    singles = dict(_VNI_SINGLE)
    singles.update({_capital(byte): letter.upper() for byte, letter in _VNI_SINGLE.items()})
    return pairs, singles


def _capital(byte: str) -> str:
    """Return the capital form of a VNI mark byte: the same glyph drawn for capitals."""
    return chr(ord(byte) - 0x20)


_VNI_PAIRS, _VNI_SINGLES = _vni_tables()
_VNI_TOKEN = re.compile("|".join(map(re.escape, _VNI_PAIRS)) + "|[" + "".join(_VNI_SINGLES) + "]")
"""A two-character sequence first (``ôø`` is ờ), else a single byte (``ô`` is ơ)."""
ENCODINGS = (TCVN3, VNI)

def to_unicode(text: str, encoding: str) -> str:
    """Return `text`, typed in the legacy `encoding` (``"tcvn3"`` or ``"vni"``), as Unicode NFC.

    Characters that are not part of the encoding are kept as they are. TCVN3 text whose letters
    are all capitals (typed in a ``.VnTimeH`` capitals font) comes back in capitals.
    """
    if encoding == TCVN3:
        out = text.translate(_TCVN3)
        letters = [c for c in text if c.isascii() and c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            out = out.upper()
    elif encoding == VNI:
        out = _VNI_TOKEN.sub(lambda m: _VNI_PAIRS.get(m.group()) or _VNI_SINGLES[m.group()], text)
    else:
        raise ValueError(f"unknown legacy encoding {encoding!r}")
    return unicodedata.normalize("NFC", out)


def font_encoding(font: str | None) -> str | None:
    """Return ``tcvn3`` for the ABC fonts (``.VnTime``…), ``vni`` for ``VNI-…`` fonts, else None."""
    name = (font or "").strip().lower()
    if name.startswith(".vn"):
        return TCVN3
    if name.startswith("vni-"):
        return VNI
    return None


def font_text(text: str, font: str | None, encoding: str | None = None) -> str:
    """Return the text a run in `font` shows, as Unicode: converted where the font is legacy.

    `encoding` overrides the font's (a run whose legacy font is set by a style the reader does
    not see). A ``.VnTimeH``-style capitals font draws TCVN3's lower-case codes as capitals.
    U+00AD is TCVN3's ư; in any other text it is a soft hyphen, which prints nothing: dropped.
    """
    encoding = encoding or font_encoding(font)
    if encoding is None:
        return text.replace("\u00ad", "")
    out = to_unicode(text, encoding)
    capitals = encoding == TCVN3 and (font or "").strip().lower().endswith("h")
    return out.upper() if capitals else out


def detect_legacy(text: str) -> str | None:
    """Return ``"tcvn3"`` or ``"vni"`` if `text` looks typed in that encoding, else None."""
    found = _scan(text)
    return found[0] if found else None


def legacy_words(text: str, encoding: str) -> list[str]:
    """Return the words of `text` that are legacy `encoding` text, in order."""
    index = ENCODINGS.index(encoding)
    words = _CANDIDATE_WORD.findall(unicodedata.normalize("NFC", text))
    return [word for word in words if _verdict(word)[index]]


def _scan(text: str) -> tuple[str, int] | None:
    """Return (encoding, number of legacy words) for the likelier encoding, or None."""
    if not _CANDIDATE.search(text):
        return None
    text = unicodedata.normalize("NFC", text)
    counts = [0] * len(ENCODINGS)
    for word in _CANDIDATE_WORD.findall(text):
        for index, legacy in enumerate(_VERDICTS.get(word) or _verdict(word)):
            counts[index] += legacy
    best = max(range(len(ENCODINGS)), key=counts.__getitem__)
    # A paragraph already in Unicode needs more than one odd word to be called legacy.
    needed = 2 if _VIETNAMESE_ONLY.search(text) else 1
    return (ENCODINGS[best], counts[best]) if counts[best] >= needed else None


_CANDIDATE = re.compile("[\xa1-\xfe]")
_CANDIDATE_WORD = re.compile("[A-Za-z\xa1-\xff\u0300-\u036f]*[\xa1-\xfe][A-Za-z\xa1-\xff\u0300-\u036f]*")
"""A word as legacy text has it (ASCII letters and Latin-1), holding a Latin-1 character.

Letters only Unicode Vietnamese has (ư, ế …) end the word: no legacy text contains them."""
_VIETNAMESE_ONLY = re.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1"
                              "\u01af\u01b0\u1ea0-\u1ef9]")
"""Letters of Unicode Vietnamese that no legacy text contains."""
_VERDICTS: dict[str, tuple[bool, ...]] = {}
"""Per word, whether it is legacy text in each of `ENCODINGS` (a plain dict: this is the hot
loop of loading a report)."""


def _verdict(word: str) -> tuple[bool, ...]:
    """Return, for each of `ENCODINGS`, whether `word` is legacy text in it (cached)."""
    if len(_VERDICTS) > 50_000:
        _VERDICTS.clear()
    valid = not any(c.isascii() for c in word) or is_syllable(word)
    _VERDICTS[word] = verdict = tuple(not valid and _becomes_syllable(word, e) for e in ENCODINGS)
    return verdict


def _becomes_syllable(word: str, encoding: str) -> bool:
    converted = to_unicode(word, encoding)
    return converted != word and is_syllable(converted, strict_case=False)


# Vietnamese orthography: an onset, then a rhyme (vần) from this list, with at most one tone.
_ONSET_TABLE = "ngh ng gh gi kh nh ph qu q th tr ch b c d đ g h k l m n p r s t v x"
_RHYME_TABLE = """
a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây
e ec em en eng eo ep et ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
o oc oi om on ong op ot oong ooc ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt
oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oem oen oeo oet
u uc ui um un ung up ut ua uôc uôi uôm uôn uông uôt uân uâng uât uây uê uêch uênh uơ
uy uya uych uyên uyêt uynh uyt uyu
ư ưc ưi ưm ưn ưng ưt ưu ưa ươc ươi ươm ươn ương ươp ươt ươu
y yêm yên yêng yêt yêu
"""
_ONSETS = [*_ONSET_TABLE.split(), ""]
_RHYMES = set(_RHYME_TABLE.split())
_TONE_MARKS = {_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT}


@lru_cache(maxsize=8192)
def is_syllable(word: str, strict_case: bool = True) -> bool:
    """Return True if `word` is one Vietnamese syllable (``nghiêng``, ``Đảng``, ``KẾT``).

    The tone must sit on a vowel that can carry it (old ``hoà`` and new ``hòa`` styles both
    pass). With `strict_case`, only lower case, capitals and a capital initial are accepted.
    """
    if strict_case and not (word.islower() or word.isupper() or word.istitle()):
        return False
    bare, toned = _strip_tones(word.lower())
    if len(toned) > 1:
        return False
    for onset in _ONSETS:
        rhyme = bare[len(onset):]
        if bare.startswith(onset) and rhyme in _RHYMES and (
                not toned or toned[0] - len(onset) in _tone_places(rhyme)):
            return True
    return False


def _strip_tones(word: str) -> tuple[str, list[int]]:
    """Return `word` without tone marks and the indexes of the letters that had one."""
    letters, toned = [], []
    for index, char in enumerate(unicodedata.normalize("NFC", word)):
        parts = unicodedata.normalize("NFD", char)
        bare = "".join(c for c in parts if c not in _TONE_MARKS)
        if bare != parts:
            toned.append(index)
        letters.append(unicodedata.normalize("NFC", bare))
    return "".join(letters), toned


@lru_cache(maxsize=256)
def _tone_places(rhyme: str) -> set[int]:
    """Return where in `rhyme` the tone may go (Vietnamese spelling rules)."""
    marked = [i for i, c in enumerate(rhyme) if c in "ăâêôơư"]
    if marked:
        return {marked[-1]}  # the vowel with a diacritic; ơ in ươ
    vowels = len(re.match("[aeiouy]*", rhyme).group())
    if vowels < len(rhyme):
        return {vowels - 1}  # a final consonant: the last vowel (hoàng, quýt)
    if rhyme in ("oa", "oe", "uy"):
        return {0, 1}  # old (hòa) and new (hoà) placement
    return {1} if vowels == 3 else {0}  # ngoài, khuỷu; mía, máy, múa
