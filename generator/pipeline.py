"""The one build recipe every command reuses: load → validate → resolve → render → write.

`compile_report` runs the data stages and returns the resolved report or raises `DataError`
with every problem of the run; `build_report` adds rendering and writing.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from generator.diagnostics import Diagnostics, Location, display_path
from generator.errors import DataError, OutputError
from generator.loader import SourceFile, load_yaml
from generator.model import Report
from generator.resolve import LoadedArea, area_key, resolve_report
from generator.schema import AreaFile, OutlineEntry, ReportFile
from generator.validate import salvage_outline, validate
from generator.vnformat import format_number

M = TypeVar("M")
REPORT_FILE = "report.yaml"
AREAS_DIR = "areas"
TEMPLATE = Path("templates") / "bao-cao.docx"
_PACKAGE_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Compiled:
    """The data stages' result: the report, its template and the non-fatal diagnostics."""

    report: Report
    template: Path
    diagnostics: Diagnostics
    manifest: ReportFile
    source: SourceFile
    """report.yaml as loaded (marks for locating messages)."""
    areas: dict[str, LoadedArea]
    """The area files the outline uses, by name, in outline order."""


@dataclass(frozen=True)
class BuildResult:
    """What a build produced."""

    compiled: Compiled
    output: Path
    written: bool
    seconds: float

    def summary(self) -> str:
        """Return the one Vietnamese line printed after a build."""
        report = self.compiled.report
        state = "đã ghi" if self.written else "không đổi, giữ nguyên"
        return (f"Xong: {report.section_count} đề mục, {report.paragraph_count} đoạn văn, "
                f"{len(report.footnotes)} chú thích, {format_number(self.seconds, 2)} giây → "
                f"{display_path(self.output)} ({state}).")


def compile_report(report_dir: Path) -> Compiled:
    """Return the resolved report in `report_dir`, or raise `DataError` listing every problem."""
    diagnostics = Diagnostics()
    # 1. Load and validate report.yaml.
    source, manifest = load_valid(report_dir / REPORT_FILE, ReportFile, diagnostics)
    if manifest is None:
        outline = salvage_outline(source)  # still check the areas: every problem in one run
        if outline is not None:
            _load_areas(report_dir, outline, source, diagnostics)
        raise DataError("dữ liệu có lỗi", diagnostics)
    # 2. Load and validate every area the outline names; warn about unused ones.
    areas = _load_areas(report_dir, manifest.outline, source, diagnostics)
    # 3. Resolve: numbering, footnotes, cross-file checks.
    report = resolve_report(manifest, source, areas, diagnostics)
    if diagnostics.has_errors():
        raise DataError("dữ liệu có lỗi", diagnostics)
    return Compiled(report, _template_path(report_dir, manifest), diagnostics, manifest, source,
                    areas)


def load_valid(path: Path, model: type[M], diagnostics: Diagnostics) -> tuple[SourceFile | None,
                                                                              M | None]:
    """Load the YAML file at `path` and validate it as `model`; problems go to `diagnostics`.

    Returns (source, value): source is None when the file could not be read or parsed, value is
    None when it is not a valid `model`.
    """
    source = load_yaml(path, diagnostics)
    return source, (validate(source, model, diagnostics) if source else None)


def build_report(report_dir: Path, output: Path | None = None) -> BuildResult:
    """Build `report_dir` into a .docx at `output` (default ``output/<folder>.docx``)."""
    from generator.context import build_context  # docxtpl is imported only when rendering
    from generator.render import render_docx
    from generator.writer import write_output

    started = time.perf_counter()
    compiled = compile_report(report_dir)
    from generator.checks.stale import guard  # last period's text: warn, or stop a final one

    guard(compiled)
    target = output or default_output(report_dir)
    check_output_path(target, report_dir, compiled.template)
    data = render_docx(compiled.template, compiled.report, build_context(compiled.report))
    written = write_output(target, data)
    return BuildResult(compiled, target, written, time.perf_counter() - started)


def project_root(report_dir: Path) -> Path:
    """Return the project folder: the parent of ``data/`` when the report lives there."""
    report_dir = report_dir.resolve()
    if report_dir.parent.name == "data":
        return report_dir.parent.parent
    return Path.cwd()


def default_output(report_dir: Path) -> Path:
    """Return ``<project>/output/<report folder name>.docx``."""
    return project_root(report_dir) / "output" / f"{report_dir.resolve().name}.docx"


def check_output_path(target: Path, report_dir: Path, template: Path) -> None:
    """Refuse an output that would overwrite data or the template."""
    resolved = target.resolve()
    where = display_path(target)
    if resolved.suffix.lower() != ".docx":
        raise OutputError(f"tệp kết quả '{where}' phải có đuôi .docx.")
    templates = project_root(report_dir) / TEMPLATE.parent
    template = template.resolve()
    if resolved.parent == template.parent or resolved.is_relative_to(templates.resolve()):
        raise OutputError(f"không ghi kết quả vào thư mục mẫu: '{where}'. Hãy chọn nơi khác.")
    data_root = project_root(report_dir) / "data"
    if resolved.is_relative_to(report_dir.resolve()) or resolved.is_relative_to(data_root.resolve()):
        raise OutputError(f"không ghi kết quả vào thư mục dữ liệu: '{where}'. Hãy chọn nơi khác.")


def _template_path(report_dir: Path, manifest: ReportFile) -> Path:
    if manifest.template:
        return report_dir / manifest.template
    local = project_root(report_dir) / TEMPLATE
    return local if local.is_file() else _PACKAGE_ROOT / TEMPLATE


def _load_areas(report_dir: Path, outline: list[OutlineEntry], source: SourceFile,
                diagnostics: Diagnostics) -> dict[str, LoadedArea]:
    folder = report_dir / AREAS_DIR
    available = sorted(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else []
    areas: dict[str, LoadedArea] = {}
    used: set[str] = set()
    for path, entry in _outline_areas(outline, ("outline",)):
        name = area_key(entry.area or "")
        location = source.locate(path + ("area",))
        if name in used:
            diagnostics.error("outline.duplicate-area", f"phần '{name}' được dùng hai lần trong "
                              "bố cục.", location, source.excerpt(location))
            continue
        used.add(name)
        loaded = _load_area(folder / f"{name}.yaml", name, available, location, source,
                            diagnostics)
        if loaded is not None:
            areas[name] = loaded
    for name in available:
        if name not in used:
            diagnostics.warning("area.unused", f"tệp '{name}.yaml' không được bố cục "
                                "(outline trong report.yaml) sử dụng nên không được in.",
                                Location(folder / f"{name}.yaml"))
    return areas


def _load_area(path: Path, name: str, available: list[str], location: Location,
               source: SourceFile, diagnostics: Diagnostics) -> LoadedArea | None:
    if not path.is_file():
        listing = ", ".join(available) or "thư mục areas/ đang trống"
        diagnostics.error("outline.area-missing", f"không có tệp '{display_path(path)}' cho phần "
                          f"'{name}'. Các tệp hiện có: {listing}.", location,
                          source.excerpt(location))
        return None
    area_source, model = load_valid(path, AreaFile, diagnostics)
    return LoadedArea(name, model, area_source) if model else None


def _outline_areas(entries: list[OutlineEntry], path: tuple):
    """Yield (field path, entry) for every outline entry that names an area, in order."""
    for index, entry in enumerate(entries):
        here = path + (index,)
        if entry.area is not None:
            yield here, entry
        if entry.sections:
            yield from _outline_areas(entry.sections, here + ("sections",))
