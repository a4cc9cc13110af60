"""click's own texts in Vietnamese: suggestions, ranges, help wrapping, metavars."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from generator.cli import COMMANDS, cli


def _run(*args: str, width: int = 80):
    return CliRunner().invoke(cli, list(args), prog_name="baocao",
                              terminal_width=width)


def test_a_mistyped_command_gets_the_close_one():
    result = _run("buld", "data/x")
    assert result.exit_code == 2
    assert "Lỗi: Không có lệnh 'buld'. Có phải ý bạn là 'build'?" in result.output
    assert "Did you mean" not in result.output


def test_a_mistyped_option_gets_the_close_one():
    result = _run("build", "--outptu", "x.docx", "data/x")
    assert "Có phải ý bạn là '--output'?" in result.output


def test_ranges_are_words():
    result = _run("build", "-j", "0", "data/x")
    assert "0 nằm ngoài khoảng cho phép (từ 1 trở lên)." in result.output
    help_text = _run("new", "--help").output
    assert "[từ 1930 đến 2100]" in help_text and "x<=" not in help_text


@pytest.mark.parametrize("width", [40, 60, 80, 100])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_help_wrapping_never_splits_a_path_or_an_example(command, width):
    text = _run(command, "--help", width=width).output
    flat = " ".join(text.split())
    for path in re.findall(r"data/[\w*.-]+", flat):
        assert path in text, f"{path} is broken across lines"  # whole on one line
    for example in re.findall(r"baocao [a-z-]+(?: (?:--?[\w-]+|data/[\w*.-]+|quy-\d))+", flat):
        assert example in text, f"the example {example!r} is broken across lines"
    assert not re.search(r"\w-\n", text), "a word cut at its hyphen"


def test_metavars_have_one_style():
    for command in sorted(COMMANDS):
        text = _run(command, "--help", width=120).output
        usage, options = text.split("Tùy chọn:", 1)
        for metavar in re.findall(r"(?m)^\s+(?:-\w, )?--[\w-]+ ([^\s\[]\S*(?: \S+)?)\s{2}", options):
            word = metavar.split()[0]
            assert word.startswith("[") or (word == word.upper() and "_" * 2 not in word), \
                (command, metavar)  # capitals, words joined by '_': THƯ_MỤC, TỆP_SỬA.docx
        assert "[OPTIONS]" not in usage and "THƯ MỤC" not in text


def test_the_command_list_shows_whole_sentences():
    text = _run("--help").output
    listing = text.split("Lệnh:", 1)[1]
    entries = re.findall(r"(?m)^  ([a-z-]+)\s+(.+(?:\n {4,}.+)*)", listing)
    assert {name for name, _ in entries} == set(COMMANDS)
    for name, description in entries:
        assert description.rstrip().endswith("."), name
        assert "..." not in description, name
    assert "YAML" not in text.split("Tùy chọn:", 1)[0]


def test_the_help_lists_the_registered_profiles_without_importing_them():
    from generator import profiles
    from generator.commands.common import ProfileName

    assert ProfileName.folders() == sorted(profiles.PROFILES)
    assert "[hd05|hd36|nd30]" in _run("check", "--help", width=120).output
