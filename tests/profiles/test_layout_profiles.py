"""Each profile's layout as the built .docx and LibreOffice's PDF show it.

The expectations are read from the profile data (`generator.profiles.<name>.layout`): the same
values the template builder used, checked through the rendered document's style chain (direct
formatting → ``basedOn`` → ``docDefaults``) and on the printed page.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from generator import profiles
from generator.pipeline import build_report
from generator.profiles.blocks import CONTROL
from tests.conftest import NS, ROOT, DocxPackage, paragraph_text, require_tool, w
from tests.test_clients import first_line, flat, page_text
from tests.test_layout import Formatting, is_on, size_pt, value

LONG_SAMPLE = ROOT / "data" / "can-tho-2026-9-thang"
NAMES = list(profiles.PROFILES)
CONTACT = "Địa chỉ: số 1 đường Hòa Bình, Cần Thơ; điện thoại: 0292 3820 000"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """The long 2026 sample built under each profile (several pages each)."""
    out = {}
    for name in NAMES:
        folder = tmp_path_factory.mktemp(name) / "data" / LONG_SAMPLE.name
        shutil.copytree(LONG_SAMPLE, folder)
        manifest = folder / "report.yaml"
        data = yaml.safe_load(manifest.read_text(encoding="utf-8"))
        data["profile"] = name
        data["contact"] = CONTACT
        manifest.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        out[name] = build_report(folder, folder.parent.parent / f"{name}.docx").output
    return out


def _styles_used(package: DocxPackage) -> set[str]:
    root = package.document
    return {package.style_name(p) for p in root.iter(w("p"))} - {None}


@pytest.mark.parametrize("name", NAMES)
def test_page_geometry_is_the_profiles(built, name):
    page = profiles.PROFILES[name].layout.page
    # the main text's section: the first one (the sample's appendix has its own, landscape)
    section = next(DocxPackage(built[name]).body().iter(w("sectPr")))
    size, margins = section.find("w:pgSz", NS), section.find("w:pgMar", NS)
    assert (int(size.get(w("w"))), int(size.get(w("h")))) == (page.width, page.height)
    got = {side: int(margins.get(w(side))) for side in ("top", "bottom", "left", "right",
                                                         "header")}
    assert got == {"top": page.top, "bottom": page.bottom, "left": page.left,
                   "right": page.right, "header": page.header}


@pytest.mark.parametrize("name", NAMES)
def test_every_used_style_prints_as_the_profile_says(built, name):
    package = DocxPackage(built[name])
    fmt = Formatting(package.styles)
    used = _styles_used(package)
    checked = 0
    for spec in profiles.PROFILES[name].layout.styles:
        if spec.name not in used or spec.name == CONTROL:
            continue
        run = fmt.run(style=spec.name)
        if spec.size is not None:
            assert size_pt(run) == spec.size, spec.name
        for tag, wanted in (("w:b", spec.bold), ("w:i", spec.italic), ("w:caps", spec.caps)):
            if wanted is not None:
                assert is_on(run, tag) is wanted, (spec.name, tag)
        if spec.align is not None:
            assert value(fmt.paragraph(style=spec.name), "w:jc") == spec.align, spec.name
        if spec.line is not None:
            assert int(value(fmt.paragraph(style=spec.name), "w:spacing", "line")) == spec.line
        checked += 1
    assert checked >= 15


@pytest.mark.parametrize("name", NAMES)
def test_header_paragraphs_use_the_profiles_styles_in_order(built, name):
    layout = profiles.PROFILES[name].layout
    package = DocxPackage(built[name])
    cells = package.tables()[0].findall("w:tr/w:tc", NS)
    for cell, lines in zip(cells, (layout.header_left, layout.header_right), strict=True):
        wanted = [style for style, _ in lines if style != CONTROL]
        got = [package.style_name(p) for p in cell.findall("w:p", NS)]
        assert got == [s for s in wanted if s in got], "order of the header paragraphs"
        constants = [text for style, text in lines if style != CONTROL and "{" not in text]
        texts = [paragraph_text(p) for p in cell.findall("w:p", NS)]
        assert all(c in texts for c in constants)


@pytest.mark.parametrize("name", NAMES)
def test_ruled_styles_carry_a_rule_in_the_output(built, name):
    package = DocxPackage(built[name])
    fmt = Formatting(package.styles)
    ruled = [s for s in profiles.PROFILES[name].layout.styles if s.rule_below is not None]
    assert ruled
    for spec in ruled:
        assert value(fmt.paragraph(style=spec.name), "w:pBdr/w:bottom") == "single", spec.name


# --- LibreOffice's PDF -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def pdfs(built, tmp_path_factory) -> dict[str, Path]:
    require_tool("soffice")
    require_tool("pdftotext")
    from generator.pdf import docx_to_pdf

    folder = tmp_path_factory.mktemp("pdf")
    return {name: docx_to_pdf(path, folder / f"{name}.pdf") for name, path in built.items()}


def _page_count(pdf: Path) -> int:
    """Return the number of pages, as pdfinfo reads it."""
    done = subprocess.run([require_tool("pdfinfo"), str(pdf)], capture_output=True, check=True,
                          timeout=60)
    return int(next(line.split()[-1] for line in done.stdout.decode("utf-8").splitlines()
                    if line.startswith("Pages:")))


@pytest.mark.parametrize("name", NAMES)
def test_page_one_shows_the_header_and_no_number(pdfs, name):
    layout = profiles.PROFILES[name].layout
    text = page_text(pdfs[name], 1)
    assert not first_line(text).isdigit()
    for _, constant in layout.header_right:
        if "{" not in constant:
            assert flat(constant) in flat(text), constant
    assert "THÀNH ỦY CẦN THƠ" in flat(text)


@pytest.mark.parametrize("name", NAMES)
def test_later_pages_start_with_their_number(pdfs, name):
    pages = _page_count(pdfs[name])
    assert pages >= 2
    texts = {number: first_line(page_text(pdfs[name], number)) for number in range(2, pages + 1)}
    appendix = next((n for n, text in texts.items() if text.startswith("Phụ lục")), pages + 1)
    for number, text in texts.items():  # the appendix numbers its own pages from 1
        if number != appendix:
            assert text == str(number if number < appendix else number - appendix + 1)


@pytest.mark.parametrize("name", NAMES)
def test_the_contact_line_is_where_the_profile_puts_it(pdfs, name):
    """NĐ30: the foot of page 1 (Phụ lục I, ô số 14); HD36 and HD05: after the signature."""
    pages = [flat(page_text(pdfs[name], n)) for n in range(1, _page_count(pdfs[name]) + 1)]
    shown = [n for n, text in enumerate(pages, 1) if flat(CONTACT) in text]
    signed = next(n for n, text in enumerate(pages, 1) if "Nơi nhận" in text)
    if name == "nd30":
        assert shown == [1] and pages[0].endswith(flat(CONTACT))
    else:
        assert shown == [signed] and pages[signed - 1].index(flat(CONTACT)) > \
            pages[signed - 1].index("Nơi nhận")


def test_a_long_organ_line_wraps_between_words_inside_its_column(tmp_path):
    require_tool("soffice")
    from generator.pdf import docx_to_pdf
    from tests.profiles.helpers import report_folder

    parent = "ĐẢNG BỘ CÁC CƠ QUAN ĐẢNG VÀ MẶT TRẬN TỔ QUỐC THÀNH PHỐ CẦN THƠ"
    name = "BAN CHẤP HÀNH ĐẢNG BỘ CƠ QUAN ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM THÀNH PHỐ"
    folder = report_folder(tmp_path, organ={"parent": parent, "name": name, "abbrev": "ĐU"},
                           date={"day": 2, "month": 12, "year": 2026},
                           period={"kind": "nam", "year": 2026}, place="Cần Thơ")
    built = build_report(folder, tmp_path / "long.docx").output
    package = DocxPackage(built)
    fmt = Formatting(package.styles)
    for style in ("BC Co quan cap tren", "BC Co quan"):
        assert value(fmt.paragraph(style=style), "w:jc") == "center"
    lines = [" ".join(line.split()) for line in page_text(docx_to_pdf(built, tmp_path / "l.pdf"),
                                                         1).splitlines()]
    words = set((parent + " " + name).split())
    organ_lines = [line for line in lines if line and set(line.split()) <= words]
    assert len(organ_lines) >= 4, lines[:12]  # both names took two lines or more
    assert " ".join(organ_lines) == f"{parent} {name}"
