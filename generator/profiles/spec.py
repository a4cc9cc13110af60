"""The plain dataclasses a profile fills: page, paragraph styles, blocks, document types, words.

A profile is data: nothing here knows WordprocessingML. `generator.ooxml.template` turns a
`Layout` into a .docx template; `generator.resolve` reads the words, numbers and punctuation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class Page:
    """A4 page geometry in twips (1 mm = 56.7 twips)."""

    width: int = 11906
    height: int = 16838
    top: int = 1134
    bottom: int = 1134
    left: int = 1701
    right: int = 850
    header: int = 567
    """Distance of the page-number line from the top edge."""

    @property
    def text_width(self) -> int:
        return self.width - self.left - self.right


@dataclass(frozen=True)
class Rule:
    """A solid line under a paragraph: as long as `text` in the style's font, or a fraction."""

    text: str | None = None
    """The line is as long as this text (``ĐẢNG CỘNG SẢN VIỆT NAM``) set in the style's font."""
    fraction: float | None = None
    """Otherwise this fraction of the column (NĐ30: 1/3 to 1/2 of the organ line)."""
    column: int | None = 1
    """Header-table column the paragraph sits in (0 left, 1 right); None: the text width."""


@dataclass(frozen=True)
class ParaStyle:
    """One paragraph style; lengths in twips, ``None`` means inherited."""

    style_id: str
    name: str
    base: str | None = "Normal"
    next_id: str | None = None
    builtin: bool = False
    size: float | None = None
    bold: bool | None = None
    italic: bool | None = None
    caps: bool | None = None
    underline: bool | None = None
    left: int | None = None
    """Left indent."""
    align: str | None = None
    first_line: int | None = None
    before: int | None = None
    after: int | None = None
    line: int | None = None
    """Exact line height (lineRule="exact")."""
    single: bool = False
    """Explicit single spacing (240 auto), not inherited."""
    keep_next: bool = False
    outline: int | None = None
    explicit_fonts: bool = False
    color: str | None = None
    """RGB hex."""
    priority: int = 1
    rule_below: Rule | None = None
    rule_above: bool = False
    """A full-width line above the paragraph (the contact line, HD05 box 13)."""
    boxed: bool = False
    """A box around the text (NĐ30's khẩn stamp)."""
    above_bottom_edge: int | None = None
    """In a frame across the text width whose foot is this far above the page's bottom edge,
    on the page where the paragraph falls (HD05's "Không phổ biến…" line: 10 mm)."""


@dataclass(frozen=True)
class CharStyle:
    """A character style for the label run of a line (``Kính gửi:`` in italic)."""

    style_id: str
    name: str
    italic: bool | None = None
    bold: bool | None = None


@dataclass(frozen=True)
class TableStyle:
    """How tables of figures are set: sizes in points, lengths in twips."""

    size: float = 13
    """Cell text, single line spacing."""
    caption_size: float = 14
    """The caption above the table (bold, centred)."""
    cell_margin: int = 57
    """Left and right padding inside a cell (1 mm)."""
    cell_spacing: int = 20
    """Space above and below a cell's text (1 pt)."""
    border: int = 4
    """Grid line width in eighths of a point (½ pt)."""


Line = tuple[str, str]
"""One template paragraph: (style name, text); the text is one run, a tag stays whole."""


@dataclass(frozen=True)
class Layout:
    """Everything the template builder needs: page, styles and the blocks in reading order."""

    page: Page
    header_columns: tuple[int, int]
    closing_columns: tuple[int, int]
    styles: tuple[ParaStyle, ...]
    label_style: CharStyle
    header_left: tuple[Line, ...]
    header_right: tuple[Line, ...]
    before_body: tuple[Line, ...]
    body_loop: tuple[Line, ...]
    closing_text: tuple[Line, ...]
    closing_left: tuple[Line, ...]
    closing_right: tuple[Line, ...]
    after_closing: tuple[Line, ...]
    first_header: tuple[Line, ...] = ()
    """Page 1's header (no page number there); empty: one empty paragraph."""
    first_footer: tuple[Line, ...] = ()
    """Page 1's footer; empty: an empty footer, as on every page."""
    page_number_size: float = 14
    title: str = "Báo cáo"
    """The template's document title (core properties)."""
    table: TableStyle = TableStyle()
    """Tables of figures in the body and the appendices."""


