"""Documents baocao did not write: a LibreOffice re-save, pandoc output, a hand-made report."""

from __future__ import annotations

import subprocess

import docx
import pytest

from generator.importer.run import import_report
from generator.pipeline import build_report
from tests.conftest import require_tool
from tests.importer import handmade
from tests.importer.import_helpers import docx_text, libreoffice_resave, normalized_report

PANDOC_MARKDOWN = """\
Trong 9 tháng năm 2024, Tỉnh ủy đã lãnh đạo thực hiện nhiệm vụ[^intro].

# Kết quả thực hiện các nhiệm vụ trọng tâm

1. Quán triệt, triển khai thực hiện nghiêm túc các chủ trương.
2. Công tác tuyên truyền ngày càng hiệu quả[^a].

# Công tác xây dựng Đảng

## Công tác chính trị, tư tưởng

Đoạn có **chữ đậm**, *chữ nghiêng*, dấu sao 5 \\* 3 và ngoặc \\[1\\] giữ nguyên[^b].

## Công tác tổ chức, cán bộ

Đoạn về tổ chức[^c].

Trên đây là báo cáo kết quả 9 tháng năm 2024.

[^intro]: Chú thích mở đầu.

[^a]: Chú thích có **đậm**.

[^b]: Chú thích hai, đoạn một.

    Đoạn hai của chú thích.

[^c]: Chú thích ba.
"""


def _import_and_build(docx, tmp_path):
    result = import_report(docx, tmp_path / "data" / "x")
    built = build_report(result.target, tmp_path / "built.docx").output
    return result, built


def test_libreoffice_resave_imports_like_the_original(sample_docx, tmp_path):
    resaved = libreoffice_resave(require_tool("soffice"), sample_docx, tmp_path / "lo")
    result, built = _import_and_build(resaved, tmp_path)

    assert docx_text(built) == docx_text(sample_docx)
    assert normalized_report(result.target) == normalized_report(
        import_report(sample_docx, tmp_path / "direct").target)


def test_pandoc_markdown_imports_headings_footnotes_and_markup(tmp_path):
    source = tmp_path / "in.md"
    source.write_text(PANDOC_MARKDOWN, encoding="utf-8")
    docx = tmp_path / "pandoc.docx"
    subprocess.run([require_tool("pandoc"), str(source), "-o", str(docx)], check=True)
    result, built = _import_and_build(docx, tmp_path)
    data = normalized_report(result.target)

    assert [e["heading"] for e in data["outline"]] == [
        "Kết quả thực hiện các nhiệm vụ trọng tâm", "Công tác xây dựng Đảng"]
    first, second = data["outline"]
    assert first["numbered"] and first["paragraphs"][1] == (
        "Công tác tuyên truyền ngày càng hiệu quả[^Chú thích có **đậm**.].")
    assert second["sections"][0]["paragraphs"] == [(
        "Đoạn có **chữ đậm**, *chữ nghiêng*, dấu sao 5 \\* 3 và ngoặc \\[1] giữ nguyên"
        "[^Chú thích hai, đoạn một. ¶ Đoạn hai của chú thích.].")]
    assert data["closing"] == "Trên đây là báo cáo kết quả {period}."
    paragraphs, notes = docx_text(built)
    assert "2. Công tác tuyên truyền ngày càng hiệu quả[^]." in paragraphs
    assert "Đoạn có chữ đậm, chữ nghiêng, dấu sao 5 * 3 và ngoặc [1] giữ nguyên[^]." in paragraphs
    two_paragraphs = "Chú thích hai, đoạn một. ¶ Đoạn hai của chú thích."
    assert notes == ["Chú thích mở đầu.", "Chú thích có đậm.", two_paragraphs, "Chú thích ba."]
    assert "import.missing" in {d.code for d in result.diagnostics.items}


def test_handmade_word_report(tmp_path):
    pytest.importorskip("generator.legacy", reason="legacy-font converter not there yet")
    docx = handmade.build(tmp_path / "tay.docx")
    result, built = _import_and_build(docx, tmp_path)
    report = result.compiled.manifest
    data = normalized_report(result.target)

    assert (report.organ.parent, report.organ.name, report.organ.abbrev, report.number) == (
        "ĐẢNG BỘ TỈNH HẬU GIANG", "HUYỆN ỦY CHÂU THÀNH", "HU", "125")
    assert (report.place, report.date.day, report.date.month, report.date.year) == (
        "Châu Thành", 5, 10, 2024)
    assert (report.period.kind, report.title) == ("quy-3", "Sơ kết công tác {period}")
    assert report.recipients == ["Tỉnh ủy Hậu Giang,", "Lưu VP."]
    assert (report.signature.authority, report.signature.title, report.signature.name) == (
        "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn An")
    economy, culture = data["outline"][0]["sections"]
    assert economy["paragraphs"][0] == ("Kinh tế tăng trưởng **khá** và *ổn định*, chỉ số 5 \\* 3 "
                                        "\\[ghi chú][^Tổng sản phẩm tăng 7,5%.].")
    assert economy["paragraphs"][2:] == [
        {"table": {"header": [["Chỉ tiêu", "Kết quả"]], "rows": [["Thu ngân sách", "105%"]]}}]
    # "a)" is not a number the build prints at that level: kept as typed, in bold.
    assert culture["paragraphs"] == ["Cộng hòa xã hội chủ nghĩa Việt Nam - BÁO CÁO",
                                     "**a) Về giáo dục**", "Giáo dục có nhiều chuyển biến.",
                                     "Đoạn có khung chữ.", "Chữ trong khung."]
    assert culture["sub"] == []
    assert data["outline"][1]["paragraphs"] == ["Một số chỉ tiêu còn chậm."]
    codes = {d.code for d in result.diagnostics.items}
    assert {"import.image", "import.textbox", "import.content-control"} <= codes
    paragraphs, notes = docx_text(built)
    assert notes == list(handmade.NOTES.values())
    assert "a) Về giáo dục" in paragraphs and "2.1. Về giáo dục" not in paragraphs


def test_handmade_report_faithfulness_carries_the_table_and_lists_the_picture(tmp_path):
    result = import_report(handmade.build(tmp_path / "tay.docx"), tmp_path / "data" / "x")
    faithful = result.faithfulness

    assert (faithful.source.notes, faithful.data.notes) == (2, 2)
    assert (faithful.source.tables, faithful.data.tables) == (1, 1)
    assert [loss.reason for loss in faithful.losses] == [
        "không chuyển được thành chữ, cần chèn lại bằng tay sau khi tạo văn bản"]


def test_tcvn3_text_without_a_font_of_its_own_is_converted_in_a_tcvn3_document(tmp_path):
    """A table cell whose font comes from a style the reader does not follow (a table style)."""
    pytest.importorskip("generator.legacy", reason="legacy-font converter not there yet")
    document = docx.Document()
    document.add_paragraph("BÁO CÁO")
    document.add_heading("I. KẾT QUẢ", 1)
    document.add_paragraph().add_run(handmade.TCVN3_TEXT).font.name = ".VnTime"
    document.add_table(rows=1, cols=1).cell(0, 0).text = handmade.TCVN3_TEXT
    document.save(tmp_path / "in.docx")
    result = import_report(tmp_path / "in.docx", tmp_path / "out")
    area = next((tmp_path / "out" / "areas").glob("*.yaml")).read_text(encoding="utf-8")

    assert area.count("Cộng hòa xã hội chủ nghĩa Việt Nam") == 2
    assert "import.legacy-font" not in {d.code for d in result.diagnostics.items}
