"""The style and numbering parts as the import reader needs them (styles.xml, numbering.xml).

Styles are looked up by id along ``w:basedOn`` (once per pair); run properties come from the
character style, then the paragraph style, then the document defaults; list labels are
computed from numbering.xml, as Word does not store them in the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.ooxml.ns import on_off, qn, val


@dataclass
class _Style:
    kind: str
    name: str
    based_on: str | None
    props: dict
    """``b i caps font`` from rPr; ``outline jc num`` from pPr."""


class Styles:
    """styles.xml by id, with the chain lookups the reader needs."""

    def __init__(self, root):
        self.by_id: dict[str, _Style] = {}
        self._found: dict[tuple, object] = {}
        self.defaults: dict = {}
        self.default_para: str | None = None
        if root is None:
            return
        rpr = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self.defaults = run_props(rpr)
        for el in root.iter(qn("w:style")):
            sid, kind = el.get(qn("w:styleId")), el.get(qn("w:type"))
            self.by_id[sid] = _Style(kind, val(el.find(qn("w:name"))) or sid,
                                     val(el.find(qn("w:basedOn"))),
                                     {**run_props(el.find(qn("w:rPr"))),
                                      **para_props(el.find(qn("w:pPr")))})
            if kind == "paragraph" and el.get(qn("w:default")) in ("1", "true"):
                self.default_para = sid

    def lookup(self, style_id: str | None, key: str):
        """Return `key` from the style or the nearest style it is based on (once per pair)."""
        pair = (style_id, key)
        if pair not in self._found:
            self._found[pair] = self._chain_lookup(style_id, key)
        return self._found[pair]

    def _chain_lookup(self, style_id: str | None, key: str):
        seen = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            if key in style.props:
                return style.props[key]
            style_id = style.based_on
        return None

    def inherited(self, char_style: str | None, para_style: str | None) -> dict:
        """Return the run properties a run inherits: its character style's, then its
        paragraph style's, then the document defaults (once per pair of styles)."""
        pair = ("\0run", char_style, para_style)
        if pair not in self._found:
            self._found[pair] = {key: next((v for v in (self.lookup(char_style, key),
                                                        self.lookup(para_style, key),
                                                        self.defaults.get(key)) if v is not None),
                                           None) for key in _RUN_KEYS}
        return self._found[pair]

    def paragraph(self, style_id: str | None) -> dict:
        """Return the paragraph properties (`_PARA_KEYS`) paragraph style `style_id` gives,
        None where it gives none (once per style)."""
        key = ("\0para", style_id)
        if key not in self._found:
            self._found[key] = {k: self.lookup(style_id, k) for k in _PARA_KEYS}
        return self._found[key]

    def name(self, style_id: str | None) -> str:
        style = self.by_id.get(style_id or "")
        return style.name if style else ""


class Numbering:
    """numbering.xml: numId → level formats, with Word's running counters."""

    def __init__(self, root):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        if root is None:
            return
        abstract = {a.get(qn("w:abstractNumId")): a for a in root.iter(qn("w:abstractNum"))}
        for num in root.iter(qn("w:num")):
            ref = abstract.get(val(num.find(qn("w:abstractNumId"))))
            if ref is not None:
                self.levels[num.get(qn("w:numId"))] = {
                    int(lvl.get(qn("w:ilvl"), "0")): (
                        val(lvl.find(qn("w:numFmt"))) or "decimal",
                        val(lvl.find(qn("w:lvlText"))) or "",
                        int(val(lvl.find(qn("w:start"))) or 1))
                    for lvl in ref.iter(qn("w:lvl"))}

    def label(self, num_id: str, ilvl: int) -> str:
        """Return the number Word shows for the next paragraph of list `num_id` at `ilvl`."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, levels[ilvl][2] - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        fmt, text, _ = levels[ilvl]
        if fmt == "bullet":
            return "-"
        for k in range(9, -1, -1):  # %10 is not a level; go high to low so %1 ≠ prefix of %11
            fmt_k = levels.get(k, ("decimal", "", 1))[0]
            value = counts.get(k, levels.get(k, ("", "", 1))[2])
            text = text.replace(f"%{k + 1}", _format_number(value, fmt_k))
        return text.strip()


def _format_number(value: int, fmt: str) -> str:
    from generator.vnformat import roman

    if fmt in ("upperRoman", "lowerRoman"):
        return roman(value) if fmt == "upperRoman" else roman(value).lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    return f"{value:02d}" if fmt == "decimalZero" else str(value)


_RUN_KEYS = ("b", "i", "caps", "font")
"""The run properties `run_props` reads."""
_PARA_KEYS = ("outline", "jc", "num")
"""The paragraph properties `para_props` reads."""
_TOGGLES = (("b", qn("w:b")), ("i", qn("w:i")), ("caps", qn("w:caps")))
_RFONTS, _ASCII, _HANSI = qn("w:rFonts"), qn("w:ascii"), qn("w:hAnsi")
_RUN_TAGS = frozenset(tag for _, tag in _TOGGLES) | {_RFONTS}
_OUTLINE, _JC, _NUMPR = qn("w:outlineLvl"), qn("w:jc"), qn("w:numPr")
_PARA_TAGS = frozenset({_OUTLINE, _JC, _NUMPR})
_NUMID, _ILVL = qn("w:numId"), qn("w:ilvl")


def child(parent, tag: str):
    """Return the first child of `parent` with Clark-notation `tag`, or None (as `find`).

    A loop over the children: lxml's `find` goes through its path language, about 2 µs a
    call, and a 20,000-paragraph import asked it about 180,000 times (bench: hostile diff).
    """
    for element in parent:
        if element.tag == tag:
            return element
    return None


def first_children(parent, tags: frozenset) -> dict:
    """Return tag → the first child of `parent` with that tag, for `tags`, in one pass."""
    found: dict = {}
    for element in parent:
        tag = element.tag
        if tag in tags and tag not in found:
            found[tag] = element
    return found


def run_props(rpr) -> dict:
    props = {}
    if rpr is None:
        return props
    found = first_children(rpr, _RUN_TAGS)
    for key, tag in _TOGGLES:
        value = on_off(found.get(tag))
        if value is not None:
            props[key] = value
    fonts = found.get(_RFONTS)
    if fonts is not None and (fonts.get(_ASCII) or fonts.get(_HANSI)):
        props["font"] = fonts.get(_ASCII) or fonts.get(_HANSI)
    return props


def para_props(ppr) -> dict:
    props = {}
    if ppr is None:
        return props
    found = first_children(ppr, _PARA_TAGS)
    level = val(found.get(_OUTLINE))
    if level is not None and level.isdigit():
        props["outline"] = int(level)  # 9 is "body text": kept so it masks a base style's level
    if val(found.get(_JC)) is not None:
        props["jc"] = val(found.get(_JC))
    num = found.get(_NUMPR)
    if num is not None and val(child(num, _NUMID)) not in (None, "0"):
        props["num"] = (val(child(num, _NUMID)), int(val(child(num, _ILVL)) or 0))
    return props
