"""Dates: impossible, off-style, header against the period."""

import pytest


@pytest.mark.parametrize("text", [
    "Kế hoạch số 12-KH/TU ngày 31/4/2024 của Tỉnh ủy.",
    "Họp ngày 29/02/2023 tại hội trường.",
    "Ngày 12/13/2024 tổ chức hội nghị.",
    "Ban hành ngày 30 tháng 2 năm 2024.",
    "Lễ kỷ niệm vào ngày 32/5.",
])
def test_invalid(codes, text):
    assert "date.invalid" in codes(text)


@pytest.mark.parametrize("text, suggestion", [
    ("Quyết định ngày 5/1/2024 của Ban Thường vụ.", "05/01/2024"),
    ("Chỉ thị số 26-CT/TW ngày 9/11/2018 của Bộ Chính trị.", "09/11/2018"),
    ("Quốc khánh (2/9/1945 - 02/9/2024).", "02/9/1945"),
    ("Ngày 05/09/2024 khai giảng.", "05/9/2024"),
    ("Tổ chức vào ngày 3/2.", "03/02"),
])
def test_style(findings, text, suggestion):
    found = [f for f in findings(text) if f.code == "date.style"]
    assert [f.suggestion for f in found] == [suggestion]


@pytest.mark.parametrize("text", [
    "Kết luận số 01-KL/TW ngày 18/5/2021 và ngày 05/01/2024, ngày 29/02/2024.",
    "Tặng Huy hiệu đợt 03/02, 19/5 và 2/9 cho 410 đảng viên.",
    "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ.",
    "Xếp thứ 19/63 tỉnh, thành phố; hoàn thành 15/21 đoàn.",
])
def test_not_flagged(codes, text):
    assert not [c for c in codes(text) if c.startswith("date.")]


@pytest.mark.parametrize("date, flagged", [
    ({"month": 3, "year": 2024}, True),
    ({"day": 26, "month": 9, "year": 2024}, False),
    ({"month": 10, "year": 2024}, False),
    ({"month": 9, "year": 2023}, True),
    ({"year": 2024}, False),
    ({"year": 2025}, True),
])
def test_header_date_against_period(codes, date, flagged):
    assert ("date.period" in codes("Nội dung.", report_extra={"date": date})) is flagged


def test_annual_report_dated_next_january(codes):
    extra = {"date": {"month": 1, "year": 2025}, "period": {"kind": "nam", "year": 2024}}
    assert "date.period" not in codes("Nội dung.", report_extra=extra)


@pytest.mark.parametrize(("doc_type", "flagged"), [
    ("BÁO CÁO", True),
    ("KẾ HOẠCH", False),
    ("TỜ TRÌNH", False),
    ("NGHỊ QUYẾT", False),
])
def test_period_rules_only_for_periodic_types(codes, doc_type, flagged):
    extra = {"date": {"month": 3, "year": 2024}, "doc_type": doc_type}
    assert ("date.period" in codes("Nội dung.", report_extra=extra)) is flagged