@dataclass(frozen=True)
class ListStyle:
    """How a list of lines is punctuated: `item_end` after each, `last_end` after the last.

    The template writes the ``- `` before each line.
    """

    item_end: str
    last_end: str = "."


@dataclass(frozen=True)
class DocType:
    """One document type (tên loại) and what it needs."""

    name: str
    """In capitals, as printed: ``BÁO CÁO``."""
    symbol: str
    """In the number: ``BC`` → ``Số 05-BC/TU``."""
    periodic: bool = False
    """`period` is required (a periodic report)."""
    closing: str = ""
    """Default closing sentence; ``{period}``, ``{organ}``, ``{addressee}`` are filled in."""
    addressee_label: str = ""
    """``Kính gửi`` / ``Kính trình`` when the type addresses someone; empty otherwise."""
    subject_in_header: bool = False
    """Công văn: no type line; the trích yếu (``V/v …``) sits under the number."""
    subject_prefix: str = ""
    """Prefix of a header trích yếu (``V/v ``), added when the user did not type it."""
    number_format: str = ""
    """This type's own number pattern (an NĐ30 công văn: ``Số: {number}/{organ}``)."""


@dataclass(frozen=True)
class Spacing:
    """The body's exact line spacing in points: allowed range and default."""

    low: float
    high: float
    default: float


@dataclass(frozen=True)
class Profile:
    """A rule set: its words, numbers, punctuation, document types and layout."""

    name: str
    """Registry key, as typed in ``profile:`` (``hd05``)."""
    label: str
    """How users see it: ``Hướng dẫn 05-HD/VPTW (2026)``."""
    template: str
    """File name of its built template in ``templates/``."""
    layout: Layout
    doc_types: Mapping[str, DocType]
    number_format: str
    """``Số {number}-{type}/{organ}`` (Party) or ``Số: {number}/{type}-{organ}`` (state)."""
    recipients: ListStyle
    bases: ListStyle
    addressees: ListStyle
    spacing: Spacing
    valid_from: dt.date | None = None
    """First document date this profile is chosen for when ``profile:`` is omitted."""
    guessed: bool = True
    """False: only chosen when named (NĐ30, a state profile, is never guessed)."""
    appendix_label: str = "Phụ lục"
    """The word above an appendix title."""
    appendix_numerals: str = "arabic"
    """``arabic`` (Phụ lục 1, 2 …) or ``roman`` (Phụ lục I, II …)."""
    appendix_single_number: bool = False
    """A lone appendix is numbered too (``Phụ lục I``); False: plain ``Phụ lục``."""
    organ_break_after: tuple[str, ...] = ()
    """Organ names printed on two lines after these words (``ỦY BAN NHÂN DÂN`` / ``XÃ Y``)."""
    urgency_levels: tuple[str, ...] = ("KHẨN", "THƯỢNG KHẨN", "HỎA TỐC")
    circulation_at_end: tuple[str, ...] = ()
    """How the phạm vi lưu hành marks printed at the foot of the last page begin (folded case),
    rather than at the top of page 1 (HD05 II.4.1: "Không phổ biến trên phương tiện …")."""
    notes: tuple[str, ...] = field(default=())
    """Known gaps or assumptions, for the developer guide."""

    def on_last_page(self, mark: str) -> bool:
        """Say whether the phạm vi lưu hành `mark` is printed at the foot of the last page: it
        begins with one of `circulation_at_end`, a whole word (spaces and case aside)."""
        folded = " ".join(mark.split()).casefold()
        return any(folded.startswith(start) and not folded[len(start):len(start) + 1].isalnum()
                   for start in self.circulation_at_end)

    def doc_type(self, name: str) -> DocType | None:
        """Return the document type named `name` (any case), or None."""
        return self.doc_types.get(" ".join(name.split()).upper())


def restyled(styles: tuple[ParaStyle, ...], **changes: dict) -> tuple[ParaStyle, ...]:
    """Return `styles` with the styles named by id changed: ``BCLienHe={"size": 11}``."""
    unknown = set(changes) - {s.style_id for s in styles}
    assert not unknown, f"no such styles: {unknown}"
    return tuple(replace(s, **changes[s.style_id]) if s.style_id in changes else s
                 for s in styles)
