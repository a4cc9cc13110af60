"""Pathological texts: each one is checked at a modest size and gives the findings it should.

Speed is measured in bench/ (`python bench/check_quality.py --hostile`), never asserted here;
these inputs took from seconds to minutes at 20,000–100,000 characters before their fixes.
"""

import pytest

PROSE = ("Trong 9 tháng năm 2024, Tỉnh ủy đã lãnh đạo, chỉ đạo các cấp ủy triển khai thực "
         "hiện nhiệm vụ đạt kết quả quan trọng; ")


def _codes(findings, text):
    return sorted(f.code for f in findings(text))


@pytest.mark.parametrize(("text", "expected"), [
    ("a" + " " * 5_000 + "b.", ["text.double-space"]),
    ("*" * 5_000, []),
    ("* " * 2_500, []),
    ("(" * 5_000, ["text.unbalanced"]),
    ("“" * 5_000, ["text.unbalanced"]),
    ("Doanh thu đạt " + "." * 5_000 + " %.", ["text.placeholder"]),
    (PROSE * 200, []),
    ("Nậm Moòng, " * 500, []),
    ("KẾ HOẠCH " * 500, []),
    ("1.234 " * 1_000, []),
])
def test_long_runs(findings, text, expected):
    assert _codes(findings, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Nghị quyết số 12-NQ/TU ngày " * 1_000, ["citation.missing-date"]),  # the first one only
    ("số 12-NQ/TU ngày " * 1_000, []),
    ("Công văn số 1556/SGD&ĐT-VP ngày 05/3/2024 " * 500, []),
])
def test_repeated_citation_fragments(findings, text, expected):
    assert _codes(findings, text) == expected


@pytest.mark.parametrize(("text", "code"), [
    ("tăng " * 1_000, "text.repeated-word"),
    ("a," * 2_500, "text.missing-space"),
])
def test_many_findings_in_one_text_are_counted_not_listed(findings, text, code):
    found = [f for f in findings(text) if f.code == code]
    counted = [f for f in found if "chỉ liệt kê 20 chỗ đầu" in f.message]
    assert len(found) == 21 and len(counted) == 1
