"""Typed numbering, placeholders, empty sections."""

import pytest


@pytest.mark.parametrize("text", [
    "1. Công tác tuyên truyền được đẩy mạnh.",
    "a) Công tác tuyên truyền được đẩy mạnh.",
    "II. KẾT QUẢ",
    "2.1. Công tác tổ chức.",
])
def test_manual_numbering(codes, text):
    assert "structure.manual-numbering" in codes(text)


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
