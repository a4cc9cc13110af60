"""The new report.yaml fields, read back as a user would: from the built .docx or the messages."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn

from generator import profiles
from generator.errors import DataError
from generator.pipeline import build_report, compile_report
from tests.conftest import require_tool
from tests.profiles.helpers import report_folder
from tests.test_clients import page_text

HD05_DATE = {"day": 2, "month": 12, "year": 2026}
HD05_PERIOD = {"kind": "nam", "year": 2026}


def _built(tmp_path, **changes) -> docx.Document:
    out = tmp_path / "out.docx"
    build_report(report_folder(tmp_path, **changes), out)
    return docx.Document(str(out))


def _cells(document, table: int, column: int) -> list[str]:
    return [p.text for p in document.tables[table].rows[0].cells[column].paragraphs]


def _errors(tmp_path, **changes) -> list[str]:
    with pytest.raises(DataError) as caught:
        compile_report(report_folder(tmp_path, **changes))
    return [d.format() for d in caught.value.diagnostics.errors]


@pytest.mark.parametrize("name", list(profiles.PROFILES))
def test_recipients_typed_without_punctuation_get_the_profiles(tmp_path, name):
    profile = profiles.PROFILES[name]
    document = _built(tmp_path, profile=name, recipients=["Văn phòng Trung ương Đảng,",
                                                          "Các đảng ủy trực thuộc", "Lưu VT;"])
    lines = _cells(document, -1, 0)[1:4]
    end, last = profile.recipients.item_end, profile.recipients.last_end
    assert lines == [f"- Văn phòng Trung ương Đảng{end}", f"- Các đảng ủy trực thuộc{end}",
                     f"- Lưu VT{last}"]


def test_the_summary_names_the_profile_chosen_by_the_date(tmp_path):
    result = build_report(report_folder(tmp_path, date=HD05_DATE, period=HD05_PERIOD),
                          tmp_path / "out.docx")
    assert "thể thức hd05 (Hướng dẫn 05-HD/VPTW năm 2026)" in result.summary()


@pytest.mark.parametrize("name", list(profiles.PROFILES))
def test_bases_are_lines_dashed_and_punctuated_by_the_profile(tmp_path, name):
    """HD36 and HD05 put "- " before each căn cứ; NĐ30 (Phụ lục I) writes them without."""
    profile = profiles.PROFILES[name]
    dash = {"hd36": "- ", "hd05": "- ", "nd30": ""}[name]
    document = _built(tmp_path, profile=name, doc_type="TỜ TRÌNH", period=None,
                      title="Đề nghị phê duyệt", addressees=["Ban Thường vụ Tỉnh ủy"],
                      bases=["Căn cứ Điều lệ Đảng;", "Căn cứ Quy định số 399-QĐ/TW"])
    texts = [p.text for p in document.paragraphs if p.style.name == "BC Can cu"]
    assert texts == [f"{dash}Căn cứ Điều lệ Đảng{profile.bases.item_end}",
                     f"{dash}Căn cứ Quy định số 399-QĐ/TW{profile.bases.last_end}"]
    label = profile.doc_type("TỜ TRÌNH").addressee_label
    kinh = [p.text for p in document.paragraphs if p.style.name == "BC Kinh gui"]
    assert kinh == [f"{label} Ban Thường vụ Tỉnh ủy{profile.addressees.last_end}"]


def test_a_to_trinh_under_hd05_is_kinh_trinh_and_under_hd36_kinh_gui(tmp_path):
    for name, label in (("hd05", "Kính trình:"), ("hd36", "Kính gửi:")):
        assert profiles.PROFILES[name].doc_type("TỜ TRÌNH").addressee_label == label


def test_a_cong_van_has_its_subject_under_the_number_and_no_type_line(tmp_path):
    document = _built(tmp_path, doc_type="CÔNG VĂN", period=None, number=686,
                      title="về việc gửi báo cáo", addressees=["A", "B"], date=HD05_DATE)
    left = _cells(document, 0, 0)
    assert left[-2:] == ["Số 686-CV/TU", "về việc gửi báo cáo"]
    styles = {p.style.name for p in document.paragraphs}
    assert "BC Ten loai" not in styles
    lines = [p.text for p in document.paragraphs if p.style.name.startswith("BC Kinh gui")]
    assert lines == ["Kính gửi: ", "- A;", "- B."]


def test_period_is_required_only_for_periodic_types(tmp_path):
    errors = _errors(tmp_path, period=None, closing=None)
    assert any("[schema.period-required]" in e and "report.yaml:" in e for e in errors)
    (tmp_path / "other").mkdir()
    document = _built(tmp_path / "other", doc_type="KẾ HOẠCH", period=None,
                      title="Triển khai Nghị quyết")
    assert document.paragraphs[1].text == "Triển khai Nghị quyết"


def test_line_spacing_outside_the_profiles_range_is_a_located_error(tmp_path):
    errors = _errors(tmp_path, date=HD05_DATE, period=HD05_PERIOD, line_spacing=24)
    assert len(errors) == 1
    assert "[schema.line-spacing]" in errors[0] and "từ 18 đến 22 pt" in errors[0]
    assert errors[0].startswith(str(tmp_path / "data" / "bao-cao" / "report.yaml") + ":")


def test_line_spacing_inside_the_range_sets_the_body_line(tmp_path):
    document = _built(tmp_path, date=HD05_DATE, period=HD05_PERIOD, line_spacing=20)
    assert document.styles["Body Text"].paragraph_format.line_spacing.pt == 20


def test_unknown_profile_is_a_located_error_naming_the_choices(tmp_path):
    errors = _errors(tmp_path, profile="hd99")
    assert any("[profile.unknown]" in e and "hd36, hd05, nd30" in e for e in errors)


def test_urgency_is_printed_in_capitals_under_the_number(tmp_path):
    document = _built(tmp_path, urgency="thượng khẩn")
    assert _cells(document, 0, 0)[-1] == "THƯỢNG KHẨN"
    assert any("[schema.urgency]" in e for e in _errors(tmp_path / "x", urgency="gấp"))


def test_circulation_sits_in_the_first_page_header_and_contact_at_the_end(tmp_path):
    document = _built(tmp_path, circulation="TÀI LIỆU HỘI NGHỊ", contact="Liên hệ: 0292 000",
                      drafter="ABC-10")
    header = document.sections[0].first_page_header.paragraphs
    assert header[0].text == "TÀI LIỆU HỘI NGHỊ"
    assert header[0].style.name == "BC Pham vi luu hanh"
    contact = [p for p in document.paragraphs if p.text == "Liên hệ: 0292 000"]
    assert contact and contact[0].style.name == "BC Lien he"
    assert _cells(document, -1, 0)[-1] == "ABC-10"


def test_a_state_documents_contact_line_is_at_the_foot_of_page_one(tmp_path):
    """NĐ30 Phụ lục I (ô số 14): page 1's footer, under a full-width rule; not after the text."""
    contact = "Địa chỉ: số 1 đường 3/2; điện thoại: 0292 3840 000"
    document = _built(tmp_path, profile="nd30", contact=contact)
    footer = document.sections[0].first_page_footer
    assert [p.text for p in footer.paragraphs if p.text] == [contact]
    assert footer.paragraphs[0].style.name == "BC Lien he"
    assert document.styles["BC Lien he"].element.pPr.find(qn("w:pBdr")) is not None
    assert not [p for p in document.paragraphs if p.text == contact]
    bare = _built(tmp_path / "bare", profile="nd30")  # no contact: page 1's footer stays empty
    assert [p.text for p in bare.sections[0].first_page_footer.paragraphs] == [""]


