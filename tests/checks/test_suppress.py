"""Silencing findings per line and per file, with a reason."""

AREA = """\
{file_comment}paragraphs:
{above}  - Mở lớp với 1750 học viên.{line_comment}
  - Chủ đề “Dân vận khéo được phát động.
"""


def run(codes, file_comment="", above="", line_comment=""):
    return codes(raw_area=AREA.format(file_comment=file_comment, above=above,
                                      line_comment=line_comment))


def test_unsuppressed(codes):
    assert run(codes) == ["number.thousands", "text.unbalanced"]


def test_line_comment(codes):
    found = run(codes, line_comment=" # baocao: bỏ qua number.thousands — số hiệu lớp")
    assert found == ["text.unbalanced"]


def test_comment_on_the_line_above(codes):
    found = run(codes, above="  # baocao: bỏ qua number.thousands — số hiệu lớp\n")
    assert found == ["text.unbalanced"]


def test_family_and_file_comment(codes):
    found = run(codes, file_comment="# baocao: bỏ qua-tệp text — trích nguyên văn\n")
    assert found == ["number.thousands"]


def test_without_reason_is_a_warning_but_still_applies(codes):
    found = run(codes, line_comment=" # baocao: bỏ qua number.thousands")
    assert found == ["suppress.no-reason", "text.unbalanced"]


def test_unknown_code_and_unused(codes):
    found = run(codes, file_comment="# baocao: bỏ qua-tệp number.khong-co — thử\n"
                "# baocao: bỏ qua-tệp date.style — không dùng\n")
    assert sorted(found) == ["number.thousands", "suppress.unknown-code", "suppress.unused",
                             "text.unbalanced"]


def test_unaccented_directive(codes):
    found = run(codes, line_comment=" # baocao: bo qua number.thousands - so hieu lop")
    assert found == ["text.unbalanced"]
