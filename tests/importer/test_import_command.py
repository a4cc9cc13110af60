"""``baocao import`` as a clerk runs it: messages, refusal to overwrite, --force, --area."""

from __future__ import annotations

from click.testing import CliRunner

from generator.cli import cli


def _run(*args):
    return CliRunner().invoke(cli, ["import", *map(str, args)])


def test_import_prints_what_it_found_and_refuses_to_overwrite(sample_docx, tmp_path):
    target = tmp_path / "data" / "hg"
    first = _run(sample_docx, target)
    assert first.exit_code == 0, first.output
    assert "Đã nhập: 16 đề mục, 54 đoạn văn, 40 chú thích, 9 nơi nhận" in first.output
    assert "16 đề mục, 40 chú thích, 0 bảng → dữ liệu: " in first.output
    assert "không có gì bị bỏ sót." in first.output

    again = _run(sample_docx, target)
    assert again.exit_code == 1 and "--force" in again.output

    (target / "areas" / "cu.yaml").write_text("paragraphs: []\n", encoding="utf-8")
    forced = _run(sample_docx, target, "--force")
    assert forced.exit_code == 0, forced.output
    assert not (target / "areas" / "cu.yaml").exists()
    raw = (target / "report.yaml").read_bytes()
    assert b"\r\n" not in raw and not raw.startswith(b"\xef\xbb\xbf")


def test_area_import_into_an_existing_report(sample_docx, report_copy):
    refused = _run(sample_docx, report_copy, "--area", "Công tác dân vận")
    assert refused.exit_code == 1 and "đã có nội dung" in refused.output

    result = _run(sample_docx, report_copy, "--area", "Công tác dân vận", "--force")
    assert result.exit_code == 0, result.output
    assert "dan-van.yaml" in result.output
    text = (report_copy / "areas" / "dan-van.yaml").read_text(encoding="utf-8")
    assert text.startswith('# Phần "Công tác dân vận"') and "owner: Ban Dân vận Tỉnh ủy" in text


def test_area_import_names_the_outline_entry_to_add(sample_docx, report_copy):
    result = _run(sample_docx, report_copy, "--area", "Công tác thi đua, khen thưởng")
    assert result.exit_code == 0, result.output
    assert "  - heading: Công tác thi đua, khen thưởng\n    area: cong-tac-thi-dua-khen-thuong" \
        in result.output
    assert (report_copy / "areas" / "cong-tac-thi-dua-khen-thuong.yaml").is_file()
