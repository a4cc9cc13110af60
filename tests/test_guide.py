"""The clerk's guide quotes what baocao really prints: each mistake is typed and run again."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT
from tests.errors.conftest import make_project, run_cli

GUIDE = ROOT / "docs" / "HUONG-DAN.md"
REPORT = "hau-giang-2024-quy-4"
_CASE = re.compile(r"^### (?P<number>\d+)\. (?P<title>.+?)\n\nTệp `areas/kinh-te.yaml`:\n\n"
                   r"```yaml\n(?P<area>.*?)```\n\nbaocao in ra:\n\n```\n(?P<output>.*?)```",
                   re.MULTILINE | re.DOTALL)
CASES = list(_CASE.finditer(GUIDE.read_text("utf-8")))


def test_the_guide_has_ten_mistakes_with_their_fix():
    assert [int(case["number"]) for case in CASES] == list(range(1, 11))
    assert GUIDE.read_text("utf-8").count("**Sửa:**") == 10


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["number"])
def test_each_quoted_message_is_what_baocao_prints(case, tmp_path, monkeypatch):
    root = make_project(tmp_path / "p")
    (root / "data" / "r").rename(root / "data" / REPORT)
    (root / "data" / REPORT / "areas" / "kinh-te.yaml").write_text(
        case["area"].replace("⇥", "\t"), "utf-8")
    monkeypatch.chdir(root)
    result = run_cli("build", f"data/{REPORT}")
    assert result.exit_code == 1
    assert re.sub(r"\d+[.,]\d+ giây", "… giây", result.output) == case["output"]
