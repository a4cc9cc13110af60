"""The catalogue of bad input: each folder in cases/ is run and its output compared.

A case is a folder laid over the minimal report in base/ (see conftest.py):

- ``data/r/…`` — the files that differ from the base report;
- ``expected.txt`` — exactly what ``baocao`` prints (paths relative to the project, timings
  replaced by ``… giây``); rewrite them all with ``pytest --update-golden``;
- ``command.txt`` — optional, the arguments (default ``build data/r -o out/r.docx``);
- ``template-edit.txt`` — optional, ``old => new`` lines applied to the template's
  ``word/document.xml``, as a clerk's edit in Word would;
- ``xfail.txt`` — optional, why the case cannot pass yet (a change outside this test); the
  case still runs, and fails once it passes, as a reminder to delete the file.

The exit code must be 1 exactly when an error is printed, and nothing may show a traceback.
"""

from __future__ import annotations

import re
import shlex

import pytest

from tests.errors.conftest import CASES, make_project, run_cli

DEFAULT_COMMAND = "build data/r -o out/r.docx"
CASE_NAMES = sorted(path.name for path in CASES.iterdir() if path.is_dir())


def normalise(output: str) -> str:
    """Return `output` with what changes from run to run (timings) replaced."""
    return re.sub(r"\d+[.,]\d+ giây", "… giây", output)


def expected_exit(output: str) -> int:
    """Return 1 if `output` reports an error, else 0."""
    errors = re.search(r"(^|: )lỗi\[|^Lỗi:|^Dừng lại:", output, re.MULTILINE)
    return 1 if errors else 0


@pytest.mark.parametrize("name", CASE_NAMES)
def test_case(name, tmp_path, monkeypatch, update_golden, request):
    case = CASES / name
    if (case / "xfail.txt").is_file():  # strict: once it passes, delete xfail.txt
        reason = (case / "xfail.txt").read_text("utf-8").strip()
        request.node.add_marker(pytest.mark.xfail(reason=reason, strict=True))
    root = make_project(tmp_path / name, case)
    monkeypatch.chdir(root)
    command = case / "command.txt"
    args = shlex.split(command.read_text("utf-8") if command.is_file() else DEFAULT_COMMAND)
    result = run_cli(*args)
    output = normalise(result.output)
    assert "Traceback" not in output
    assert result.exception is None or isinstance(result.exception, SystemExit), output
    expected_file = case / "expected.txt"
    if update_golden and not (case / "xfail.txt").is_file():  # those hold the wished output
        expected_file.write_text(output, "utf-8", newline="\n")
    assert output == expected_file.read_text("utf-8")
    assert result.exit_code == expected_exit(output), output
