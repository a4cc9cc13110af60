"""Number style: decimal point, separators, thousands."""

import pytest

from generator.checks.numbers import parse_vn


@pytest.mark.parametrize("text, suggestion", [
    ("Tỷ lệ đạt 77.02%, tồn 1.315 vụ.", "77,02"),
    ("Tăng trưởng 12.5% so với cùng kỳ.", "12,5"),
    ("Tổng thu 4.5 tỷ đồng.", "4,5"),
    ("Kinh phí tăng 3.25 so với năm trước.", "3,25"),
    ("Tổng vốn 1.234.56 tỷ đồng.", "1.234,56"),
])
def test_decimal_point_flagged(findings, text, suggestion):
    found = [f for f in findings(text) if f.code == "number.decimal-point"]
    assert len(found) == 1
    assert found[0].suggestion == suggestion
    assert found[0].severity == "error"


@pytest.mark.parametrize("text", [
    "Cách mạng công nghiệp lần thứ tư (4.0) và chuyển đổi số.",
    "Theo nội dung tại mục 2.1 của báo cáo.",
    "Đề mục 1.2.3 đã được sửa.",
    "Ngày 19.5.2024 tổ chức lễ kỷ niệm.",
    "Thu ngân sách đạt 1.547 tỷ đồng, tăng 7,84%.",
    "Dân số 1.234.567 người.",
    "Lớp Cao cấp LLCT K16B01 với 56 học viên.",
])
def test_decimal_point_not_flagged(codes, text):
    assert not [c for c in codes(text) if c.startswith("number.")]


@pytest.mark.parametrize("text, suggestion", [
    ("Dân số 1,234,567 người.", "1.234.567"),
    ("Tổng vốn 1,234.5 tỷ đồng.", "1.234,5"),
    ("Chi 3,5.000 đồng.", ""),
])
def test_separator(findings, text, suggestion):
    found = [f for f in findings(text) if f.code == "number.separator"]
    assert [f.suggestion for f in found] == [suggestion]


@pytest.mark.parametrize("text, suggestion", [
    ("Mở 25 lớp với 1750 học viên.", "1.750"),
    ("Toàn tỉnh có 45678 hộ tham gia.", "45.678"),
    ("Đón 452530 lượt khách.", "452.530"),
])
def test_thousands_flagged(findings, text, suggestion):
    found = [f for f in findings(text) if f.code == "number.thousands"]
    assert [f.suggestion for f in found] == [suggestion]


@pytest.mark.parametrize("text", [
    "Nhiệm kỳ 2021 - 2026 và năm 2024.",
    "Thực hiện Nghị quyết số 20-NQ/TU ngày 11/01/2024 của Tỉnh ủy.",
    "Công văn số 1057-CV/TU ngày 29/5/2024 của Ban Thường vụ.",
    "Ban Chỉ đạo 3637 tổ chức các đoàn khảo sát.",
    "Liên hệ số điện thoại 02933870123 hoặc 0913456789.",
    "Mã số thuế 1800123456 của doanh nghiệp.",
    "Tổ chức Hội nghị vào năm 1750 ở địa phương.",
    "Kỷ niệm (19/5/1890 - 19/5/2024) và 1.750 học viên.",
    "Vụ Địa bàn VIII, Quân khu 9 và 12345-CV/TU.",
])
def test_thousands_not_flagged(codes, text):
    assert "number.thousands" not in codes(text)


def test_parse_vn():
    assert parse_vn("1.045") == 1045
    assert str(parse_vn("90,87")) == "90.87"
    assert parse_vn("77.02") is None
    assert parse_vn("1750") == 1750
