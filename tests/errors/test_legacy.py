"""Legacy Vietnamese encodings: complete tables, known strings, and no false alarms."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from generator.legacy import TCVN3, VNI, detect_legacy, is_syllable, legacy_words, to_unicode
from tests.conftest import SAMPLE_DIR, SEED_REFERENCE

TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]  # none, huyền, sắc, hỏi, ngã, nặng
VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
ALL_LETTERS = {unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES} | {"đ"}
"""Every Vietnamese letter that is not plain ASCII, lower case: 12 vowels × 6 tones, and đ."""
ALL_LETTERS -= set("aeiouy")

# Written from the published charts (VNI: base + mark byte; TCVN3: one byte), one per row
# of each chart, independently of the module's tables.
KNOWN = [
    ("Kinh tÕ", TCVN3, "Kinh tế"),
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", TCVN3, "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§¶ng Céng s¶n ViÖt Nam", TCVN3, "Đảng Cộng sản Việt Nam"),
    ("n\xadíc, tr\xadêng ®¹i häc, gióp ®ì, nh÷ng, thÕ kû, mÆt, b»ng, s¾p", TCVN3,
     "nước, trường đại học, giúp đỡ, những, thế kỷ, mặt, bằng, sắp"),
    ("B¸O C¸O KÕT QU¶", TCVN3, "BÁO CÁO KẾT QUẢ"),  # typed in a .VnTimeH capitals font
    ("Kinh teá", VNI, "Kinh tế"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", VNI, "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("ñöôïc thöïc hieän, möôøi, ngöôøi, ñaõ, nhieàu, aên, ò, æ, î", VNI,
     "được thực hiện, mười, người, đã, nhiều, ăn, ị, ỉ, ỵ"),
    ("ÑAÛNG COÄNG SAÛN VIEÄT NAM, ÔÛ, ÖÙ, AÉ, Ò, Î", VNI,
     "ĐẢNG CỘNG SẢN VIỆT NAM, Ở, Ứ, Ắ, Ị, Ỵ"),
]


@pytest.mark.parametrize(("legacy", "encoding", "unicode"), KNOWN)
def test_known_strings_convert(legacy, encoding, unicode):
    assert to_unicode(legacy, encoding) == unicode
    assert detect_legacy(legacy) == encoding


def _tcvn3_bytes() -> str:
    return "".join(map(chr, range(0xA1, 0xFF)))


def test_tcvn3_table_covers_every_lower_case_letter_and_the_seven_capitals():
    converted = set(to_unicode(_tcvn3_bytes(), TCVN3))
    assert ALL_LETTERS | {"Ă", "Â", "Ê", "Ô", "Ơ", "Ư", "Đ"} <= converted


def test_tcvn3_capitals_font_gives_every_capital():
    # Toned capitals have no code: they are the small letters' codes in a .VnTimeH font.
    codes = [c for c in _tcvn3_bytes() if to_unicode(c, TCVN3) in ALL_LETTERS]
    converted = {to_unicode("AB" + c, TCVN3)[2:] for c in codes}
    assert converted == {letter.upper() for letter in ALL_LETTERS}


def test_vni_gives_every_letter_in_both_cases():
    marks = "".join(map(chr, range(0xC0, 0x100)))
    produced = set()
    for base in "aeiouyAEIOUY" + marks:
        for mark in marks:
            produced |= set(to_unicode(base + mark, VNI))
    expected = ALL_LETTERS | {letter.upper() for letter in ALL_LETTERS}
    assert expected <= produced


def test_conversion_leaves_other_characters_alone():
    assert to_unicode("Số 05-BC/TU, 90,87% [^1] **đậm**", VNI) == "Số 05-BC/TU, 90,87% [^1] **đậm**"
    with pytest.raises(ValueError):
        to_unicode("x", "viscii")


def test_the_sample_report_gives_no_detection():
    for path in sorted(SAMPLE_DIR.rglob("*.yaml")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            assert detect_legacy(line) is None, f"{path.name}:{number}: {line[:80]}"


def test_the_seed_report_gives_no_detection():
    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict | list):
            for item in value.values() if isinstance(value, dict) else value:
                yield from strings(item)

    texts = list(strings(json.loads(SEED_REFERENCE.read_text("utf-8"))))
    assert sum(map(len, texts)) > 50_000
    assert [text[:80] for text in texts if detect_legacy(text)] == []


@pytest.mark.parametrize("text", [
    "Zürich, café, São Paulo, Müller, España, København, Ørsted, Ångström, naïve, Noël",
    "Hội nghị COP28 tại Dubai; Đại sứ quán Đức; ông Jürgen Müller phát biểu.",
    "§ 3 khoản 2; ½ số phiếu; nhiệt độ 25°C ± 2; giá 100 € ; © 2024; «Đổi mới»",
    "Tỉnh ủy chỉ đạo: có, là, và, về, hoà, toà, khoá, quý, thuý, thúy, Ðảng (chữ Ð Iceland)",
    "HĐND, UBND, TP.HCM, ĐBSCL, COVID-19, e-Government, iPhone",
])
def test_real_unicode_text_is_not_flagged(text):
    assert detect_legacy(text) is None


def test_one_legacy_sentence_pasted_into_a_unicode_paragraph_is_flagged():
    text = "Tỉnh ủy đã chỉ đạo quyết liệt. Kinh tÕ tØnh tiÕp tôc t¨ng tr­ëng kh¸."
    assert detect_legacy(text) == TCVN3
    assert legacy_words(text, TCVN3)[0] == "tÕ"


@pytest.mark.parametrize("word", ["nghiêng", "Đảng", "KẾT", "quốc", "giữ", "gìn", "hoà", "hòa",
                                  "khuỷu", "người", "huỳnh", "quýt", "oái", "ươm"])
def test_is_syllable_accepts_vietnamese(word):
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["tÕ", "teá", "teỏ", "hoµ", "Zürich", "HĐND"])
def test_is_syllable_refuses_the_rest(word):
    assert not is_syllable(word)


def test_module_docstring_names_its_sources():
    import generator.legacy as module

    assert "TCVN 5712:1993" in module.__doc__ and "VNI" in module.__doc__
    assert Path(module.__file__).stat().st_size < 20_000
