"""Any text in any field: a located error, or a .docx showing the text after `normalise`."""

from __future__ import annotations

import copy
import re
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import vnformat
from generator.errors import DataError
from generator.inline import anchor_ids, parse_inline, plain_text
from generator.pipeline import build_report
from tests.conftest import require_tool
from tests.errors.conftest import BASE_REPORT, docx_footnotes, docx_paragraphs, write_yaml

_DROPPED = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff\ue000-\ue00f]")
_SPACED = re.compile("[\x0b\x0c\x85\u2028\u2029]")
_LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")
_NOTE_BREAK = re.compile(r"\n[ \t]*\n\s*")


def _clean(text: str) -> str:
    """Return `text` as the loader gives it: steps 1 and 2 of `normalise`."""
    return unicodedata.normalize("NFC", _SPACED.sub(" ", _DROPPED.sub("", text)))


def normalise(text: str, kind: str) -> str:
    """Return what the .docx shows for `text` in a field of `kind` (README.md, "Khi có lỗi").

    1. Characters Word cannot hold are dropped (controls, U+FFFE/U+FFFF, U+E000–U+E00F); the
       manual line break \\v, the page break \\f and U+0085/U+2028/U+2029 become a space.
    2. Unicode NFC.
    3. ``inline`` fields (paragraphs, headings, title, intro, closing): each line break with the
       spaces and tabs around it becomes one space, then ``**bold**``, ``*italic*`` and the
       escapes ``\\*``, ``\\[``, ``\\\\`` are interpreted (their text is kept, marks go) and
       footnote anchors disappear; tabs stay tabs.
    4. ``plain`` fields (organ, place, draft, signature, recipients): every line break and tab
       becomes a space.
    """
    text = _clean(text)
    if kind == "plain":
        return re.sub("[\r\n\t]", " ", text)
    return plain_text(parse_inline(_LINE_BREAK.sub(" ", text)))


def normalise_note(text: str) -> list[str]:
    """Return the paragraphs a footnote shows for `text` (a blank line starts a new one)."""
    return [normalise(chunk, "inline") for chunk in _NOTE_BREAK.split(_clean(text))]


FRAGMENTS = ["{{ 7*7 }}", "{%", "%}", "{% if x %}", "{_{", "}_}", "]]>", "<w:t>", "&amp;",
             "&#x1;", '"', "'", "“", "”", "‘", "’", "«", "»", "**", "*", "\\", "[", "\n", "\n\n",
             "\r\n", "\t", "\x0b", "\x0c", "\x00", "\x85", "\u2028", "\ufeff", "\u0301",
             "e\u0302\u0301", "\ue000", "{period}", "  ", "Kinh tÕ", "Kinh teá", "Đảng", "Ð"]
"""Markup look-alikes, quotes, control characters, combining marks and legacy text."""


def _text(fragments: list[str]) -> st.SearchStrategy[str]:
    pieces = st.one_of(st.text(st.characters(exclude_categories=("Cs",)), max_size=8),
                       st.sampled_from(fragments))
    return st.lists(pieces, min_size=1, max_size=6).map("".join)


TEXT = _text(FRAGMENTS + ["[^x]"])
"""Any text: blank texts and unknown anchors ``[^x]`` give located errors."""
VISIBLE = _text(FRAGMENTS).map(lambda text: "Đ" + text)
"""Text that cannot be blank, mostly without anchors: it should build."""

FIELDS = {
    "organ.name": "plain", "organ.parent": "plain", "place": "plain", "draft": "plain",
    "signature.authority": "plain", "signature.title": "plain", "signature.name": "plain",
    "recipient": "plain", "title": "inline", "intro": "inline", "closing": "inline",
    "heading": "inline", "paragraph": "inline", "sub.heading": "inline", "sub.paragraph": "inline",
    "note": "note",
}
NOTE_ID = "ghi-chu-9"
"""The one footnote id; arbitrary text cannot be expected to write ``[^ghi-chu-9]``."""
ANCHOR = f"[^{NOTE_ID}]"
"""Appended to the paragraph field, so that the note is printed."""
TOKENS = {field: f"QX{index:02d}Z" for index, field in enumerate(FIELDS)}
"""Letters-only stand-ins that survive every normalisation, to locate each field's text."""


