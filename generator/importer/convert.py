"""Assemble the parts of a Word report into the data of ``report.yaml`` and ``areas/*.yaml``.

Each lowest-level section becomes one area file; a section with both its own paragraphs and
sub-headings becomes one area with `sections`. Footnote ids restart at 1 in every file.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from generator import vnformat
from generator.importer.header import header_fields, profile_of, take_preamble
from generator.importer.outline import Node, build_tree, flatten, heading_of, numbered_items, slug
from generator.importer.parts import CLOSING, Parts, body_paragraphs
from generator.importer.source import Source
from generator.importer.tables import paragraph_items
from generator.importer.tail import after_blocks, split_appendices
from generator.importer.text import Item, NoteScope, markup, plain
from generator.ooxml.reader import Paragraph, TextRun
from generator.profiles import doctypes

_PERIODS = (
    (re.compile(r"quý\s+(I{1,3}|IV|[1-4])\s*(?:năm|/)\s*(\d{4})", re.IGNORECASE), "quy"),
    (re.compile(r"()(?:6|sáu)\s+tháng\s+(?:đầu\s+)?năm\s+(\d{4})", re.IGNORECASE), "6-thang"),
    (re.compile(r"()(?:9|chín)\s+tháng\s+(?:đầu\s+)?năm\s+(\d{4})", re.IGNORECASE), "9-thang"),
    (re.compile(r"()(?<!tháng\s)(?<!đầu\s)(?<!cuối\s)\bnăm\s+(\d{4})", re.IGNORECASE), "nam"),
)
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}
FALLBACK_HEADING = "NỘI DUNG BÁO CÁO"
PLACEHOLDERS = {
    "organ.name": ("tên cơ quan ban hành", "(CHƯA RÕ CƠ QUAN BAN HÀNH)"),
    "organ.abbrev": ("ký hiệu cơ quan trong số văn bản", "XX"),
    "place": ("địa danh", "(chưa rõ địa danh)"),
    "date": ("ngày tháng năm ban hành", None),
    "title": ("trích yếu", "(chưa rõ trích yếu)"),
    "signature.authority": ("thẩm quyền ký", "(CHƯA RÕ THẨM QUYỀN KÝ)"),
    "signature.title": ("chức vụ người ký", "(CHƯA RÕ CHỨC VỤ)"),
    "recipients": ("nơi nhận", "(chưa rõ nơi nhận)"),
}
"""Required fields the document may lack: (what it is, the visible stand-in written)."""


@dataclass
class AreaOut:
    """One area file to write: its name, the printed number of its heading, and its data."""

    name: str
    label: str
    heading: str
    data: dict


@dataclass
class Imported:
    """The data to write, and which fields hold stand-ins for what the document lacked."""

    report: dict
    areas: list[AreaOut]
    placeholders: list[str] = field(default_factory=list)
    period_text: str = ""
    period_found: bool = True
    """False when no period is named (a plan, a letter): `period` is only a stand-in."""
    added: list[str] = field(default_factory=list)
    """What the build will print that the source does not have."""
    fallback_heading: bool = False
    """The outline's one heading is the stand-in (the source has no heading)."""


@dataclass
class _Context:
    source: Source
    scope: NoteScope
    areas: list[AreaOut] = field(default_factory=list)
    taken: set[str] = field(default_factory=set)
    added: list[str] = field(default_factory=list)
    fallback: bool = False


