"""The public corpus: real documents, as they arrive, imported faithfully or loudly, then built.

Each document's expected figures come from its text (tests/fixtures/import-corpus/texts): one
line is one paragraph; what follows the signature must be listed as not carried unless it is a
phụ lục, and nothing else (bar the few lines in `UNREAD`). A state header is carried: the build
prints it through NĐ30, the organ and the Số line as typed, quốc hiệu and tiêu ngữ as the
profile's fixed text.
"""

from __future__ import annotations

import re
import subprocess
import sys

import docx
import pytest

from generator.importer.faithful import normalize
from generator.importer.outline import PART, number_prefix
from generator.importer.parts import STATE, STATE_NUMBER
from generator.importer.run import import_report
from generator.importer.tail import APPENDIX_LABEL
from generator.profiles.nd30.layout import MOTTO, NATION
from generator.pipeline import build_report
from tests.conftest import ROOT as REPO_ROOT
from tests.importer.import_helpers import docx_text

CORPUS = REPO_ROOT / "tests" / "fixtures" / "import-corpus"
sys.path.insert(0, str(CORPUS))
from make_corpus import FORMS, plain_text, read_text

UNREAD = {
    "vinh-bc-thanh-tich-khoi": {"Vinh, ngày tháng năm 200", "(ký, ghi rõ họ tên)"},
}
"""Lines the importer cannot read into any field and must list (a blank form's date, a hint)."""


def _lines(sections: dict[str, list[str]]) -> list[str]:
    return [plain_text(line) for key, lines in sections.items() if key != "source"
            for line in lines]


def _expected_losses(name: str, sections: dict[str, list[str]]) -> set[str]:
    """Lines after the signature unless they open with a PHỤ LỤC label, and the `UNREAD`."""
    after = [plain_text(line) for line in sections.get("after", [])]
    lost = [] if after and APPENDIX_LABEL.match(after[0]) else after
    return {normalize(text) for text in lost + sorted(UNREAD.get(name, ()))}


def _printed(line: str, built: list[str]) -> bool:
    """Return True if the build prints `line` (quốc hiệu and Số line in their printed form)."""
    text = plain_text(line)
    if STATE.match(text):  # the NĐ30 template's own spelling and dashes
        return NATION in built and MOTTO in built
    printed = "\n".join(normalize(p) for p in built)
    if STATE_NUMBER.match(text):  # "Số : 2917 /SGDĐT-VP" prints as "Số: 2917/SGDĐT-VP"
        return "".join(normalize(text).split()) in "".join(printed.split())
    return normalize(text) in printed


def _headings(sections: dict[str, list[str]]) -> int:
    return sum(1 for line in sections.get("body", []) if line.startswith("# ")
               and (number_prefix(plain_text(line)) or PART.match(plain_text(line))))


@pytest.mark.parametrize("name", sorted(FORMS))
def test_corpus_document_is_carried_or_listed_and_builds_with_its_text(name, tmp_path):
    sections = read_text(CORPUS / "texts" / f"{name}.txt")
    result = import_report(CORPUS / "docx" / f"{name}.docx", tmp_path / name)
    faithful = result.faithfulness
    lines = _lines(sections)
    lost = _expected_losses(name, sections)

    assert faithful.source.paragraphs == len(lines)
    assert faithful.source.headings == _headings(sections)
    assert {normalize(loss.text) for loss in faithful.losses} == lost
    assert faithful.data.paragraphs == len(lines) - len(lost)
    assert faithful.data.headings + faithful.kept_headings == faithful.source.headings
    assert faithful.data.tables + faithful.kept_tables == faithful.source.tables

    built, _ = docx_text(build_report(tmp_path / name, tmp_path / "built.docx").output)
    for line in lines:
        if normalize(line) not in lost and not re.fullmatch(r"[-*_ .]+|\*", line):
            assert _printed(line, built), line


