"""The document's single-line fields, declared once: model, context, diff and importer iterate them.

Each field has its name in the template context (``signature.name`` is ``signature.name`` in
Jinja), the Vietnamese label users see (diff summary), whether its paragraph disappears when it
is empty, and the report.yaml key it comes from.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str
    """Context name: ``organ_name``, ``signature.title``."""
    label: str
    """What users read in messages: ``Cơ quan ban hành``."""
    optional: bool = False
    """The paragraph holding it is left out when it is empty."""
    source: str = ""
    """The report.yaml key it is computed from (``organ.name``, ``date``)."""
    lines: bool = False
    """May hold line breaks the profile put there (NĐ30's ``ỦY BAN NHÂN DÂN`` / ``XÃ Y``)."""
    also: tuple[str, ...] = ()
    """Other report.yaml keys it is computed from (the number line: ``doc_abbrev``)."""


FIELDS: tuple[Field, ...] = (
    Field("organ_parent", "Cơ quan cấp trên", True, "organ.parent"),
    Field("organ_name", "Cơ quan ban hành", False, "organ.name", lines=True),
    Field("number_line", "Số, ký hiệu", False, "number", also=("doc_abbrev", "organ.abbrev")),
    Field("header_subject", "Trích yếu công văn", True, "title"),
    Field("draft", "Dòng dự thảo", True, "draft"),
    Field("urgency", "Độ khẩn", True, "urgency"),
    Field("circulation", "Phạm vi lưu hành", True, "circulation"),
    Field("circulation_end", "Phạm vi lưu hành (cuối trang cuối)", True, "circulation"),
    Field("place_date", "Địa danh, ngày tháng", False, "date", also=("place",)),
    Field("doc_type", "Tên loại văn bản", False, "doc_type"),
    Field("addressee", "Kính gửi", True, "addressees"),
    Field("signature.authority", "Thẩm quyền ký", False, "signature.authority"),
    Field("signature.title", "Chức vụ người ký", False, "signature.title"),
    Field("signature.name", "Họ tên người ký", False, "signature.name"),
    Field("drafter", "Người soạn thảo, số bản", True, "drafter"),
    Field("contact", "Thông tin liên hệ", True, "contact"),
)
BY_NAME = {f.name: f for f in FIELDS}
