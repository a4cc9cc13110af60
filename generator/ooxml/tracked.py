"""Tracked changes (``w:ins`` / ``w:del``) made from the diff markers a rendered document carries.

The diff renders one merged report through the normal build; changed text travels as private-use
marker characters (like footnote markers, see `generator.ooxml.markers`) and this module turns
them into Word's revision marks in the finished package, body and ``word/footnotes.xml``::

    <w:p><w:pPr><w:pStyle w:val="BodyText"/>
        <w:rPr><w:ins w:id="3" w:author="baocao" w:date="2024-09-01T00:00:00Z"/></w:rPr></w:pPr>
      <w:ins w:id="4" …><w:r><w:t>inserted words</w:t></w:r></w:ins>
      <w:del w:id="5" …><w:r><w:delText>deleted words</w:delText></w:r></w:del>
      <w:del w:id="6" …><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>
        <w:footnoteReference w:id="7"/></w:r></w:del>
    </w:p>

Markers: ``DEL_OPEN … DEL_CLOSE`` and ``INS_OPEN … INS_CLOSE`` delimit deleted and inserted
text, and may span runs (a deleted footnote reference is the run between them). ``PARA_DEL`` or
``PARA_INS`` anywhere in a paragraph makes all of it, paragraph mark included, deleted or
inserted; a table row all of whose cells are so marked is itself a tracked row insertion or
deletion (``w:trPr/w:ins``, ``w:trPr/w:del``). The last paragraph mark of a cell, a footnote or
the body cannot be tracked (Word keeps it; a mark before a table can), so a changed tail is
shifted onto the marks before it, with ``w:pPrChange`` keeping each side's paragraph style.
They lie in U+E010–U+E015, outside the build's own markers (U+E000–U+E00F, which
`package.finish_text` treats as leftovers), so they pass a normal render untouched;
`generator.diff.lower` removes that range from the data it marks.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from lxml import etree

from generator.ooxml import footnotes
from generator.ooxml.ns import XML_SPACE, qn
from generator.ooxml.safezip import parse_xml

DEL_OPEN, DEL_CLOSE = "\ue010", "\ue011"
INS_OPEN, INS_CLOSE = "\ue012", "\ue013"
PARA_DEL, PARA_INS = "\ue014", "\ue015"
MARKERS = re.compile("[\ue010-\ue01f]")
"""The range reserved for diff markers."""
INS, DEL = "ins", "del"

_INLINE = re.compile("([\ue010-\ue013])")
_STATE_AFTER = {DEL_OPEN: DEL, DEL_CLOSE: None, INS_OPEN: INS, INS_CLOSE: None}
_NOT_BASE = {qn("w:rPr"), qn("w:sectPr"), qn("w:pPrChange")}
_REVISIONS = {qn("w:ins"), qn("w:del"), qn("w:pPrChange")}


@dataclass(frozen=True)
class Revision:
    """Who and when every tracked change is attributed to; `date` is an xsd:dateTime."""

    author: str
    date: str


def deleted(text: str) -> str:
    """Return `text` marked as deleted."""
    return f"{DEL_OPEN}{text}{DEL_CLOSE}"


def inserted(text: str) -> str:
    """Return `text` marked as inserted."""
    return f"{INS_OPEN}{text}{INS_CLOSE}"


def mark_revisions(document, revision: Revision) -> None:
    """Turn every diff marker in the body and footnotes of `document` into a tracked change."""
    part = footnotes.footnotes_part(document)
    note_root = parse_xml(part.blob) if part is not None else None
    roots = [document.element.body] + ([note_root] if note_root is not None else [])
    for root in roots:
        _mark_rows(root, _mark_tree(root))
    _stamp(roots, revision)
    if part is not None:
        footnotes.store(part, note_root)


def _mark_tree(root) -> dict:
    """Make tracked changes of the markers in every paragraph under `root`.

    Return the paragraphs changed whole, with their kind.
    """
    whole: dict = {}  # paragraph → kind, for those changed whole
    for p in _marked_paragraphs(root):
        if not any(MARKERS.search(t.text or "") for t in p.iter(_T)):
            continue  # its markers went with an enclosing paragraph's (a text box's host)
        kind = _take_paragraph_marker(p)
        if kind is None:
            _split_runs(p)
        else:
            _wrap(p, [r for r in p if r.tag == qn("w:r")], kind)
            _set_mark(p, kind)
            whole[p] = kind
    for p in whole:
        if _ends_container(p):
            _shift_tail(p, whole)
    return whole


def _marked_paragraphs(root) -> list:
    """Return the paragraphs under `root` whose text holds a marker, in document order.

    Found from the marked texts upwards rather than by searching every paragraph's texts: that
    search was half of `_mark_tree` for a body and 12,500 notes (issue 11).
    """
    marked: set = set()
    for t in root.iter(_T):
        text = t.text
        if text and MARKERS.search(text):
            marked.update(t.iterancestors(_P))
    return [p for p in root.iter(_P) if p in marked] if marked else []


_T, _P = qn("w:t"), qn("w:p")


def _mark_rows(root, whole: dict) -> None:
    """Track as inserted or deleted each table row whose every paragraph is so changed."""
    for tr in root.iter(qn("w:tr")):
        kinds = {whole.get(p) for p in tr.iter(qn("w:p"))}
        if len(kinds) != 1 or None in kinds:
            continue
        trpr = tr.find(qn("w:trPr"))
        if trpr is None:
            trpr = etree.Element(qn("w:trPr"))
            tr.insert(1 if tr.find(qn("w:tblPrEx")) is not None else 0, trpr)
        trpr.append(etree.Element(qn(f"w:{kinds.pop()}")))


def _take_paragraph_marker(p) -> str | None:
    """Remove ``PARA_DEL``/``PARA_INS`` from `p`; return the kind it carried, if any."""
    kind = None
    for t in p.iter(qn("w:t")):
        if t.text and (PARA_DEL in t.text or PARA_INS in t.text):
            kind = DEL if PARA_DEL in t.text else INS
    if kind is not None:  # the whole paragraph changes: inline marks inside say nothing more
        for t in p.iter(qn("w:t")):
            t.text = MARKERS.sub("", t.text or "")
    return kind


def _split_runs(p) -> None:
    """Cut the runs of `p` at the inline markers and wrap the marked pieces."""
    state = None
    for run in [child for child in p if child.tag == qn("w:r")]:
        pieces, end = _run_pieces(run, state)
        if pieces is None:
            if state is not None:
                _wrap(p, [run], state)
            continue
        rpr = run.find(qn("w:rPr"))
        for kind, children in pieces:
            new = etree.Element(qn("w:r"))
            if rpr is not None:
                new.append(copy.deepcopy(rpr))
            new.extend(children)
            run.addprevious(new)
            if kind is not None:
                _wrap(p, [new], kind)
        p.remove(run)
        state = end
    _merge_wrappers(p)


def _run_pieces(run, state):
    """Return ([(kind, children)], state after `run`), or (None, state) if it has no marker."""
    if not any(_INLINE.search(t.text or "") for t in run.iter(qn("w:t"))):
        return None, state
    pieces: list[tuple[str | None, list]] = []

    def add(element) -> None:
        if not pieces or pieces[-1][0] != state:
            pieces.append((state, []))
        pieces[-1][1].append(element)

    for child in run:
        if child.tag == qn("w:rPr"):
            continue
        if child.tag != qn("w:t") or not _INLINE.search(child.text or ""):
            add(copy.deepcopy(child))
            continue
        for part in _INLINE.split(child.text):
            if part in _STATE_AFTER:
                state = _STATE_AFTER[part]
            elif part:
                add(_text(part))
    return pieces, state


def _text(value: str):
    t = etree.Element(qn("w:t"))
    t.text = value
    t.set(XML_SPACE, "preserve")
    return t


def _wrap(p, runs: list, kind: str) -> None:
    """Move `runs` (children of `p`) into one ``w:ins``/``w:del`` at the first one's place."""
    if not runs:
        return
    wrapper = etree.Element(qn(f"w:{kind}"))
    runs[0].addprevious(wrapper)
    wrapper.extend(runs)


