"""Refuse templates that carry code or reach out: macros, ActiveX, OLE, altChunk, links, DDE.

Whatever the template holds reaches every output, so a template with any of these is refused as
a whole (nothing is stripped silently): the clerk learns what the file carries and who sent it.
"""

from __future__ import annotations

import re

from generator.ooxml.safezip import Package

MACRO_SUFFIXES = (".docm", ".dotm")
_MAIN_DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_CONTENT_TYPES = "[Content_Types].xml"
_ACTIVE_TYPES = {
    "macroEnabled": "macro (VBA)",
    "vbaProject": "macro (VBA)",
    "vbaData": "macro (VBA)",
    "activeX": "điều khiển ActiveX",
    "oleObject": "đối tượng OLE nhúng",
}
_ACTIVE_RELATIONSHIPS = {
    "vbaProject": "macro (VBA)",
    "wordVbaData": "macro (VBA)",
    "keyMapCustomizations": "macro (VBA)",
    "control": "điều khiển ActiveX",
    "activeXControl": "điều khiển ActiveX",
    "activeXControlBinary": "điều khiển ActiveX",
    "oleObject": "đối tượng OLE nhúng",
    "package": "đối tượng OLE nhúng",
    "aFChunk": "khối văn bản nhúng (altChunk)",
    "attachedTemplate": "liên kết tới mẫu bên ngoài",
    "subDocument": "liên kết tới tài liệu con bên ngoài",
    "frame": "khung lấy nội dung từ bên ngoài",
}
_SAFE_EXTERNAL = re.compile(r"(?i)^(https?|mailto):")
_RELATIONSHIP = re.compile(rb"<Relationship\b[^>]*>")
_ATTRIBUTE = re.compile(rb'(\w+)="([^"]*)"')
_FIELD_TEXT = re.compile(rb"<w:instrText\b[^>]*>([^<]*)<|\bw:instr=\"([^\"]*)\"")
_ACTIVE_FIELD = re.compile(r"(?i)\b(DDE|DDEAUTO|INCLUDETEXT|INCLUDEPICTURE|INCLUDE|IMPORT|LINK)\b")


def refuse_active_content(package: Package) -> None:
    """Raise the package's error if it carries macros, embedded code or links out of the file."""
    if package.path.suffix.lower() in MACRO_SUFFIXES:
        raise package.fail(f"là tệp có macro ({package.path.suffix}); baocao chỉ dùng mẫu .docx "
                           "không có macro. Hãy lưu lại mẫu dạng Word Document (.docx).")
    for name in package.names:
        found = _active_member(package, name)
        if found:
            raise package.fail(f"chứa {found} (phần {name}); baocao không dùng mẫu có nội dung "
                               "chạy được hoặc lấy dữ liệu từ bên ngoài. Hãy xóa phần đó trong "
                               "Word, hoặc dùng mẫu gốc templates/bao-cao.docx.")


def _active_member(package: Package, name: str) -> str | None:
    """Return what the member `name` carries that a template must not, else None."""
    lower = name.lower()
    if lower.endswith("vbaproject.bin") or lower.startswith(("word/activex/", "word/vba")):
        return "macro hoặc điều khiển ActiveX"
    if name == _CONTENT_TYPES:
        return _active_content_type(package.read(name))
    if lower.endswith(".rels"):
        return _active_relationship(package.read(name))
    if lower.startswith("word/") and lower.endswith(".xml"):
        return _active_field(package.read(name))
    return None


def _active_content_type(xml: bytes) -> str | None:
    text = xml.decode("utf-8", "replace")
    for marker, what in _ACTIVE_TYPES.items():
        if marker.lower() in text.lower():
            return what
    if _MAIN_DOCUMENT not in text:
        return "kiểu tài liệu khác .docx (mẫu .dotx, tệp có macro …)"
    return None


def _active_relationship(xml: bytes) -> str | None:
    for element in _RELATIONSHIP.findall(xml):
        attributes = {k.decode(): v.decode("utf-8", "replace")
                      for k, v in _ATTRIBUTE.findall(element)}
        kind = attributes.get("Type", "").rsplit("/", 1)[-1]
        if kind in _ACTIVE_RELATIONSHIPS:
            return _ACTIVE_RELATIONSHIPS[kind]
        target = attributes.get("Target", "")
        if attributes.get("TargetMode") == "External" and not _SAFE_EXTERNAL.match(target):
            return f"liên kết ra ngoài tới '{target[:80]}'"
    return None


def _active_field(xml: bytes) -> str | None:
    """Return the field that would run or fetch something when Word updates fields."""
    if b"instr" not in xml:
        return None
    codes = " ".join((a or b).decode("utf-8", "replace") for a, b in _FIELD_TEXT.findall(xml))
    found = _ACTIVE_FIELD.search(codes)
    return f"trường {found.group(1).upper()} (Word chạy khi cập nhật trường)" if found else None
