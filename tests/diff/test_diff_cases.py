"""`baocao diff` read back with pandoc: changes where they belong, accept = NEW, reject = OLD."""

from __future__ import annotations

import re

import pytest

from tests.diff.diff_support import (
    Outcome,
    Versions,
    assert_round_trip,
    compare_versions,
    pandoc,
)

KINH_TE = "areas/kinh-te.yaml"
REPORT = "report.yaml"
NEW_PARAGRAPH = "Đây là đoạn văn mới thêm vào giữa mục phát triển kinh tế."


def test_one_word_changed(versions: Versions):
    versions.edit(KINH_TE, "đạt kết quả khả quan", "đạt kết quả tốt")
    outcome = compare_versions(versions)
    changes = outcome.changes()
    assert [(c.kind, c.text) for c in changes] == [("deletion", "khả quan"),
                                                   ("insertion", "tốt")]
    assert all(c.paragraph.startswith("Sản xuất nông nghiệp đạt kết quả khả quantốt")
               for c in changes)
    assert_round_trip(outcome)
    assert "  III.1. Phát triển kinh tế: 1 đoạn sửa." in outcome.summary


def test_paragraph_added_in_the_middle_of_a_section(versions: Versions):
    versions.edit(KINH_TE, "  - Cải cách thủ tục hành chính",
                  f"  - {NEW_PARAGRAPH}\n  - Cải cách thủ tục hành chính")
    outcome = compare_versions(versions)
    kinds = [(c.kind, c.text) for c in outcome.changes()]
    assert kinds == [("insertion", NEW_PARAGRAPH), ("paragraph-insertion", "")]
    paragraphs = [p for p in outcome.accepted().split("\n\n") if p.strip()]
    at = next(i for i, p in enumerate(paragraphs) if p.startswith(NEW_PARAGRAPH))
    assert paragraphs[at - 1].startswith("Tích cực chỉ đạo triển khai Nghị quyết số 07-NQ/TU")
    assert paragraphs[at + 1].startswith("Cải cách thủ tục hành chính")
    assert_round_trip(outcome)
    assert "  III.1. Phát triển kinh tế: 1 đoạn thêm." in outcome.summary


def test_footnote_text_edited(versions: Versions):
    versions.edit(KINH_TE, "thành lập mới 13 hợp tác xã", "thành lập mới 15 hợp tác xã")
    outcome = compare_versions(versions)
    changes = outcome.changes()
    assert [(c.kind, c.text) for c in changes] == [("deletion", "13"), ("insertion", "15")]
    assert changes[0].paragraph.startswith("Trong 9 tháng năm 2024, thành lập mới 1315 hợp")
    assert_round_trip(outcome)
    number = _note_number(outcome, "Trong 9 tháng năm 2024, thành lập mới")
    assert f"  Chú thích: sửa {number}." in outcome.summary
    assert "Tổng cộng: không đoạn nào thay đổi; 1 chú thích sửa." in outcome.summary


def test_footnote_removed_and_the_following_ones_renumber(versions: Versions):
    note = "Trong 9 tháng năm 2024, thành lập mới 13 hợp tác xã"
    versions.edit(KINH_TE, "trong giai đoạn mới[^2]", "trong giai đoạn mới")
    versions.edit(KINH_TE, f"  2: {note}", f"  # 2: {note}")
    outcome = compare_versions(versions)
    number = _note_number(outcome, note)
    deleted = outcome.texts("deletion")
    assert any(text.startswith(note) for text in deleted)  # the note's own text, inside it
    assert outcome.texts("insertion") == []
    # accepted: the next note takes the removed one's number, as in NEW built on its own
    accepted = outcome.accepted()
    assert re.search(rf"^\[\^{number}\]: .*OCOP", accepted, re.M)
    assert_round_trip(outcome)
    assert f"  Chú thích: bỏ {number} (số của bản cũ)." in outcome.summary


def test_section_moved(versions: Versions):
    tccb = "      - heading: Công tác tổ chức, cán bộ\n        area: to-chuc-can-bo\n"
    dan_van = "      - heading: Công tác dân vận\n        area: dan-van\n"
    versions.edit(REPORT, tccb + dan_van, dan_van + tccb)
    outcome = compare_versions(versions)
    kinds = {c.kind for c in outcome.changes()}
    assert {"paragraph-insertion", "paragraph-deletion"} <= kinds
    assert_round_trip(outcome)
    assert re.search(r"^  II\.2\. Công tác dân vận: chuyển chỗ \(trước là mục II\.3\.\)\.$",
                     "\n".join(outcome.summary), re.M)
    assert "Tổng cộng: không đoạn nào thay đổi; 2 chú thích chuyển chỗ." in outcome.summary