NOT_FOR_MEDIA = "Không phổ biến trên phương tiện thông tin đại chúng"


def test_hd05_prints_not_for_the_media_at_the_foot_of_the_last_page(tmp_path):
    """HD05 row 49: that phạm vi lưu hành mark goes to the last page, 10 mm from the bottom
    edge; under HD36 every mark stays at the top of page 1."""
    require_tool("soffice")
    from generator.pdf import docx_to_pdf

    out = tmp_path / "hd05.docx"
    folder = report_folder(tmp_path, date=HD05_DATE, period=HD05_PERIOD,
                           circulation=NOT_FOR_MEDIA)
    build_report(folder, out)
    document = docx.Document(str(out))
    assert [p.text for p in document.sections[0].first_page_header.paragraphs] == [""]
    mark = [p for p in document.paragraphs if p.text == NOT_FOR_MEDIA]
    assert len(mark) == 1 and mark[0].style.name == "BC Khong pho bien"
    frame = mark[0]._p.pPr.find(qn("w:framePr"))
    height, top = int(frame.get(qn("w:h"))), int(frame.get(qn("w:y")))
    page = document.sections[0].page_height.twips
    assert frame.get(qn("w:vAnchor")) == "page" and page - top - height == 567  # 10 mm
    lines = [line.strip() for line in page_text(docx_to_pdf(out, tmp_path / "hd05.pdf"), 1)
             .splitlines() if line.strip()]
    assert lines[-1] == NOT_FOR_MEDIA and "Nơi nhận:" in lines  # one page: it is the last
    party = _built(tmp_path / "hd36", circulation=NOT_FOR_MEDIA)
    assert party.sections[0].first_page_header.paragraphs[0].text == NOT_FOR_MEDIA


def test_which_marks_go_to_the_last_page_is_the_profiles_one_rule():
    """framing (where the build prints it) and the importer (where it reads it) ask the same."""
    hd05, hd36 = profiles.PROFILES["hd05"], profiles.PROFILES["hd36"]
    assert hd05.on_last_page("  KHÔNG   phổ biến trên phương tiện thông tin đại chúng")
    assert not hd05.on_last_page("TÀI LIỆU HỘI NGHỊ")
    assert not hd05.on_last_page("Không phổ biếnX")  # a whole word
    assert not hd36.on_last_page(NOT_FOR_MEDIA)