def test_corpus_headings_print_with_their_own_numbers(tmp_path):
    """A heading the build numbers prints the number the source typed (``I-`` as ``I.``)."""
    for name in ("qnam-kh-4544", "bacninh-kh-155", "ninhthuan-sgddt-cv-2917"):
        sections = read_text(CORPUS / "texts" / f"{name}.txt")
        import_report(CORPUS / "docx" / f"{name}.docx", tmp_path / name)
        built, _ = docx_text(build_report(tmp_path / name, tmp_path / f"{name}.docx").output)
        for line in sections["body"]:
            text = plain_text(line)
            if line.startswith("# ") and number_prefix(text):
                assert " ".join(text.split()).rstrip(":") in [p.rstrip(":") for p in built]


def test_tcvn3_saved_by_libreoffice_keeps_every_u_horn(tmp_path):
    """LibreOffice writes TCVN3's ư (0xAD) as a soft hyphen; the import must turn it back."""
    name = "ninhthuan-nq-10-tu"
    result = import_report(CORPUS / "docx" / f"{name}.docx", tmp_path / name)
    report = result.compiled.manifest

    assert (report.organ.parent, report.organ.name, report.number) == (
        "ĐẢNG BỘ TỈNH NINH THUẬN", "TỈNH ỦY", "10")
    assert report.doc_type == "NGHỊ QUYẾT" and report.title.startswith("về huy động nguồn lực, ưu")
    assert not result.faithfulness.losses


def test_state_header_number_and_type_as_typed(tmp_path):
    report = import_report(CORPUS / "docx" / "kontum-qd-06.docx", tmp_path / "k").compiled.manifest

    assert report.profile == "nd30" and report.period is None
    assert (report.organ.name, report.organ.parent) == ("ỦY BAN NHÂN DÂN TỈNH KON TUM", None)
    assert (report.number, report.doc_type, report.organ.abbrev) == ("06/2024", "QUYẾT ĐỊNH",
                                                                      "UBND")
    assert report.title == ("QUY ĐỊNH CHẾ ĐỘ BÁO CÁO ĐỊNH KỲ PHỤC VỤ MỤC TIÊU QUẢN LÝ TRÊN ĐỊA "
                            "BÀN TỈNH KON TUM")


def test_letter_without_type_line_and_its_addressees(tmp_path):
    result = import_report(CORPUS / "docx" / "ninhthuan-sgddt-cv-2917.docx", tmp_path / "cv")
    report = result.compiled.manifest

    assert (report.profile, report.doc_type, report.organ.name, report.organ.parent) == (
        "nd30", "CÔNG VĂN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "UBND TỈNH NINH THUẬN")
    assert (report.number, report.organ.abbrev, report.doc_abbrev) == ("2917", "SGDĐT-VP", None)
    assert report.title.startswith("V/v báo cáo nhanh tình hình")
    assert report.addressees == ["Ủy ban nhân dân tỉnh Ninh Thuận;", "Bộ Giáo dục và Đào tạo."]
    assert str(report.intro[0]).startswith("Vừa qua, tỉnh Ninh Thuận")


def test_plan_takes_no_period_from_an_anniversary_date(tmp_path):
    result = import_report(CORPUS / "docx" / "vinhphuc-kh-90-nam.docx", tmp_path / "vp")
    text = (tmp_path / "vp" / "report.yaml").read_text(encoding="utf-8")

    assert "1930" not in result.compiled.manifest.title.replace("3/2/1930", "")
    title = next(line for line in text.splitlines() if line.startswith("title:"))
    assert "{period}" not in title and result.compiled.manifest.period is None
    assert "period:" not in text  # a plan is not periodic: no stand-in period
    assert "import.period" not in {d.code for d in result.diagnostics.items}


def test_command_exit_code_says_whether_something_was_not_carried(tmp_path):
    def run(name: str, *extra: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "generator", "import",
                               str(CORPUS / "docx" / f"{name}.docx"), str(tmp_path / name),
                               "--force", *extra], capture_output=True, text=True, check=False,
                              cwd=REPO_ROOT)

    lossy = run("vinh-bc-thanh-tich-khoi")
    assert lossy.returncode == 1 and "không chuyển: 3 chỗ:" in lossy.stdout
    assert "  - đoạn 17 “Xác nhận của UBND phường, xã……………………..”: nằm sau chữ ký nhưng " \
           "không mở đầu bằng dòng “PHỤ LỤC”" in lossy.stdout
    assert "--allow-loss" in lossy.stderr
    assert run("vinh-bc-thanh-tich-khoi", "--allow-loss").returncode == 0
    for whole in (run("ninhthuan-nq-10-tu"), run("hagiang-qd-1209")):  # Party, state
        assert whole.returncode == 0 and "không có gì bị bỏ sót" in whole.stdout


