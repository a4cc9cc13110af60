"""Spelling against the syllable list; tone placements; one-letter slips."""

import pytest

from generator.checks.vietnamese import new_style, old_style, syllables


@pytest.mark.parametrize("text, suggestion", [
    ("Tổ chức thành công và chuần bị chu đáo Đại hội.", "chuẩn"),
    ("Thực hiện quyêt liệt các giải pháp.", "quyết"),
    ("Phát triễn kinh tế bền vững.", "triển"),
    ("Nâng cao chat lượng hoạt động.", "chất"),
])
def test_unknown_with_suggestion(findings, text, suggestion):
    found = [f for f in findings(text) if f.code == "spelling.unknown"]
    assert len(found) == 1
    assert found[0].suggestion == suggestion


@pytest.mark.parametrize("text", [
    "Các đoàn thể chính trị - xã hội và Ủy ban nhân dân tỉnh, cấp ủy, hòa bình, khỏe mạnh.",
    "Giải Marathon Quốc tế “Vietcombank Mekong Delta”, Triathlon, Kickboxing tại Singapore.",
    "HĐND, UBND, MTTQ, LLCT, KPI, PCI, QĐi, CTr, Lớp K16B01, chất độc da cam/dioxin, internet.",
    "Các đ/c UV BCH Đảng bộ tỉnh; Lưu VPTU.",
    "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM, QUỐC PHÒNG - AN NINH.",
    "Thuỷ lợi, hoá chất, khoẻ mạnh, uỷ ban được viết theo kiểu mới.",
])
def test_not_flagged(codes, text):
    assert not [c for c in codes(text) if c.startswith("spelling.")]


def test_tone_mark_misplaced(findings):
    found = [f for f in findings("Đã hòan thành nhiệm vụ.") if f.code.startswith("spelling.")]
    assert [(f.code, f.suggestion) for f in found] == [("spelling.tone-mark", "hoàn")]


def test_mixed_tone_styles_flag_the_minority(findings):
    found = findings("Cấp ủy, Ủy ban, hòa giải, văn hóa và cấp uỷ cơ sở.")
    styled = [f for f in found if f.code == "spelling.tone-style"]
    assert [f.suggestion for f in styled] == ["ủy"]


@pytest.mark.parametrize("text, suggestion", [
    ("Ban hành Kế hạch của Ban Chấp hành Đảng bộ tỉnh.", "Kế hoạch"),
    ("Nâng cao hiệu quả kinh tế tập tể trong giai đoạn mới.", "tập thể"),
])
def test_near_word(findings, text, suggestion):
    found = [f for f in findings(text) if f.code == "spelling.near-word"]
    assert [f.suggestion for f in found] == [suggestion]


@pytest.mark.parametrize("text", [
    "Thực hiện 05 nội dung công việc là: xây dựng phần mềm.",
    "Kỷ luật, kỷ cương trong thi hành công vụ được coi trọng.",
    "Phối hợp học viện chính trị khu vực IV đào tạo học viên.",
    "Kết quả đánh giá đi vào nề nếp; công tác đi vào nền nếp.",
    "Kinh tế tập thể phát triển; khen thưởng 05 tập thể.",
])
def test_near_word_not_flagged(codes, text):
    assert "spelling.near-word" not in codes(text)


def test_list_accepts_both_placements():
    words = syllables()
    for word in ("hoá", "hóa", "uỷ", "ủy", "thuỷ", "thủy", "khoẻ", "khỏe", "quý", "hoàn"):
        assert word in words
    assert "chuần" not in words
    assert old_style("hoá") == "hóa" and new_style("thủy") == "thuỷ"
    assert old_style("quý") == "quý" and old_style("hoàn") == "hoàn"
