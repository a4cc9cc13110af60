"""``baocao check DIR --fix``: the safe fixes, in place, and nothing else in the files."""

from __future__ import annotations

import re
import shutil

from tests.conftest import SAMPLE_DIR
from tests.errors.conftest import run_cli

AREA = (
    "# Ghi chú của Ban Kinh tế: giữ nguyên dòng này.\r\n"
    "owner: Ban Kinh tế   # đơn vị gửi\r\n"
    "paragraphs:\r\n"
    "  - Tăng trưởng đạt 12.5%, giai đoạn 2021 -2025  giữ vững.\r\n"
    "  # một ghi chú giữa hai đoạn\r\n"
    "  - \"Thu ngân sách\u00a0đạt\u00a0kế hoạch; ủy ban, ủy viên, ủy quyền và uỷ thác[^1].\"\r\n"
    "notes:\r\n"
    "  1: Số liệu của Cục Thống kê.\r\n"
)
FIXED = (
    "# Ghi chú của Ban Kinh tế: giữ nguyên dòng này.\r\n"
    "owner: Ban Kinh tế   # đơn vị gửi\r\n"
    "paragraphs:\r\n"
    "  - Tăng trưởng đạt 12,5%, giai đoạn 2021 - 2025 giữ vững.\r\n"
    "  # một ghi chú giữa hai đoạn\r\n"
    "  - \"Thu ngân sách đạt kế hoạch; ủy ban, ủy viên, ủy quyền và ủy thác[^1].\"\r\n"
    "notes:\r\n"
    "  1: Số liệu của Cục Thống kê.\r\n"
)
CHANGE = re.compile(r"^(?P<path>\S+):(?P<line>\d+):(?P<col>\d+): '(?P<before>[^']*)' → "
                    r"'(?P<after>[^']*)' \((?P<code>[a-z.-]+)\)$", re.MULTILINE)


def test_fix_changes_exactly_the_reported_spans_keeping_comments_and_line_ends(project):
    area = project / "data" / "r" / "areas" / "kinh-te.yaml"
    area.write_bytes(AREA.encode("utf-8"))
    preview = run_cli("check", "data/r", "--fix", "--dry-run")
    assert preview.exit_code == 0, preview.output
    assert area.read_bytes() == AREA.encode("utf-8")  # a dry run writes nothing
    result = run_cli("check", "data/r", "--fix")
    assert result.exit_code == 0, result.output
    assert area.read_bytes() == FIXED.encode("utf-8")
    changes = [m.groupdict() for m in CHANGE.finditer(result.output)]
    assert changes == [m.groupdict() for m in CHANGE.finditer(preview.output)]
    assert {(c["line"], c["code"]) for c in changes} == {
        ("4", "number.decimal-point"), ("4", "text.missing-space"), ("4", "text.double-space"),
        ("6", "text.nbsp"), ("6", "spelling.tone-style")}
    assert (project / "data" / "r" / ".baocao-backup" / "areas" / "kinh-te.yaml").read_bytes() \
        == AREA.encode("utf-8")
    again = run_cli("check", "data/r", "--fix")
    assert "Không có chỗ nào máy sửa được" in again.output and area.read_bytes() == \
        FIXED.encode("utf-8")


def test_on_the_sample_only_the_reported_lines_change(tmp_path, monkeypatch):
    folder = tmp_path / "data" / "mau"
    shutil.copytree(SAMPLE_DIR, folder)
    monkeypatch.chdir(tmp_path)
    before = {p: p.read_text("utf-8").splitlines() for p in folder.rglob("*.yaml")}
    result = run_cli("check", "data/mau", "--fix")
    assert result.exit_code == 0, result.output
    changes = [m.groupdict() for m in CHANGE.finditer(result.output)]
    assert changes and result.output.count("\n") == len(changes) + 1
    named = {(c["path"], int(c["line"])) for c in changes}
    for path, old in before.items():
        new = (path).read_text("utf-8").splitlines()
        assert len(new) == len(old), path
        shown = path.relative_to(tmp_path).as_posix()
        differing = {i + 1 for i, (a, b) in enumerate(zip(old, new)) if a != b}
        assert differing == {line for p, line in named if p == shown}, path
        for line in differing:  # each line changed by exactly the reported replacements
            delta = sum(len(c["after"]) - len(c["before"]) for c in changes
                        if (c["path"], int(c["line"])) == (shown, line))
            assert len(new[line - 1]) - len(old[line - 1]) == delta, (path, line)
    check = run_cli("check", "data/mau")
    assert not re.search(r"\[(text\.nbsp|text\.double-space|number\.decimal-point)\]",
                         check.output)


TABLE_AREA = (
    "paragraphs:\n"
    "  - Tăng trưởng đạt 12.5%.\n"
    "  - table:\n"
    "      header:\n"
    "        - [TT, Chỉ tiêu, {text: Tăng 12.5% so cùng kỳ, span: 2}]\n"
    "        - [\"\", \"\", Kế hoạch, Thực hiện]\n"
    "      rows:\n"
    "        - [1, Thu ngân sách, 6.285, 65.65]\n"
)


def test_a_bare_cell_is_quoted_and_a_fix_that_would_reshape_the_file_is_said(project):
    area = project / "data" / "r" / "areas" / "kinh-te.yaml"
    area.write_text(TABLE_AREA, "utf-8")
    result = run_cli("check", "--fix", "data/r")  # --fix before the folder, as typed often
    assert result.exit_code == 0, result.output
    text = area.read_text("utf-8")
    assert "  - Tăng trưởng đạt 12,5%.\n" in text
    assert "        - [1, Thu ngân sách, 6.285, \"65,65\"]\n" in text  # one cell, still four
    assert "{text: Tăng 12.5% so cùng kỳ, span: 2}" in text  # a comma would end the title there
    assert "Chưa sửa được 1 chỗ vì sửa sẽ làm đổi cách đọc tệp; hãy sửa bằng tay:" in \
        result.output
    assert re.search(r"^  data/r/areas/kinh-te\.yaml:5:\d+: '12\.5' → '12,5' "
                     r"\(number\.decimal-point\)$", result.output, re.MULTILINE)
    assert "Đã sửa 2 chỗ" in result.output
    build = run_cli("build", "data/r", "--no-check")
    assert build.exit_code == 0, build.output