def write_project(root: Path, texts: dict[str, str]) -> Path:
    """Write a report whose fields hold `texts`; return the report folder."""
    report = copy.deepcopy(BASE_REPORT)
    report["organ"].update(name=texts["organ.name"], parent=texts["organ.parent"])
    report["signature"].update(authority=texts["signature.authority"],
                               title=texts["signature.title"], name=texts["signature.name"])
    report.update(place=texts["place"], draft=texts["draft"], title=texts["title"],
                  intro=[texts["intro"]], closing=texts["closing"],
                  recipients=[texts["recipient"]])
    report["outline"][0]["heading"] = texts["heading"]
    area = {"paragraphs": [texts["paragraph"] + ANCHOR], "notes": {NOTE_ID: texts["note"]},
            "sections": [{"heading": texts["sub.heading"], "paragraphs": [texts["sub.paragraph"]]}]}
    write_yaml(root / "data" / "r" / "report.yaml", report)
    write_yaml(root / "data" / "r" / "areas" / "kinh-te.yaml", area)
    return root / "data" / "r"


def expected_document(texts: dict[str, str]) -> tuple[list[str], list[list[str]]]:
    """Return the paragraphs and footnotes the .docx must show for `texts`."""
    period = vnformat.period_text(BASE_REPORT["period"]["kind"], BASE_REPORT["period"]["year"])
    written = {**texts, "paragraph": texts["paragraph"] + ANCHOR,
               "title": texts["title"].replace("{period}", period),
               "closing": texts["closing"].replace("{period}", period)}
    shown = {TOKENS[f]: normalise(written[f], kind) for f, kind in FIELDS.items() if kind != "note"}
    shown[TOKENS["heading"]] = shown[TOKENS["heading"]].upper()  # level-1 headings in capitals
    # typed end punctuation of a recipient is dropped: the profile adds its own
    shown[TOKENS["recipient"]] = re.sub(r"[\s,;.]+$", "", shown[TOKENS["recipient"]])
    paragraphs = [_substitute(p, shown) for p in _skeleton()]
    anchors = sum(anchor_ids(_LINE_BREAK.sub(" ", _clean(written[f]))).count(NOTE_ID)
                  for f in ("paragraph", "sub.heading", "sub.paragraph"))
    return paragraphs, [normalise_note(texts["note"])] * anchors


def _substitute(paragraph: str, shown: dict[str, str]) -> str:
    return re.sub("QX\\d\\dZ", lambda m: shown[m.group()], paragraph)


_SKELETON: list[str] = []


def _skeleton() -> list[str]:
    """Return the paragraphs of the document built with `TOKENS` as its texts (built once)."""
    if not _SKELETON:
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "r.docx"
            build_report(write_project(Path(folder), TOKENS), out)
            _SKELETON.extend(docx_paragraphs(out))
    return _SKELETON


def check(texts: dict[str, str], folder: Path) -> Path | None:
    """Build `texts` in `folder`; assert the outcome; return the .docx if one was made."""
    out = folder / "r.docx"
    try:
        build_report(write_project(folder, texts), out)
    except DataError as exc:
        problems = exc.diagnostics.errors
        assert problems, "a DataError must say what is wrong"
        for problem in problems:
            assert problem.location is not None and problem.location.line > 0, problem.format()
            assert problem.code in {"schema.value", "footnote.unknown", "footnote.nested"}, \
                problem.format()
        return None
    paragraphs, notes = expected_document(texts)
    assert docx_paragraphs(out) == paragraphs
    assert docx_footnotes(out) == notes
    return out


SETTINGS = settings(max_examples=60, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.one_of(st.fixed_dictionaries({field: TEXT for field in FIELDS}),
                 st.fixed_dictionaries({field: VISIBLE for field in FIELDS})))
def test_any_text_in_any_field(texts):
    with tempfile.TemporaryDirectory() as folder:
        check(texts, Path(folder))


@settings(max_examples=3, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.fixed_dictionaries({field: VISIBLE for field in FIELDS}))
def test_a_sample_converts_in_libreoffice(texts):
    require_tool("soffice")
    from generator.pdf import docx_to_pdf

    with tempfile.TemporaryDirectory() as folder:
        out = check(texts, Path(folder))
        if out is not None:
            pdf = docx_to_pdf(out, Path(folder) / "r.pdf")
            assert pdf.read_bytes().startswith(b"%PDF")
