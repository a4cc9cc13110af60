"""`baocao check FILE.docx`: the thể thức review of any Word document.

The built sample (HD36) must pass clean; each mutation below changes ONE fact of it, as a
careless edit in Word would, and the review must find exactly that deviation and nothing else.
Documents made by other tools (pandoc, python-docx, LibreOffice) are read without a crash.
"""

from __future__ import annotations

import io
import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from generator.layout import review_docx
from tests.conftest import require_tool

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def rewrite(source: Path, target: Path, part: str, change) -> Path:
    """Copy the .docx `source` to `target` with `change(root)` applied to one XML part."""
    with zipfile.ZipFile(source) as package:
        items = [(info, package.read(info)) for info in package.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info, data in items:
            if info.filename == part:
                root = etree.fromstring(data)
                change(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                      standalone=True)
            package.writestr(info, data)
    target.write_bytes(out.getvalue())
    return target


def style(root, name: str):
    """The ``w:style`` element named `name` in styles.xml."""
    return next(s for s in root.iter(w("style"))
                if s.find("w:name", NS) is not None and s.find("w:name", NS).get(w("val")) == name)


def paragraph_with(root, text: str):
    """The first ``w:p`` whose text contains `text`."""
    return next(p for p in root.iter(w("p")) if text in "".join(p.itertext()))


def replace_text(root, find: str, old: str, new: str) -> None:
    """Replace `old` by `new` in the texts of the first paragraph containing `find`."""
    for t in paragraph_with(root, find).iter(w("t")):
        t.text = (t.text or "").replace(old, new)


def set_child(parent, tag: str, **attrs):
    """Give `parent` (a pPr or rPr) a child `tag` with `attrs`, replacing an existing one."""
    old = parent.find(f"w:{tag}", NS)
    element = etree.SubElement(parent, w(tag)) if old is None else old
    element.attrib.clear()
    for key, value in attrs.items():
        element.set(w(key), value)
    return element


def _properties(element, tag: str):
    """The element's ``w:rPr`` / ``w:pPr``, made as its first child where it has none."""
    found = element.find(f"w:{tag}", NS)
    if found is None:
        found = etree.Element(w(tag))
        element.insert(0, found)
    return found


def _rpr(element):
    return _properties(element, "rPr")


def _ppr(element):
    return _properties(element, "pPr")


def _body_size(root):
    set_child(_rpr(style(root, "Body Text")), "sz", val="26")


def _body_line(root):
    set_child(_ppr(style(root, "Body Text")), "spacing", before="120", after="0", line="240",
              lineRule="auto")


def _body_align(root):
    set_child(_ppr(style(root, "Body Text")), "jc", val="left")


def _organ_not_bold(root):
    p = paragraph_with(root, "TỈNH ỦY HẬU GIANG")
    for r in p.iter(w("r")):
        set_child(_rpr(r), "b", val="0")


def _left_margin(root):
    root.find(".//w:body/w:sectPr/w:pgMar", NS).set(w("left"), "1417")


def _letter_paper(root):
    size = root.find(".//w:body/w:sectPr/w:pgSz", NS)
    size.set(w("w"), "12240")
    size.set(w("h"), "15840")


def _no_title_page(root):
    section = root.find(".//w:body/w:sectPr", NS)
    section.remove(section.find("w:titlePg", NS))


def _number_colon(root):
    replace_text(root, "-BC/TU", "Số ", "Số: ")


def _day_without_zero(root):
    replace_text(root, "Hậu Giang, ngày", "ngày     tháng 9", "ngày 5 tháng 9")


def _recipient_no_comma(root):
    replace_text(root, "Quân khu 9,", "Quân khu 9,", "Quân khu 9")


def _first_text_run(root, text: str):
    return next(r for r in paragraph_with(root, text).iter(w("r")) if "".join(r.itertext()))


def _red_text(root):
    set_child(_rpr(_first_text_run(root, "Trong 9 tháng năm 2024")), "color", val="FF0000")


def _arial_run(root):
    set_child(_rpr(_first_text_run(root, "Trong 9 tháng năm 2024")), "rFonts", ascii="Arial",
              hAnsi="Arial")


def _tracked_insertion(root):
    p = paragraph_with(root, "Trong 9 tháng năm 2024")
    run = next(r for r in p.iter(w("r")) if "".join(r.itertext()))
    ins = etree.Element(w("ins"), {w("id"): "900", w("author"): "A",
                                   w("date"): "2024-01-01T00:00:00Z"})
    run.addprevious(ins)
    ins.append(run)


def _no_title_rule(root):
    ppr = _ppr(style(root, "BC Tieu de Dang"))
    ppr.remove(ppr.find("w:pBdr", NS))


def _issued_with_draft_mark(root):
    for t in paragraph_with(root, "-BC/TU").iter(w("t")):
        t.text = "Số 127-BC/TU"
    for t in paragraph_with(root, "Hậu Giang, ngày").iter(w("t")):
        t.text = "Hậu Giang, ngày 26 tháng 9 năm 2024"


def _star_above_organ(root):
    organ = paragraph_with(root, "TỈNH ỦY HẬU GIANG")
    star = next(p for p in root.iter(w("p")) if "".join(p.itertext()) == "*")
    organ.addprevious(star)


def _state_authority_form(root):
    replace_text(root, "T/M BAN THƯỜNG VỤ", "T/M", "TM.")


def _heading_number_skipped(root):
    replace_text(root, "II. CÔNG TÁC XÂY DỰNG ĐẢNG", "II.", "III.")


def _appendices_misnumbered(root):
    body = root.find("w:body", NS)
    for text in ("Phụ lục 1", "Phụ lục 3"):
        p = etree.SubElement(body, w("p"))
        etree.SubElement(etree.SubElement(p, w("r")), w("t")).text = text
        body.find("w:sectPr", NS).addprevious(p)


MUTATIONS = {
    "star-above-organ": ("word/document.xml", _star_above_organ, "layout.order"),
    "state-authority-form": ("word/document.xml", _state_authority_form,
                             "layout.signature-form"),
    "body-13-pt": ("word/styles.xml", _body_size, "layout.size"),
    "body-single-spacing": ("word/styles.xml", _body_line, "layout.line-spacing"),
    "body-left-aligned": ("word/styles.xml", _body_align, "layout.align"),
    "organ-not-bold": ("word/document.xml", _organ_not_bold, "layout.bold"),
    "left-margin-25-mm": ("word/document.xml", _left_margin, "layout.margin"),
    "letter-paper": ("word/document.xml", _letter_paper, "layout.page-size"),
    "number-on-page-1": ("word/document.xml", _no_title_page, "layout.page-number"),
    "number-with-colon": ("word/document.xml", _number_colon, "layout.number-form"),
    "day-without-zero": ("word/document.xml", _day_without_zero, "layout.date-form"),
    "recipient-without-comma": ("word/document.xml", _recipient_no_comma,
                                "layout.recipient-punctuation"),
    "red-text": ("word/document.xml", _red_text, "layout.color"),
    "arial-run": ("word/document.xml", _arial_run, "layout.font"),
    "tracked-insertion": ("word/document.xml", _tracked_insertion, "layout.tracked-changes"),
    "no-rule-under-title": ("word/styles.xml", _no_title_rule, "layout.title-rule"),
    "issued-with-draft-mark": ("word/document.xml", _issued_with_draft_mark, "layout.draft-mark"),
}


def test_the_sample_has_no_deviation(sample_docx):
    profile, findings = review_docx(sample_docx)
    assert profile == "hd36"  # ĐẢNG CỘNG SẢN VIỆT NAM, dated 2024
    assert [f.format() for f in findings] == []


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_one_changed_fact_gives_exactly_its_finding(name, sample_docx, tmp_path):
    part, change, code = MUTATIONS[name]
    mutated = rewrite(sample_docx, tmp_path / f"{name}.docx", part, change)
    _, findings = review_docx(mutated)
    assert [f.code for f in findings] == [code], "\n".join(f.format() for f in findings)


def test_a_skipped_heading_number_is_told_where_it_happens(sample_docx, tmp_path):
    mutated = rewrite(sample_docx, tmp_path / "x.docx", "word/document.xml",
                      _heading_number_skipped)
    findings = review_docx(mutated)[1]
    assert {f.code for f in findings} == {"layout.heading-number"}
    assert 'đề mục đánh số "III." nhưng theo thứ tự phải là "II.".' in findings[0].message


def test_appendices_are_numbered_and_paged_as_the_profile_says(sample_docx, tmp_path):
    mutated = rewrite(sample_docx, tmp_path / "x.docx", "word/document.xml",
                      _appendices_misnumbered)
    codes = [f.code for f in review_docx(mutated)[1]]
    assert codes == ["layout.appendix-pages", "layout.appendix-number", "layout.appendix-pages"]


def test_a_to_trinh_under_hd05_needs_kinh_trinh(sample_docx, tmp_path):
    def to_trinh(root):
        for t in paragraph_with(root, "BÁO CÁO").iter(w("t")):
            t.text = "TỜ TRÌNH"

    mutated = rewrite(sample_docx, tmp_path / "x.docx", "word/document.xml", to_trinh)
    findings = review_docx(mutated, "hd05")[1]
    assert any(f.code == "layout.missing" and '"Kính trình:"' in f.message for f in findings)


def test_findings_name_the_paragraph_and_quote_it(sample_docx, tmp_path):
    part, change, _ = MUTATIONS["organ-not-bold"]
    _, findings = review_docx(rewrite(sample_docx, tmp_path / "x.docx", part, change))
    text = findings[0].format()
    assert "đoạn 1: tên cơ quan ban hành: cần chữ đậm." in text
    assert "«TỈNH ỦY HẬU GIANG»" in text


def test_many_paragraphs_of_one_style_give_one_finding(sample_docx, tmp_path):
    part, change, _ = MUTATIONS["body-13-pt"]
    _, findings = review_docx(rewrite(sample_docx, tmp_path / "x.docx", part, change))
    assert len(findings) == 1
    assert "cỡ chữ 13 pt; cần 14–15 pt" in findings[0].message
    assert "đoạn như vậy" in findings[0].message


def test_hd05_asks_for_semicolons_after_recipients(sample_docx):
    _, findings = review_docx(sample_docx, "hd05")
    codes = {f.code for f in findings}
    assert codes == {"layout.recipient-punctuation"}
    assert all('";"' in f.message for f in findings)


def test_a_party_document_under_the_state_profile_is_told_so_first(sample_docx):
    _, findings = review_docx(sample_docx, "nd30")
    assert findings[0].code == "layout.profile-mismatch"
    assert "Nghị định 30/2020/NĐ-CP" in findings[0].message


def _pandoc_docx(tmp_path: Path) -> Path:
    source = tmp_path / "p.md"
    source.write_text("ĐẢNG CỘNG SẢN VIỆT NAM\n\n# BÁO CÁO\n\nMột đoạn[^1].\n\n[^1]: Ghi chú.\n",
                      "utf-8")
    out = tmp_path / "p.docx"
    subprocess.run([require_tool("pandoc"), str(source), "-o", str(out)], check=True)
    return out


def _python_docx(tmp_path: Path) -> Path:
    import docx

    document = docx.Document()
    for text in ("ĐẢNG CỘNG SẢN VIỆT NAM", "TỈNH ỦY X", "BÁO CÁO", "Nội dung."):
        document.add_paragraph(text)
    document.add_table(rows=2, cols=2).cell(0, 0).text = "Nơi nhận:"
    out = tmp_path / "d.docx"
    document.save(out)
    return out


@pytest.mark.parametrize("make", [_pandoc_docx, _python_docx])
def test_documents_made_by_other_tools_are_read(make, tmp_path):
    _, findings = review_docx(make(tmp_path))
    codes = {f.code for f in findings}
    assert "layout.page-size" in codes  # both tools default to US Letter
    assert "layout.font" in codes


def test_a_libreoffice_resave_of_the_sample_is_still_clean(sample_docx, tmp_path):
    soffice = require_tool("soffice")
    out = tmp_path / "lo"
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out),
                    str(sample_docx)], check=True, capture_output=True, timeout=180)
    resaved = out / sample_docx.name
    assert resaved.is_file(), "LibreOffice wrote no file"
    _, findings = review_docx(resaved)
    assert [f.format() for f in findings] == []


