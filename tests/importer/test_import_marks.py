"""The marks around the text come back on import: drafter, contact line, phạm vi lưu hành."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from generator.importer.run import import_report
from generator.pipeline import build_report
from tests.conftest import ROOT
from tests.importer.import_helpers import docx_text
from tests.profiles.helpers import report_folder

SAMPLE = ROOT / "data" / "can-tho-2026-9-thang"


def test_the_hd05_drafter_mark_comes_back_from_a_built_report(tmp_path: Path):
    built = build_report(SAMPLE, tmp_path / "sample.docx").output
    result = import_report(built, tmp_path / "imported")
    rebuilt = build_report(tmp_path / "imported", tmp_path / "again.docx").output

    assert result.compiled.manifest.drafter == "NguyenVanAn-26"
    assert not result.faithfulness.losses
    before, after = docx_text(built)[0], docx_text(rebuilt)[0]
    tail = before[before.index("Nơi nhận:"):before.index("NguyenVanAn-26") + 1]
    assert tail[-2] == "- Lưu Văn phòng Thành ủy." and tail == after[after.index("Nơi nhận:"):][:len(tail)]
    text = (tmp_path / "imported" / "report.yaml").read_text("utf-8")
    assert "# Ký hiệu người soạn thảo" in text and "drafter: NguyenVanAn-26\n" in text


def _typed(path: Path, under_the_list: str) -> Path:
    """A report typed in Word: its Nơi nhận list is followed by `under_the_list`."""
    document = docx.Document()
    cells = document.add_table(rows=1, cols=2).rows[0].cells
    cells[0].paragraphs[0].add_run("HUYỆN ỦY CHÂU THÀNH").bold = True
    cells[0].add_paragraph("Số 125-BC/HU")
    cells[1].paragraphs[0].add_run("ĐẢNG CỘNG SẢN VIỆT NAM").bold = True
    cells[1].add_paragraph("Châu Thành, ngày 05 tháng 10 năm 2024")
    document.add_paragraph().add_run("BÁO CÁO").bold = True
    document.add_paragraph().add_run("Sơ kết công tác quý III năm 2024").bold = True
    document.add_heading("I. KẾT QUẢ ĐẠT ĐƯỢC", 1)
    document.add_paragraph("Kinh tế tăng trưởng khá.")
    document.add_paragraph("Trên đây là báo cáo sơ kết công tác quý III năm 2024 của Huyện ủy.")
    cells = document.add_table(rows=1, cols=2).rows[0].cells
    cells[0].paragraphs[0].add_run("Nơi nhận:")
    for line in ("- Tỉnh ủy Hậu Giang,", "- Lưu VP.", under_the_list):
        cells[0].add_paragraph(line)
    cells[1].paragraphs[0].add_run("T/M BAN THƯỜNG VỤ").bold = True
    for line in ("BÍ THƯ", "", "Nguyễn Văn An"):
        cells[1].add_paragraph(line)
    document.save(path)
    return path


def test_an_hd36_typist_mark_typed_in_word_is_the_drafter(tmp_path: Path):
    result = import_report(_typed(tmp_path / "typed.docx", "ABC-268"), tmp_path / "imported")
    manifest = result.compiled.manifest
    assert manifest.drafter == "ABC-268"
    assert manifest.recipients == ["Tỉnh ủy Hậu Giang,", "Lưu VP."]
    assert manifest.signature.name == "Nguyễn Văn An"
    assert not result.faithfulness.losses


def test_other_text_under_the_list_is_not_taken_for_a_mark(tmp_path: Path):
    result = import_report(_typed(tmp_path / "typed.docx", "Ghi chú thêm"), tmp_path / "x")
    assert result.compiled.manifest.drafter is None


HD05 = {"date": {"day": 2, "month": 12, "year": 2026}, "period": {"kind": "nam", "year": 2026}}
CONTACT = "Liên hệ: Văn phòng Thành ủy, điện thoại 0292 3820 000"
NOT_FOR_MEDIA = "Không phổ biến trên phương tiện thông tin đại chúng"


@pytest.mark.parametrize(("fields", "where"), [
    ({"circulation": "TÀI LIỆU HỘI NGHỊ", "contact": CONTACT}, "page 1's header, after the text"),
    ({**HD05, "circulation": NOT_FOR_MEDIA, "contact": CONTACT}, "foot of the last page"),
    ({"profile": "nd30", "contact": CONTACT}, "foot of page 1"),
])
def test_a_built_documents_marks_come_back_wherever_the_profile_printed_them(
        tmp_path: Path, fields: dict, where: str):
    built = build_report(report_folder(tmp_path, **fields), tmp_path / "built.docx").output
    result = import_report(built, tmp_path / "imported")
    manifest = result.compiled.manifest
    assert (manifest.circulation, manifest.contact) == (fields.get("circulation"), CONTACT), where
    assert not result.faithfulness.losses
    rebuilt = build_report(tmp_path / "imported", tmp_path / "again.docx").output
    assert docx_text(rebuilt) == docx_text(built)
