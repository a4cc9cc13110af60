"""Every message has the documented shape, and every code is documented and exercised."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from tests.errors.conftest import CASES

DOC = ROOT / "README.md"
DIAGNOSTIC = re.compile(r"^(?P<path>[\w./-]+\.yaml)(?::(?P<line>\d+):(?P<col>\d+))?: "
                        r"(?P<severity>lỗi|cảnh báo)\[(?P<code>[a-z]+\.[a-z-]+)\]: "
                        r"(?:(?P<field>[\w.\[\]-]+): )?(?P<message>.+)$")
NOT_IN_CATALOGUE = {"file.unreadable"}
"""Codes the catalogue cannot produce portably (a file without read permission)."""


def _outputs() -> dict[str, str]:
    return {case.name: (case / "expected.txt").read_text("utf-8")
            for case in sorted(CASES.iterdir()) if case.is_dir()}


def _diagnostics():
    for name, output in _outputs().items():
        for line in output.splitlines():
            if "lỗi[" in line or "cảnh báo[" in line:
                yield name, line


def test_every_diagnostic_has_the_documented_shape():
    for name, line in _diagnostics():
        found = DIAGNOSTIC.match(line)
        assert found, f"{name}: {line}"
        message = found["message"]
        assert message[0].islower() or not message[0].isalpha(), f"{name}: {line}"
        assert message.endswith((".", "?")), f"{name}: {line}"


def test_diagnostics_are_sorted_by_file_then_line():
    for name, output in _outputs().items():
        keys = [(m["path"], int(m["line"] or 0), int(m["col"] or 0))
                for m in map(DIAGNOSTIC.match, output.splitlines()) if m]
        assert keys == sorted(keys), name


def test_a_failed_run_ends_with_one_summary_line():
    for name, output in _outputs().items():
        lines = output.splitlines()
        if any(DIAGNOSTIC.match(line) and "lỗi[" in line for line in lines):
            summaries = [line for line in lines if line.startswith("Dừng lại: ")]
            assert summaries == [lines[-1]], name
            assert re.fullmatch(r"Dừng lại: \d+ lỗi, \d+ cảnh báo\. Tệp kết quả cũ được giữ "
                                r"nguyên\.", lines[-1]), name


def _section(text: str, title: str) -> str:
    """Return the README section headed ``## <title>``, up to the next ``## `` heading."""
    start = text.index(f"\n## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start:end if end != -1 else len(text)]


def test_every_code_is_documented_and_exercised():
    section = _section(DOC.read_text("utf-8"), "Khi có lỗi")
    documented = set(re.findall(r"^\| `([a-z]+\.[a-z-]+)` \|", section, re.MULTILINE))
    exercised = {DIAGNOSTIC.match(line)["code"] for _name, line in _diagnostics()}
    assert exercised <= documented, exercised - documented
    assert documented - exercised == NOT_IN_CATALOGUE
