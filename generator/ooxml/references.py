"""Footnote reference runs: the body's marker runs made ``w:footnoteReference`` runs.

A marker (`generator.ooxml.markers.note_marker`) becomes::

    <w:r><w:rPr><w:rStyle w:val="FootnoteReference"/>…</w:rPr><w:footnoteReference w:id="7"/></w:r>

formatted like the run it stood in, without that run's own style or raising. Two ways give the
same XML: `plain_runs_in_text` rewrites the usual run (one per anchor, as `generator.context`
writes it) in the rendered body text before it is parsed, with the note number standing for the
id; `in_tree` then sets the ids and rewrites every other marker (a table cell's, one sharing a
run with text) with lxml.
"""

from __future__ import annotations

import copy
import re
from xml.sax.saxutils import escape

from lxml import etree

from generator.ooxml.markers import NOTE_CLOSE, NOTE_MARKER, NOTE_OPEN
from generator.ooxml.ns import XML_SPACE, qn

# Clark names built once: the footnote pass makes about 40 elements per note, and building each
# name with `qn` was a fifth of its time at 50× the sample (bench/README.md).
_R, _T, _RPR = qn("w:r"), qn("w:t"), qn("w:rPr")
_RSTYLE, _VERT_ALIGN = qn("w:rStyle"), qn("w:vertAlign")
_FOOTNOTE_REFERENCE = qn("w:footnoteReference")
_VAL, _ID = qn("w:val"), qn("w:id")

_PLAIN_RUN = re.compile(
    "<w:r>(?:<w:rPr>((?:<w:(?!rStyle\\b|vertAlign\\b)\\w+(?: w:\\w+=\"[^\"&<>]*\")*/>)*)</w:rPr>)?"
    f'<w:t(?: xml:space="preserve")?>{NOTE_OPEN}([0-9]+){NOTE_CLOSE}</w:t></w:r>')
"""A run holding only a marker, its properties (if any) empty elements other than a style or
a raising, which the reference replaces: the run `generator.context.rich` writes per anchor."""


def plain_runs_in_text(body_xml: str, ref_style: str) -> str:
    """Return the body text `body_xml` with its plain marker runs (`_PLAIN_RUN`) made references.

    The reference's id is left as the marker (``w:id="\\ue000<number>\\ue001"``), for `in_tree`
    to turn into the real id once the footnotes part is known (the template's own notes come
    first). One regex pass instead of seven lxml calls per run: 0.2 s of the 0.6 s footnote pass
    for one paragraph citing a note 12,500 times (issue 11). A text this cannot rewrite exactly
    as `in_tree` would (a style id with tabs or line breaks, comments) is left to `in_tree`.
    """
    if NOTE_OPEN not in body_xml or "<!" in body_xml or "<?" in body_xml or has_blanks(ref_style):
        return body_xml  # in a comment, CDATA section or processing instruction, a run is none
    style = attribute(ref_style)

    def reference(match: re.Match) -> str:
        return (f'<w:r><w:rPr><w:rStyle w:val="{style}"/>{match[1] or ""}</w:rPr>'
                f'<w:footnoteReference w:id="{NOTE_OPEN}{match[2]}{NOTE_CLOSE}"/></w:r>')

    return _PLAIN_RUN.sub(reference, body_xml)


def has_blanks(text: str) -> bool:
    """Say if `text` holds a tab or line break: lxml writes them as character references in an
    attribute (and ``\\r`` in text); written as themselves, parsing gives back spaces (``\\n``).

    Three substring searches: a regex character class took 40 ms over 3.6 MB of notes.
    """
    return "\t" in text or "\n" in text or "\r" in text


def attribute(value: str) -> str:
    """Return `value` escaped for a double-quoted attribute, as lxml escapes it."""
    return escape(value, {'"': "&quot;"})


