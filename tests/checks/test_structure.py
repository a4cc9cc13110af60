"""Typed numbering, placeholders, empty sections."""

import pytest


@pytest.mark.parametrize("typed", [
    ["1. Tuyên truyền.", "2. Tổ chức.", "3. Kiểm tra."],
    ["I. KẾT QUẢ", "1. Kinh tế.", "a) Nông nghiệp.", "b) Công nghiệp.", "2. Xã hội.",
     "a) Giáo dục.", "II. PHƯƠNG HƯỚNG", "1. Nhiệm vụ."],
    ["1. Kinh tế.", "1.1. Nông nghiệp.", "1.2. Công nghiệp.", "2. Xã hội.", "2.1. Y tế."],
    ["a) Giáo dục.", "b) Y tế.", "c) Văn hóa.", "d) Thể thao.", "đ) Du lịch."],
    ["Điều 1. Phạm vi.", "1. Đối tượng.", "2. Thời gian.", "Điều 2. Tổ chức.",
     "2. Giao Ủy ban nhân dân tỉnh."],
])
def test_typed_numbering_that_follows_on_is_not_reported(codes, typed):
    assert "structure.manual-numbering" not in codes(*typed)


@pytest.mark.parametrize(("typed", "expected"), [
    (["1. Tuyên truyền.", "2. Tổ chức.", "4. Kiểm tra."], "'4.'"),
    (["1. Tuyên truyền.", "2. Tổ chức.", "2. Kiểm tra."], "chờ '3.'"),
    (["a) Giáo dục.", "b) Y tế.", "d) Văn hóa."], "chờ 'c)'"),
    (["1. Kinh tế.", "1.1. Nông nghiệp.", "1.3. Dịch vụ."], "chờ '1.2.'"),
    (["I. KẾT QUẢ", "III. PHƯƠNG HƯỚNG"], "chờ 'II.'"),
])
def test_typed_numbering_that_skips_or_repeats(findings, typed, expected):
    found = [f for f in findings(*typed) if f.code == "structure.manual-numbering"]
    assert len(found) == 1 and expected in found[0].message


def test_typed_number_in_a_heading_is_printed_twice(findings):
    area = "heading: II. KẾT QUẢ\nparagraphs:\n  - Nội dung.\n"
    found = [f for f in findings(raw_area=area) if f.code == "structure.manual-numbering"]
    assert len(found) == 1 and "đề mục" in found[0].message


def test_manual_numbering_in_numbered_area_says_double(findings):
    found = findings("1. Nội dung.", area_extra="numbered: true\n")
    message = next(f.message for f in found if f.code == "structure.manual-numbering")
    assert "in hai lần" in message


@pytest.mark.parametrize("text", [
    "9 tháng năm 2024, Ban Chấp hành Đảng bộ tỉnh luôn giữ vững khối đoàn kết.",
    "2024 là năm tăng tốc.",
    "05 nội dung công việc đã hoàn thành.",
    "(1) Nâng cao chất lượng kỳ họp.",
])
def test_not_numbering(codes, text):
    assert "structure.manual-numbering" not in codes(text)


@pytest.mark.parametrize("text", [
    "…",
    "Doanh thu đạt …% kế hoạch.",
    "Tổng thu ngân sách xxx tỷ đồng.",
    "TODO: bổ sung số liệu quý III.",
    "Kết quả giải ngân [CẦN BỔ SUNG].",
    "Số lượt khách ... tỷ đồng doanh thu.",
])
def test_placeholder(codes, text):
    assert "text.placeholder" in codes(text)


@pytest.mark.parametrize("text", [
    "Các hoạt động: kỷ niệm, họp mặt,… diễn ra sôi nổi.",
    "Chuyển xếp lương tính hưởng phụ cấp thâm niên vượt khung,...",
    "Trong đó… các đơn vị đã hoàn thành.",
])
def test_not_placeholder(codes, text):
    assert "text.placeholder" not in codes(text)


def test_note_with_a_stray_paragraph(codes):
    area = 'paragraphs:\n  - "Nội dung[^1]."\nnotes:\n  1: "Trưởng đoàn. \\n\\n."\n'
    assert codes(raw_area=area).count("text.placeholder") == 1


def test_empty_section_and_empty_area(codes):
    area = "sections:\n  - heading: Mục một\n    paragraphs: []\n"
    assert "structure.empty-section" in codes(raw_area=area)
    assert "area.empty" in codes(raw_area="owner: Văn phòng\n")
