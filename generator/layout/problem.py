"""What a layout rule reports before it is located, and the clerk's names of the elements."""

from __future__ import annotations

from dataclasses import dataclass

from generator.ooxml.inspect import Para

ELEMENT_NAMES = {
    "title_line": "tiêu đề", "motto": "tiêu ngữ", "parent": "tên cơ quan cấp trên",
    "organ": "tên cơ quan ban hành", "star": "dấu sao", "number": "số và ký hiệu",
    "draft": "dấu dự thảo", "place_date": "địa danh, ngày tháng", "doc_type": "tên loại",
    "summary": "trích yếu", "body": "đoạn nội dung", "heading": "đề mục",
    "addressee": "Kính gửi", "recipients_label": "nhãn \"Nơi nhận:\"", "recipient": "nơi nhận",
    "authority": "quyền hạn người ký", "signer_title": "chức vụ người ký",
    "signer_name": "họ tên người ký", "page_number": "số trang", "appendix_label": "phụ lục",
    "bases": "dòng căn cứ", "letter_summary": "trích yếu công văn",
    "drafter": "ký hiệu người soạn thảo",
}
"""The Vietnamese name of each element, as a clerk calls it."""


@dataclass(frozen=True)
class Problem:
    """One deviation before it is located: the code, the paragraph, the message, the fix."""

    code: str
    message: str
    paragraph: Para | None = None
    severity: str = "error"
    count: int = 1
