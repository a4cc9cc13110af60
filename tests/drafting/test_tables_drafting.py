"""Tables in the drafting loop: ``status`` counts them, ``new --empty`` keeps their labels."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pytest
import yaml

from generator.drafting.baseline import read_area
from tests.conftest import ROOT

SAMPLE = ROOT / "data" / "can-tho-2026-9-thang"
ROW = re.compile(r"^(?P<ref>[IVX]+(?:\.\d+)?|PL\d*)\s")


@pytest.fixture
def tables_project(tmp_path: Path, monkeypatch) -> Path:
    """A project holding a copy of the sample with a body table and an appendix table."""
    shutil.copytree(SAMPLE, tmp_path / "data" / SAMPLE.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _rows(output: str) -> dict[str, list[str]]:
    """Return outline reference → the row's cells (split at runs of two spaces or more)."""
    return {m["ref"]: re.split(r"\s{2,}", line.strip()) for line in output.splitlines()
            if (m := ROW.match(line))}


def _header(output: str) -> list[str]:
    line = next(line for line in output.splitlines() if line.startswith("Mục"))
    return re.split(r"\s{2,}", line.strip())


def test_status_counts_the_tables_of_each_part(tables_project, baocao):
    result = baocao("status", f"data/{SAMPLE.name}")
    assert result.exit_code == 0, result.output
    header, rows = _header(result.stdout), _rows(result.stdout)
    column = {title: i for i, title in enumerate(header)}
    economy, appendix, first = rows["II"], rows["PL"], rows["I"]
    assert (economy[column["Đoạn"]], economy[column["Bảng"]]) == ("7", "1")
    assert (first[column["Đoạn"]], first[column["Bảng"]]) == ("7", "0")
    assert (appendix[column["Đoạn"]], appendix[column["Bảng"]]) == ("0", "1")
    assert "Một số chỉ tiêu kinh tế - xã hội chủ yếu" in appendix[column["Phần"]]
    assert economy[column["Chú thích"]] == "8"  # the note anchored in a cell counts
    assert result.stdout.rstrip().endswith("5 phần: 5 có nội dung.")


def _new_empty(baocao) -> Path:
    result = baocao("new", "data/nam", "--from", f"data/{SAMPLE.name}", "--period", "nam",
                    "--empty")
    assert result.exit_code == 0, result.output
    return Path("data/nam")


def _table(area: Path):
    model = read_area(area).model
    [item] = [p for p in model.paragraphs if not isinstance(p, str)]
    return model, item.table


def test_new_empty_keeps_labels_and_blanks_the_figures(tables_project, baocao):
    new = _new_empty(baocao)
    old_model, old = _table(SAMPLE / "areas" / "kinh-te.yaml")
    model, table = _table(new / "areas" / "kinh-te.yaml")
    assert len(model.paragraphs) == 1, "the text paragraphs are gone, the table stays"
    assert (table.caption, table.unit, table.widths, table.header) == \
        (old.caption, old.unit, old.widths, old.header)
    assert [row[:2] for row in table.rows] == [row[:2] for row in old.rows]
    assert {cell for row in table.rows for cell in row[2:]} == {""}
    assert model.notes == {"8": old_model.notes["8"]}, "the note of a kept label stays"
    text = (new / "areas" / "kinh-te.yaml").read_text(encoding="utf-8")
    assert "# Một bảng: mỗi dòng của bảng là một danh sách" in text, "comments survive"
    assert yaml.safe_load(text)["paragraphs"][0]["table"]["rows"][0] == \
        [1, "Thu ngân sách trên địa bàn", "", "", "", ""]


def test_new_empty_tables_build_and_wait_for_figures(tables_project, baocao):
    new = _new_empty(baocao)
    status = _rows(baocao("status", str(new)).stdout)
    assert status["II"][-2] == "trống" and status["PL"][-2] == "trống"
    built = baocao("build", str(new))
    assert built.exit_code == 0, built.output
    document = docx.Document(str(tables_project / "output" / "nam.docx"))
    appendix = next(t for t in document.tables if t.rows[0].cells[0].text == "TT"
                    and len(t.columns) == 7)
    first = [cell.text for cell in appendix.rows[2].cells]
    assert first == ["1", "Tổng sản phẩm trên địa bàn", "", "", "", "", ""]
    assert len(appendix.rows) == 2 + 40


def test_new_warns_of_the_old_period_in_captions_and_appendix_titles(tables_project, baocao):
    result = baocao("new", "data/nam", "--from", f"data/{SAMPLE.name}", "--period", "nam")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "[new.period-words]" in line
                and "`intro`" not in line]
    assert len(warnings) == 2, result.stderr
    caption, title = sorted(warnings)
    assert caption.startswith("data/nam/areas/kinh-te.yaml:") and "tên bảng" in caption
    assert title.startswith("data/nam/report.yaml:") and "tên phụ lục" in title
    assert "'9 tháng năm 2026'" in caption and "'9 tháng năm 2026'" in title
