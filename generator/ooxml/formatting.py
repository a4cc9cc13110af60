"""Effective formatting of any .docx: paragraph and run properties through Word's style chain.

Word decides how a run looks from, nearest first: the run's direct properties (``w:rPr``), its
character style and the styles that style is ``basedOn``, the paragraph's style chain, then the
document defaults (``w:docDefaults``); a paragraph's properties likewise from direct ``w:pPr``,
its style chain, then the defaults. Fonts named by theme (``w:asciiTheme="minorHAnsi"``) are
looked up in the theme part. The result is plain data (points and millimetres, no XML), for
`generator.ooxml.inspect` and the layout review.

Simplifications, each harmless for the documents baocao reviews: toggle properties (bold,
italic, caps) take the nearest explicit value instead of Word's XOR across style layers, and
table styles' conditional formatting is not applied.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.ooxml.ns import on_off, qn, val

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
TWIPS_PER_MM = 1440 / 25.4


@dataclass(frozen=True)
class RunFormat:
    """How a run of text looks; None where no layer says (Word's own default then applies)."""

    font: str | None = None
    """The Latin font (``w:ascii``), theme fonts resolved."""
    size: float | None = None
    """In points."""
    bold: bool = False
    italic: bool = False
    underline: str | None = None
    """``single``, ``double`` … or None for none."""
    caps: bool = False
    color: str | None = None
    """``000000``-style hex, ``auto``, or None."""
    vertical: str | None = None
    """``superscript`` / ``subscript`` / None."""


@dataclass(frozen=True)
class ParaFormat:
    """How a paragraph is laid out; lengths in millimetres, spacing in points."""

    style: str = ""
    """The style's name (``Body Text``, ``heading 1`` …), not its id."""
    align: str = "left"
    """``left``, ``center``, ``right``, ``both`` (justified)."""
    first_line: float = 0.0
    """First-line indent in mm; negative for a hanging indent."""
    left: float = 0.0
    right: float = 0.0
    before: float = 0.0
    after: float = 0.0
    line_rule: str = "auto"
    """``auto`` (then `line` is a multiple: 1.0 single), ``exact`` or ``atLeast`` (points)."""
    line: float = 1.0
    outline_level: int | None = None
    rule_below: bool = False
    """A bottom border (a rule under the paragraph)."""
    page_break_before: bool = False


_JC = {"start": "left", "end": "right", "both": "both", "distribute": "both", "center": "center",
       "left": "left", "right": "right", "justify": "both"}


def _int(text: str | None) -> int | None:
    try:
        return int(float(text)) if text is not None else None
    except ValueError:
        return None


def run_properties(rpr, theme: dict[str, str]) -> dict:
    """Return the properties a ``w:rPr`` states, as a dict of `RunFormat` field → value."""
    props: dict = {}
    if rpr is None:
        return props
    for key, tag in (("bold", "w:b"), ("italic", "w:i"), ("caps", "w:caps")):
        value = on_off(rpr.find(qn(tag)))
        if value is not None:
            props[key] = value
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        themed = fonts.get(qn("w:asciiTheme")) or fonts.get(qn("w:hAnsiTheme"))
        font = theme.get(themed) if themed else None
        font = font or fonts.get(qn("w:ascii")) or fonts.get(qn("w:hAnsi"))
        if font:
            props["font"] = font
    size = _int(val(rpr.find(qn("w:sz"))))
    if size is not None:
        props["size"] = size / 2
    underline = rpr.find(qn("w:u"))
    if underline is not None:
        kind = underline.get(qn("w:val")) or "single"
        props["underline"] = None if kind == "none" else kind
    color = val(rpr.find(qn("w:color")))
    if color:
        props["color"] = color
    vertical = val(rpr.find(qn("w:vertAlign")))
    if vertical:
        props["vertical"] = None if vertical == "baseline" else vertical
    return props


def paragraph_properties(ppr) -> dict:
    """Return the properties a ``w:pPr`` states, as a dict of `ParaFormat` field → value."""
    props: dict = {}
    if ppr is None:
        return props
    jc = val(ppr.find(qn("w:jc")))
    if jc in _JC:
        props["align"] = _JC[jc]
    ind = ppr.find(qn("w:ind"))
    if ind is not None:
        for key, names in (("left", ("w:left", "w:start")), ("right", ("w:right", "w:end"))):
            value = next((_int(ind.get(qn(n))) for n in names if ind.get(qn(n))), None)
            if value is not None:
                props[key] = value / TWIPS_PER_MM
        hanging, first = _int(ind.get(qn("w:hanging"))), _int(ind.get(qn("w:firstLine")))
        if hanging is not None:
            props["first_line"] = -hanging / TWIPS_PER_MM
        elif first is not None:
            props["first_line"] = first / TWIPS_PER_MM
    props.update(_spacing(ppr.find(qn("w:spacing"))))
    level = _int(val(ppr.find(qn("w:outlineLvl"))))
    if level is not None:
        props["outline_level"] = level if level < 9 else None
    bottom = ppr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}")
    if bottom is not None:
        props["rule_below"] = (bottom.get(qn("w:val")) or "none") not in ("none", "nil")
    page_break = on_off(ppr.find(qn("w:pageBreakBefore")))
    if page_break is not None:
        props["page_break_before"] = page_break
    return props


