"""``baocao fix-encoding``: legacy text converted in place, layout and comments kept, a backup."""

from __future__ import annotations

from generator.legacy_fix import apply_fixes, find_fixes
from tests.errors.conftest import run_cli

LEGACY_AREA = (
    "# Phần kinh tế, dán từ tệp Word cũ (phông .VnTime)\r\n"
    "heading: Phát triển kinh tế   # giữ nguyên\r\n"
    "paragraphs:\r\n"
    "  - Kinh tÕ tØnh tiÕp tôc t¨ng tr\xadëng kh¸[^1].\r\n"
    "  - \"Thu ngaân saùch ñaït 80%.\"   # VNI\r\n"
    "  - |\r\n"
    "    §¶ng bé tØnh l·nh ®¹o\r\n"
    "    thùc hiÖn tèt nhiÖm vô.\r\n"
    "notes:\r\n"
    "  1: 'Sè liÖu cña Côc Thèng kª tØnh'\r\n"
)
FIXED_AREA = (
    "# Phần kinh tế, dán từ tệp Word cũ (phông .VnTime)\r\n"
    "heading: Phát triển kinh tế   # giữ nguyên\r\n"
    "paragraphs:\r\n"
    "  - Kinh tế tỉnh tiếp tục tăng trưởng khá[^1].\r\n"
    "  - \"Thu ngân sách đạt 80%.\"   # VNI\r\n"
    "  - |\r\n"
    "    Đảng bộ tỉnh lãnh đạo\r\n"
    "    thực hiện tốt nhiệm vụ.\r\n"
    "notes:\r\n"
    "  1: 'Số liệu của Cục Thống kê tỉnh'\r\n"
)


def _write_area(project, text: str, bom: bool = True):
    path = project / "data" / "r" / "areas" / "kinh-te.yaml"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    return path


def test_converts_in_place_keeping_comments_layout_line_endings_and_bom(project):
    area = _write_area(project, LEGACY_AREA)
    report = project / "data" / "r" / "report.yaml"
    report_before = report.read_bytes()
    result = run_cli("fix-encoding", "data/r")
    assert result.exit_code == 0, result.output
    assert area.read_bytes() == b"\xef\xbb\xbf" + FIXED_AREA.encode("utf-8")
    assert report.read_bytes() == report_before  # nothing to fix there: untouched, no backup
    assert not (project / "data" / "r" / "report.yaml.bak").exists()
    backup = area.with_name("kinh-te.yaml.bak")
    assert backup.read_bytes() == b"\xef\xbb\xbf" + LEGACY_AREA.encode("utf-8")
    assert "dòng 4 (TCVN3): Kinh tÕ tØnh" in result.output
    assert ('dòng 5 (VNI): "Thu ngaân saùch ñaït 80%." → "Thu ngân sách đạt 80%."'
            in result.output)
    assert "Đã chuyển 4 giá trị trong 1 tệp sang Unicode." in result.output
    build = run_cli("build", "data/r", "-o", "out/r.docx")
    assert build.exit_code == 0 and "legacy-encoding" not in build.output, build.output


def test_dry_run_writes_nothing(project):
    area = _write_area(project, LEGACY_AREA)
    before = sorted(p.name for p in area.parent.iterdir())
    result = run_cli("fix-encoding", "data/r", "--dry-run")
    assert result.exit_code == 0
    assert "Chạy thử: sẽ chuyển 4 giá trị" in result.output
    assert area.read_bytes() == b"\xef\xbb\xbf" + LEGACY_AREA.encode("utf-8")
    assert sorted(p.name for p in area.parent.iterdir()) == before


def test_second_run_finds_nothing_and_keeps_the_first_backup(project):
    area = _write_area(project, LEGACY_AREA, bom=False)
    run_cli("fix-encoding", "data/r")
    again = run_cli("fix-encoding", "data/r")
    assert again.exit_code == 0
    assert "Không thấy văn bản gõ bằng bảng mã cũ" in again.output
    assert area.with_name("kinh-te.yaml.bak").read_bytes() == LEGACY_AREA.encode("utf-8")


def test_an_existing_backup_is_not_overwritten(project):
    area = _write_area(project, LEGACY_AREA, bom=False)
    old_backup = area.with_name("kinh-te.yaml.bak")
    old_backup.write_text("bản sao trước đó", "utf-8")
    assert run_cli("fix-encoding", "data/r").exit_code == 0
    assert old_backup.read_text("utf-8") == "bản sao trước đó"
    assert [p for p in area.parent.glob("kinh-te.yaml.*.bak")]


def test_a_file_with_a_syntax_error_is_left_alone(project):
    area = _write_area(project, "paragraphs:\n\t- Kinh tÕ\n", bom=False)
    result = run_cli("fix-encoding", "data/r")
    assert result.exit_code == 1
    assert "lỗi cách viết" in result.output
    assert area.read_text("utf-8") == "paragraphs:\n\t- Kinh tÕ\n"


def test_keys_escapes_and_aliases_are_not_touched():
    text = ("tÕ: &a Kinh tÕ\nb: *a\nc: \"\\u00d5 Kinh tÕ\\n\"\nd: Unicode tế\n")
    fixes = find_fixes(text)
    assert [(f.line, f.before) for f in fixes] == [(1, "Kinh tÕ"), (3, '"\\u00d5 Kinh tÕ\\n"')]
    assert apply_fixes(text, fixes) == \
        "tÕ: &a Kinh tế\nb: *a\nc: \"\\u00d5 Kinh tế\\n\"\nd: Unicode tế\n"


def test_anchored_values_are_converted_and_checked(project):
    area = _write_area(project, "x: &a Kinh tÕ\nparagraphs:\n  - *a\n", bom=False)
    assert run_cli("fix-encoding", "data/r").exit_code == 0
    assert area.read_text("utf-8") == "x: &a Kinh tế\nparagraphs:\n  - *a\n"


def test_control_characters_do_not_shift_the_edits():
    text = "paragraphs:\n  - \x0bKinh tÕ\x0c t¨ng\n"
    assert apply_fixes(text, find_fixes(text)) == "paragraphs:\n  - \x0bKinh tế\x0c tăng\n"


def test_not_a_report_folder(project):
    result = run_cli("fix-encoding", "data")
    assert result.exit_code == 1
    assert "không phải thư mục báo cáo" in result.output


def test_a_file_that_cannot_be_written_is_reported_and_kept(project, monkeypatch):
    area = _write_area(project, LEGACY_AREA, bom=False)

    def refuse(path, data):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("generator.legacy_fix.write_atomic", refuse)
    result = run_cli("fix-encoding", "data/r")
    assert result.exit_code == 1
    assert ("Lỗi: data/r/areas/kinh-te.yaml: tìm thấy 4 giá trị gõ bằng bảng mã cũ nhưng không "
            "ghi được tệp: không có quyền truy cập" in result.output)
    assert "Permission denied" not in result.output  # said in Vietnamese, not strerror's English
    assert result.output.endswith("Còn 4 giá trị gõ bằng bảng mã cũ trong 1 tệp chưa chuyển được "
                                  "(xem lỗi ở trên).\n")  # not "Không thấy …": honest
    assert "Traceback" not in result.output
    assert area.read_bytes() == LEGACY_AREA.encode("utf-8")
