"""``baocao new``: the next period's folder, as the secretariat starts it each quarter."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.drafting.baseline import BASELINE_FILE, read_area


def rel(report_copy: Path) -> str:
    return f"data/{report_copy.name}"


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def manifest(report_dir: Path) -> dict:
    return yaml.safe_load((report_dir / "report.yaml").read_text(encoding="utf-8"))


def test_new_keeps_the_text_resets_the_header_and_follows_the_period(project, report_copy,
                                                                     baocao, docx_text):
    report_yaml = report_copy / "report.yaml"
    # a title and a closing that name the period in words rather than through {period}
    replace_in(report_yaml, "công tác {period}", "công tác 9 tháng năm 2024")
    replace_in(report_yaml, "công tác {period} của", "công tác 9 tháng năm 2024 của")
    replace_in(report_yaml, "draft: Dự thảo", "number: 125\ndraft: Dự thảo lần 3")

    result = baocao("new", "data/quy-4", "--from", rel(report_copy), "--period", "quy-4",
                    "--year", "2024")
    assert result.exit_code == 0, result.output
    assert "Đã tạo data/quy-4 cho quý IV năm 2024" in result.stdout
    new = project / "data" / "quy-4"
    data = manifest(new)
    assert data["title"] == "Kết quả thực hiện nhiệm vụ công tác quý IV năm 2024"
    assert "công tác quý IV năm 2024 của Tỉnh ủy" in data["closing"]
    assert "number" not in data
    assert data["date"] == {"month": 12, "year": 2024}
    assert data["draft"] == "Dự thảo"
    assert data["period"] == {"kind": "quy-4", "year": 2024}
    text = (new / "report.yaml").read_text(encoding="utf-8")
    assert "# Cơ quan ban hành" in text and "# bản dự thảo: để trống ngày" in text
    for area in sorted((report_copy / "areas").glob("*.yaml")):
        copied = new / "areas" / area.name
        assert copied.read_text(encoding="utf-8").startswith("# CHỜ CẬP NHẬT cho quý IV năm 2024")
        assert read_area(copied).model == read_area(area).model
    assert (new / BASELINE_FILE).is_file()

    built = baocao("build", "data/quy-4")
    assert built.exit_code == 0, built.output
    body = docx_text(project / "output" / "quy-4.docx")
    assert "Kết quả thực hiện nhiệm vụ công tác quý IV năm 2024" in body
    assert "thực hiện công tác quý IV năm 2024 của Tỉnh ủy." in body
    assert "tháng 12 năm 2024" in body


def test_new_empty_leaves_every_area_without_text_and_still_builds(project, report_copy, baocao):
    result = baocao("new", "data/quy-4", "--from", rel(report_copy), "--period", "quy-4",
                    "--empty")
    assert result.exit_code == 0, result.output
    new = project / "data" / "quy-4"
    assert manifest(new)["intro"] == []
    for area in (new / "areas").glob("*.yaml"):
        model = read_area(area).model
        assert model is not None and model.owner, area
        assert model.paragraphs == [] and model.notes == {}
        assert all(section.paragraphs == [] for section in model.sections)
    built = baocao("build", "data/quy-4")
    assert built.exit_code == 0, built.output
    assert "area.empty" in built.stderr


def test_new_refuses_to_overwrite_an_existing_folder(project, report_copy, baocao):
    existing = project / "data" / "quy-4"
    existing.mkdir()
    (existing / "ghi-chu.txt").write_text("của người khác", encoding="utf-8")
    result = baocao("new", "data/quy-4", "--from", rel(report_copy), "--period", "quy-4")
    assert result.exit_code == 1
    assert "không ghi đè" in result.stderr
    assert sorted(p.name for p in existing.iterdir()) == ["ghi-chu.txt"]


def test_new_refuses_a_broken_previous_report_and_creates_nothing(project, report_copy, baocao):
    replace_in(report_copy / "areas" / "kinh-te.yaml", "[^1]", "[^khong-co]")
    result = baocao("new", "data/quy-4", "--from", rel(report_copy), "--period", "quy-4")
    assert result.exit_code == 1
    assert "lỗi[footnote.unknown]" in result.stderr
    assert "báo cáo kỳ trước có 1 lỗi" in result.stderr
    assert not (project / "data" / "quy-4").exists()


@pytest.mark.parametrize(("kind", "words"), [("quy-1", "quý I năm 2025"),
                                             ("nam", "năm 2024"),
                                             ("9-thang", "9 tháng năm 2025")])
def test_the_year_defaults_to_the_period_that_follows(project, report_copy, baocao, kind, words):
    result = baocao("new", "data/ky-moi", "--from", rel(report_copy), "--period", kind)
    assert result.exit_code == 0, result.output
    assert f"cho {words} từ" in result.stdout


def test_windows_line_endings_a_plain_date_and_a_missing_draft_are_handled(project, report_copy,
                                                                           baocao):
    report_yaml = report_copy / "report.yaml"
    text = report_yaml.read_text(encoding="utf-8")
    text = text.replace("date:                 # bản dự thảo: để trống ngày\n  month: 9\n"
                        "  year: 2024\ndraft: Dự thảo\n", "date: 2024-09-26  # đã ký\n")
    report_yaml.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    result = baocao("new", "data/quy-4", "--from", rel(report_copy), "--period", "quy-4")
    assert result.exit_code == 0, result.output
    raw = (project / "data" / "quy-4" / "report.yaml").read_bytes().decode("utf-8")
    assert "\n" not in raw.replace("\r\n", ""), "every line keeps its CRLF"
    assert "date: {month: 12, year: 2024}  # đã ký\r\ndraft: Dự thảo\r\n" in raw
    assert "# Cơ quan ban hành" in raw


def test_new_is_offered_with_vietnamese_help(baocao):
    result = baocao("new", "--help")
    assert result.exit_code == 0
    assert "--keep-text / --empty" in result.stdout and "kỳ trước" in result.stdout


def test_a_profile_chosen_by_date_follows_the_new_period(project, report_copy, baocao):
    """hd36 written out in the old report becomes hd05 for a period dated after 27/5/2026."""
    manifest = report_copy / "report.yaml"
    manifest.write_text("profile: hd36\n" + manifest.read_text("utf-8"), "utf-8")
    target = report_copy.parent / "bc-2026-nam"
    result = baocao("new", target, "--from", report_copy, "--period", "nam", "--year", "2026")
    assert result.exit_code == 0, result.output
    assert yaml.safe_load((target / "report.yaml").read_text("utf-8"))["profile"] == "hd05"
    assert "Thể thức: hd05" in result.output


def test_a_state_profile_stays_with_the_new_period(project, report_copy, baocao):
    manifest = report_copy / "report.yaml"
    text = manifest.read_text("utf-8")
    manifest.write_text("profile: nd30\n" + text, "utf-8")
    target = report_copy.parent / "bc-quy-4"
    baocao("new", target, "--from", report_copy, "--period", "quy-4")
    assert yaml.safe_load((target / "report.yaml").read_text("utf-8"))["profile"] == "nd30"


def test_a_fresh_report_that_does_not_build_leaves_no_folder(project, baocao):
    """An organ whose symbol baocao cannot tell: stopped, said so, and nothing half-made."""
    target = project / "data" / "hoi-nong-dan"
    result = baocao("new", target, "--organ", "HỘI NÔNG DÂN TỈNH", "--period", "nam",
                    "--year", "2026")
    assert result.exit_code == 1, result.output
    assert "schema.organ-abbrev" in result.output
    assert result.output.rstrip().endswith("Chưa tạo thư mục mới.")
    assert not target.exists()