def _spacing(spacing) -> dict:
    props: dict = {}
    if spacing is None:
        return props
    for key in ("before", "after"):
        value = _int(spacing.get(qn(f"w:{key}")))
        if value is not None:
            props[key] = value / 20
    line = _int(spacing.get(qn("w:line")))
    if line is not None:
        rule = spacing.get(qn("w:lineRule")) or "auto"
        props["line_rule"] = rule
        props["line"] = line / 240 if rule == "auto" else line / 20
    return props


def theme_fonts(theme_root) -> dict[str, str]:
    """Return theme font names by the keys ``w:asciiTheme`` uses (``minorHAnsi`` …)."""
    fonts: dict[str, str] = {}
    if theme_root is None:
        return fonts
    for kind in ("major", "minor"):
        latin = theme_root.find(f".//{_A}{kind}Font/{_A}latin")
        if latin is not None and latin.get("typeface"):
            for script in ("HAnsi", "Ascii", "Bidi", "EastAsia"):
                fonts[f"{kind}{script}"] = latin.get("typeface")
    return fonts


@dataclass
class _Style:
    name: str
    kind: str
    based_on: str | None
    para: dict
    run: dict


class StyleChain:
    """styles.xml (and the theme) of one document: effective formats of its paragraphs and runs."""

    def __init__(self, styles_root, theme_root=None):
        self.theme = theme_fonts(theme_root)
        self.styles: dict[str, _Style] = {}
        self.default_para_style: str | None = None
        self.default_char_style: str | None = None
        self.defaults_para: dict = {}
        self.defaults_run: dict = {}
        if styles_root is not None:
            self._read(styles_root)

    def _read(self, root) -> None:
        defaults = root.find(qn("w:docDefaults"))
        if defaults is not None:
            self.defaults_run = run_properties(
                defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}"), self.theme)
            self.defaults_para = paragraph_properties(
                defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}"))
        for element in root.iter(qn("w:style")):
            style_id, kind = element.get(qn("w:styleId")), element.get(qn("w:type"))
            name = val(element.find(qn("w:name"))) or style_id or ""
            self.styles[style_id] = _Style(name, kind or "", val(element.find(qn("w:basedOn"))),
                                           paragraph_properties(element.find(qn("w:pPr"))),
                                           run_properties(element.find(qn("w:rPr")), self.theme))
            if element.get(qn("w:default")) in ("1", "true"):
                if kind == "paragraph":
                    self.default_para_style = style_id
                elif kind == "character":
                    self.default_char_style = style_id

    def _chain(self, style_id: str | None) -> list[_Style]:
        """Return the style and those it is based on, nearest first (cycles cut)."""
        chain, seen = [], set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            chain.append(self.styles[style_id])
            style_id = self.styles[style_id].based_on
        return chain

    def paragraph_style_id(self, p) -> str | None:
        """Return the style id a ``w:p`` uses (its own, or the default paragraph style)."""
        return val(p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")) or self.default_para_style

    def style_name(self, style_id: str | None) -> str:
        style = self.styles.get(style_id or "")
        return style.name if style else ""

    def paragraph(self, p) -> ParaFormat:
        """Return the effective layout of the paragraph `p`."""
        style_id = self.paragraph_style_id(p)
        merged = dict(self.defaults_para)
        for style in reversed(self._chain(style_id)):
            merged.update(style.para)
        merged.update(paragraph_properties(p.find(qn("w:pPr"))))
        return ParaFormat(style=self.style_name(style_id), **merged)

    def run(self, r, paragraph_style_id: str | None) -> RunFormat:
        """Return the effective look of the run `r` inside a paragraph of that style."""
        merged = dict(self.defaults_run)
        for style in reversed(self._chain(paragraph_style_id)):
            merged.update(style.run)
        rpr = r.find(qn("w:rPr")) if r is not None else None
        char_style = val(rpr.find(qn("w:rStyle"))) if rpr is not None else None
        for style in reversed(self._chain(char_style or self.default_char_style)):
            merged.update(style.run)
        merged.update(run_properties(rpr, self.theme))
        return RunFormat(**merged)

    def paragraph_mark(self, p) -> RunFormat:
        """Return the look of the paragraph's own text when it has no run (its style's)."""
        return self.run(None, self.paragraph_style_id(p))