def test_the_failures_the_issue_lists(tmp_path):
    """A made-up state report with each trap the issue names (not part of the public corpus)."""
    from make_corpus import word_document

    sections = {
        "left": ["ỦY BAN NHÂN DÂN", "TỈNH HẬU GIANG", "Số: 218/BC-UBND"],
        "right": ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                  "Hậu Giang, ngày 10 tháng 7 năm 2024"],
        "type": ["BÁO CÁO"],
        "title": ["Kết quả thực hiện nhiệm vụ 6 tháng năm 2024", "và phương hướng 6 tháng cuối năm"],
        "body": ["Năm 1930, Đảng ra đời; năm 2020 kỷ niệm 90 năm.", "# I. KẾT QUẢ", "# 1. Kinh tế",
                 "Kinh tế tăng trưởng.", "# 2.Tham gia xây dựng", "Các đơn vị tham gia.",
                 "**4. Thời gian thực hiện:** từ tháng 7 đến tháng 12.", "# II. PHƯƠNG HƯỚNG",
                 "Tiếp tục thực hiện."],
        "recipients": ["Nơi nhận:", "- Như trên;", "- Thường trực Tỉnh ủy;", "Bản điện tử:",
                       "- Các sở, ban, ngành;", "- Lưu: VT."],
        "signature": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"],
        "after": ["CHƯƠNG TRÌNH", "Hội nghị sơ kết", "1. Khai mạc.", "2. Thảo luận."],
    }
    document = word_document(sections)
    document.paragraphs[0].style = document.styles["Heading 1"]  # the type in a heading style
    document.save(tmp_path / "in.docx")
    result = import_report(tmp_path / "in.docx", tmp_path / "out")
    report, faithful = result.compiled.manifest, result.faithfulness

    assert (report.organ.name, report.number, report.organ.abbrev) == (
        "ỦY BAN NHÂN DÂN TỈNH HẬU GIANG", "218", "UBND")
    assert report.title == ("Kết quả thực hiện nhiệm vụ 6 tháng năm 2024 và phương hướng 6 tháng "
                            "cuối năm")
    assert (report.period.kind, report.period.year) == ("6-thang", 2024)
    assert [e.heading for e in report.outline] == ["KẾT QUẢ", "PHƯƠNG HƯỚNG"]
    assert [e.heading for e in report.outline[0].sections] == ["Kinh tế", "Tham gia xây dựng"]
    assert report.recipients == ["Như trên;", "Thường trực Tỉnh ủy;", "Bản điện tử:",
                                 "Các sở, ban, ngành;", "Lưu: VT."]
    assert (report.signature.title, report.signature.name) == ("PHÓ CHỦ TỊCH", "Nguyễn Văn An")
    assert report.closing is None
    assert report.intro == ["Năm 1930, Đảng ra đời; năm 2020 kỷ niệm 90 năm."]
    assert (faithful.source.headings, faithful.data.headings) == (4, 4)
    appendix = [loss.text for loss in faithful.losses if "phụ lục" in loss.reason]
    assert appendix == sections["after"]
    area = (tmp_path / "out" / "areas" / "tham-gia-xay-dung.yaml").read_text(encoding="utf-8")
    assert "**4. Thời gian thực hiện:** từ tháng 7 đến tháng 12." in area


