"""Input models: `report.yaml` and `areas/*.yaml` exactly as users write them.

Every field carries an attribute docstring; messages shown to users are produced in
`generator.validate`, never pydantic's English text.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    model_validator,
)
from pydantic_core import PydanticCustomError

from generator.vnformat import PERIOD_KINDS


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank", "không được để trống")
    return value


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


def _number_to_str(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _digits(value: str) -> str:
    # the loader keeps 0127, 12:30 or 1_000 as typed; a document number is digits, maybe a
    # letter (12a), maybe the year of a state legal document (06/2024 in 06/2024/QĐ-UBND)
    if not re.fullmatch(r"[0-9]+[A-Za-z]?(/[0-9]{4})?", value.strip()):
        raise PydanticCustomError("number_digits", "số văn bản chỉ gồm chữ số (có thể thêm một "
                                  "chữ cái như 12a, hoặc năm như 06/2024), đang là '{value}'",
                                  {"value": value})
    return value.strip()


Text = Annotated[str, AfterValidator(_not_blank)]
TextList = Annotated[list[Text], BeforeValidator(_as_list)]
OptionalText = Annotated[str, AfterValidator(_not_blank)] | None


class _Model(BaseModel):
    # no use_attribute_docstrings: the docstrings are for readers, nothing shows a field's
    # description, and pydantic would read and parse this file's source (about 13 ms)
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


class Organ(_Model):
    name: Text
    """Issuing organ in capitals, e.g. ``TỈNH ỦY HẬU GIANG``."""
    parent: OptionalText = None
    """Superior organ printed above the name, not bold (``ĐẢNG BỘ TỈNH …``); omit if none."""
    abbrev: OptionalText = None
    """Issuer abbreviation in the number: ``TU`` gives ``Số …-BC/TU``; known organs need none."""
    short_name: OptionalText = None
    """How sentences name the organ (``Tỉnh ủy``); default: from `name` (and `parent`)."""


class DateSpec(_Model):
    day: Annotated[int, Field(ge=1, le=31)] | None = None
    """Day of the month; omit in a draft to leave it blank."""
    month: Annotated[int, Field(ge=1, le=12)] | None = None
    """Month 1–12; may be omitted in a draft."""
    year: Annotated[int, Field(ge=1930, le=2100)]
    """Year, e.g. 2024."""

    @model_validator(mode="before")
    @classmethod
    def _from_date(cls, value: Any) -> Any:
        if isinstance(value, dt.date):
            return {"day": value.day, "month": value.month, "year": value.year}
        return value

    @model_validator(mode="after")
    def _real_date(self) -> DateSpec:
        if self.day is not None:
            if self.month is None:
                raise PydanticCustomError("date_day_without_month", "có ngày nhưng thiếu tháng")
            try:
                dt.date(self.year, self.month, self.day)
            except ValueError:
                raise PydanticCustomError(
                    "date_invalid", "ngày {day}/{month}/{year} không có thật",
                    {"day": self.day, "month": self.month, "year": self.year},
                ) from None
        return self


class Period(_Model):
    kind: Literal[PERIOD_KINDS]  # type: ignore[valid-type]
    """One of ``quy-1 quy-2 quy-3 quy-4 6-thang 9-thang nam``."""
    year: Annotated[int, Field(ge=1930, le=2100)]
    """Year of the period."""


class OutlineEntry(_Model):
    heading: OptionalText = None
    """Heading text without its number; optional when the area file gives it."""
    area: OptionalText = None
    """Name of the file in ``areas/`` (without ``.yaml``) that fills this section."""
    sections: list[OutlineEntry] | None = None
    """Nested sections (the next heading level), instead of `area`."""

    @model_validator(mode="after")
    def _area_or_sections(self) -> OutlineEntry:
        if (self.area is None) == (self.sections is None):
            raise PydanticCustomError(
                "outline_shape", "mỗi mục của bố cục cần đúng một trong hai trường 'area' hoặc "
                "'sections'")
        if self.sections is not None and self.heading is None:
            raise PydanticCustomError("outline_heading", "mục có 'sections' phải có 'heading'")
        return self


class Signature(_Model):
    authority: Text
    """Signing authority in capitals: ``T/M BAN THƯỜNG VỤ``."""
    title: Text
    """Signer's position in capitals: ``PHÓ BÍ THƯ THƯỜNG TRỰC``."""
    name: OptionalText = None
    """Signer's full name; may be left out in a draft."""


Notes = dict[str, Text]


class Appendix(_Model):
    title: Text
    """The appendix title, printed in bold capitals."""
    area: Text
    """Name of the file in ``areas/`` holding its tables and paragraphs."""
    landscape: bool = False
    """Print this appendix on landscape pages (wide tables)."""


