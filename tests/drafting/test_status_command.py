"""``baocao status``: whose part is in, whose is still missing, read off the table."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from generator.drafting.table import Column, cell_width, render

ROW = re.compile(r"^(?P<ref>[IVX]+(?:\.\d+)?)\s")


def rows(output: str) -> dict[str, str]:
    """Return outline reference → table line."""
    return {m["ref"]: line for line in output.splitlines() if (m := ROW.match(line))}


def state_of(line: str) -> str:
    for label in ("thiếu tệp", "có lỗi", "trống", "giống kỳ trước", "sửa ít", "đã cập nhật",
                  "có nội dung"):
        if f"  {label}  " in line or line.endswith(f"  {label}"):
            return label
    raise AssertionError(f"no state in {line!r}")


def test_status_of_the_sample(project, report_copy, baocao):
    result = baocao("status", f"data/{report_copy.name}")
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.output, "no colour when the output is not a terminal"
    table = rows(result.stdout)
    assert len(table) == 13
    assert {state_of(line) for line in table.values()} == {"có nội dung"}
    economy = table["III.1"]
    assert "Phát triển kinh tế" in economy and "Ban cán sự đảng" in economy
    counts = re.search(r"\s(\d+)\s+(\d+)\s+([\d.]+)\s+(\d+)\s\s", economy).groups()
    assert counts == ("6", "0", "1.026", "7")  # paragraphs, tables, words, footnotes
    assert "Chưa có kỳ trước để so" in result.stdout
    assert result.stdout.rstrip().endswith("13 phần: 13 có nội dung.")


def test_status_columns_line_up(project, report_copy, baocao):
    lines = list(rows(baocao("status", f"data/{report_copy.name}").stdout).values())
    starts = {cell_width(line[:line.index(state_of(line))]) for line in lines}
    assert len(starts) == 1, "the state column starts at the same place on every row"


def test_status_of_a_half_filled_new_period(project, report_copy, baocao):
    assert baocao("new", "data/quy-4", "--from", f"data/{report_copy.name}",
                  "--period", "quy-4").exit_code == 0
    areas = project / "data" / "quy-4" / "areas"
    economy = areas / "kinh-te.yaml"
    economy.write_text(economy.read_text(encoding="utf-8").replace(  # baocao new wrote text: |
        "\ntext: |\n  ", "\ntext: |\n  Số liệu quý IV, ", 1), encoding="utf-8")  # 3 words of 1.026
    (areas / "quoc-phong-an-ninh-doi-ngoai.yaml").write_text(
        "owner: Công an tỉnh\ntext: |\n  Tình hình an ninh quý IV ổn định.\n", encoding="utf-8")
    mass = areas / "dan-van.yaml"  # comments and owner edited, text untouched: not an update
    mass.write_text(mass.read_text(encoding="utf-8").replace("# CHỜ CẬP NHẬT", "# Đã xem")
                    .replace("owner: Ban Dân vận Tỉnh ủy", "owner: \"Ban Dân vận\""),
                    encoding="utf-8")
    (areas / "van-hoa-xa-hoi.yaml").write_text("owner: Sở Văn hóa\nparagraphs: []\n",
                                               encoding="utf-8")
    (areas / "uu-diem.yaml").unlink()
    (areas / "kho-khan-han-che.yaml").write_text("paragraphs: [chưa đóng\n", encoding="utf-8")

    result = baocao("status", "data/quy-4")
    assert result.exit_code == 0, result.output
    states = {ref: state_of(line) for ref, line in rows(result.stdout).items()}
    assert states.pop("III.1") == "sửa ít"
    assert states.pop("III.3") == "đã cập nhật"
    assert states.pop("III.2") == "trống"
    assert states.pop("IV.1") == "thiếu tệp"
    assert states.pop("IV.2") == "có lỗi"
    assert set(states.values()) == {"giống kỳ trước"} and "II.3" in states
    assert "So với kỳ trước: 9 tháng năm 2024 (data/hau-giang-2024-9-thang)." in result.stdout
    assert ("13 phần: 1 thiếu tệp, 1 có lỗi, 1 trống, 8 giống kỳ trước, 1 sửa ít, 1 đã cập nhật."
            in result.stdout)
    assert "baocao build data/quy-4" in result.stdout


def test_status_compares_with_a_previous_folder_given_explicitly(project, report_copy, baocao):
    result = baocao("status", f"data/{report_copy.name}", "--previous",
                    f"data/{report_copy.name}")
    assert result.exit_code == 0, result.output
    assert {state_of(line) for line in rows(result.stdout).values()} == {"giống kỳ trước"}


def test_status_colours_on_a_terminal_unless_told_not_to(project, report_copy, baocao):
    coloured = baocao("status", f"data/{report_copy.name}", color=True)
    assert "\x1b[32m" in coloured.stdout  # green "có nội dung"
    plain = baocao("status", f"data/{report_copy.name}", "--no-color", color=True)
    assert "\x1b[" not in plain.stdout


def test_status_of_a_folder_without_report_yaml_is_an_error(project, baocao):
    (project / "data" / "trong").mkdir()
    result = baocao("status", "data/trong")
    assert result.exit_code == 1
    assert "không phải thư mục báo cáo" in result.stderr


def test_decomposed_and_wide_text_is_measured_in_terminal_cells():
    decomposed = unicodedata.normalize("NFD", "Kinh tế")
    assert len(decomposed) > 7 and cell_width(decomposed) == 7
    assert cell_width("報告") == 4
    lines = render([Column("Phần"), Column("Số", ">")],
                   [[decomposed, "1"], ["Văn hóa - xã hội", "12"], ["報告", "3"]])
    assert len({cell_width(line) for line in lines}) == 1


def test_long_headings_go_on_the_next_lines_at_the_terminal_width():
    heading = "Công tác nội chính và phòng, chống tham nhũng, tiêu cực"
    lines = render([Column("Phần", shrinkable=True), Column("Số", ">")], [[heading, "2"]],
                   max_width=30)
    assert all(cell_width(line) <= 30 for line in lines)
    assert "…" not in "".join(lines) and lines[2].endswith("  2")
    assert " ".join(line[:-3].strip() for line in lines[2:]) == heading  # the name in full


def test_rows_are_read_from_a_real_table_not_a_guess(project, report_copy, baocao):
    # the heading given only in the area file is used when the outline has none
    report_yaml: Path = report_copy / "report.yaml"
    text = report_yaml.read_text(encoding="utf-8")
    report_yaml.write_text(text.replace("      - heading: Ưu điểm\n        area: uu-diem",
                                        "      - area: uu-diem"), encoding="utf-8")
    area = report_copy / "areas" / "uu-diem.yaml"
    area.write_text("heading: Ưu điểm nổi bật\n" + area.read_text(encoding="utf-8"),
                    encoding="utf-8")
    line = rows(baocao("status", f"data/{report_copy.name}").stdout)["IV.1"]
    assert "Ưu điểm nổi bật" in line
