"""Words in tables are read like text: last period's name in a caption, a header, an appendix title."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.conftest import ROOT

SAMPLE = ROOT / "data" / "can-tho-2026-9-thang"


@pytest.fixture
def quarter(tmp_path, monkeypatch, baocao):
    """A quý IV report made by ``baocao new`` from the sample with a table and an appendix."""
    shutil.copytree(SAMPLE, tmp_path / "data" / SAMPLE.name)
    monkeypatch.chdir(tmp_path)
    result = baocao("new", "data/quy-4", "--from", f"data/{SAMPLE.name}", "--period", "quy-4")
    assert result.exit_code == 0, result.output
    return tmp_path / "data" / "quy-4"


def _stale_lines(output: str) -> list[tuple[str, int]]:
    return [(m[1], int(m[2])) for m in
            re.finditer(r"^(\S+?):(\d+):\d+: cảnh báo\[stale\.period\]", output, re.MULTILINE)]


def test_a_caption_and_an_appendix_title_naming_last_period_are_found(quarter, baocao):
    result = baocao("check", "data/quy-4")
    found = _stale_lines(result.output)
    area = (quarter / "areas" / "kinh-te.yaml").read_text("utf-8").splitlines()
    report = (quarter / "report.yaml").read_text("utf-8").splitlines()
    caption = [n for f, n in found if f.endswith("kinh-te.yaml") and "caption:" in area[n - 1]]
    title = [n for f, n in found if f.endswith("report.yaml") and "- title:" in report[n - 1]
             and "9 tháng năm 2026" in report[n - 1]]
    assert caption and title, result.output


def test_a_misspelt_indicator_name_in_a_table_is_found_at_its_cell(quarter, baocao):
    area = quarter / "areas" / "kinh-te.yaml"
    text = area.read_text("utf-8")
    assert "Thu ngân sách" in text
    area.write_text(text.replace("Thu ngân sách", "Thu ngâng sách", 1), "utf-8")
    result = baocao("check", "data/quy-4")
    lines = area.read_text("utf-8").splitlines()
    finding = r"kinh-te\.yaml:(\d+):\d+: [^[]+\[spelling\.[\w-]+\].*ngâng"
    hits = [int(m[1]) for m in re.finditer(finding, result.output)]
    assert hits and all("ngâng" in lines[n - 1] for n in hits), result.output
