"""Runs → markup is the inverse of the build's inline parser, whatever the text holds."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.importer.text import markup, strip_prefix
from generator.inline import parse_inline
from generator.model import Anchor, Run
from generator.ooxml.reader import NoteRun, TextRun

_TEXT = st.text(alphabet="ab ư*[]^\\_-1", min_size=1, max_size=6)
_RUN = st.builds(TextRun, _TEXT, st.booleans(), st.booleans())
_ITEMS = st.lists(st.one_of(_RUN, _RUN, _RUN, st.builds(NoteRun, st.just("f1"))), max_size=8)


def _visible(items) -> list[tuple]:
    """Return each non-space character with its formatting, and anchors in place."""
    out = []
    for item in items:
        if isinstance(item, (NoteRun, Anchor)):
            out.append("anchor")
        else:
            out += [(c, item.bold, item.italic) for c in item.text if not c.isspace()]
    return out


@given(_ITEMS)
def test_parse_of_markup_gives_the_runs_back(items):
    text = markup(items, lambda key: "1")
    parsed = parse_inline(text)

    assert _visible(parsed) == _visible(items)
    assert "".join(r.text for r in parsed if isinstance(r, Run)).strip() == "".join(
        i.text for i in items if isinstance(i, TextRun)).strip()


def test_markup_is_readable():
    items = [TextRun("Kinh tế "), TextRun("tăng ", bold=True), TextRun("mạnh", True, True),
             TextRun(" 5 * 3"), NoteRun("f2"), TextRun(".")]

    assert markup(items, lambda key: "1") == "Kinh tế **tăng *mạnh*** 5 \\* 3[^1]."
    assert markup([TextRun("I. TIÊU ĐỀ", bold=True)], lambda k: None, drop_uniform=True) == \
        "I. TIÊU ĐỀ"


def test_strip_prefix_crosses_runs():
    items = [TextRun("1", bold=True), TextRun(". "), TextRun("Nội dung")]

    assert strip_prefix(items, 3) == [TextRun("Nội dung")]
