"""The one build recipe every command reuses: load → validate → resolve → render → write.

`compile_report` runs the data stages and returns the resolved report or raises `DataError`
with every problem of the run; `build_report` adds rendering and writing.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from generator import gcpause, profiles
from generator.diagnostics import Diagnostics, Location, display_path
from generator.errors import DataError
from generator.loader import SourceFile, load_yaml
from generator.model import Report
from generator.outputs import check_output_path
from generator.project import AREAS_DIR, REPORT_FILE, PathRefused, ReportFolder
from generator.resolve import LoadedArea, area_key, resolve_report
from generator.schema import AreaFile, OutlineEntry, ReportFile
from generator.validate import salvage_outline, validate
from generator.vnformat import format_number

M = TypeVar("M")
__all__ = ["AREAS_DIR", "REPORT_FILE", "check_output_path"]  # re-exported for the commands


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
        profile = profiles.PROFILES[report.frame.profile]
        return (f"Xong: {contents(report)}, thể thức {profile.name} ({profile.label}), "
                f"{format_number(self.seconds, 2)} giây → "
                f"{display_path(self.output)} ({state}).")


def contents(report: Report) -> str:
    """Return what a report holds, as the build and the import say it: ``3 đề mục, 12 đoạn
    văn, 1 bảng, 8 chú thích, 1 phụ lục`` (tables and appendices only when there are some)."""
    counts = [(report.section_count, "đề mục"), (report.paragraph_count, "đoạn văn"),
              (report.table_count, "bảng"), (len(report.footnotes), "chú thích"),
              (len(report.appendices), "phụ lục")]
    return ", ".join(f"{format_number(n)} {what}" for n, what in counts
                     if n or what not in ("bảng", "phụ lục"))


def compile_report(report_dir: Path) -> Compiled:
    """Return the resolved report in `report_dir`, or raise `DataError` listing every problem."""
    try:
        return _compile(report_dir)
    finally:
        gcpause.resume()  # the data is in: collect again, without walking it (cli.main paused it)


def _compile(report_dir: Path) -> Compiled:
    folder = ReportFolder(report_dir)
    diagnostics = Diagnostics()
    # 1. Load and validate report.yaml (it too must not be a link that leaves the folder).
    source, manifest = _load_manifest(folder, diagnostics)
    if manifest is None:
        outline = salvage_outline(source)  # still check the areas: every problem in one run
        if outline is not None:
            _load_areas(folder, outline, source, diagnostics)
        raise DataError("dữ liệu có lỗi", diagnostics)
    # 2. Load and validate every area the outline names; warn about unused ones.
    areas = _load_areas(folder, manifest.outline, source, diagnostics, manifest.appendices)
    # 3. Resolve: numbering, footnotes, cross-file checks; the profile picks the template.
    report = resolve_report(manifest, source, areas, diagnostics)
    template = _template_path(folder, manifest, report.frame.profile, source, diagnostics)
    if diagnostics.has_errors() or template is None:
        raise DataError("dữ liệu có lỗi", diagnostics)
    return Compiled(report, template, diagnostics, manifest, source, areas)


def _load_manifest(folder: ReportFolder, diagnostics: Diagnostics):
    try:
        path = folder.check_manifest()
    except PathRefused as refused:
        diagnostics.error(refused.code, refused.message, Location(folder.manifest))
        return None, None
    return load_valid(path, ReportFile, diagnostics)


def read_manifest(report_dir: Path) -> tuple[SourceFile, ReportFile]:
    """Return report.yaml loaded and validated, or raise `DataError` with its problems."""
    diagnostics = Diagnostics()
    source, manifest = _load_manifest(ReportFolder(report_dir), diagnostics)
    if source is None or manifest is None:
        raise DataError("dữ liệu có lỗi", diagnostics)
    return source, manifest


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
    check_output_path(target, report_dir, compiled.template, compiled_inputs(compiled))
    data = render_docx(compiled.template, compiled.report, build_context(compiled.report))
    written = write_output(target, data)
    return BuildResult(compiled, target, written, time.perf_counter() - started)


def compiled_inputs(compiled: Compiled) -> list[Path]:
    """Return every file a build read: report.yaml, the area files, the template."""
    areas = [area.source.path for area in compiled.areas.values()]
    return [compiled.source.path, *areas, compiled.template]


def project_root(report_dir: Path) -> Path:
    """Return the project folder: the parent of ``data/`` when the report lives there."""
    return ReportFolder(report_dir).project


def default_output(report_dir: Path) -> Path:
    """Return ``<project>/output/<report folder name>.docx``."""
    return ReportFolder(report_dir).default_output()


def _template_path(folder: ReportFolder, manifest: ReportFile, profile: str,
                   source: SourceFile, diagnostics: Diagnostics) -> Path | None:
    """Return the report's own `template:` (kept inside), else its profile's template."""
    try:
        return folder.template(manifest.template, profiles.PROFILES[profile].template)
    except PathRefused as refused:
        location = source.locate(("template",))
        diagnostics.error(refused.code, refused.message, location, source.excerpt(location))
        return None


def _load_areas(folder: ReportFolder, outline: list[OutlineEntry], source: SourceFile,
                diagnostics: Diagnostics, appendices=()) -> dict[str, LoadedArea]:
    if folder.areas_dir_leaves():
        diagnostics.error("path.outside", f"thư mục {AREAS_DIR}/ là liên kết (symlink) tới một thư "
                          "mục ngoài thư mục báo cáo; baocao không đọc các tệp trong đó. Hãy chép "
                          "các tệp phần vào thư mục báo cáo.", Location(folder.areas_dir))
        return {}
    available = [p.stem for p in folder.area_files()]
    areas: dict[str, LoadedArea] = {}
    used: set[str] = set()
    named = [*_outline_areas(outline, ("outline",)),
             *((("appendices", i), a) for i, a in enumerate(appendices))]
    for path, entry in named:
        name = area_key(entry.area or "")
        location = source.locate(path + ("area",))
        if name in used:
            diagnostics.error("outline.duplicate-area", f"phần '{name}' được dùng hai lần trong "
                              "bố cục.", location, source.excerpt(location))
            continue
        used.add(name)
        loaded = _load_area(folder, name, available, location, source, diagnostics)
        if loaded is not None:
            areas[name] = loaded
    for name in available:
        if name not in used:
            diagnostics.warning("area.unused", f"tệp '{name}.yaml' không được bố cục "
                                "(outline trong report.yaml) sử dụng nên không được in.",
                                Location(folder.areas_dir / f"{name}.yaml"))
    return areas


def _load_area(folder: ReportFolder, name: str, available: list[str], location: Location,
               source: SourceFile, diagnostics: Diagnostics) -> LoadedArea | None:
    try:
        path = folder.area(name)
    except PathRefused as refused:
        diagnostics.error(refused.code, refused.message, location, source.excerpt(location))
        return None
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