@pytest.mark.parametrize("line, number, doc, organ", [
    ("Số 127-BC/TU", "127", "BC", "TU"), ("Số: 12/NQ-CP", "12", "NQ", "CP"),
    ("Số: 06/2024/QĐ-UBND", "06/2024", "QĐ", "UBND"), ("Số:      /KH-UBND", "", "KH", "UBND"),
    ("Số : 2917 /SGDĐT-VP", "2917", "SGDĐT", "VP"),
])
def test_party_and_state_number_lines_keep_number_and_symbol(line, number, doc, organ):
    from generator.importer.parts import NUMBER

    m = NUMBER.match(line) or STATE_NUMBER.match(line)
    assert (m["num"].strip(" .:/"), m["doc"], m["org"]) == (number, doc, organ)


def test_area_import_leaves_out_header_and_tail_on_purpose_and_says_so(report_copy):
    from click.testing import CliRunner

    from generator.cli import cli

    name = "ninhthuan-sgddt-cv-2917"
    sections = read_text(CORPUS / "texts" / f"{name}.txt")
    header = len(sections["left"]) + len(sections["right"])
    docx = CORPUS / "docx" / f"{name}.docx"
    result = CliRunner().invoke(cli, ["import", str(docx), str(report_copy), "--area",
                                      "Công tác thi đua, khen thưởng"])
    assert result.exit_code == 0, result.output
    assert f"bỏ qua {header} đoạn của khối đầu, trích yếu" in result.output
    assert "không có gì bị bỏ sót" in result.output


def test_signature_above_noi_nhan_then_an_attached_programme(tmp_path):
    """Typed as paragraphs: signature, Nơi nhận, then a programme; none of it is the signer."""
    from make_corpus import word_document

    tail = ["TM. BAN THƯỜNG VỤ", "BÍ THƯ", "Trần Văn Bình", "Nơi nhận:", "- Tỉnh ủy;",
            "- Lưu VP."]
    programme = ["CHƯƠNG TRÌNH", "Hội nghị sơ kết", "Khai mạc hội nghị."]
    sections = {"left": ["HUYỆN ỦY CHÂU THÀNH", "*", "Số 127-BC/HU"],
                "right": ["ĐẢNG CỘNG SẢN VIỆT NAM", "Châu Thành, ngày 5 tháng 10 năm 2024"],
                "type": ["BÁO CÁO"], "title": ["Sơ kết công tác quý III năm 2024"],
                "body": ["# I. KẾT QUẢ", "Kết quả tốt.",
                         "Trên đây là báo cáo sơ kết công tác quý III năm 2024."] + tail,
                "after": programme}
    word_document(sections).save(tmp_path / "in.docx")
    result = import_report(tmp_path / "in.docx", tmp_path / "out")
    report = result.compiled.manifest

    assert (report.number, report.organ.abbrev, report.period.kind) == ("127", "HU", "quy-3")
    assert (report.signature.authority, report.signature.title, report.signature.name) == (
        "TM. BAN THƯỜNG VỤ", "BÍ THƯ", "Trần Văn Bình")
    assert report.recipients == ["Tỉnh ủy;", "Lưu VP."]
    assert [loss.text for loss in result.faithfulness.losses] == programme


def test_a_five_month_report_is_not_taken_for_a_year_report(tmp_path):
    result = import_report(CORPUS / "docx" / "qnam-bc-5-thang-2017.docx", tmp_path / "qn")

    assert "import.period" in {d.code for d in result.diagnostics.items}
    assert "{period}" not in result.compiled.manifest.title


def test_plain_title_after_the_type_is_the_title(tmp_path):
    """Neither centered nor bold: the first line under ``KẾ HOẠCH`` is still its subject."""
    document = docx.Document()
    for text in ("KẾ HOẠCH", "Tổ chức Hội nghị sơ kết công tác quý III"):
        document.add_paragraph(text)
    document.add_paragraph().add_run("I. MỤC ĐÍCH").bold = True
    document.add_paragraph("Đánh giá kết quả.")
    document.save(tmp_path / "in.docx")
    report = import_report(tmp_path / "in.docx", tmp_path / "out").compiled.manifest

    assert report.title == "Tổ chức Hội nghị sơ kết công tác quý III"
    assert [e.heading for e in report.outline] == ["MỤC ĐÍCH"]