def test_cli_prints_findings_and_exits_1(sample_docx, tmp_path):
    from generator.cli import cli

    part, change, _ = MUTATIONS["letter-paper"]
    mutated = rewrite(sample_docx, tmp_path / "x.docx", part, change)
    result = CliRunner().invoke(cli, ["check", str(mutated)])
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[0] == "Rà soát thể thức theo Hướng dẫn 36-HD/VPTW:"
    assert "lỗi[layout.page-size]: khổ giấy 216 × 279 mm; cần khổ A4" in result.output
    assert result.output.splitlines()[-1] == "Rà soát thể thức: 1 lỗi, 0 cảnh báo."


def test_cli_json_has_one_object_per_finding(sample_docx):
    from generator.cli import cli

    result = CliRunner().invoke(cli, ["check", str(sample_docx), "--profile", "hd05",
                                      "--format", "json"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and {row["code"] for row in rows} == {"layout.recipient-punctuation"}
    assert all(row["field"].startswith("đoạn ") for row in rows)
    assert result.exit_code == 0  # warnings only


def test_cli_refuses_a_missing_file(tmp_path):
    from generator.cli import cli

    result = CliRunner().invoke(cli, ["check", str(tmp_path / "khong-co.docx")])
    assert result.exit_code == 1
    assert "không có tệp" in result.output


# --- --fix: a corrected copy ---------------------------------------------------------------------

def _many_faults(sample_docx: Path, tmp_path: Path) -> Path:
    """The sample with six mechanical faults at once (sizes, spacing, page, font, punctuation)."""
    styled = rewrite(sample_docx, tmp_path / "styled.docx", "word/styles.xml",
                     lambda root: (_body_size(root), _body_line(root)))
    return rewrite(styled, tmp_path / "faults.docx", "word/document.xml",
                   lambda root: (_left_margin(root), _letter_paper(root), _arial_run(root),
                                 _recipient_no_comma(root)))


def _texts(path: Path) -> list[str]:
    from generator.ooxml.inspect import read_facts

    return [p.text for p in read_facts(path).paragraphs]


def test_fix_writes_a_copy_the_review_finds_clean(sample_docx, tmp_path):
    from generator.cli import cli

    faulty = _many_faults(sample_docx, tmp_path)
    before = faulty.read_bytes()
    fixed = tmp_path / "fixed.docx"
    result = CliRunner().invoke(cli, ["check", str(faulty), "--fix", str(fixed)])
    assert result.exit_code == 0, result.output
    assert faulty.read_bytes() == before  # the original is never touched
    for change in ("khổ giấy: 216 × 279 → 210 × 297 mm", "lề trái: 25 → 30 mm",
                   "phông chữ: mọi đoạn chữ → Times New Roman",
                   "giãn dòng 54 đoạn (đoạn nội dung) → đúng 18 pt",
                   "kết thúc bằng \",\""):
        assert change in result.output, result.output
    assert result.output.rstrip().endswith("Rà soát thể thức: không thấy sai lệch nào.")
    assert review_docx(fixed)[1] == []


def test_fix_changes_no_text_but_the_recipient_punctuation(sample_docx, tmp_path):
    from generator.layout.fix import fix_docx

    faulty = _many_faults(sample_docx, tmp_path)
    fix_docx(faulty, tmp_path / "fixed.docx")
    before, after = _texts(faulty), _texts(tmp_path / "fixed.docx")
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(before) == len(after)
    assert changed == [("- Quân khu 9", "- Quân khu 9,")]


def test_fix_is_deterministic(sample_docx, tmp_path):
    from generator.layout.fix import fix_docx

    faulty = _many_faults(sample_docx, tmp_path)
    fix_docx(faulty, tmp_path / "a.docx")
    fix_docx(faulty, tmp_path / "b.docx")
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()


def test_fix_refuses_to_overwrite_its_input(sample_docx, tmp_path):
    from generator.cli import cli

    faulty = _many_faults(sample_docx, tmp_path)
    before = faulty.read_bytes()
    result = CliRunner().invoke(cli, ["check", str(faulty), "--fix", str(faulty)])
    assert result.exit_code == 1
    assert "bản gốc được giữ nguyên" in result.output
    assert faulty.read_bytes() == before


def test_fixed_copy_opens_in_libreoffice(sample_docx, tmp_path):
    from generator.layout.fix import fix_docx
    from generator.pdf import docx_to_pdf

    require_tool("soffice")
    fixed = tmp_path / "fixed.docx"
    fix_docx(_many_faults(sample_docx, tmp_path), fixed)
    pdf = docx_to_pdf(fixed, tmp_path / "fixed.pdf")
    text = subprocess.run([require_tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "Quân khu 9," in text


# --- a state document made by hand -------------------------------------------------------------

def test_a_hand_made_ubnd_report_is_reviewed_under_nd30_and_passes(tmp_path):
    from tests.layout.state_document import state_report

    profile, findings = review_docx(state_report(tmp_path / "ubnd.docx"))
    assert profile == "nd30"  # the quốc hiệu says it is a state document
    assert [f.format() for f in findings] == []


def test_state_number_date_and_body_size_deviations_are_found(tmp_path):
    from tests.layout.state_document import state_report

    path = state_report(tmp_path / "ubnd.docx", body_size=12, number="Số 218-BC/UBND",
                        date="Phú Lợi, ngày 5 tháng 1 năm 2027")
    _, findings = review_docx(path)
    assert [f.code for f in findings] == ["layout.number-form", "layout.date-form",
                                          "layout.date-form", "layout.size"]
    assert 'cần dạng "Số: 12/BC-UBND"' in findings[0].message
    assert "(2 đoạn như vậy)" in findings[3].message


def test_a_2026_document_of_an_abolished_province_is_told_its_successor(sample_docx, tmp_path):
    def dated_2026(root):
        replace_text(root, "Hậu Giang, ngày", "ngày     tháng 9 năm 2024",
                     "ngày 26 tháng 9 năm 2026")

    later = rewrite(sample_docx, tmp_path / "2026.docx", "word/document.xml", dated_2026)
    findings = [f for f in review_docx(later)[1] if f.code == "layout.obsolete-organ"]
    messages = " | ".join(f.message for f in findings)
    assert "Thành ủy Cần Thơ" in messages or "THÀNH ỦY CẦN THƠ" in messages.upper(), messages
    assert any("ban cán sự đảng" in f.message for f in findings)  # a recipient group ended 2025
    assert all(f.severity == "warning" for f in findings)


def test_profile_follows_the_date_of_a_party_document(sample_docx, tmp_path):
    def dated_2026(root):
        for t in paragraph_with(root, "Hậu Giang, ngày").iter(w("t")):
            t.text = "Cần Thơ, ngày 01 tháng 6 năm 2026"

    assert review_docx(sample_docx)[0] == "hd36"
    later = rewrite(sample_docx, tmp_path / "2026.docx", "word/document.xml", dated_2026)
    assert review_docx(later)[0] == "hd05"


def test_the_readme_example_is_what_the_command_prints(sample_docx, tmp_path, monkeypatch):
    from generator.cli import cli
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text("utf-8")
    start = readme.index("Ví dụ với một văn bản có thân bài cỡ 13")
    opening = readme.index("```\n", start) + 4
    example = readme[opening:readme.index("\n```", opening)]
    styled = rewrite(sample_docx, tmp_path / "styled.docx", "word/styles.xml", _body_size)
    rewrite(styled, tmp_path / "bao-cao-nhan-duoc.docx", "word/document.xml", _left_margin)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "bao-cao-nhan-duoc.docx"])
    assert result.output.rstrip("\n") == example


# --- every sample baocao ships, each under its own profile ---------------------------------------

SAMPLES = sorted(p.name for p in (Path(__file__).resolve().parents[2] / "data").iterdir()
                 if (p / "report.yaml").is_file())


@pytest.mark.parametrize("name", SAMPLES)
def test_every_shipped_sample_passes_the_review_of_its_profile(name, tmp_path):
    """The builder (profile layout data) and the review (profile review data) agree."""
    from generator.pipeline import build_report
    from tests.conftest import ROOT

    out = tmp_path / f"{name}.docx"
    build_report(ROOT / "data" / name, out)
    profile, findings = review_docx(out)
    assert [f.format() for f in findings] == [], profile


def test_a_state_contact_line_after_the_signature_is_told_to_move_to_page_one(tmp_path):
    """NĐ30 Phụ lục I, ô số 14: the contact line sits at the foot of page 1; our own nd30
    output (page 1's footer) passes."""
    import docx

    from generator.pipeline import build_report
    from tests.layout.state_document import state_report
    from tests.profiles.helpers import report_folder

    contact = "Địa chỉ: số 1 đường 3/2, xã Phú Lợi; điện thoại: 0292 3840 000"
    typed = docx.Document(str(state_report(tmp_path / "ubnd.docx")))
    typed.add_paragraph(contact)  # as clerks often type it: at the end of the text
    typed.save(str(tmp_path / "typed.docx"))
    findings = [f for f in review_docx(tmp_path / "typed.docx")[1]
                if f.code == "layout.contact-position"]
    assert len(findings) == 1 and findings[0].severity == "warning"
    assert "cuối trang đầu" in findings[0].message and contact[:40] in findings[0].format()
    built = build_report(report_folder(tmp_path / "ours", profile="nd30", contact=contact),
                         tmp_path / "ours.docx").output
    assert not [f for f in review_docx(built)[1] if f.code == "layout.contact-position"]
