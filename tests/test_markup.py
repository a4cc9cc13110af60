"""Markup a clerk needs: underline, a line break, a page break, a visible fixed space."""

from __future__ import annotations

from generator.inline import NBSP, parse_inline
from generator.model import Break, Run
from tests.conftest import DocxPackage, w
from tests.errors.conftest import make_project, run_cli

AREA = """text: |
  Chữ __gạch chân__ và **đậm**, số~07[xuống dòng]dòng sau[^1].

  [sang trang]Đoạn này sang trang mới; \\__không gạch\\__ và 5 ~ 3.
notes:
  1: Chú thích __gạch__ một[xuống dòng]hai.
"""


def test_the_parser_reads_each_mark():
    assert parse_inline("a __b__ c") == [Run("a "), Run("b", underline=True), Run(" c")]
    assert parse_inline("một[xuống dòng]hai") == [Run("một"), Break("line"), Run("hai")]
    assert parse_inline("[sang trang]Đoạn") == [Break("page"), Run("Đoạn")]
    assert parse_inline("số~07, 5 ~ 3, a\\~b") == [Run(f"số{NBSP}07, 5 ~ 3, a~b")]
    assert parse_inline("\\__x\\__") == [Run("__x__")]


def _runs(paragraph):
    return [(r.find(w("rPr")), "".join(t.text or "" for t in r.iter(w("t"))),
             [b.get(w("type")) for b in r.iter(w("br"))]) for r in paragraph.iter(w("r"))]


def test_word_receives_underline_breaks_and_fixed_space(tmp_path, monkeypatch):
    root = make_project(tmp_path / "p")
    monkeypatch.chdir(root)
    (root / "data" / "r" / "areas" / "kinh-te.yaml").write_text(AREA, "utf-8")
    result = run_cli("build", "data/r", "-o", "out/r.docx")
    assert result.exit_code == 0, result.output
    package = DocxPackage(root / "out" / "r.docx")
    body = [p for p in package.document.iter(w("p"))
            if "gạch chân" in "".join(t.text or "" for t in p.iter(w("t")))
            or "sang trang mới" in "".join(t.text or "" for t in p.iter(w("t")))]
    first, second = body
    underlined = [text for rpr, text, _ in _runs(first)
                  if rpr is not None and rpr.find(w("u")) is not None]
    assert underlined == ["gạch chân"]
    texts = "".join(text for _, text, _ in _runs(first))
    assert f"số{NBSP}07" in texts
    assert [br for _, _, brs in _runs(first) for br in brs] == [None]  # one line break
    assert [br for _, _, brs in _runs(second) for br in brs] == ["page"]
    assert "__không gạch__ và 5 ~ 3." in "".join(text for _, text, _ in _runs(second))
    note = package.xml("word/footnotes.xml")
    assert len(list(note.iter(w("br")))) == 1 and note.find(f".//{w('u')}") is not None
