"""``baocao new`` without a previous report: a report folder that builds at once.

The organ, its superior, the document type and the period give everything else: the place
(the organ's own unit), a dated draft in the period's last month, a signature block and a
recipient list that fit the organ, one empty area to fill. The profile follows from the date.
"""

from __future__ import annotations

import shutil

from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import display_path
from generator.drafting.periods import END_MONTH
from generator.errors import OutputError
from generator.pipeline import AREAS_DIR, REPORT_FILE, Compiled, compile_report
from generator.profiles import organs

AREA = "noi-dung"
_SIGNATURES = {
    "TU": ("T/M BAN THƯỜNG VỤ", "BÍ THƯ"), "ĐU": ("T/M BAN THƯỜNG VỤ", "BÍ THƯ"),
    "CB": ("T/M CHI BỘ", "BÍ THƯ"), "UBND": ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
}
_STAFF_SIGNATURE = ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")
"""A staff body (ban, văn phòng) signs for itself: HD05 I.7."""


@dataclass(frozen=True)
class Fresh:
    """What ``baocao new`` wrote without a previous report."""

    folder: Path
    compiled: Compiled


def create_report(target: Path, organ: str, parent: str | None, doc_type: str,
                  kind: str | None, year: int) -> Fresh:
    """Write a new report folder at `target` and return it built (compiled)."""
    if target.exists():
        raise OutputError(f"thư mục '{display_path(target)}' đã có; baocao new không ghi đè. "
                          "Hãy chọn tên khác hoặc tự xóa thư mục đó trước.")
    (target / AREAS_DIR).mkdir(parents=True)
    try:
        (target / REPORT_FILE).write_text(_report_text(organ, parent, doc_type, kind, year),
                                          encoding="utf-8", newline="\n")
        (target / AREAS_DIR / f"{AREA}.yaml").write_text(
            "# Nội dung của báo cáo: mỗi đoạn văn là một dòng bắt đầu bằng \"- \".\n"
            "paragraphs: []\n", encoding="utf-8", newline="\n")
        return Fresh(target, compile_report(target))
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)  # we created it: leave nothing half-made
        raise


def _report_text(organ: str, parent: str | None, doc_type: str, kind: str | None,
                 year: int) -> str:
    organ, doc_type = " ".join(organ.split()).upper(), " ".join(doc_type.split()).upper()
    authority, title = _signature(organ, parent)
    month = END_MONTH[kind] if kind else 12
    lines = ["# Báo cáo mới tạo bằng lệnh baocao new; sửa các dòng dưới đây cho đúng.", "",
             "organ:"]
    if parent:
        lines.append(f"  parent: {_quoted(' '.join(parent.split()).upper())}")
    lines += [f"  name: {_quoted(organ)}", f"doc_type: {_quoted(doc_type)}",
              f"place: {_quoted(_place(organ, parent))}    # địa danh ở dòng ngày tháng",
              "date:                 # dự thảo: để trống ngày", f"  month: {month}",
              f"  year: {year}", "draft: Dự thảo"]
    if kind:
        lines += ["period:", f"  kind: {kind}", f"  year: {year}",
                  "title: Kết quả thực hiện nhiệm vụ công tác {period}"]
    else:
        lines.append("title: Về việc …    # trích yếu")
    lines += ["", "outline:", "  - heading: KẾT QUẢ THỰC HIỆN NHIỆM VỤ", f"    area: {AREA}", "",
              "signature:", f"  authority: {_quoted(authority)}", f"  title: {_quoted(title)}", "",
              "# Nơi nhận: gõ không cần dấu cuối dòng, chương trình tự thêm theo thể thức",
              "recipients:", f"  - {_quoted('Lưu ' + _office(organ, parent))}"]
    return "\n".join(lines) + "\n"


def _signature(organ: str, parent: str | None) -> tuple[str, str]:
    symbol = organs.symbol(organ, parent) or ""
    return _SIGNATURES.get(symbol, _STAFF_SIGNATURE)


def _place(organ: str, parent: str | None) -> str:
    """Return the unit's name for the date line: the ward, commune or province."""
    return organs.unit_name(organ) or (parent and organs.unit_name(parent)) or "…"


def _office(organ: str, parent: str | None) -> str:
    sentence = organs.sentence_name(organ, parent) or organs.sentence_case(organ)
    return f"Văn phòng {sentence}" if not sentence.startswith("Văn phòng") else sentence


def _quoted(text: str) -> str:
    """Return `text` as a YAML scalar (quoted, so ':' or '#' in a name stay text)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def profile_line(compiled: Compiled) -> str:
    """Return the line telling which rules the new report follows."""
    from generator import profiles

    profile = profiles.PROFILES[compiled.report.frame.profile]
    return f"Thể thức: {profile.name} ({profile.label}), theo ngày của báo cáo mới."


def obsolete_warnings(compiled: Compiled):
    """Return the new report's warnings about organs and recipients that no longer exist."""
    from generator.diagnostics import Diagnostics

    found = Diagnostics()
    for item in compiled.diagnostics.warnings:
        if item.code == "organ.obsolete":
            found.items.append(item)
    return found
