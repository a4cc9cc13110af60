"""Figures in tables: (%) columns recomputed, Tổng rows summed, numbers in cells."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.checks import run_checks
from generator.pipeline import compile_report
from tests.checks.tiny_report import write_report

HEADER = """\
paragraphs:
  - table:
      unit: "ĐVT: tỷ đồng"
      header:
        - [TT, Chỉ tiêu, Kế hoạch năm, {text: Thực hiện, span: 2}, So với cùng kỳ (%), So với kế hoạch (%)]
        - ["", "", "", 9 tháng 2023, 9 tháng 2024, "", ""]
      rows:
"""
ROWS = [
    '[1, Thu ngân sách, 10.500, 7.120, 8.012, "112,53", "76,30"]',
    '[2, Thu nội địa, 9.000, 6.500, 7.150, "110,00", "79,44"]',
    '[3, Chi ngân sách, 12.000, 8.000, 8.400, "105,00", "70,00"]',
    '[4, Vốn đầu tư, 5.000, 3.000, 3.600, "120,00", "72,00"]',
]


def _findings(tmp_path: Path, rows: list[str], code: str):
    area = HEADER + "".join(f"        - {row}\n" for row in rows)
    folder = write_report(tmp_path, [], raw_area=area)
    return [f for f in run_checks(compile_report(folder)) if f.code == code]


def _line(index: int) -> int:
    """Return the line of row `index` in the area file written by `_findings`."""
    return HEADER.count("\n") + index + 1


def test_right_percentages_say_nothing(tmp_path: Path):
    assert _findings(tmp_path, ROWS, "table.percent") == []


def test_wrong_ratio_found_with_its_column_and_line(tmp_path: Path):
    rows = ROWS[:1] + [ROWS[1].replace('"79,44"', '"79,54"')] + ROWS[2:]
    [found] = _findings(tmp_path, rows, "table.percent")
    assert found.location.line == _line(1)
    assert found.location.column == rows[1].index('"79,54"') + len("        - ") + 1
    assert "cột “So với kế hoạch (%)”" in found.message
    assert "dòng “Thu nội địa”" in found.message
    assert "7.150/9.000 = 79,44%" in found.message
    assert "cột “Thực hiện 9 tháng 2024” so với cột “Kế hoạch năm”" in found.message
    assert found.suggestion == "79,44"
    assert found.severity == "warning"


def test_wrong_same_period_change_found(tmp_path: Path):
    rows = ROWS[:3] + [ROWS[3].replace('"120,00"', '"102,00"')]
    [found] = _findings(tmp_path, rows, "table.percent")
    assert found.location.line == _line(3)
    assert "cột “So với cùng kỳ (%)”" in found.message
    assert "cột “Thực hiện 9 tháng 2024” so với cột “Thực hiện 9 tháng 2023”" in found.message
    assert found.suggestion == "120,00"


def test_a_percentage_of_figures_before_rounding_is_right(tmp_path: Path):
    # 7.150,4 / 9.000 = 79,449%: the clerk's 79,45 comes from the figure before rounding
    rows = ROWS[:1] + [ROWS[1].replace('"79,44"', '"79,45"')] + ROWS[2:]
    assert _findings(tmp_path, rows, "table.percent") == []


def test_a_column_no_pair_explains_is_left_alone(tmp_path: Path):
    rows = [r.replace('"76,30"', '"1,00"').replace('"79,44"', '"2,00"')
            .replace('"70,00"', '"3,00"').replace('"72,00"', '"4,00"') for r in ROWS]
    assert _findings(tmp_path, rows, "table.percent") == []


TOTAL_ROWS = [
    '[1, Huyện A, 120, "10,4"]',
    '[2, Huyện B, 80, "20,3"]',
    '[3, Huyện C, 50, "5,2"]',
]
TOTAL_HEADER = """\
paragraphs:
  - table:
      header:
        - [TT, Đơn vị, Số hộ, Diện tích]
      rows:
