"""``baocao import --area``: one department's .docx as one area file of an existing report.

The file's paragraphs and footnotes become the area; its own heading (when it repeats the one
asked for) is dropped, and the headings under it become the area's `sections`. The outline is
touched only in the one unambiguous case: an entry with that heading and neither `area` nor
`sections` gets an ``area:`` line. Otherwise the command says what to add.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.diagnostics import Diagnostics, Location, display_path
from generator.errors import DataError, OutputError
from generator.importer.convert import AreaOut, area_data
from generator.importer.faithful import Faithfulness, measure
from generator.importer.outline import build_tree, flatten, heading_of, number_prefix, slug
from generator.importer.parts import CLOSING, split
from generator.importer.run import write_texts
from generator.importer.source import Source
from generator.importer.text import plain
from generator.importer.yamlfile import area_yaml
from generator.loader import SourceFile, load_yaml
from generator.pipeline import REPORT_FILE, compile_report, load_valid, read_manifest
from generator.project import PathRefused, ReportFolder, check_writable
from generator.resolve import area_key
from generator.schema import AreaFile
from generator.validate import validate
from generator.writer import backup


@dataclass
class AreaImport:
    """The area file written, the import's warnings and the lines to print."""

    path: Path
    diagnostics: Diagnostics
    messages: list[str] = field(default_factory=list)
    faithfulness: Faithfulness | None = None


def same_heading(a: str, b: str) -> bool:
    """Return True if two headings match, ignoring case, spacing, numbers and a final colon."""
    def norm(text: str) -> str:
        found = number_prefix(text)
        text = text[found[1]:] if found else text
        return " ".join(text.split()).rstrip(" :.").casefold()
    return norm(a) == norm(b)


def import_area(docx: Path, report_dir: Path, heading: str, force: bool = False) -> AreaImport:
    """Import `docx` as the area under `heading` of the report in `report_dir`.

    report.yaml must be a valid baocao report (nothing is written into another kind of YAML),
    and the area file must stay inside the folder; a file replaced with `force` is kept as
    ``<file>.bak``.
    """
    folder = ReportFolder(report_dir)
    if not folder.is_report():
        raise OutputError(f"'{display_path(report_dir)}' chưa phải thư mục báo cáo (thiếu "
                          f"{REPORT_FILE}). Hãy nhập cả báo cáo trước (bỏ --area).")
    report_source = read_manifest(report_dir)[0]  # a valid report: no other YAML is edited
    source = Source.open(docx)
    parts = split(source)
    header = "khối đầu văn bản (cơ quan, số, ngày) và trích yếu"
    for present, what in ((parts.has_header, header), (parts.has_tail, "nơi nhận và chữ ký")):
        if present:
            source.warn("import.area-skipped", f"tệp có {what}; khi nhập một phần, các dòng "
                        "này không được đưa vào.")
    paragraphs, sections = _content(source, parts.body, heading)
    data = area_data(source, paragraphs, sections)
    faithfulness = _faithfulness(source, parts, data, heading)
    entry = next(_matches(report_source.data.get("outline"), heading, ("outline",)), None)
    taken = {p.stem for p in folder.area_files()}
    if entry is not None and entry[1].get("area"):
        name = area_key(str(entry[1]["area"]))
    else:
        name = slug(heading, taken)
    path = _area_path(folder, name, report_source, entry)
    data = _keep_existing(path, data, force)
    write_texts({path: area_yaml(AreaOut(name, "", " ".join(heading.split()), data), heading)})
    result = AreaImport(path, source.diagnostics, [_summary(heading, data, path)], faithfulness)
    _place(result, report_dir, report_source, entry, name, heading)
    return result


def _faithfulness(source: Source, parts, data: dict, heading: str) -> Faithfulness:
    """Measure the area's data against the file, its header and tail left out on purpose."""
    texts = [heading, *_item_strings(data["paragraphs"]), *data["notes"].values()]
    for section in data.get("sections", []):
        texts += [section["heading"], *_item_strings(section["paragraphs"])]
    matched = [p for p in parts.body if heading_of(p) and same_heading(plain(p.runs), heading)]
    return measure(source, parts, texts, len(data.get("sections", [])) + len(matched[:1]),
                   len(data["notes"]), skip_layout=True)


