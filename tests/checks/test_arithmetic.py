"""Stated arithmetic: ratios and changes."""

import pytest


@pytest.mark.parametrize("text, suggestion", [
    ("Đã kết nạp 1.045/1.150 đảng viên mới, đạt 91,87%.", "90,87%"),
    ("Có 260/313 trường đạt chuẩn quốc gia, tỷ lệ 80,07%.", "83,07%"),
    ("Tổng số hộ 171.149/201.032 chiếm tỷ lệ 86%.", "85%"),
])
def test_ratio_flagged(findings, text, suggestion):
    found = [f for f in findings(text) if f.code == "arithmetic.ratio"]
    assert [f.suggestion for f in found] == [suggestion]
    assert found[0].severity == "error"


@pytest.mark.parametrize("text", [
    "Đã kết nạp 1.045/1.150 đảng viên mới, đạt 90,87%.",
    "Thực hiện 3.369/3.315 cuộc, đạt 102%.",
    "Có 41/51 xã đạt chuẩn nông thôn mới đạt 80,39%.",
    "Hoàn thành 15/21 đoàn; tỷ lệ giải ngân đạt 65%.",
    "Chỉ số PAR INDEX xếp thứ 19/63 tỉnh, thành phố, tăng 1 bậc.",
    "Thành lập 21/21 đoàn, trong đó 14 đoàn đạt 70%.",
    "Tặng Huy hiệu đợt 03/02, 19/5 và 2/9 cho 410 đảng viên.",
    "Giải quyết 4.407/5.722 vụ việc, đạt 77.02%.",
    "Mật độ 121 thuê bao/100 dân, đạt 95%.",
])
def test_ratio_not_flagged(codes, text):
    assert "arithmetic.ratio" not in codes(text)


def test_change_flagged(findings):
    text = ("Bảo hiểm y tế là 651.408 người, tăng 11.345 người (tăng 1,7% so với cùng kỳ).")
    found = [f for f in findings(text) if f.code == "arithmetic.change"]
    assert [f.suggestion for f in found] == ["1,8%"]


@pytest.mark.parametrize("text", [
    "Bảo hiểm xã hội là 82.709 người, tăng 8.357 người (tăng 11,2% so với cùng kỳ).",
    "Số hộ nghèo là 1.200 hộ, giảm 300 hộ (giảm 20% so với cùng kỳ).",
    "So với cùng kỳ năm 2023 tăng 04 vụ (tăng 2,1%).",
    "Doanh thu đạt 500 tỷ đồng, tăng 20 lượt khách (tăng 50%).",
])
def test_change_not_flagged(codes, text):
    assert "arithmetic.change" not in codes(text)