def in_tree(body, base: int, ref_style: str) -> None:
    """Make every footnote marker under `body` a reference to footnote `base` + its number.

    References `plain_runs_in_text` made get their ids; runs still holding markers are rewritten.
    """
    for ref in body.iter(_FOOTNOTE_REFERENCE):
        number = ref.get(_ID)
        if number and number[0] == NOTE_OPEN:
            ref.set(_ID, str(base + int(number[1:-1])))
    for run in list(_marker_runs(body)):
        if not _reference_in_place(run, base, ref_style):
            for new in _split_run(run, base, ref_style):  # addprevious, not index(): linear
                run.addprevious(new)
            run.getparent().remove(run)


def _marker_runs(body) -> list:
    """Return each run whose text holds a footnote marker, in document order.

    Found from the marked texts upwards rather than by searching every run: the run scan took
    a third of the footnote pass at 50× the sample (bench/README.md). A run inside another
    run's text box counts for both, as before; outer runs come first.
    """
    runs: list = []
    seen: set = set()
    for t in body.iter(_T):
        text = t.text
        if not text or NOTE_OPEN not in text or not NOTE_MARKER.search(text):
            continue
        for run in reversed([r for r in t.iterancestors(_R) if r not in seen]):
            seen.add(run)
            runs.append(run)
    return runs


def _reference_in_place(run, base: int, ref_style: str) -> bool:
    """Make `run` the reference run itself when its only content is one marker; say if it was.

    The usual case (each anchor is a run of its own): it gives the bytes `_split_run` gives,
    without copying the run's properties twice for the empty runs around the reference.
    """
    if not 0 < len(run) <= 2:
        return False
    children = list(run)
    rpr = children[0] if children[0].tag == _RPR else None
    content = children[1:] if rpr is not None else children
    if len(content) != 1 or content[0].tag != _T:
        return False
    match = NOTE_MARKER.fullmatch(content[0].text or "")
    if match is None:
        return False
    if rpr is None:
        rpr = etree.Element(_RPR)
        run.insert(0, rpr)
    _reference_properties(rpr, ref_style)
    run.replace(content[0], etree.Element(_FOOTNOTE_REFERENCE, {_ID: str(base + int(match[1]))}))
    return True


def _split_run(run, base: int, ref_style: str) -> list:
    """Return the runs replacing `run`: its content cut at each marker, a reference run between.

    Elements other than text (breaks, tabs) keep their order; every new run carries a copy of
    the original run properties, so the formatting around the anchor is kept.
    """
    rpr = run.find(_RPR)
    out = [_new_run(rpr)]
    for child in run:
        if child is rpr:
            continue
        if child.tag != _T or not NOTE_MARKER.search(child.text or ""):
            out[-1].append(copy.deepcopy(child))
            continue
        parts = NOTE_MARKER.split(child.text)
        for i, part in enumerate(parts):
            if i % 2:  # a footnote number
                out.append(_reference_run(rpr, base + int(part), ref_style))
                out.append(_new_run(rpr))
            elif part:
                etree.SubElement(out[-1], _T, {XML_SPACE: "preserve"}).text = part
    return [r for r in out if len(r) > (1 if r.find(_RPR) is not None else 0)]


def _new_run(rpr):
    run = etree.Element(_R)
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    return run


def _reference_run(host_rpr, footnote_id: int, ref_style: str):
    """Return ``<w:r>`` with a footnoteReference, formatted like the host run but superscript."""
    rpr = copy.deepcopy(host_rpr) if host_rpr is not None else etree.Element(_RPR)
    _reference_properties(rpr, ref_style)
    run = etree.Element(_R)
    run.append(rpr)
    etree.SubElement(run, _FOOTNOTE_REFERENCE, {_ID: str(footnote_id)})
    return run


def _reference_properties(rpr, ref_style: str) -> None:
    """Give the run properties `rpr` the reference style in place of any style or raising."""
    for tag in (_RSTYLE, _VERT_ALIGN):
        for old in rpr.findall(tag):
            rpr.remove(old)
    rpr.insert(0, etree.Element(_RSTYLE, {_VAL: ref_style}))
