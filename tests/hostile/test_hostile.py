"""Run every case of the hostile-input catalogue (see conftest.py for the case format).

For every case: no traceback, no exception escaping the command, the exact expected output,
exit code 1 exactly when an error is printed, and the files of ``after.txt`` as stated. Whatever
the case, nothing outside the project may change: ``outside/`` keeps its bytes.
"""

from __future__ import annotations

import re
import shlex

import pytest

from tests.conftest import DocxPackage, normalize, paragraph_text, w
from tests.errors.conftest import run_cli
from tests.errors.test_catalogue import expected_exit
from tests.hostile.conftest import CASES, control_lines, expand, lay_case, snapshot

DEFAULT_COMMAND = "build data/r -o out/r.docx"
CASE_NAMES = sorted(path.name for path in CASES.iterdir() if path.is_dir())


def normalise(output: str, root, outside) -> str:
    """Return `output` with timings, clocks and the test folders' paths replaced."""
    output = output.replace(outside.as_posix(), "{outside}").replace(str(outside), "{outside}")
    output = output.replace(root.as_posix(), "{project}").replace(str(root), "{project}")
    output = re.sub(r"^\[\d\d:\d\d:\d\d\] ", "[…] ", output, flags=re.MULTILINE)  # watch's clock
    return re.sub(r"\d+[.,]\d+ giây", "… giây", output)


def docx_lines(path) -> list[str]:
    """Return the text of every paragraph of the .docx at `path` (body, tables, footnotes)."""
    package = DocxPackage(path)
    notes = package.footnote_texts().values() if "word/footnotes.xml" in package.parts else []
    return [normalize(paragraph_text(p)) for p in package.document.iter(w("p"))] + list(notes)


def check_after(case, root, outside, before: dict[str, bytes]) -> None:
    """Assert the ``after.txt`` statements of `case` and that ``outside/`` is untouched."""
    after = snapshot(root, outside)
    for name, data in before.items():
        if name.startswith("outside/"):
            assert after.get(name) == data, f"{name} changed outside the project"
    for line in control_lines(case / "after.txt"):
        verb, relative = line.split(None, 1)
        path = root / expand(relative.strip(), outside)
        key = path.relative_to(root.parent).as_posix() if path.is_relative_to(root.parent) else ""
        if verb == "unchanged":
            assert after.get(key) == before.get(key), f"{relative} was changed"
        elif verb == "absent":
            assert not path.exists() and not path.is_symlink(), f"{relative} was written"
        elif verb == "exists":
            assert path.exists(), f"{relative} is missing"
        elif verb == "no-file-under":
            prefix = key + "/"
            new = [n for n in after if n.startswith(prefix) and after[n] != before.get(n)]
            assert not new, f"written under {relative}: {new}"
        elif verb == "docx-has":
            relative, text = relative.split(None, 1)
            path = root / relative
            assert any(text in line for line in docx_lines(path)), f"{relative}: no {text!r}"
        else:
            raise AssertionError(f"after.txt: unknown statement {line!r}")


@pytest.mark.parametrize("name", CASE_NAMES)
def test_case(name, tmp_path, monkeypatch, update_golden):
    case = CASES / name
    root, outside = lay_case(tmp_path, case)
    monkeypatch.chdir(root)
    before = snapshot(root, outside)
    command = case / "command.txt"
    text = command.read_text("utf-8") if command.is_file() else DEFAULT_COMMAND
    result = run_cli(*shlex.split(expand(text, outside)))
    output = normalise(result.output, root, outside)
    assert "Traceback" not in output
    assert result.exception is None or isinstance(result.exception, SystemExit), output
    expected_file = case / "expected.txt"
    if update_golden:
        expected_file.write_text(output, "utf-8", newline="\n")
    assert output == expected_file.read_text("utf-8")
    assert result.exit_code == expected_exit(output), output
    check_after(case, root, outside, before)
