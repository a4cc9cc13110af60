"""Write imported data as YAML a clerk can read: the sample's layout, comments, minimal quoting.

An area's paragraphs in the block form ``text: |`` (one line each, a blank line between), where
nothing needs quoting; multi-paragraph notes as ``|-`` blocks; other strings quoted only when
YAML needs it. UTF-8 without BOM, LF line ends.
"""

from __future__ import annotations

import datetime as dt

import yaml

from generator.importer.convert import AreaOut, Imported
from generator.importer.tableyaml import table_lines
from generator.profiles.fields import FIELDS
from generator.textform import block_lines

TODO = "chưa có trong tệp Word: hãy sửa"
_AREA_HELP = ("# Các đoạn văn viết dưới \"text: |\", thụt vào hai dấu cách, cách nhau một dòng "
              "trống; chú thích cuối trang đánh số 1, 2, 3... trong tệp này.")
_LIST_HELP = ("# Mỗi đoạn văn (hoặc bảng) là một mục bắt đầu bằng \"- \" dưới paragraphs; chú "
              "thích cuối trang đánh số 1, 2, 3... trong tệp này.")
"""An area whose paragraphs cannot be written in the block form (a table among them)."""


_PROFILE_HELP = ("# Văn bản của cơ quan nhà nước (quốc hiệu, tiêu ngữ): thể thức Nghị định "
                 "30/2020/NĐ-CP.")
_OWN_PLACE = ("title", "signature", "addressees", "drafter")
"""Catalogue fields written in their own place below, in reading order, not in the header."""
_LISTS = (("addressees", "# Kính gửi (dấu \"- \" và dấu câu cuối dòng do chương trình tự thêm)"),
          ("bases", "# Căn cứ (mỗi dòng một căn cứ; dấu câu cuối dòng do chương trình tự thêm)"))


class _Dumper(yaml.SafeDumper):
    """Literal blocks for text with line breaks (notes of several paragraphs)."""


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value,
                                   style="|" if "\n" in value else None)


_Dumper.add_representer(str, _represent_str)


def scalar(value, indent: int) -> str:
    """Return `value` as YAML text for a line at `indent`, block lines indented under it."""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = yaml.dump(value, Dumper=_Dumper, allow_unicode=True, width=float("inf"))
    text = text.removesuffix("...\n").rstrip("\n")
    first, *rest = text.split("\n")
    return "\n".join([first] + [" " * indent + line if line else "" for line in rest])


def _field(key, value, indent: int, comment: str = "") -> list[str]:
    """Return the lines of ``key: value`` (mappings and lists expanded) at `indent`."""
    pad = " " * indent
    if key == "paragraphs" and value and (block := block_lines(value, indent)):
        return block
    if isinstance(value, dict):
        if not value:
            return [f"{pad}{key}: {{}}"]
        lines = [f"{pad}{key}:"]
        for k, v in value.items():
            lines += _note(k, v, indent + 2) if key == "notes" else _field(k, v, indent + 2)
        return lines
    if isinstance(value, list):
        if not value:
            return [f"{pad}{key}: []"]
        return [f"{pad}{key}:"] + [line for item in value for line in _item(item, indent + 2)]
    suffix = f"    # {comment}" if comment else ""
    return [f"{pad}{key}: {scalar(value, indent)}{suffix}"]


def _note(key, text, indent: int) -> list[str]:
    """Return a footnote as a ``|`` block (paragraphs apart by a blank line) when it reads back."""
    lines = block_lines(text.split("\n\n"), indent, str(key)) if isinstance(text, str) else None
    return lines or _field(key, text, indent)


def _item(value, indent: int) -> list[str]:
    """Return one list entry (``- …``) at `indent`."""
    pad = " " * indent
    if isinstance(value, dict) and "table" in value:
        return table_lines(value["table"], indent)
    if isinstance(value, dict):
        lines: list[str] = []
        for k, v in value.items():
            lines += _field(k, v, indent + 2)
        return [pad + "- " + lines[0].lstrip()] + lines[1:]
    return [f"{pad}- {scalar(value, indent + 2)}"]


def _present(data: dict, key: str) -> bool:
    return data.get(key) not in (None, [], {}, "")


def _header(data: dict, todo) -> list[str]:
    """Return the header fields' lines in the field catalogue's order (organ first, as a block)."""
    lines: list[str] = []
    written: set[str] = set(_OWN_PLACE)
    for key in [k for f in FIELDS for k in (f.source, *f.also)]:
        top = key.partition(".")[0]
        if top in written or not _present(data, top):
            continue
        written.add(top)
        if isinstance(data[top], dict) and top != "date":
            lines.append(f"{top}:")
            for sub, value in data[top].items():
                lines += _field(sub, value, 2, todo(f"{top}.{sub}"))
        else:
            lines += _field(top, data[top], 0)
            if todo(top):
                lines[-1] += f"    # {TODO}"
    return lines