def convert_report(source: Source, parts: Parts) -> Imported:
    """Return the report data of `parts`; warnings go to `source`."""
    ctx = _Context(source, NoteScope(source.document, source.diagnostics))
    title_runs = _joined([p.runs for p in parts.title])
    title = markup(title_runs, ctx.scope.anchor, drop_uniform=True)
    body = list(parts.body)
    header = parts.header
    profile = profile_of(header, header.year or dt.date.today().year)
    preamble = take_preamble(parts, body, profile)
    known = doctypes.doc_type(profile, header.doc_type)
    has_default = known is None or bool(known.closing)  # a công văn has none: nothing is added
    closing_runs = _closing(source, body, has_default, known.closing if known else "")
    intro_runs, roots = build_tree(source, body)
    if not roots:
        source.warn("import.no-heading", f"không tìm thấy đề mục nào; toàn bộ nội dung được "
                    f"đưa vào một phần tên '{FALLBACK_HEADING}', hãy sửa lại đề mục.")
        roots, intro_runs = [Node(1, [TextRun(FALLBACK_HEADING)], paragraphs=intro_runs)], []
        ctx.added.append(f"đề mục “{FALLBACK_HEADING}”")
        ctx.fallback = True
    intro = _texts(intro_runs, ctx.scope, tables=False)
    outline = [_entry(ctx, node, vnformat.roman(i) + ".") for i, node in enumerate(roots, 1)]
    closing = markup(closing_runs, ctx.scope.anchor) if closing_runs else None
    kind = doctypes.find(header.doc_type)
    periodic = kind is not None and kind.periodic
    period_kind, year, found = _period([plain(title_runs), plain(closing_runs or [])]
                                       if periodic else [], header.year)
    period = vnformat.period_text(period_kind, year)
    if periodic and not found:
        source.warn("import.period", f"không nhận ra kỳ báo cáo trong trích yếu hay câu kết; "
                    f"đã ghi tạm '{period}' vào report.yaml (trường period).")
    if not found:
        period = "\0"  # nothing in the title or closing names a period: replace nothing
    report = header_fields(source, parts, year)
    if periodic:
        report["period"] = {"kind": period_kind, "year": year}
    report.update({"title": title.replace(period, "{period}") or None, **preamble,
                   "intro": intro,
                   "closing": closing.replace(period, "{period}") if closing else None,
                   "outline": outline, "signature": dict(parts.signature),
                   "recipients": list(parts.recipients), "notes": ctx.scope.notes})
    if parts.drafter:
        report["drafter"] = parts.drafter
    report.update(parts.marks)
    appendices = _appendices(ctx, parts)
    if appendices:
        report["appendices"] = appendices
    missing = _fill_placeholders(report)
    if parts.header.year is None:
        missing.insert(missing.index("place") + 1 if "place" in missing else 0, "date")
    if missing:
        names = ", ".join(PLACEHOLDERS[key][0] for key in missing)
        source.warn("import.missing", f"không tìm thấy trong tệp Word: {names}; đã điền tạm giá "
                    "trị trong ngoặc vào report.yaml, hãy sửa lại trước khi gửi báo cáo.")
    if closing is None and has_default:
        ctx.added.append("câu kết mặc định (“Trên đây là báo cáo …”)")
    stand_ins = [PLACEHOLDERS[key][0] for key in missing if PLACEHOLDERS[key][1]]
    if stand_ins:
        ctx.added.append("giá trị tạm cho " + ", ".join(stand_ins))
    return Imported(report, ctx.areas, missing, period if found else "", found, ctx.added,
                    ctx.fallback)


def _joined(paragraphs: list[list[Item]]) -> list[Item]:
    out: list[Item] = []
    for runs in paragraphs:
        out += ([TextRun(" ")] if out else []) + runs
    return out


def _closing(source: Source, body: list, has_default: bool, default: str) -> list[Item] | None:
    """Take the last body paragraph as the closing when it is one: ``Trên đây là …``, or the
    type's `default` closing in any organ's words (``… kính trình … xem xét, cho ý kiến.``).

    Without one, the build prints the type's default closing (`has_default`), which is said.
    """
    text = " ".join(body[-1].text.split()) if body else ""
    if not body or heading_of(body[-1]) is not None or not (
            CLOSING.match(text) or default and _closing_pattern(default).fullmatch(text)):
        if not has_default:
            return None
        source.warn("import.closing", "không thấy câu kết thúc ('Trên đây là …'); đoạn cuối "
                    "được giữ trong nội dung, nhưng khi tạo văn bản sẽ in thêm câu kết mặc định "
                    "(trường closing), hãy sửa lại nếu cần.")
        return None
    last = body.pop()
    return ([TextRun(last.label + " ")] if last.label else []) + last.runs


def _closing_pattern(template: str) -> re.Pattern:
    """Return `template` (``{organ} kính trình {addressee} xem xét…``) as a pattern in which each
    ``{…}`` stands for any words and spaces may be missing around it."""
    parts = re.split(r"\s*\{\w+\}\s*", template)
    return re.compile(r"\s*.*?\s*".join(re.escape(part) for part in parts), re.IGNORECASE)


