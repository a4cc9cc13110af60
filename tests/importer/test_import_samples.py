"""Every sample, built then imported: nothing lost, nothing added, and built again the same text.

The samples cover each profile and type the project ships (a 2024 HD36 báo cáo with 40 notes,
HD05 báo cáo with tables and a phụ lục, công văn, tờ trình, an NĐ30 commune report), so this is
the import's check against the full layout of every template.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import profiles
from generator.importer.run import import_report
from generator.pipeline import build_report, compile_report
from tests.conftest import ROOT
from tests.importer.import_helpers import docx_text

SAMPLES = sorted(p.name for p in (ROOT / "data").iterdir() if (p / "report.yaml").is_file())


def _as_printed(texts: list[str], drafter: str | None, profile: str) -> list[str]:
    """The drafter's mark as the page shows it: HD36 and NĐ30 print it in capitals."""
    style = next(s for s in profiles.PROFILES[profile].layout.styles
                 if s.style_id == "BCNguoiSoanThao")
    if not drafter or not style.caps:
        return texts
    return [t.upper() if t == drafter else t for t in texts]


@pytest.mark.parametrize("name", SAMPLES)
def test_a_built_sample_imports_whole_and_builds_again_the_same(tmp_path: Path, name: str):
    compiled = compile_report(ROOT / "data" / name)
    built = build_report(ROOT / "data" / name, tmp_path / "built.docx").output
    result = import_report(built, tmp_path / "imported")
    assert not result.faithfulness.losses, result.faithfulness.losses
    assert not result.faithfulness.added, result.faithfulness.added
    rebuilt = build_report(tmp_path / "imported", tmp_path / "again.docx").output
    body, notes = docx_text(built)
    manifest = compiled.manifest
    assert docx_text(rebuilt) == (_as_printed(body, manifest.drafter, compiled.report.frame.profile),
                                  notes)
    assert result.compiled.report.frame.profile == compiled.report.frame.profile
