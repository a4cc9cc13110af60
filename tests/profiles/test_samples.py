"""Every sample in data/ builds cleanly, LibreOffice prints it, and a validator finds nothing.

The validator is `openxml-audit` (PyPI), an independent pure-Python check of the OOXML schemas'
order and semantics: every .docx baocao writes — each profile's template, each sample, a diff's
tracked changes — must have zero findings.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from generator import profiles
from generator.cli import cli
from generator.diff.run import diff_reports
from generator.pipeline import build_report
from tests.conftest import ROOT, SAMPLE_DIR, require_tool
from tests.test_clients import flat, page_text

SAMPLES = sorted(p.parent.name for p in (ROOT / "data").glob("*/report.yaml"))
NEW_SAMPLES = [name for name in SAMPLES if name != SAMPLE_DIR.name]
PROFILE_OF = {"can-tho-2026-9-thang": "hd05", "phuong-ninh-kieu-2026-nam": "hd05",
              "to-trinh-btgdv-2026": "hd05", "cong-van-vptu-2026": "hd05",
              "ubnd-xa-phong-dien-2026-nam": "nd30"}


def audit(path: Path) -> list[str]:
    """Return openxml-audit's findings for the .docx at `path`."""
    from openxml_audit import OpenXmlValidator

    result = OpenXmlValidator(max_errors=100).validate(str(path))
    return [str(error) for error in result.errors]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("samples")
    return {name: build_report(ROOT / "data" / name, folder / f"{name}.docx").output
            for name in SAMPLES}


def test_there_are_the_five_new_samples():
    assert set(NEW_SAMPLES) == set(PROFILE_OF)


@pytest.mark.parametrize("name", NEW_SAMPLES)
def test_new_sample_builds_cleanly_under_its_profile(name, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["build", f"data/{name}", "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 0, result.output
    assert "cảnh báo" not in result.output and "lỗi[" not in result.output, result.output
    assert f"thể thức {PROFILE_OF[name]} (" in result.output
    assert "Rà soát biên tập: không phát hiện vấn đề nào." in result.output


@pytest.mark.parametrize("name", list(profiles.PROFILES))
def test_each_template_has_no_validator_findings(name):
    assert audit(ROOT / "templates" / profiles.PROFILES[name].template) == []


@pytest.mark.parametrize("name", SAMPLES)
def test_each_built_sample_has_no_validator_findings(built, name):
    assert audit(built[name]) == []


def test_a_diff_with_tracked_changes_has_no_validator_findings(tmp_path):
    result = diff_reports(SAMPLE_DIR, ROOT / "data" / "can-tho-2026-9-thang",
                          output=tmp_path / "so-sanh.docx")
    assert result.comparison.changed
    assert audit(result.output) == []


@pytest.mark.parametrize("name", NEW_SAMPLES)
def test_libreoffice_prints_each_new_sample(built, name, tmp_path):
    require_tool("soffice")
    require_tool("pdftotext")
    from generator.pdf import docx_to_pdf

    pdf = docx_to_pdf(built[name], tmp_path / f"{name}.pdf")
    text = flat(page_text(pdf, 1))
    organ = docx.Document(str(built[name])).tables[0].rows[0].cells[0].paragraphs
    for paragraph in organ[:2]:
        assert flat(paragraph.text) in text
