"""The official layout (Hướng dẫn 36-HD/VPTW, hd36.md) as the built sample really has it.

Formatting is resolved the way Word does: direct properties, then the character style chain,
then the paragraph style chain (``basedOn``), then ``w:docDefaults``. Golden copies of the
formatting parts catch any other change; ``pytest --update-golden`` rewrites them.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import NS, ROOT, paragraph_text, w

GOLDEN = ROOT / "tests" / "golden"
TNR = "Times New Roman"
OFF = {"0", "false", "off"}
NO_BORDER = {"nil", "none"}
SETTINGS_ORDER = (
    "writeProtection view zoom removePersonalInformation removeDateAndTime "
    "doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText "
    "printFractionalCharacterWidth printFormsData embedTrueTypeFonts embedSystemFonts "
    "saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges bordersDoNotSurroundHeader "
    "bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors hideGrammaticalErrors "
    "activeWritingStyle proofState formsDesign attachedTemplate linkStyles stylePaneFormatFilter "
    "stylePaneSortMethod documentType mailMerge revisionView trackRevisions doNotTrackMoves "
    "doNotTrackFormatting documentProtection autoFormatOverride styleLockTheme styleLockQFSet "
    "defaultTabStop autoHyphenation consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps "
    "showEnvelope summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders "
    "bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing "
    "drawingGridVerticalSpacing displayHorizontalDrawingGridEvery "
    "displayVerticalDrawingGridEvery doNotUseMarginsForDrawingGridOrigin "
    "drawingGridHorizontalOrigin drawingGridVerticalOrigin doNotShadeFormData "
    "noPunctuationKerning characterSpacingControl printTwoOnOne strictFirstAndLastChars "
    "noLineBreaksAfter noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema "
    "saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText doNotDemarcateInvalidXml "
    "saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags alwaysMergeEmptyNamespace "
    "updateFields hdrShapeDefaults footnotePr endnotePr compat docVars rsids mathPr "
    "attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats "
    "doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown smartTagType "
    "schemaLibrary shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator"
).split()
"""Children of ``w:settings`` in the order CT_Settings requires (ECMA-376 Part 1 §17.15.1.78)."""
FOOTNOTES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
FOOTNOTES_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


# --- Effective formatting ------------------------------------------------------------------------

class Formatting:
    """Resolve properties through direct formatting → styles (``basedOn``) → ``docDefaults``."""

    def __init__(self, styles):
        self.by_id = {s.get(w("styleId")): s for s in styles.findall("w:style", NS)}
        self.id_of = {s.find("w:name", NS).get(w("val")): i for i, s in self.by_id.items()}
        self.defaults = styles.find("w:docDefaults", NS)
        self.default = {s.get(w("type")): i for i, s in self.by_id.items()
                        if s.get(w("default")) in ("1", "true")}

    def chain(self, style_id: str | None) -> list:
        """Return the style `style_id` and its ``basedOn`` ancestors, nearest first."""
        out = []
        while style_id in self.by_id and self.by_id[style_id] not in out:
            out.append(self.by_id[style_id])
            based = self.by_id[style_id].find("w:basedOn", NS)
            style_id = based.get(w("val")) if based is not None else None
        return out

    def paragraph(self, p=None, style: str | None = None) -> list:
        """Return the ``w:pPr`` layers of paragraph `p` (or of the style named `style`)."""
        style_id, direct = self._paragraph_style(p, style)
        return [direct] + [s.find("w:pPr", NS) for s in self.chain(style_id)] + [
            self.defaults.find("w:pPrDefault/w:pPr", NS)]

    def run(self, p=None, r=None, style: str | None = None) -> list:
        """Return the ``w:rPr`` layers of run `r` in paragraph `p` (or of style `style`)."""
        style_id, _ = self._paragraph_style(p, style)
        direct = r.find("w:rPr", NS) if r is not None else None
        char = direct.find("w:rStyle", NS) if direct is not None else None
        char_chain = self.chain(char.get(w("val")) if char is not None else None)
        return [direct] + [s.find("w:rPr", NS) for s in char_chain + self.chain(style_id)] + [
            self.defaults.find("w:rPrDefault/w:rPr", NS)]

    def table(self, tbl) -> list:
        """Return the ``w:tblPr`` layers of table `tbl`."""
        direct = tbl.find("w:tblPr", NS)
        style = direct.find("w:tblStyle", NS)
        style_id = style.get(w("val")) if style is not None else self.default.get("table")
        return [direct] + [s.find("w:tblPr", NS) for s in self.chain(style_id)]

    def _paragraph_style(self, p, name):
        if name is not None:
            assert name in self.id_of, f"no style named {name!r}"
            return self.id_of[name], None
        direct = p.find("w:pPr", NS)
        style = direct.find("w:pStyle", NS) if direct is not None else None
        return (style.get(w("val")) if style is not None else self.default["paragraph"]), direct


def value(layers: list, path: str, attr: str = "val") -> str | None:
    """Return `attr` of the first element at `path` (``w:…``) found in `layers`, or None."""
    for layer in layers:
        el = layer.find(path, NS) if layer is not None else None
        if el is not None and el.get(w(attr)) is not None:
            return el.get(w(attr))
    return None


def is_on(layers: list, tag: str) -> bool:
    """Return whether toggle property `tag` (``w:b``…) is on; the nearest definition wins."""
    for layer in layers:
        el = layer.find(tag, NS) if layer is not None else None
        if el is not None:
            return el.get(w("val"), "true") not in OFF
    return False


def size_pt(layers: list) -> float:
    return int(value(layers, "w:sz")) / 2


def run_layers(fmt: Formatting, p) -> list[list]:
    """Return the rPr layers of every text run of `p`, or of the paragraph itself if it has none."""
    runs = [r for r in p.findall("w:r", NS) if r.find("w:t", NS) is not None]
    return [fmt.run(p, r) for r in runs] or [fmt.run(p)]


@pytest.fixture(scope="module")
def fmt(sample_package) -> Formatting:
    return Formatting(sample_package.styles)


@pytest.fixture(scope="module")
def section(sample_package):
    return sample_package.body().find("w:sectPr", NS)


def _cells(table) -> list:
    return table.findall("w:tr/w:tc", NS)


def _paragraphs(cell) -> list:
    return cell.findall("w:p", NS)


def _body_paragraph(package, text: str):
    found = [p for p in package.body().findall("w:p", NS) if paragraph_text(p) == text]
    assert len(found) == 1, f"expected one body paragraph {text!r}, found {len(found)}"
    return found[0]


# --- Page setup ----------------------------------------------------------------------------------

def test_page_is_a4_portrait(section):
    size = section.find("w:pgSz", NS)
    assert (size.get(w("w")), size.get(w("h"))) == ("11906", "16838")
    assert size.get(w("orient")) in (None, "portrait")


def test_margins_are_20_20_30_15_mm_with_header_10_mm(section):
    margins = section.find("w:pgMar", NS)
    got = {side: margins.get(w(side)) for side in ("top", "bottom", "left", "right", "header")}
    assert got == {"top": "1134", "bottom": "1134", "left": "1701", "right": "850",
                   "header": "567"}


def test_first_page_has_its_own_header(section):
    title_pg = section.find("w:titlePg", NS)
    assert title_pg is not None and title_pg.get(w("val"), "true") not in OFF


def _header(package, section, kind: str):
    refs = {ref.get(w("type")): ref.get(f"{{{NS['r']}}}id")
            for ref in section.findall("w:headerReference", NS)}
    assert kind in refs, f"no {kind} header"
    return package.xml(package.relationship_targets()[refs[kind]][1])


def _has_field(root) -> bool:
    return root.find(".//w:fldChar", NS) is not None or root.find(".//w:fldSimple", NS) is not None


def test_first_page_header_is_empty(sample_package, section):
    header = _header(sample_package, section, "first")
    assert "".join(paragraph_text(p) for p in header.iter(w("p"))).strip() == ""
    assert not _has_field(header)


def test_default_header_is_a_centred_14_pt_page_number(sample_package, section, fmt):
    header = _header(sample_package, section, "default")
    instructions = "".join(t.text or "" for t in header.iter(w("instrText")))
    instructions += "".join(f.get(w("instr")) for f in header.iter(w("fldSimple")))
    assert re.fullmatch(r"\s*PAGE\b.*", instructions), f"field is {instructions!r}"
    fields = [p for p in header.iter(w("p")) if _has_field(p)]
    assert len(fields) == 1, "one paragraph holds the page number"
    p = fields[0]
    assert value(fmt.paragraph(p), "w:jc") == "center"
    sizes = {size_pt(fmt.run(p, r)) for r in p.iter(w("r"))}
    assert sizes == {14}


# --- Fonts and language --------------------------------------------------------------------------

def test_doc_defaults_are_times_new_roman_in_vietnamese(sample_package):
    rpr = sample_package.styles.find("w:docDefaults/w:rPrDefault/w:rPr", NS)
    fonts, scripts = rpr.find("w:rFonts", NS), ("ascii", "hAnsi", "cs", "eastAsia")
    assert {s: fonts.get(w(s)) for s in scripts} == {s: TNR for s in scripts}
    assert rpr.find("w:lang", NS).get(w("val")) == "vi-VN"


@pytest.mark.parametrize("part", ["word/document.xml", "word/footnotes.xml"])
def test_every_run_resolves_to_times_new_roman(sample_package, fmt, part):
    wrong = set()
    for p in sample_package.xml(part).iter(w("p")):
        for r in p.findall("w:r", NS):
            layers = fmt.run(p, r)
            font = (value(layers, "w:rFonts", "ascii"), value(layers, "w:rFonts", "asciiTheme"))
            if font != (TNR, None):
                wrong.add(font)
    assert not wrong


# --- Styles by name ------------------------------------------------------------------------------

def test_body_text_is_14_pt_justified_with_1_cm_indent(fmt):
    para, run = fmt.paragraph(style="Body Text"), fmt.run(style="Body Text")
    assert size_pt(run) == 14
    assert value(para, "w:jc") == "both"
    assert abs(int(value(para, "w:ind", "firstLine")) - 567) <= 10  # ≈ 10 mm


def test_body_text_is_6_pt_apart_with_exact_18_pt_lines(fmt):
    para = fmt.paragraph(style="Body Text")
    before = int(value(para, "w:spacing", "before") or 0)
    after = int(value(para, "w:spacing", "after") or 0)
    assert before + after == 120  # 6 pt between two paragraphs
    assert value(para, "w:spacing", "lineRule") == "exact"
    assert abs(int(value(para, "w:spacing", "line")) - 360) <= 10  # ≈ 18 pt


@pytest.mark.parametrize("name", ["heading 1", "heading 2"])
def test_headings_are_bold_14_pt(fmt, name):
    run = fmt.run(style=name)
    assert is_on(run, "w:b")
    assert size_pt(run) == 14


def test_heading_1_text_is_upper_case(sample_package, fmt):
    headings = [p for p in sample_package.body().findall("w:p", NS)
                if sample_package.style_name(p) == "heading 1"]
    assert headings
    for p in headings:
        text = paragraph_text(p)
        assert text == text.upper() or is_on(fmt.run(style="heading 1"), "w:caps"), text


def test_footnote_text_is_12_pt(fmt):
    assert size_pt(fmt.run(style="footnote text")) == 12


def test_footnote_reference_style_is_superscript(fmt):
    assert value(fmt.run(style="footnote reference"), "w:vertAlign") == "superscript"


@pytest.mark.parametrize(("part", "tag"), [("word/document.xml", "footnoteReference"),
                                           ("word/footnotes.xml", "footnoteRef")])
def test_footnote_numbers_print_as_superscript(sample_package, fmt, part, tag):
    marks = [(p, r) for p in sample_package.xml(part).iter(w("p"))
             for r in p.findall("w:r", NS) if r.find(f"w:{tag}", NS) is not None]
    assert len(marks) == 40
    assert {value(fmt.run(p, r), "w:vertAlign") for p, r in marks} == {"superscript"}


# --- Header block and closing block --------------------------------------------------------------

def _borders_visible(layers: list, prefix: str) -> list[str]:
    sides = ("top", "left", "bottom", "right", "insideH", "insideV")
    return [s for s in sides if value(layers, f"{prefix}/w:{s}") not in (None, *NO_BORDER)]


@pytest.mark.parametrize("which", [0, -1], ids=["header", "closing"])
def test_tables_are_borderless_with_two_columns(sample_package, fmt, which):
    table = sample_package.tables()[which]
    assert len(table.findall("w:tblGrid/w:gridCol", NS)) == 2
    assert {len(row.findall("w:tc", NS)) for row in table.findall("w:tr", NS)} == {2}
    assert _borders_visible(fmt.table(table), "w:tblBorders") == []
    for cell in _cells(table):
        assert _borders_visible([cell.find("w:tcPr", NS)], "w:tcBorders") == []


def test_organ_name_is_bold_14(sample_package, fmt, seed_reference):
    organ = _paragraphs(_cells(sample_package.tables()[0])[0])[0]
    assert paragraph_text(organ) == seed_reference["organ"]
    for layers in run_layers(fmt, organ):
        assert is_on(layers, "w:b") and size_pt(layers) == 14


def test_party_title_is_bold_15_with_a_rule_below(sample_package, fmt):
    title = _paragraphs(_cells(sample_package.tables()[0])[1])[0]
    assert paragraph_text(title) == "ĐẢNG CỘNG SẢN VIỆT NAM"
    for layers in run_layers(fmt, title):
        assert is_on(layers, "w:b") and size_pt(layers) == 15
    assert value(fmt.paragraph(title), "w:pBdr/w:bottom") not in (None, *NO_BORDER)


def test_place_and_date_is_italic_14(sample_package, fmt, seed_reference):
    date = _paragraphs(_cells(sample_package.tables()[0])[1])[-1]
    assert paragraph_text(date).startswith(seed_reference["place"] + ", ngày")
    for layers in run_layers(fmt, date):
        assert is_on(layers, "w:i") and size_pt(layers) == 14


def test_document_type_is_bold_16(sample_package, fmt, seed_reference):
    for layers in run_layers(fmt, _body_paragraph(sample_package, seed_reference["doc_type"])):
        assert is_on(layers, "w:b") and size_pt(layers) == 16


def test_title_is_bold_14(sample_package, fmt, seed_reference):
    for layers in run_layers(fmt, _body_paragraph(sample_package, seed_reference["title"])):
        assert is_on(layers, "w:b") and size_pt(layers) == 14


def test_recipients_label_is_underlined_14_and_list_12(sample_package, fmt):
    label, *lines = _paragraphs(_cells(sample_package.tables()[-1])[0])
    assert paragraph_text(label) == "Nơi nhận:"
    for layers in run_layers(fmt, label):
        assert value(layers, "w:u") not in (None, "none") and size_pt(layers) == 14
        assert not is_on(layers, "w:b") and not is_on(layers, "w:i")
    assert len(lines) == 9
    assert {size_pt(layers) for p in lines for layers in run_layers(fmt, p)} == {12}


def test_signature_authority_bold_title_plain_name_bold(sample_package, fmt):
    authority, title, *_, name = _paragraphs(_cells(sample_package.tables()[-1])[1])
    assert paragraph_text(authority) and paragraph_text(title)
    for p, bold in ((authority, True), (title, False), (name, True)):
        for layers in run_layers(fmt, p):
            assert is_on(layers, "w:b") is bold, paragraph_text(p)
            assert size_pt(layers) == 14


# --- Package plumbing for footnotes --------------------------------------------------------------

def test_settings_declare_the_footnote_separators(sample_package):
    settings = sample_package.xml("word/settings.xml")
    declared = [el.get(w("id")) for el in settings.findall("w:footnotePr/w:footnote", NS)]
    separators = [note.get(w("id")) for note in
                  sample_package.xml("word/footnotes.xml").findall("w:footnote", NS)
                  if note.get(w("type")) in ("separator", "continuationSeparator")]
    assert len(separators) == 2
    assert sorted(declared) == sorted(separators)


def test_settings_children_are_in_schema_order(sample_package):
    names = [etree.QName(el).localname for el in sample_package.xml("word/settings.xml")]
    known = [n for n in names if n in SETTINGS_ORDER]
    assert known == sorted(known, key=SETTINGS_ORDER.index)
    assert names.index("footnotePr") < names.index("compat")


def test_content_types_declare_footnotes(sample_package):
    types = etree.fromstring(sample_package.parts["[Content_Types].xml"])
    overrides = {o.get("PartName"): o.get("ContentType")
                 for o in types.findall("ct:Override", NS)}
    assert overrides.get("/word/footnotes.xml") == FOOTNOTES_CONTENT


def test_document_relates_to_footnotes(sample_package):
    targets = sample_package.relationship_targets().values()
    assert (FOOTNOTES_TYPE, "word/footnotes.xml") in targets
    assert "word/footnotes.xml" in sample_package.parts


# --- Golden copies of the formatting parts -------------------------------------------------------

def canonical(xml: bytes) -> str:
    """Return `xml` canonicalised (inclusive C14N 1.0) and indented, one element per line.

    Inclusive C14N keeps every namespace declaration, so a prefix named in ``mc:Ignorable`` that
    loses its declaration (which Word reports as a damaged file) shows up in the diff.
    """
    root = etree.fromstring(etree.tostring(etree.fromstring(xml), method="c14n"))
    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="unicode") + "\n"


def check_golden(name: str, actual: str, update: bool) -> None:
    """Compare `actual` with ``tests/golden/<name>``; with `update`, rewrite the file instead."""
    path = GOLDEN / name
    if update:
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert path.is_file(), f"missing golden file {path}; run pytest --update-golden"
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                    f"tests/golden/{name}", "built sample", lineterm="", n=2)
        lines = list(diff)
        shown = "\n".join(lines[:80]) + ("\n…" if len(lines) > 80 else "")
        pytest.fail(f"{name} differs from its golden copy (pytest --update-golden to accept):\n"
                    f"{shown}", pytrace=False)


@pytest.mark.parametrize("part", ["word/styles.xml", "word/settings.xml", "word/footnotes.xml"])
def test_part_matches_golden(sample_package, update_golden, part):
    check_golden(Path(part).name, canonical(sample_package.parts[part]), update_golden)


def test_headers_match_golden(sample_package, update_golden):
    headers = sorted(n for n in sample_package.parts if re.fullmatch(r"word/header\d*\.xml", n))
    assert headers, "the document has no header part"
    names = [Path(n).name for n in headers]
    if update_golden:
        for stale in set(p.name for p in GOLDEN.glob("header*.xml")) - set(names):
            (GOLDEN / stale).unlink()
    assert sorted(p.name for p in GOLDEN.glob("header*.xml")) == names or update_golden
    for part, name in zip(headers, names, strict=True):
        check_golden(name, canonical(sample_package.parts[part]), update_golden)