"""


def _total_findings(tmp_path: Path, rows: list[str]):
    area = TOTAL_HEADER + "".join(f"        - {row}\n" for row in rows)
    folder = write_report(tmp_path, [], raw_area=area)
    return [f for f in run_checks(compile_report(folder)) if f.code == "table.total"]


def test_wrong_total_found(tmp_path: Path):
    rows = TOTAL_ROWS + ['["", "**Tổng cộng**", 260, "35,9"]']
    [found] = _total_findings(tmp_path, rows)
    assert found.location.line == TOTAL_HEADER.count("\n") + 4
    assert "dòng “Tổng cộng”, cột “Số hộ”" in found.message
    assert "cộng 3 dòng phía trên được 250" in found.message
    assert found.suggestion == "250"


@pytest.mark.parametrize("total", [
    '["", "**Tổng cộng**", 250, "35,9"]',
    '["", Cộng, 250, "36"]',  # 35,9 shown without decimals
    '["", "Tổng:", 251, "35,90"]',  # 250 of rounded parts: 120,4 + 80,4 + 50,4 is 251,2
])
def test_right_totals_say_nothing(tmp_path: Path, total: str):
    assert _total_findings(tmp_path, TOTAL_ROWS + [total]) == []


def test_a_total_closes_only_the_rows_since_the_previous_one(tmp_path: Path):
    rows = TOTAL_ROWS[:2] + ['["", Cộng, 200, "30,7"]', TOTAL_ROWS[2],
                             '[4, Huyện D, 10, "1,0"]', '["", Cộng, 60, "6,2"]',
                             '[I, Khu vực 2, "", ""]', '[5, Huyện E, 1, "1"]',
                             '[6, Huyện G, 2, "2"]', '["", Tổng, 3, "3"]']
    assert _total_findings(tmp_path, rows) == []
    rows[-1] = '["", Tổng, 5, "3"]'  # 4 could be 1,4 + 2,4 rounded
    [found] = _total_findings(tmp_path, rows)
    assert "cộng 2 dòng phía trên được 3" in found.message


def test_english_number_in_a_cell_found_at_the_cell(tmp_path: Path):
    rows = ROWS[:2] + [ROWS[2].replace("12.000", '"1,045.5"')] + ROWS[3:]
    found = _findings(tmp_path, rows, "number.separator")
    assert [f.suggestion for f in found] == ["1.045,5"]
    assert found[0].location.line == _line(2)
    assert found[0].location.column == rows[2].index("1,045.5") + len("        - ") + 1


def test_a_decimal_point_in_a_figure_cell_is_found(tmp_path: Path):
    """``76.30`` alone in a figures column is an amount; in a paragraph it could be ``mục 2.1``."""
    rows = [ROWS[0].replace('"76,30"', "76.30"), ROWS[1].replace("7.150", '"7.0"'),
            '["1.1", Thu thuế, 9.000, 6.500, 7.150, "110,00", "79,44"]'] + ROWS[2:]
    found = _findings(tmp_path, rows, "number.decimal-point")
    assert [(f.found, f.suggestion, f.location.line) for f in found] == [
        ("76.30", "76,30", _line(0)), ("7.0", "7,0", _line(1))]  # not "1.1", the TT of a sub-row


GROUPED = ['[I, Khu vực 1, 200, "30,7"]', '[1, Huyện A, 120, "10,4"]', '[2, Huyện B, 80, "20,3"]',
           '[II, Khu vực 2, 60, "6,2"]', '[1, Huyện C, 50, "5,2"]', '[2, Huyện D, 10, "1,0"]']


def test_a_grand_total_may_add_up_the_groups(tmp_path: Path):
    assert _total_findings(tmp_path, GROUPED + ['["", Tổng cộng, 260, "36,9"]']) == []
    [found] = _total_findings(tmp_path, GROUPED + ['["", Tổng cộng, 270, "36,9"]'])
    assert "cộng 2 dòng nhóm phía trên được 260" in found.message


def test_a_grand_total_may_add_up_the_subtotals(tmp_path: Path):
    rows = TOTAL_ROWS[:2] + ['["", Cộng, 200, "30,7"]', TOTAL_ROWS[2],
                             '[4, Huyện D, 10, "1,0"]', '["", Cộng, 60, "6,2"]',
                             '["", Tổng cộng, 260, "36,9"]']
    assert _total_findings(tmp_path, rows) == []


def test_detail_rows_are_not_added_to_the_items(tmp_path: Path):
    rows = [TOTAL_ROWS[0], '["-", Trong đó xã X, 70, "5,0"]', TOTAL_ROWS[1],
            '["", "Trong đó: thị trấn", 30, "2,0"]', '["", Tổng, 200, "30,7"]']
    assert _total_findings(tmp_path, rows) == []
    rows[-1] = '["", Tổng, 300, "30,7"]'
    [found] = _total_findings(tmp_path, rows)
    assert "cộng 2 dòng phía trên được 200" in found.message