@pytest.mark.parametrize(("before", "after"), [
    ("draft: Dự thảo", "draft: Dự thảo 2"),      # the label changes
    ("draft: Dự thảo", "# bản chính thức"),      # the official version: the line goes
])
def test_draft_label_changed(versions: Versions, before: str, after: str):
    versions.edit(REPORT, before, after)
    outcome = compare_versions(versions)
    changes = outcome.changes()
    if "2" in after:
        assert [(c.kind, c.text.strip()) for c in changes] == [("insertion", "2")]
        assert changes[0].paragraph == "Dự thảo 2"
        assert "  Dòng dự thảo: “Dự thảo” → “Dự thảo 2”." in outcome.summary
    else:
        assert ("deletion", "Dự thảo") in [(c.kind, c.text) for c in changes]
        assert "  Dòng dự thảo: “Dự thảo” → (trống)." in outcome.summary
    assert_round_trip(outcome)


def test_draft_label_added(versions: Versions):
    versions.edit(REPORT, "draft: Dự thảo", "# no draft", old=True)
    outcome = compare_versions(versions)
    assert ("insertion", "Dự thảo") in [(c.kind, c.text) for c in outcome.changes()]
    assert_round_trip(outcome)


def test_header_fields_and_recipients(versions: Versions):
    versions.edit(REPORT, "date:                 # bản dự thảo: để trống ngày\n  month: 9",
                  "date:\n  day: 30\n  month: 9")
    versions.edit(REPORT, "  abbrev: TU ", "  abbrev: TU\nnumber: 125 ")
    versions.edit(REPORT, "  - Quân khu 9,\n", "")
    versions.edit(REPORT, "  - Các sở, ngành", "  - Báo Hậu Giang,\n  - Các sở, ngành")
    versions.edit(REPORT, "  - Các đ/c UV BCH", "  - Các đồng chí UV BCH")
    versions.edit(REPORT, "  - Lưu VPTU.", "  - Lưu Văn phòng Tỉnh ủy.")  # the last line, replaced
    outcome = compare_versions(versions)
    inserted = outcome.texts("insertion")
    assert "125" in inserted and "30" in inserted
    assert "- Báo Hậu Giang," in inserted
    assert "- Quân khu 9," in outcome.texts("deletion")
    assert_round_trip(outcome)
    assert "  Nơi nhận: 1 dòng sửa, 2 dòng thêm, 2 dòng bỏ." in outcome.summary


def test_last_recipient_removed(versions: Versions):
    """The last paragraph of a table cell: its mark cannot be tracked, the one before it is."""
    versions.edit(REPORT, "thành ủy và đảng ủy trực thuộc Tỉnh ủy,\n  - Lưu VPTU.",
                  "thành ủy và đảng ủy trực thuộc Tỉnh ủy.")
    outcome = compare_versions(versions)
    assert_round_trip(outcome)


def test_identical_inputs(versions: Versions):
    outcome = compare_versions(versions)
    assert outcome.summary == ["Hai bản giống nhau: không có thay đổi."]
    assert outcome.changes() == []
    assert outcome.accepted() == outcome.rejected() == pandoc(outcome.new_docx)


def _note_number(outcome: Outcome, text: str) -> int:
    """Return the number OLD gives the footnote starting with `text`."""
    found = re.search(rf"^\[\^(\d+)\]: {re.escape(text)}", pandoc(outcome.old_docx), re.M)
    assert found, text
    return int(found.group(1))


def test_item_added_to_a_numbered_area(versions: Versions):
    """The items after it are renumbered: tracked in the document, not counted as edits."""
    versions.edit("areas/nhiem-vu-trong-tam.yaml", "paragraphs:\n  - Quán triệt",
                  "paragraphs:\n  - Một nhiệm vụ mới đặt lên đầu.\n  - Quán triệt")
    outcome = compare_versions(versions)
    assert outcome.texts("insertion")[:3] == ["1. Một nhiệm vụ mới đặt lên đầu.", "2", "3"]
    assert outcome.texts("deletion")[:2] == ["1", "2"]
    assert_round_trip(outcome)
    assert "  I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM: 1 đoạn thêm." in outcome.summary
