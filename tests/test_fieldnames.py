"""Where a message points, said in a clerk's words: lists, notes, and the cells of a table."""

from __future__ import annotations

import pytest

from generator.fieldnames import field_label


@pytest.mark.parametrize(("field", "words"), [
    ("paragraphs[3]", "đoạn thứ 4 trong `paragraphs`"),
    ("outline[2].sections[0].area",
     "`area` của mục thứ 1 trong `sections` của mục thứ 3 trong `outline`"),
    ("notes.2", "chú thích `2`"),
    ("recipients[1]", "dòng thứ 2 trong `recipients`"),
    ("paragraphs[3].table.rows[3][5]",
     "ô thứ 6 của dòng thứ 4 trong `rows` của `table` của đoạn thứ 4 trong `paragraphs`"),
    ("paragraphs[1].table.header[0][1].span",
     ("`span` của ô thứ 2 của dòng thứ 1 trong `header` của `table` của đoạn thứ 2 trong "
      "`paragraphs`")),
    ("paragraphs[1].table.widths[2]",
     "cột thứ 3 trong `widths` của `table` của đoạn thứ 2 trong `paragraphs`"),
    ("đoạn 12", "đoạn 12"),
])
def test_field_paths_in_words(field: str, words: str):
    assert field_label(field) == words
