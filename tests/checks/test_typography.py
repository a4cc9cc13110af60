"""Typing slips."""

import pytest


@pytest.mark.parametrize("text, code", [
    ("Bảo đảm an toàn các các sự kiện chính trị.", "text.repeated-word"),
    ("Các các đơn vị thực hiện.", "text.repeated-word"),
    ("Cấp xã 78  cuộc, số lượt ý kiến.", "text.double-space"),
    ("Đạt kết quả tốt , toàn diện.", "text.space-before-punct"),
    ("Chủ đề “ Dân vận khéo” được phát động.", "text.space-before-punct"),
    ("Hoàn thành nhiệm vụ ( trước hạn).", "text.space-before-punct"),
    ("Tăng cường kiểm tra,giám sát.", "text.missing-space"),
    ("Nhiệm kỳ 2025 -2030 và 2020- 2025.", "text.missing-space"),
    ("Thực hiện “Dân vận khéo trong toàn tỉnh.", "text.unbalanced"),
    ("Kết quả (đạt 90% kế hoạch.", "text.unbalanced"),
    ("Kết quả đạt 90% kế hoạch).", "text.unbalanced"),
    ("Chủ đề \"Dân vận khéo được phát động.", "text.unbalanced"),
    ("Mức tăng\u00a07,84% so với cùng kỳ.", "text.nbsp"),
    ("Tăng\u200btrưởng kinh tế.", "text.zero-width"),
])
def test_flagged(codes, text, code):
    assert code in codes(text)


@pytest.mark.parametrize("text", [
    "Kinh tế dần dần phục hồi; người người, nhà nhà thi đua; đời đời nhớ ơn.",
    "Đại hội Hội Liên hiệp Thanh niên Việt Nam tỉnh.",
    "Các nội dung: a) Tuyên truyền; b) Vận động; (1) Nâng cao; (2) Đưa vào cuộc sống.",
    "Nhiệm kỳ 2021 - 2026; kinh tế - xã hội; giá trị 1,5 tỷ đồng; tỷ lệ 90,87%.",
    "Các hoạt động: kỷ niệm, họp mặt,… và các hoạt động khác...",
    "Chủ đề “Thượng tôn pháp luật” và (PCI) cùng [thông tin] được nêu.",
    "Phép tính 5 * 3 được giữ nguyên và **chữ đậm** cùng *chữ nghiêng*.",
])
def test_not_flagged(codes, text):
    assert not [c for c in codes(text) if c.startswith("text.")]


def test_repeated_word_suggestion(findings):
    found = [f for f in findings("Quyết tâm hoàn hoàn nhiệm vụ.") if f.code == "text.repeated-word"]
    assert found[0].suggestion == "hoàn"


def test_many_nbsp_in_one_paragraph_are_one_finding(findings):
    found = [f for f in findings("Một\u00a0hai\u00a0ba\u00a0bốn.") if f.code == "text.nbsp"]
    assert len(found) == 1
    assert "3 chỗ" in found[0].message


def test_footnote_anchor_is_not_text(codes):
    area = 'paragraphs:\n  - "Kết quả quan trọng[^1]; tổng kết[^2] xong."\nnotes:\n  1: Một.\n  2: Hai.\n'
    assert not [c for c in codes(raw_area=area) if c.startswith("text.")]


def test_space_before_footnote_anchor(findings):
    area = 'paragraphs:\n  - "Kết quả quan trọng [^1]."\nnotes:\n  1: Một.\n'
    found = [f for f in findings(raw_area=area) if f.code == "text.space-before-punct"]
    assert len(found) == 1 and "chú thích" in found[0].message
    assert found[0].location.column == len("  - \"Kết quả quan trọng") + 1
