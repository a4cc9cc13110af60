"""Fixtures of the diff tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.diff.diff_support import Versions


@pytest.fixture
def versions(report_copy: Path, tmp_path: Path) -> Versions:
    """NEW is `report_copy`; OLD is a second copy under ``<tmp>/old/data/``."""
    old = tmp_path / "old" / "data" / report_copy.name
    shutil.copytree(report_copy, old)
    return Versions(old, report_copy, tmp_path)