def _merge_wrappers(p) -> None:
    """Join adjacent wrappers of the same kind, so one change is one revision."""
    previous = None
    for child in list(p):
        if previous is not None and child.tag == previous.tag and child.tag in _REVISIONS:
            previous.extend(list(child))
            p.remove(child)
            continue
        previous = child


def _ends_container(p) -> bool:
    """Return True if the mark of `p` ends its cell, note or body (a table may follow a mark)."""
    following = p.getnext()
    return following is None or following.tag == qn("w:sectPr")


def _is_p(element) -> bool:
    return element is not None and element.tag == qn("w:p")


def _set_mark(p, kind: str | None) -> None:
    """Track the paragraph mark of `p` as `kind` (``ins``/``del``), or untrack it."""
    ppr = _ppr(p)
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = etree.Element(qn("w:rPr"))
        tail = [c for c in ppr if c.tag in (qn("w:sectPr"), qn("w:pPrChange"))]
        (tail[0].addprevious if tail else ppr.append)(rpr)
    for old in rpr.findall(qn("w:ins")) + rpr.findall(qn("w:del")):
        rpr.remove(old)
    if kind is not None:
        rpr.insert(0, etree.Element(qn(f"w:{kind}")))
    elif len(rpr) == 0:
        ppr.remove(rpr)