def report_yaml(imported: Imported, docx_name: str) -> str:
    """Return the text of report.yaml."""
    data = imported.report
    todo = lambda key: TODO if key in imported.placeholders else ""
    lines = [f"# Báo cáo nhập từ tệp Word \"{docx_name}\" bằng lệnh baocao import.",
             "# Tệp chính: thông tin chung, bố cục các phần và nơi nhận.",
             "# Nội dung từng phần nằm trong thư mục areas/ (mỗi phần một tệp).", "",
             "# Cơ quan ban hành"]
    if data.get("profile"):
        lines[-1:-1] = [_PROFILE_HELP, f"profile: {data['profile']}", ""]
    lines += _header(data, todo)
    if "period" in data:
        lines += ["", "# Kỳ báo cáo: quy-1 quy-2 quy-3 quy-4 6-thang 9-thang nam"]
        if not imported.period_found:
            lines.append("# Văn bản gốc không nêu kỳ báo cáo: trường này chỉ điền cho đủ, "
                         "trích yếu không dùng {period}.")
        lines += _field("period", data["period"], 0)
    if "{period}" in (data["title"] or "") + (data.get("closing") or ""):
        lines.append(f'# {{period}} sẽ được thay bằng "{imported.period_text}"')
    lines += _field("title", data["title"], 0, todo("title"))
    for key, comment in _LISTS:
        if data.get(key):
            lines += ["", comment] + _field(key, data[key], 0)
    if data["intro"]:
        lines += ["", "# Đoạn mở đầu"] + (block_lines(data["intro"], 0, "intro")
                                           or _field("intro", data["intro"], 0))
    if data.get("closing"):
        lines += ["", "# Câu kết thúc báo cáo"] + _field("closing", data["closing"], 0)
    lines += ["", "# Bố cục: phần lớn (I, II, III...) và mục nhỏ (1, 2, 3...) được đánh số tự động"]
    lines += _field("outline", data["outline"], 0) + ["", "# Chữ ký", "signature:"]
    for key, value in data["signature"].items():
        lines += _field(key, value, 2, todo(f"signature.{key}"))
    lines += ["", '# Nơi nhận (dấu "- " ở đầu dòng khi in do chương trình tự thêm)']
    lines += _field("recipients", data["recipients"], 0)
    if todo("recipients"):
        lines[-1] += f"    # {TODO}"
    if data.get("drafter"):
        lines += ["", "# Ký hiệu người soạn thảo và số bản phát hành (in cuối Nơi nhận)"]
        lines += _field("drafter", data["drafter"], 0)
    if data.get("appendices"):
        lines += ["", ("# Phụ lục: in sau chữ ký, mỗi phụ lục trên trang riêng; nội dung nằm "
                       "trong tệp areas/ ghi ở 'area'")] + _field("appendices", data["appendices"], 0)
    if data["notes"]:
        lines += ["", "# Chú thích cuối trang của trích yếu, phần mở đầu, đề mục và câu kết"]
        lines += _field("notes", data["notes"], 0)
    return "\n".join(lines) + "\n"


def area_yaml(area: AreaOut, heading: str) -> str:
    """Return the text of one area file; `heading` is its heading as printed, for the comment."""
    data = area.data
    block = bool(data["paragraphs"]) and bool(block_lines(data["paragraphs"], 0))
    lines = [f'# Phần "{f"{area.label} {heading}".strip()}" của báo cáo (nhập từ tệp Word).',
             _AREA_HELP if block or not data["paragraphs"] else _LIST_HELP]
    if data.get("owner"):
        lines += [""] + _field("owner", data["owner"], 0)
    else:
        lines += ["# Điền tên đơn vị phụ trách phần này nếu cần, ví dụ:",
                  "# owner: Văn phòng Tỉnh ủy", ""]
    if data.get("heading"):
        lines += _field("heading", data["heading"], 0)
    if data.get("numbered"):
        lines.append("numbered: true    # các đoạn dưới đây được tự động đánh số 1., 2., 3. ... "
                     "(không gõ số)")
    lines += _field("paragraphs", data["paragraphs"], 0)
    if data.get("sections"):
        lines += ["", "# Các mục con (đề mục cấp dưới được đánh số tự động)"]
        lines += _field("sections", data["sections"], 0)
    if data.get("notes"):
        lines += [""] + _field("notes", data["notes"], 0)
    return "\n".join(lines) + "\n"

