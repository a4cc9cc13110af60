"""Unit tests: Vietnamese formats (vnformat), inline markup (inline), numbering (resolve)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator import vnformat
from generator.errors import DataError
from generator.inline import anchor_ids, parse_inline, plain_text
from generator.model import Anchor, NoteRef, Run
from generator.pipeline import compile_report
from tests.conftest import MINIMAL_REPORT, write_yaml

# --- vnformat ------------------------------------------------------------------------------------

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_CANONICAL_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")


def _parse_roman(text: str) -> int:
    values = [_ROMAN_VALUES[c] for c in text]
    return sum(-v if v < nxt else v for v, nxt in zip(values, values[1:] + [0], strict=True))


@pytest.mark.parametrize(("number", "expected"), [
    (1, "I"), (2, "II"), (3, "III"), (4, "IV"), (5, "V"), (9, "IX"), (12, "XII"), (14, "XIV"),
    (40, "XL"), (90, "XC"), (400, "CD"), (1994, "MCMXCIV"), (2024, "MMXXIV")])
def test_roman_numerals(number, expected):
    assert vnformat.roman(number) == expected


@given(st.integers(min_value=1, max_value=3999))
def test_roman_is_canonical_and_reads_back(number):
    text = vnformat.roman(number)
    assert _CANONICAL_ROMAN.fullmatch(text)
    assert _parse_roman(text) == number


@pytest.mark.parametrize(("kind", "expected"), [
    ("quy-1", "quý I năm 2024"), ("quy-2", "quý II năm 2024"), ("quy-3", "quý III năm 2024"),
    ("quy-4", "quý IV năm 2024"), ("6-thang", "6 tháng đầu năm 2024"),
    ("9-thang", "9 tháng năm 2024"), ("nam", "năm 2024")])
def test_period_text_for_every_kind(kind, expected):
    assert vnformat.period_text(kind, 2024) == expected


def test_period_kinds_are_exactly_the_seven_tested():
    assert set(vnformat.PERIOD_KINDS) == {"quy-1", "quy-2", "quy-3", "quy-4", "6-thang",
                                          "9-thang", "nam"}


@pytest.mark.parametrize(("day", "month", "expected"), [
    (5, 1, "ngày 05 tháng 01"), (20, 2, "ngày 20 tháng 02"), (26, 9, "ngày 26 tháng 9"),
    (1, 3, "ngày 01 tháng 3"), (9, 10, "ngày 09 tháng 10"), (31, 12, "ngày 31 tháng 12"),
    (10, 11, "ngày 10 tháng 11")])
def test_header_date_pads_days_below_10_and_months_1_and_2(day, month, expected):
    assert vnformat.header_date("Hậu Giang", day, month, 2024) == f"Hậu Giang, {expected} năm 2024"


def test_header_date_leaves_blanks_for_a_draft():
    assert vnformat.header_date("Hậu Giang", None, 9, 2024) == \
        "Hậu Giang, ngày     tháng 9 năm 2024"
    assert vnformat.header_date("Hậu Giang", None, None, 2024) == \
        "Hậu Giang, ngày     tháng     năm 2024"


@pytest.mark.parametrize(("number", "expected"), [
    (None, "Số      -BC/TU"), ("5", "Số 05-BC/TU"), ("05", "Số 05-BC/TU"),
    ("127", "Số 127-BC/TU"), ("0127", "Số 0127-BC/TU"), ("12a", "Số 12a-BC/TU")])
def test_number_line_has_no_colon_and_pads_small_numbers(number, expected):
    assert vnformat.number_line(number, "BC", "TU") == expected


@pytest.mark.parametrize(("value", "decimals", "expected"), [
    (1045, 0, "1.045"), (171149, 0, "171.149"), (1234567, 0, "1.234.567"), (0, 0, "0"),
    (999, 0, "999"), (-4056, 0, "-4.056"), (Decimal("90.87"), 2, "90,87"),
    (1234567.891, 2, "1.234.567,89"), (0.125, 2, "0,13"), (2.675, 2, "2,68"), (162.5, 1, "162,5")])
def test_format_number_uses_dot_thousands_and_comma_decimals(value, decimals, expected):
    assert vnformat.format_number(value, decimals) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (90.87, "90,87%"), (7.84, "7,84%"), (Decimal("103.08"), "103,08%"), (100, "100,00%")])
def test_format_percent_attaches_the_sign_without_space(value, expected):
    assert vnformat.format_percent(value) == expected


# --- inline --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("**đậm**", [Run("đậm", bold=True)]),
    ("*nghiêng*", [Run("nghiêng", italic=True)]),
    ("a **b** c", [Run("a "), Run("b", bold=True), Run(" c")]),
    ("**a *b* c**", [Run("a ", bold=True), Run("b", True, True), Run(" c", bold=True)]),
    ("*a **b** c*", [Run("a ", italic=True), Run("b", True, True), Run(" c", italic=True)]),
    ("***x***", [Run("x", True, True)]),
], ids=["bold", "italic", "bold-in-text", "italic-in-bold", "bold-in-italic", "both"])
def test_inline_emphasis(text, expected):
    assert parse_inline(text) == expected


@pytest.mark.parametrize("text", ["**a", "a**", "*a", "5 * 3", "a ** b", "* a *", "*", "**",
                                  "Số 5*"])
def test_inline_unmatched_or_spaced_stars_stay_literal(text):
    assert parse_inline(text) == [Run(text)]


@pytest.mark.parametrize(("text", "expected"), [
    (r"\*x\*", "*x*"), (r"\*\*x\*\*", "**x**"), ("a\\\\b", "a\\b"), (r"a\[^x]", "a[^x]")])
def test_inline_escapes_write_the_character(text, expected):
    assert parse_inline(text) == [Run(expected)]


def test_inline_anchor_splits_the_text():
    assert parse_inline("khí hậu[^1]. Tiếp") == [Run("khí hậu"), Anchor("1"), Run(". Tiếp")]


def test_inline_anchor_takes_the_formatting_around_it():
    assert parse_inline("**đậm[^ghi-chu_2]**") == [Run("đậm", bold=True),
                                                    Anchor("ghi-chu_2", bold=True)]


def test_inline_anchor_ids_in_order_skipping_escaped_ones():
    assert anchor_ids(r"a[^x] b\[^y] c[^z]") == ["x", "z"]


def test_inline_line_breaks_become_single_spaces():
    assert parse_inline("dòng một  \n  dòng hai\r\nba") == [Run("dòng một dòng hai ba")]


def test_plain_text_drops_anchors():
    assert plain_text(parse_inline("**a**[^1] b")) == "a b"


# --- resolve (through small YAML projects) ------------------------------------------------------

def _report(**changes) -> dict:
    return {**MINIMAL_REPORT, "title": "Kết quả công tác {period}", **changes}


def compile_project(root: Path, report: dict, areas: dict[str, dict] | None = None):
    """Write `report` and `areas` as YAML under ``root/data/r/`` and return the resolved report."""
    folder = root / "data" / "r"
    (folder / "areas").mkdir(parents=True)
    write_yaml(folder / "report.yaml", report)
    for name, area in (areas or {}).items():
        write_yaml(folder / "areas" / f"{name}.yaml", area)
    return compile_report(folder).report


def outline_of(report) -> list[tuple[str, str]]:
    """Return (kind, text) of every body block, footnote references written ``[n]``."""
    def text(inlines) -> str:
        return "".join(f"[{i.number}]" if isinstance(i, NoteRef) else i.text for i in inlines)

    return [(block.kind, text(block.inlines)) for block in report.body]


def _area(text: str = "Nội dung.", **extra) -> dict:
    return {"paragraphs": [text], **extra}


def test_levels_1_and_2_number_roman_then_arabic_restarting_under_each_level_1(tmp_path):
    report = compile_project(tmp_path, _report(outline=[
        {"heading": "Phần một", "sections": [{"heading": "Mục a", "area": "a"},
                                             {"heading": "Mục b", "area": "b"}]},
        {"heading": "Phần hai", "sections": [{"heading": "Mục c", "area": "c"}]},
    ]), {"a": _area("A."), "b": _area("B."), "c": _area("C.")})
    assert outline_of(report) == [
        ("h1", "I. PHẦN MỘT"), ("h2", "1. Mục a"), ("p", "A."), ("h2", "2. Mục b"), ("p", "B."),
        ("h1", "II. PHẦN HAI"), ("h2", "1. Mục c"), ("p", "C.")]


def test_area_sub_sections_under_level_2_number_1_1(tmp_path):
    sections = [{"heading": "Nông nghiệp", "paragraphs": ["N."]},
                {"heading": "Công nghiệp", "paragraphs": ["C."]}]
    report = compile_project(tmp_path, _report(outline=[
        {"heading": "Kinh tế - xã hội", "sections": [
            {"heading": "Đầu", "area": "dau"},
            {"heading": "Kinh tế", "area": "kinh-te"}]},
    ]), {"dau": _area("Đ."), "kinh-te": {"sections": sections}})
    assert outline_of(report) == [
        ("h1", "I. KINH TẾ - XÃ HỘI"), ("h2", "1. Đầu"), ("p", "Đ."), ("h2", "2. Kinh tế"),
        ("h3", "2.1. Nông nghiệp"), ("p", "N."), ("h3", "2.2. Công nghiệp"), ("p", "C.")]


def test_area_sub_sections_under_level_1_are_level_2(tmp_path):
    report = compile_project(tmp_path, _report(outline=[{"heading": "Đánh giá", "area": "dg"}]),
                             {"dg": {"sections": [{"heading": "Ưu điểm", "paragraphs": ["U."]},
                                                  {"heading": "Hạn chế", "paragraphs": ["H."]}]}})
    assert outline_of(report) == [("h1", "I. ĐÁNH GIÁ"), ("h2", "1. Ưu điểm"), ("p", "U."),
                                  ("h2", "2. Hạn chế"), ("p", "H.")]


def test_outline_level_3_numbers_from_its_parent(tmp_path):
    report = compile_project(tmp_path, _report(outline=[
        {"heading": "Một", "sections": [{"heading": "Hai", "sections": [
            {"heading": "Ba", "area": "a"}, {"heading": "Bốn", "area": "b"}]}]}]),
        {"a": _area(), "b": _area()})
    assert [b for b in outline_of(report) if b[0] != "p"] == [
        ("h1", "I. MỘT"), ("h2", "1. Hai"), ("h3", "1.1. Ba"), ("h3", "1.2. Bốn")]


def test_sections_below_level_3_are_refused(tmp_path):
    with pytest.raises(DataError) as failure:
        compile_project(tmp_path, _report(outline=[
            {"heading": "Một", "sections": [{"heading": "Hai", "sections": [
                {"heading": "Ba", "area": "sau"}]}]}]),
            {"sau": {"sections": [{"heading": "Bốn", "paragraphs": ["x"]}]}})
    assert [d.code for d in failure.value.diagnostics.errors] == ["outline.too-deep"]


def test_numbered_area_prefixes_its_paragraphs(tmp_path):
    report = compile_project(tmp_path, _report(outline=[{"heading": "Trọng tâm", "area": "tt"}]),
                             {"tt": {"numbered": True, "paragraphs": ["Một.", "Hai.", "Ba."]}})
    assert outline_of(report)[1:] == [("p", "1. Một."), ("p", "2. Hai."), ("p", "3. Ba.")]


def test_area_heading_is_used_when_the_outline_has_none(tmp_path):
    report = compile_project(tmp_path, _report(outline=[{"area": "a"}]),
                             {"a": _area(heading="Công tác dân vận")})
    assert outline_of(report)[0] == ("h1", "I. CÔNG TÁC DÂN VẬN")


@pytest.mark.parametrize(("period", "organ", "expected"), [
    ("9-thang", {}, "công tác 9 tháng năm 2024 của Tỉnh ủy."),
    ("quy-3", {}, "công tác quý III năm 2024 của Tỉnh ủy."),
    ("nam", {"short_name": "Tỉnh ủy Hậu Giang"}, "công tác năm 2024 của Tỉnh ủy Hậu Giang."),
])
def test_default_closing_sentence_names_the_period_and_the_committee(tmp_path, period, organ,
                                                                     expected):
    report = compile_project(tmp_path, _report(
        period={"kind": period, "year": 2024},
        organ={"name": "TỈNH ỦY HẬU GIANG", "abbrev": "TU", **organ},
        outline=[{"heading": "Một", "area": "a"}]), {"a": _area()})
    assert plain_text(report.closing) == \
        f"Trên đây là báo cáo kết quả lãnh đạo, chỉ đạo thực hiện {expected}"


def test_period_placeholder_fills_title_and_closing(tmp_path):
    report = compile_project(tmp_path, _report(
        period={"kind": "6-thang", "year": 2025}, closing="Kết thúc {period}.",
        outline=[{"heading": "Một", "area": "a"}]), {"a": _area()})
    assert plain_text(report.title) == "Kết quả công tác 6 tháng đầu năm 2025"
    assert plain_text(report.closing) == "Kết thúc 6 tháng đầu năm 2025."


def test_footnotes_are_numbered_in_reading_order_across_files(tmp_path):
    report = compile_project(tmp_path, _report(
        intro=["Mở đầu[^m]."], notes={"m": "Ghi chú mở đầu."},
        outline=[{"heading": "Một", "area": "a"}, {"heading": "Hai", "area": "b"}]),
        {"a": {"paragraphs": ["A[^1] và A[^2]."], "notes": {"1": "a1", "2": "a2"}},
         "b": {"paragraphs": ["B[^1]."], "notes": {"1": "b1"}}})
    assert [text for kind, text in outline_of(report) if kind == "p"] == [
        "Mở đầu[1].", "A[2] và A[3].", "B[4]."]
    assert [plain_text(n.paragraphs[0]) for n in report.footnotes] == [
        "Ghi chú mở đầu.", "a1", "a2", "b1"]


def test_footnote_blank_line_starts_a_second_paragraph(tmp_path):
    report = compile_project(tmp_path, _report(outline=[{"heading": "Một", "area": "a"}]),
                             {"a": {"paragraphs": ["x[^n]"], "notes": {"n": "Đoạn một.\n\nHai."}}})
    (note,) = report.footnotes
    assert [plain_text(p) for p in note.paragraphs] == ["Đoạn một.", "Hai."]
