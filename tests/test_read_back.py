"""A rendered document made as read back gives the bytes of writing it and opening it again."""

from __future__ import annotations

import io

import docx
import pytest

from generator.context import build_context
from generator.diff.compare import compare
from generator.diff.lower import to_report
from generator.ooxml import package
from generator.ooxml.tracked import Revision, mark_revisions
from generator.pipeline import compile_report
from generator.render import render_document
from tests.conftest import ROOT

PAIRS = [("hau-giang-2024-9-thang", "can-tho-2026-9-thang"),
         ("cong-van-vptu-2026", "to-trinh-btgdv-2026")]


@pytest.mark.parametrize("old, new", PAIRS)
def test_a_compared_document_read_back_in_memory_is_the_reopened_one(old, new):
    before, after = (compile_report(ROOT / "data" / name) for name in (old, new))
    report = to_report(compare(before.report, after.report))

    def rendered():
        return render_document(after.template, report, build_context(report))

    written = package.to_bytes(rendered())
    reopened = docx.Document(io.BytesIO(written))
    assert package.to_bytes(reopened) != written  # what reading back changes is real
    in_memory = package.as_read_back(rendered())
    for document in (reopened, in_memory):
        mark_revisions(document, Revision("baocao", "2026-01-01T00:00:00Z"))
    assert package.to_bytes(in_memory) == package.to_bytes(reopened)