def _texts(paragraphs: list[list[Item]], scope: NoteScope, tables: bool = True) -> list:
    return paragraph_items(paragraphs, scope, tables)


def _entry(ctx: _Context, node: Node, label: str) -> dict:
    """Return the outline entry of `node`, writing area files for its lowest sections."""
    heading = markup(node.heading, ctx.scope.anchor, drop_uniform=True)
    if node.children and not node.paragraphs:
        return {"heading": heading, "sections": [
            _entry(ctx, child, f"{label}{i}.") for i, child in enumerate(node.children, 1)]}
    sections = []
    for child in node.children:
        if child.children:
            ctx.source.warn("import.heading-deep", "phần có cả đoạn văn riêng lẫn đề mục con "
                            "nhiều cấp; các đề mục cấp dưới được giữ thành đoạn in đậm.",
                            child.children[0].paragraph)
        sections.append((child.heading, flatten(child)))
    name = slug(plain(node.heading), ctx.taken)
    data = area_data(ctx.source, node.paragraphs, sections)
    ctx.areas.append(AreaOut(name, label, " ".join(plain(node.heading).split()), data))
    return {"heading": heading, "area": name}


def area_data(source: Source, paragraphs: list[list[Item]],
              sections: list[tuple[list[Item], list[list[Item]]]]) -> dict:
    """Return the data of one area file (its own footnote ids)."""
    scope = NoteScope(source.document, source.diagnostics)
    data: dict = {}
    items = numbered_items(paragraphs)
    if items is not None:
        data["numbered"] = True
        paragraphs = items
    data["paragraphs"] = _texts(paragraphs, scope)
    if sections:
        data["sections"] = [{"heading": markup(h, scope.anchor, drop_uniform=True),
                             "paragraphs": _texts(ps, scope)} for h, ps in sections]
    data["notes"] = scope.notes
    return data


def _appendices(ctx: _Context, parts: Parts) -> list[dict]:
    """Return the ``appendices:`` entries of the phụ lục after the signature, writing their areas.

    What precedes the first ``PHỤ LỤC`` label (an attached programme) is left out, and listed
    as not carried by the faithfulness summary.
    """
    first = parts.appendix[0] if parts.appendix else None
    _, found = split_appendices(after_blocks(ctx.source.document.blocks, first))
    out = []
    for part in found:
        name = slug("phu luc " + part.title_text, ctx.taken)
        items = [_appendix_item(p) for p in body_paragraphs(ctx.source, part.blocks)]
        data = area_data(ctx.source, items, [])
        ctx.areas.append(AreaOut(name, "Phụ lục", part.title_text, data))
        out.append({"title": part.title_text or part.label.text.strip(), "area": name})
    return out


def _appendix_item(item):
    """Return an appendix paragraph's runs with its list label typed in front; others as is."""
    if not isinstance(item, Paragraph):
        return item  # a table, as the body path gives it
    label = item.label
    return ([TextRun("- " if label == "-" else label + " ")] if label else []) + item.runs


def _period(texts: list[str], date_year: int | None) -> tuple[str, int, bool]:
    """Return (kind, year, found) of the reporting period named first in `texts`."""
    for text in texts:
        for pattern, kind in _PERIODS:
            m = pattern.search(text)
            if m and 1930 <= int(m.group(2)) <= 2100:
                if kind == "quy":
                    number = _QUARTERS.get(m.group(1).upper()) or int(m.group(1))
                    kind = f"quy-{number}"
                return kind, int(m.group(2)), True
    years = [int(y) for t in texts for y in re.findall(r"\b(19[3-9]\d|20\d\d)\b", t)]
    return "nam", date_year or (years[0] if years else dt.date.today().year), False


def _fill_placeholders(report: dict) -> list[str]:
    """Put a visible stand-in in each required field the document lacked; return their keys."""
    missing = []
    for key, (_, value) in PLACEHOLDERS.items():
        if value is None:
            continue
        holder, _, leaf = key.rpartition(".")
        target = report[holder] if holder else report
        if not target.get(leaf):
            target[leaf] = [value] if key == "recipients" else value
            missing.append(key)
    return missing