def _item_strings(value) -> list[str]:
    """Return every string of a paragraph item (a text, or a table's caption, unit and cells)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() if k != "span" for s in _item_strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _item_strings(v)]
    return []


def _area_path(folder: ReportFolder, name: str, report_source: SourceFile, entry) -> Path:
    """Return the file of area `name`, refusing a name that leaves the report folder."""
    try:
        path = folder.area(name)
        check_writable(folder.path, path)
    except PathRefused as refused:
        diagnostics = Diagnostics()
        location = report_source.locate(entry[0] + ("area",)) if entry else \
            Location(folder.areas_dir)
        diagnostics.error(refused.code, refused.message, location, report_source.excerpt(location))
        raise DataError("dữ liệu có lỗi", diagnostics) from None
    return path


def _content(source: Source, body, heading: str):
    """Return the area's own paragraphs and its (heading, paragraphs) sub-sections."""
    intro, roots = build_tree(source, body)
    lead, children = intro, roots
    if len(roots) == 1 and same_heading(plain(roots[0].heading), heading):
        lead, children = intro + roots[0].paragraphs, roots[0].children
    sections = []
    for child in children:
        if child.children:
            source.warn("import.heading-deep", "một phần chỉ có một cấp mục con; các đề mục cấp "
                        "dưới được giữ thành đoạn in đậm.", child.children[0].paragraph)
        sections.append((child.heading, flatten(child)))
    last = sections[-1][1] if sections else lead
    if last and CLOSING.match(plain(last[-1])):
        source.warn("import.area-closing", "đoạn cuối có vẻ là câu kết của tệp đơn vị ('Trên "
                    "đây là …'); nó vẫn được giữ trong phần, hãy xóa nếu không cần.")
    return lead, sections


def _matches(entries, heading: str, path: tuple):
    """Yield (field path, entry) of each outline entry whose heading matches `heading`."""
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if not isinstance(entry, dict):
            continue
        if same_heading(str(entry.get("heading") or ""), heading):
            yield path + (index,), entry
        yield from _matches(entry.get("sections"), heading, path + (index, "sections"))


def _keep_existing(path: Path, data: dict, force: bool) -> dict:
    """Refuse to replace an area with content, or a file that is no baocao area, unless `force`.

    A valid area keeps its owner and heading; with `force`, a file with content or that is no
    area is kept as ``<file>.bak`` before it is replaced.
    """
    if not path.is_file():
        return data
    diagnostics = Diagnostics()
    _old, model = load_valid(path, AreaFile, diagnostics)
    if model is None and not force:
        raise OutputError(f"tệp '{display_path(path)}' đã có nhưng không phải tệp phần của "
                          "baocao; baocao không ghi đè. Thêm --force để thay bằng nội dung của "
                          "tệp Word (bản cũ được lưu thành <tệp>.bak).")
    if model is not None and (model.paragraphs or model.sections) and not force:
        raise OutputError(f"tệp '{display_path(path)}' đã có nội dung; baocao không ghi đè. "
                          "Thêm --force để thay bằng nội dung của tệp Word (bản cũ được lưu "
                          "thành <tệp>.bak).")
    if model is None or model.paragraphs or model.sections:
        backup(path)
    if model is None:
        return data
    kept = {k: getattr(model, k) for k in ("heading", "owner") if getattr(model, k)}
    return {**kept, **data}


def _summary(heading: str, data: dict, path: Path) -> str:
    items = data["paragraphs"] + [p for s in data.get("sections", []) for p in s["paragraphs"]]
    tables = sum(isinstance(item, dict) for item in items)
    return (f"Đã nhập phần “{heading}”: {len(items) - tables} đoạn văn, "
            + (f"{tables} bảng, " if tables else "")
            + f"{len(data.get('sections', []))} mục con, {len(data['notes'])} chú thích → "
            f"{display_path(path)}.")


def _place(result: AreaImport, report_dir: Path, report_source, entry, name: str,
           heading: str) -> None:
    """Link the area into the outline when that is unambiguous, else say how; then validate."""
    linked = entry is not None and bool(entry[1].get("area"))
    if entry is not None and not linked and entry[1].get("sections") is None:
        linked = _add_area_line(report_source, entry[0], name)
        if linked:
            result.messages.append(f"Đã thêm “area: {name}” vào đề mục “{heading}” trong "
                                   f"{REPORT_FILE}.")
    if linked:
        try:
            result.diagnostics.extend(compile_report(report_dir).diagnostics)
        except DataError as exc:
            exc.diagnostics.items[:0] = result.diagnostics.items
            raise
        return
    area_source = load_yaml(result.path, result.diagnostics)
    if area_source is None or validate(area_source, AreaFile, result.diagnostics) is None:
        raise DataError("dữ liệu có lỗi", result.diagnostics)
    result.messages.append(f"Bố cục chưa dùng tệp này. Hãy thêm vào outline trong {REPORT_FILE}, "
                           f"ở chỗ thích hợp:\n  - heading: {heading}\n    area: {name}")


def _add_area_line(report_source, path: tuple, name: str) -> bool:
    """Insert ``area: name`` under the entry's one-line heading in report.yaml; return success."""
    key = report_source.key_marks.get(path + ("heading",))
    if key is None:
        return False
    line, column = key
    lines = report_source.path.read_text(encoding="utf-8").split("\n")
    if not lines[line - 1][column - 1:].startswith("heading"):
        return False  # a flow mapping ({heading: …}): let the user do it
    following = lines[line] if line < len(lines) else ""
    if following.strip() and len(following) - len(following.lstrip()) >= column \
            and not re.match(r"\s*[\w-]+:", following):
        return False  # the heading goes on over several lines: let the user do it
    lines.insert(line, " " * (column - 1) + f"area: {name}")
    write_texts({report_source.path: "\n".join(lines)})
    return True