class ReportFile(_Model):
    profile: OptionalText = None
    """Rule set: ``hd36``, ``hd05`` or ``nd30``; default: by `date` (HD05 from 27/5/2026)."""
    organ: Organ
    """The issuing organ."""
    doc_type: Text = "BÁO CÁO"
    """Document type in capitals."""
    doc_abbrev: OptionalText = None
    """Type abbreviation in the number (``BC``); known types need none."""
    number: Annotated[str, BeforeValidator(_number_to_str), AfterValidator(_digits)] | None = None
    """Document number; omit in a draft to leave ``Số      -BC/TU``."""
    place: Text
    """Place name in the date line (the province): ``Hậu Giang``."""
    date: DateSpec
    """Issue date: ``2024-09-26``, or ``{month: 9, year: 2024}`` in a draft."""
    draft: OptionalText = None
    """Draft label such as ``Dự thảo`` or ``Dự thảo lần 2``; omit for the final text."""
    period: Period | None = None
    """The reporting period (periodic types: BÁO CÁO); ``{period}`` in `title` renders it."""
    title: Text
    """Trích yếu: the subject line under ``BÁO CÁO``."""
    intro: TextList = []
    """Opening paragraph(s)."""
    closing: OptionalText = None
    """The closing sentence; default ``Trên đây là báo cáo … {period} của <organ>.``"""
    outline: Annotated[list[OutlineEntry], Field(min_length=1)]
    """Order and nesting of the sections."""
    signature: Signature
    """The signature block."""
    recipients: Annotated[list[Text], Field(min_length=1)]
    """The Nơi nhận lines, without the leading ``- ``; end punctuation comes from the profile."""
    addressees: TextList = []
    """The Kính gửi / Kính trình names (công văn, tờ trình, a state report to a superior)."""
    bases: TextList = []
    """The căn cứ lines, without ``- `` and end punctuation."""
    urgency: OptionalText = None
    """``khẩn``, ``thượng khẩn`` or ``hỏa tốc``."""
    circulation: OptionalText = None
    """Phạm vi lưu hành, e.g. ``TÀI LIỆU HỘI NGHỊ``."""
    drafter: OptionalText = None
    """Ký hiệu người soạn thảo and number of copies: ``NguyenVanAn-26``."""
    contact: OptionalText = None
    """Contact details printed at the end, under a full-width rule."""
    line_spacing: Annotated[float, Field(gt=0)] | None = None
    """Body line spacing in points (exact), within the profile's range; default its own."""
    appendices: list[Appendix] = []
    """Phụ lục printed after the signature, each on its own pages."""
    notes: Notes = {}
    """Footnotes anchored in `intro`, `closing` or outline headings."""
    template: OptionalText = None
    """Template file, relative to the report folder; default ``templates/bao-cao.docx``."""


def _cell_text(value: Any) -> Any:
    # the loader keeps 10.500 and 7,84 as typed; an empty cell may be left as nothing
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


Cell = Annotated[str, BeforeValidator(_cell_text)]


class SpanCell(_Model):
    text: Cell
    """The header text."""
    span: Annotated[int, Field(ge=1, le=50)] = 1
    """How many columns the cell covers (merged across)."""


HeaderCell = SpanCell | Cell


class TableSpec(_Model):
    caption: OptionalText = None
    """Printed above the table, bold, centred."""
    unit: OptionalText = None
    """``ĐVT: tỷ đồng``: above the table on the right, italic."""
    header: Annotated[list[list[HeaderCell]], Field(min_length=1, max_length=2)]
    """One or two header rows; ``""`` in the second merges with the cell above."""
    rows: Annotated[list[list[Cell]], Field(min_length=1)]
    """The rows, one cell per column, each as typed."""
    widths: list[Annotated[float, Field(gt=0)]] | None = None
    """Column widths in % of the text width; default: equal."""


class TableItem(_Model):
    table: TableSpec
    """A table standing between paragraphs."""


def _paragraph_kind(value: Any) -> str:
    # a TableItem too: serialising a model (model_dump) discriminates on the value itself
    return "~table" if isinstance(value, TableItem) or isinstance(value, dict) and \
        "table" in value else "~text"


Paragraph = Annotated[Annotated[TableItem, Tag("~table")] | Annotated[Text, Tag("~text")],
                      Discriminator(_paragraph_kind)]
"""A paragraph's text, or ``{table: …}``; the ``~`` tags are dropped from error paths."""


class SubSection(_Model):
    heading: Text
    """Heading text without its number."""
    paragraphs: list[Paragraph] = []
    """The paragraphs of this sub-section."""


class AreaFile(_Model):
    heading: OptionalText = None
    """Heading of the section; the outline's heading wins when both are given."""
    owner: OptionalText = None
    """The department that supplies this part."""
    numbered: bool = False
    """Number the paragraphs ``1.``, ``2.`` … (items rather than prose)."""
    paragraphs: list[Paragraph] = []
    """The paragraphs (or tables); inline ``**bold**``, ``*italic*`` and footnote anchors ``[^id]``."""
    notes: Notes = {}
    """Footnote texts by id; a blank line starts a new paragraph of the note."""
    sections: list[SubSection] = []
    """Sub-sections, one heading level below this area's heading."""
