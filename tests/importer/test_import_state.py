"""State documents imported as ``profile: nd30`` and built: the header read back with python-docx.

Each test types a document the way a clerk's Word file has it (the corpus's Word-like form),
imports it, builds the imported folder, and reads the header table and the paragraphs of the
.docx: the organ and the Số line must print as typed, the appendix after the signature as one.
"""

from __future__ import annotations

import sys

import docx
import pytest

from generator.diagnostics import Diagnostics
from generator.importer.run import import_report
from generator.loader import load_yaml
from generator.pipeline import build_report
from generator.profiles.nd30.layout import MOTTO, NATION
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "import-corpus"))
from make_corpus import word_document

BODY = ["# I. KẾT QUẢ", "Kinh tế tăng trưởng khá.", "# II. NHIỆM VỤ", "Tiếp tục thực hiện.",
        "Trên đây là báo cáo kết quả thực hiện nhiệm vụ 6 tháng năm 2024 của Ủy ban nhân dân "
        "tỉnh."]
TAIL = {"recipients": ["Nơi nhận:", "- Như trên;", "- Lưu: VT."],
        "signature": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An"]}


def _state(left: list[str], doc_type: str | None = "BÁO CÁO", **more) -> dict:
    sections = {"left": left, "right": [NATION, MOTTO, "Hậu Giang, ngày 10 tháng 7 năm 2024"],
                "title": ["Kết quả thực hiện nhiệm vụ 6 tháng năm 2024"], "body": BODY, **TAIL}
    if doc_type:
        sections["type"] = [doc_type]
    return {**sections, **more}


def _import_and_build(sections: dict, tmp_path):
    word_document(sections).save(tmp_path / "in.docx")
    result = import_report(tmp_path / "in.docx", tmp_path / "out")
    built = build_report(tmp_path / "out", tmp_path / "built.docx").output
    return result, docx.Document(str(built))


def _header_column(document, column: int) -> list[str]:
    """Return the non-empty paragraphs of one column of the built header table."""
    cell = document.tables[0].rows[0].cells[column]
    return [p.text for p in cell.paragraphs if p.text.strip()]


def _report_yaml(tmp_path) -> dict:
    source = load_yaml(tmp_path / "out" / "report.yaml", Diagnostics())
    assert source is not None
    return source.data


@pytest.mark.parametrize("typed", ["UỶ BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"])
def test_the_organ_prints_as_typed_in_either_tone_placement(typed, tmp_path):
    result, document = _import_and_build(_state([typed, "TỈNH BẾN TRE", "Số: 1312/BC-UBND"]),
                                         tmp_path)

    assert _report_yaml(tmp_path)["profile"] == "nd30"
    assert _header_column(document, 0) == [f"{typed}\nTỈNH BẾN TRE", "Số: 1312/BC-UBND"]
    assert _header_column(document, 1)[:2] == [NATION, MOTTO]
    assert not result.faithfulness.losses


def test_number_and_type_symbol_as_typed_with_a_leading_zero(tmp_path):
    """``Số: 06/QC-TT.HĐND-UBND``: the 0 stays and QC (quy chế) is not dropped."""
    left = ["THƯỜNG TRỰC", "HĐND - UBND TỈNH HÒA BÌNH", "Số: 06/QC-TT.HĐND-UBND"]
    result, document = _import_and_build(_state(left, "QUY CHẾ"), tmp_path)
    data = _report_yaml(tmp_path)

    assert (data["number"], data["doc_type"], data["organ"]["abbrev"]) == (
        "06", "QUY CHẾ", "TT.HĐND-UBND")
    assert "doc_abbrev" not in data  # QC is the table's symbol for a quy chế
    assert "Số: 06/QC-TT.HĐND-UBND" in _header_column(document, 0)
    assert "QUY CHẾ" in [p.text for p in document.paragraphs]
    assert not result.faithfulness.losses


def test_a_letters_symbol_is_the_organs_whole_symbol(tmp_path):
    """``Số: 2917/SGDĐT-VP`` of a công văn: no type part, the organ symbol keeps its hyphen."""
    left = ["UBND TỈNH NINH THUẬN", "**SỞ GIÁO DỤC VÀ ĐÀO TẠO**", "Số : 2917 /SGDĐT-VP",
            "V/v báo cáo nhanh tình hình thiệt hại do lũ lụt."]
    body = ["Kính gửi:", "- Ủy ban nhân dân tỉnh Ninh Thuận;", "- Bộ Giáo dục và Đào tạo.",
            *BODY]
    result, document = _import_and_build(_state(left, None, title=[], body=body), tmp_path)
    data = _report_yaml(tmp_path)

    assert (data["doc_type"], data["number"], data["organ"]["abbrev"]) == (
        "CÔNG VĂN", "2917", "SGDĐT-VP")
    assert "doc_abbrev" not in data
    assert _header_column(document, 0) == [
        "UBND TỈNH NINH THUẬN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số: 2917/SGDĐT-VP",
        "V/v báo cáo nhanh tình hình thiệt hại do lũ lụt."]
    texts = [p.text.strip() for p in document.paragraphs]
    assert texts[texts.index("Kính gửi:") + 1:][:2] == [
        "- Ủy ban nhân dân tỉnh Ninh Thuận;", "- Bộ Giáo dục và Đào tạo."]
    assert not result.faithfulness.losses


def test_bases_and_a_single_addressee_of_a_state_report(tmp_path):
    body = ["Kính gửi: Ủy ban nhân dân tỉnh Hậu Giang.",
            "*Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;*",
            "*Theo đề nghị của Chánh Văn phòng.*", *BODY]
    result, document = _import_and_build(
        _state(["ỦY BAN NHÂN DÂN", "HUYỆN CHÂU THÀNH", "Số: 45/BC-UBND"], body=body), tmp_path)
    data = _report_yaml(tmp_path)

    assert data["addressees"] == ["Ủy ban nhân dân tỉnh Hậu Giang."]
    assert data["bases"] == ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm "
                             "2015;", "Theo đề nghị của Chánh Văn phòng."]
    assert (data["period"], "doc_abbrev" in data) == ({"kind": "6-thang", "year": 2024}, False)
    texts = [p.text for p in document.paragraphs]
    assert "Kính gửi: Ủy ban nhân dân tỉnh Hậu Giang." in texts
    bases = [p for p in document.paragraphs if "Căn cứ Luật" in p.text or "Theo đề nghị" in p.text]
    assert [p.text for p in bases] == [
        "- Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "- Theo đề nghị của Chánh Văn phòng."]
    assert all(run.italic or p.style.font.italic for p in bases for run in p.runs if run.text)
    assert not result.faithfulness.losses


def test_an_appendix_after_the_signature_becomes_an_appendix(tmp_path):
    after = ["CHƯƠNG TRÌNH", "Hội nghị sơ kết", "PHỤ LỤC I", "MỘT SỐ CHỈ TIÊU CHỦ YẾU",
             "6 THÁNG NĂM 2024", "(Kèm theo Báo cáo số 218/BC-UBND ngày 10/7/2024)",
             "1. Thu ngân sách đạt 95% dự toán.", "2. Giải quyết việc làm cho 2.100 lao động.",
             "Phụ lục II: Danh sách công trình", "Trường Tiểu học Phú Hữu."]
    result, document = _import_and_build(
        _state(["ỦY BAN NHÂN DÂN", "TỈNH HẬU GIANG", "Số: 218/BC-UBND"], after=after), tmp_path)
    data = _report_yaml(tmp_path)

    assert [a["title"] for a in data["appendices"]] == [
        "MỘT SỐ CHỈ TIÊU CHỦ YẾU 6 THÁNG NĂM 2024", "Danh sách công trình"]
    area = (tmp_path / "out" / "areas" / f"{data['appendices'][1]['area']}.yaml")
    assert "Trường Tiểu học Phú Hữu." in area.read_text(encoding="utf-8")
    texts = [p.text for p in document.paragraphs]
    at = texts.index("Phụ lục I")
    assert texts[at:at + 2] == ["Phụ lục I", "MỘT SỐ CHỈ TIÊU CHỦ YẾU 6 THÁNG NĂM 2024"]
    assert texts[at + 2].startswith("(Kèm theo Báo cáo số 218/BC-UBND")
    assert texts[at + 3:at + 5] == ["1. Thu ngân sách đạt 95% dự toán.",
                                    "2. Giải quyết việc làm cho 2.100 lao động."]
    assert texts[-4:-2] + texts[-1:] == ["Phụ lục II", "DANH SÁCH CÔNG TRÌNH",
                                         "Trường Tiểu học Phú Hữu."]
    losses = [(loss.text, "PHỤ LỤC" in loss.reason) for loss in result.faithfulness.losses]
    assert losses == [("CHƯƠNG TRÌNH", True), ("Hội nghị sơ kết", True)]


def test_a_party_documents_symbol_follows_the_profile_of_its_date(tmp_path):
    """Quy định is QĐi under HD36 and QĐ under HD05 (from 27/5/2026): no doc_abbrev either way."""
    for year, typed in ((2024, "QĐi"), (2026, "QĐ")):
        sections = {"left": ["THÀNH ỦY CẦN THƠ", "*", f"Số 05-{typed}/TU"],
                    "right": ["ĐẢNG CỘNG SẢN VIỆT NAM", f"Cần Thơ, ngày 10 tháng 7 năm {year}"],
                    "type": ["QUY ĐỊNH"], "title": ["Về chế độ báo cáo"], "body": BODY, **TAIL}
        folder = tmp_path / str(year)
        folder.mkdir()
        _, document = _import_and_build(sections, folder)
        data = _report_yaml(folder)

        assert ("profile" in data, "doc_abbrev" in data, "period" in data) == (False,) * 3
        assert f"Số 05-{typed}/TU" in _header_column(document, 0)


def test_a_two_line_state_organ_without_bold_is_one_organ(tmp_path):
    """pandoc-made: nothing bold tells ``ỦY BAN NHÂN DÂN`` / ``XÃ …`` apart; NĐ30 joins them."""
    corpus = ROOT / "tests" / "fixtures" / "import-corpus" / "docx"
    result = import_report(corpus / "xa-bc-giua-nhiem-ky.docx", tmp_path / "out")
    organ = result.compiled.manifest.organ
    built = build_report(tmp_path / "out", tmp_path / "built.docx").output

    assert (organ.name, organ.parent) == ("ỦY BAN NHÂN DÂN XÃ ……….", None)
    assert _header_column(docx.Document(str(built)), 0) == [
        "ỦY BAN NHÂN DÂN\nXÃ ……….", "Số:      /BC-UBND"]


def test_a_quoc_hieu_outside_the_header_is_not_taken_as_printed(tmp_path):
    """An attached form after the signature repeating the quốc hiệu is listed, not carried."""
    after = ["Mẫu số 01", NATION, MOTTO, "ĐƠN ĐỀ NGHỊ"]
    result, _ = _import_and_build(
        _state(["ỦY BAN NHÂN DÂN", "TỈNH HẬU GIANG", "Số: 218/BC-UBND"], after=after), tmp_path)

    assert [loss.text for loss in result.faithfulness.losses] == after


def test_an_appendix_table_is_carried_the_way_the_body_carries_tables(tmp_path):
    """Whatever the body path makes of a Word table, an appendix's table gets the same."""
    sections = _state(["ỦY BAN NHÂN DÂN", "TỈNH HẬU GIANG", "Số: 218/BC-UBND"],
                      after=["PHỤ LỤC", "MỘT SỐ CHỈ TIÊU CHỦ YẾU"])
    document = word_document(sections)
    table = document.add_table(rows=2, cols=3)
    for row, cells in zip(table.rows, (["Chỉ tiêu", "Kế hoạch", "Thực hiện"],
                                       ["Thu ngân sách", "10.500", "7.120"])):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    document.save(tmp_path / "in.docx")
    result = import_report(tmp_path / "in.docx", tmp_path / "out")
    built = build_report(tmp_path / "out", tmp_path / "built.docx").output

    printed = [p.text for p in docx.Document(str(built)).paragraphs]
    printed += [c.text for t in docx.Document(str(built)).tables for r in t.rows for c in r.cells]
    assert all(any(text in line for line in printed)
               for text in ("Thu ngân sách", "10.500", "7.120", "Kế hoạch"))
    assert not result.faithfulness.losses or all(
        loss.text.startswith("bảng") for loss in result.faithfulness.losses)
