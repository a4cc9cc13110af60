"""Import a whole report: read → split → convert → write YAML → validate with the build's loader."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostics, display_path
from generator.errors import BaocaoError, OutputError
from generator.importer.convert import Imported, convert_report
from generator.importer.faithful import Faithfulness, measure
from generator.importer.parts import split
from generator.importer.source import Source
from generator.importer.yamlfile import area_yaml, report_yaml
from generator.pipeline import REPORT_FILE, Compiled, compile_report, contents
from generator.project import PathRefused, ReportFolder, check_writable
from generator.writer import backup, write_output


@dataclass
class ReportImport:
    """What `import_report` wrote and what the build's loader made of it."""

    target: Path
    files: list[Path]
    compiled: Compiled
    diagnostics: Diagnostics
    """The import's own warnings (about the Word file)."""
    faithfulness: Faithfulness
    """What the Word file holds against what the data carries."""

    def summary(self) -> str:
        """Return the Vietnamese line printed at the end of an import."""
        report = self.compiled.report
        return (f"Đã nhập: {contents(report)}, {len(report.recipients)} nơi nhận → "
                f"{display_path(self.target)} ({REPORT_FILE} và {len(self.files) - 1} tệp phần).")


def check_target(target: Path, force: bool) -> None:
    """Refuse to write into a folder that already holds something, unless `force`."""
    if target.exists() and not target.is_dir():
        raise OutputError(f"'{display_path(target)}' là một tệp, không phải thư mục.")
    if not force and target.is_dir() and any(target.iterdir()):
        raise OutputError(f"thư mục '{display_path(target)}' đã có dữ liệu; baocao không ghi "
                          "đè. Hãy chọn thư mục khác, hoặc thêm --force để ghi đè (bản cũ của "
                          "mỗi tệp được lưu thành <tệp>.bak).")


def import_report(docx: Path, target: Path, force: bool = False) -> ReportImport:
    """Import the report `docx` into the folder `target`; raise `BaocaoError` on failure.

    With `force`, every file replaced or removed is kept as ``<file>.bak`` first. A
    `DataError` from the final validation carries the import's warnings with its own.
    """
    check_target(target, force)
    source = Source.open(docx)
    parts = split(source)
    imported = convert_report(source, parts)
    faithfulness = measure(source, parts, *_data_facts(imported), imported.added)
    folder = ReportFolder(target)
    texts = {folder.manifest: report_yaml(imported, docx.name)}
    for area in imported.areas:
        texts[folder.areas_dir / f"{area.name}.yaml"] = area_yaml(area, area.heading)
    stale = sorted(set(folder.area_files()) - set(texts))  # only with --force: would be unused
    target.mkdir(parents=True, exist_ok=True)
    for path in [*texts, *stale]:
        writable(target, path)
    for path in [path for path in texts if path.exists()] + stale:
        backup(path)
    write_texts(texts)
    for path in stale:
        path.unlink()
    try:
        compiled = compile_report(target)
    except BaocaoError as exc:
        exc.diagnostics.items[:0] = source.diagnostics.items
        raise
    return ReportImport(target, list(texts), compiled, source.diagnostics, faithfulness)


def _data_facts(imported: Imported) -> tuple[list[str], int, int]:
    """Return the data's strings ({period} written out), its headings and its notes."""
    period = imported.period_text
    texts: list[str] = []

    def collect(value) -> None:
        if isinstance(value, str):
            texts.append(value.replace("{period}", period) if period else value)
        elif isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect({k: v for k, v in imported.report.items() if k not in ("period", "date")})
    for area in imported.areas:
        collect(area.data)

    def headings(entries) -> int:
        return sum(1 + headings(e.get("sections") or []) for e in entries)

    count = headings(imported.report["outline"]) - imported.fallback_heading
    count += sum(len(a.data.get("sections", [])) for a in imported.areas)
    notes = len(imported.report["notes"]) + sum(len(a.data["notes"]) for a in imported.areas)
    return texts, count, notes


def writable(owner: Path, path: Path) -> None:
    """Raise `OutputError` unless `path` may be written: inside `owner`, not through a link."""
    try:
        check_writable(owner, path)
    except PathRefused as refused:
        raise OutputError(refused.message) from None


def write_texts(texts: dict[Path, str]) -> None:
    """Write each text as UTF-8 without BOM, with LF line ends, atomically."""
    for path, text in texts.items():
        write_output(path, text.encode("utf-8"), elsewhere="chọn thư mục khác")