def _ppr(p):
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        p.insert(0, ppr)
    return ppr


def _shift_tail(last, whole: dict) -> None:
    """Move the tracked marks of the changed paragraphs ending a container one paragraph back.

    In a chain L, P1 … Pk where Pk's mark ends the container, mark m(i-1) takes Pi's kind and
    mk stays. Accepting keeps L and the inserted Pi, rejecting L and the deleted Pi; the marks
    left in each view take those paragraphs' properties, in order.
    """
    chain = [last]
    while _is_p(chain[0].getprevious()) and chain[0].getprevious() in whole:
        chain.insert(0, chain[0].getprevious())
    lead = chain[0].getprevious()
    if not _is_p(lead):
        return  # nothing to lean on: leave the marks as they are
    chain.insert(0, lead)
    kinds = [whole[p] for p in chain[1:]] + [None]
    props = [_base(p) for p in chain]
    new_props = [props[0]] + [props[i] for i, p in enumerate(chain) if whole.get(p) == INS]
    old_props = [props[0]] + [props[i] for i, p in enumerate(chain) if whole.get(p) == DEL]
    for p, kind in zip(chain, kinds, strict=True):
        _set_mark(p, kind)
        new = new_props.pop(0) if kind != DEL else None
        old = old_props.pop(0) if kind != INS else None
        _set_base(p, new if new is not None else old)
        if kind is None and _xml(new) != _xml(old):
            _add_ppr_change(p, old)


def _base(p) -> list:
    """Return copies of the paragraph properties of `p` other than mark, section and change."""
    return [copy.deepcopy(c) for c in _ppr(p) if c.tag not in _NOT_BASE]


def _set_base(p, base: list) -> None:
    ppr = _ppr(p)
    for child in [c for c in ppr if c.tag not in _NOT_BASE]:
        ppr.remove(child)
    for index, child in enumerate(base):
        ppr.insert(index, copy.deepcopy(child))


def _add_ppr_change(p, old: list) -> None:
    change = etree.SubElement(_ppr(p), qn("w:pPrChange"))
    inner = etree.SubElement(change, qn("w:pPr"))
    inner.extend(copy.deepcopy(c) for c in old)


def _xml(elements: list) -> bytes:
    return b"".join(etree.tostring(e) for e in elements)


def _stamp(roots, revision: Revision) -> None:
    """Give every revision its id, author and date; deleted text becomes ``w:delText``."""
    next_id = 1
    for root in roots:
        for element in root.iter(*_REVISIONS):
            for name in ("w:id", "w:author", "w:date"):
                element.attrib.pop(qn(name), None)
            element.set(qn("w:id"), str(next_id))
            element.set(qn("w:author"), revision.author)
            element.set(qn("w:date"), revision.date)
            next_id += 1
            if element.tag == qn("w:del"):
                for t in element.iter(qn("w:t")):
                    t.tag = qn("w:delText")
