"""Round trip: the built sample → import → build gives the same document and the same data."""

from __future__ import annotations

from generator.importer.run import import_report
from generator.pipeline import build_report
from tests.importer.import_helpers import SAMPLE_DIR, docx_text, normalized_report


def test_import_of_built_sample_rebuilds_the_same_text(sample_docx, tmp_path):
    target = tmp_path / "data" / "hg"
    result = import_report(sample_docx, target)
    rebuilt = build_report(target, tmp_path / "rebuilt.docx").output

    assert docx_text(rebuilt) == docx_text(sample_docx)
    assert not result.diagnostics.items
    assert not result.compiled.diagnostics.items


def test_imported_data_equals_the_sample_data(sample_docx, tmp_path):
    target = tmp_path / "data" / "hg"
    import_report(sample_docx, target)

    assert normalized_report(target) == normalized_report(SAMPLE_DIR)


def test_header_fields_and_recipients(sample_docx, tmp_path):
    report = import_report(sample_docx, tmp_path / "x").compiled.manifest

    assert report.organ.name == "TỈNH ỦY HẬU GIANG" and report.organ.abbrev == "TU"
    assert report.number is None and report.draft == "Dự thảo" and report.place == "Hậu Giang"
    assert (report.date.day, report.date.month, report.date.year) == (None, 9, 2024)
    assert report.title == "Kết quả thực hiện nhiệm vụ công tác {period}"
    assert report.signature.name is None
    assert report.recipients[0] == "Văn phòng Trung ương Đảng,"
