"""The template's paragraphs in reading order, shared by every profile (tags are the contract).

Each line is (style name, text): the text is one run, so a docxtpl tag is never split. A
``{%p … %}`` line stands alone in its paragraph; docxtpl drops that paragraph when it renders.
Optional elements are wrapped in ``{%p if … %}`` so a report that does not use them prints
nothing for them. The context names are documented in templates/README.md.
"""

from __future__ import annotations

from generator.profiles.spec import Line

CONTROL = "BC The dieu khien"
"""Style of the ``{%p %}`` lines; they vanish on render."""
LABEL_RUN = "\x1f"
"""Separates a line's runs: the text before it takes the character style of the label."""


def optional(field: str, style: str, text: str | None = None) -> tuple[Line, ...]:
    """Return the paragraph `text` (default ``{{ field }}``) printed only when `field` is set."""
    return ((CONTROL, f"{{%p if {field} %}}"), (style, text or f"{{{{ {field} }}}}"),
            (CONTROL, "{%p endif %}"))


def each(items: str, name: str, style: str, text: str | None = None) -> tuple[Line, ...]:
    """Return one paragraph per element of the list `items`."""
    return ((CONTROL, f"{{%p for {name} in {items} %}}"), (style, text or f"{{{{ {name} }}}}"),
            (CONTROL, "{%p endfor %}"))


NUMBER_BLOCK: tuple[Line, ...] = (
    ("BC So ky hieu", "{{ number_line }}"),
    *optional("header_subject", "BC Trich yeu cong van"),
    *optional("draft", "BC Du thao"),
    *optional("urgency", "BC Do khan"),
)
"""Under the organ: number, a công văn's trích yếu, the draft mark, the urgency mark."""

TITLE_BLOCK: tuple[Line, ...] = (
    (CONTROL, "{%p if show_type %}"),
    ("BC Ten loai", "{{ doc_type }}"),
    ("BC Trich yeu", "{{r title }}"),
    ("BC Gach ngang", "-----"),
    (CONTROL, "{%p endif %}"),
    (CONTROL, "{%p if addressee_label %}"),
    ("BC Kinh gui", "{{ addressee_label }} " + LABEL_RUN + "{{ addressee }}"),
    *each("addressees", "a", "BC Kinh gui danh sach", "- {{ a }}"),
    (CONTROL, "{%p endif %}"),
    *each("bases", "b", "BC Can cu", "- {{ b }}"),
)
"""Type and trích yếu (not for a công văn), Kính gửi / Kính trình, the căn cứ lines."""

BODY_LOOP: tuple[Line, ...] = (
    (CONTROL, "{%p for block in body %}"),
    (CONTROL, '{%p if block.kind == "h1" %}'),
    ("heading 1", "{{r block.text }}"),
    (CONTROL, '{%p elif block.kind == "h2" %}'),
    ("heading 2", "{{r block.text }}"),
    (CONTROL, '{%p elif block.kind == "h3" %}'),
    ("heading 3", "{{r block.text }}"),
    (CONTROL, "{%p else %}"),
    ("Body Text", "{{r block.text }}"),
    (CONTROL, "{%p endif %}"),
    (CONTROL, "{%p endfor %}"),
)
CLOSING_TEXT: tuple[Line, ...] = optional("closing", "Body Text", "{{r closing }}")
CLOSING_LEFT: tuple[Line, ...] = (
    ("BC Noi nhan", "Nơi nhận:"),
    *each("recipients", "r", "BC Danh sach noi nhan", "- {{ r }}"),
    *optional("drafter", "BC Nguoi soan thao"),
)
CLOSING_RIGHT: tuple[Line, ...] = (
    ("BC Quyen han", "{{ signature.authority }}"),
    ("BC Chuc vu", "{{ signature.title }}"),
    *(("BC Cho ky", ""),) * 4,  # room for signature and seal
    ("BC Ho ten", "{{ signature.name }}"),
)
CONTACT: tuple[Line, ...] = optional("contact", "BC Lien he")
"""The contact line, under a full-width rule: after the text (HD36 §3 row 14, HD05 box 13 on
the last page) or at the foot of page 1 (`FIRST_FOOTER`, NĐ30)."""
AT_PAGE_FOOT: tuple[Line, ...] = optional("circulation_end", "BC Khong pho bien")
"""A phạm vi lưu hành mark the profile prints at the foot of the last page (HD05 row 49)."""
END: tuple[Line, ...] = (("BC Ket thuc", ""),)  # Word needs a paragraph after the closing table
AFTER_CLOSING: tuple[Line, ...] = (*CONTACT, *END)
FIRST_HEADER: tuple[Line, ...] = (
    *optional("circulation", "BC Pham vi luu hanh"),
    ("header", ""),  # a header part must keep one paragraph
)
"""Page 1's header: the phạm vi lưu hành mark, 10 mm from the top edge, top right."""
FIRST_FOOTER: tuple[Line, ...] = (*CONTACT, ("Normal", ""))  # a footer keeps one paragraph
"""Page 1's footer of a state document: the contact line (NĐ30 Phụ lục I, ô số 14)."""
