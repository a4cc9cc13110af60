"""Dirty text reaches the .docx cleaned, literally, and never breaks it."""

from __future__ import annotations

import copy
import unicodedata

import pytest

from generator.errors import DataError
from generator.pipeline import build_report
from tests.errors.conftest import (
    BASE_REPORT,
    docx_footnotes,
    docx_paragraphs,
    run_cli,
    write_yaml,
)

MARKUP = ("{{ 7*7 }} {% if x %}nếu{% endif %} {_{ y }_} {#c#} ]]> <w:t>x</w:t> &amp; &lt; "
          "“kép” ‘đơn’ «góc» „đáy“ \" ' `` $ ${x} %s")
"""Text that looks like Jinja, docxtpl, XML, HTML entities and quotes of every kind."""


def _report(**changes) -> dict:
    report = copy.deepcopy(BASE_REPORT)
    for dotted, value in changes.items():
        target = report
        *parents, last = dotted.split(".")
        for key in parents:
            target = target[key]
        target[last] = value
    return report


def _build(project, report: dict, area: dict):
    write_yaml(project / "data" / "r" / "report.yaml", report)
    write_yaml(project / "data" / "r" / "areas" / "kinh-te.yaml", area)
    out = project / "out" / "r.docx"
    result = build_report(project / "data" / "r", out)
    return result, docx_paragraphs(out), docx_footnotes(out)


def test_markup_like_text_appears_literally_everywhere(project):
    fields = ["organ.name", "organ.parent", "place", "draft", "signature.authority",
              "signature.title", "signature.name", "title", "closing"]
    report = _report(**{f: f"{f}: {MARKUP}" for f in fields}, intro=[f"intro: {MARKUP}"],
                     recipients=[f"recipient: {MARKUP}"])
    report["outline"][0]["heading"] = f"heading: {MARKUP}"
    area = {"paragraphs": [f"paragraph: {MARKUP} [^n]"], "notes": {"n": f"note: {MARKUP}"},
            "sections": [{"heading": f"sub: {MARKUP}", "paragraphs": [f"sub-paragraph: {MARKUP}"]}]}
    result, paragraphs, notes = _build(project, report, area)
    assert not result.compiled.diagnostics.items
    for field in fields + ["intro", "paragraph", "sub-paragraph"]:
        assert any(f"{field}: {MARKUP}" in p for p in paragraphs), field
    assert f"- recipient: {MARKUP}." in paragraphs  # the profile ends the last line
    assert f"I. HEADING: {MARKUP.upper()}" in paragraphs
    assert f"1. sub: {MARKUP}" in paragraphs
    assert notes == [[f"note: {MARKUP}"]]
    assert not any("49" in p for p in paragraphs)  # nothing was evaluated


def test_control_characters_never_corrupt_the_docx(project):
    dirty = "A\x00B\x01C\x08D\x0bE\x0cF\x1fG\x7fH\x85I\u2028J\u2029K\ue000L\ufffeM"
    clean = "ABCD E FGH I J KLM"
    report = _report(**{"organ.name": dirty, "place": dirty, "signature.name": dirty,
                        "title": dirty}, recipients=[dirty])
    report["outline"][0]["heading"] = dirty
    area = {"paragraphs": [dirty + " [^n]"], "notes": {"n": dirty}}
    result, paragraphs, notes = _build(project, report, area)
    codes = {d.code for d in result.compiled.diagnostics.items}
    assert codes == {"text.invalid-char"}
    assert all(d.location.line for d in result.compiled.diagnostics.items)
    assert paragraphs[0] == clean
    assert f"{clean}, ngày 26 tháng 9 năm 2024" in paragraphs
    assert clean in paragraphs and f"I. {clean.upper()}" in paragraphs
    assert f"{clean} " in paragraphs and f"- {clean}." in paragraphs  # the profile's "."
    assert notes == [[clean]]


def test_raw_nul_and_controls_in_the_file_are_reported_with_their_line(project):
    area = project / "data" / "r" / "areas" / "kinh-te.yaml"
    area.write_bytes("paragraphs:\n  - Tăng\x00 trưởng\x0b7,2%.\n  - Thu\x0c ngân sách.\n"
                     .encode())
    result = run_cli("build", "data/r", "-o", "out/r.docx")
    assert result.exit_code == 0, result.output
    assert "data/r/areas/kinh-te.yaml:2:9: cảnh báo[text.invalid-char]" in result.output
    assert "data/r/areas/kinh-te.yaml:3:8: cảnh báo[text.invalid-char]" in result.output
    paragraphs = docx_paragraphs(project / "out" / "r.docx")
    assert "Tăng trưởng 7,2%." in paragraphs and "Thu  ngân sách." in paragraphs


def test_decomposed_text_becomes_composed(project):
    nfd = unicodedata.normalize("NFD", "Kinh tế phát triển, Đảng bộ tỉnh Hậu Giang")
    _, paragraphs, _ = _build(project, _report(**{"organ.name": nfd}), {"paragraphs": [nfd]})
    nfc = unicodedata.normalize("NFC", nfd)
    assert nfc != nfd and paragraphs[0] == nfc and nfc in paragraphs


def test_verbose_adds_a_traceback_only_when_asked(project):
    (project / "data" / "r" / "areas" / "kinh-te.yaml").write_text("paragraph:\n  - x\n", "utf-8")
    quiet = run_cli("build", "data/r", "-o", "out/r.docx")
    loud = run_cli("build", "data/r", "-o", "out/r.docx", "-v")
    assert quiet.exit_code == loud.exit_code == 1
    assert "Traceback" not in quiet.output
    assert "Traceback" in loud.output and "DataError" in loud.output


def test_unsafe_yaml_builds_no_object(project, tmp_path):
    marker = tmp_path / "pwned"
    area = project / "data" / "r" / "areas" / "kinh-te.yaml"
    area.write_text(f'paragraphs:\n  - !!python/object/apply:os.system ["touch {marker}"]\n'
                    f'  - !!python/object/new:pathlib.Path ["{marker}"]\n', "utf-8")
    with pytest.raises(DataError) as caught:
        build_report(project / "data" / "r", project / "out" / "r.docx")
    assert [d.code for d in caught.value.diagnostics.sorted()] == ["yaml.unsafe-tag"] * 2
    assert not marker.exists()


def test_absurd_nesting_is_refused_not_crashed(project):
    area = project / "data" / "r" / "areas" / "kinh-te.yaml"
    area.write_text("paragraphs: " + "[" * 100_000 + "]" * 100_000 + "\n", "utf-8")
    with pytest.raises(DataError) as caught:
        build_report(project / "data" / "r", project / "out" / "r.docx")
    assert [d.code for d in caught.value.diagnostics.items] == ["yaml.too-deep"]
