"""Render the Word template with docxtpl, then add the parts docxtpl cannot make.

Autoescape is always on: data text is never evaluated as template code and ``& < >`` stay
literal (docxtpl issues #557, #594). Jinja errors become a `TemplateError` naming the template and
quoting the paragraph around the bad tag.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate

from generator.diagnostics import display_path
from generator.errors import TemplateError
from generator.model import Report
from generator.ooxml import footnotes, package


def render_docx(template: Path, report: Report, context: dict) -> bytes:
    """Return the finished .docx bytes of `report` rendered through `template`."""
    doc = _Template(io.BytesIO(_template_bytes(template, _mtime(template))))
    try:
        doc.render(context, jinja_env=_environment(), autoescape=True)
    except jinja2.TemplateError as exc:
        raise TemplateError(_template_message(template, exc)) from exc
    document = doc.docx
    footnotes.add_footnotes(document, report.footnotes)
    leftovers = package.finish_text(document)
    if leftovers:
        raise TemplateError(
            f"mẫu {display_path(template)}: chú thích cuối trang nằm ở chỗ Word không cho phép "
            f"({', '.join(leftovers)}); chỉ đặt chú thích trong nội dung báo cáo.")
    return package.to_bytes(document)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        raise TemplateError(f"không tìm thấy mẫu Word '{display_path(path)}'.") from None


@lru_cache(maxsize=4)
def _template_bytes(path: Path, _mtime: float) -> bytes:
    """Return the template file's bytes (cached until the file changes, for `watch`)."""
    return path.read_bytes()


class _Template(DocxTemplate):
    """docxtpl's template, skipping work that provably changes nothing (bench/README.md)."""

    def patch_xml(self, src_xml: str) -> str:
        """Return docxtpl's clean-up of `src_xml`, computed once per distinct part.

        About 20 regex passes over the template's own XML, which is the same at every rebuild:
        2.3 ms of the sample's 29 ms rebuild (4.4 ms in a fresh process).
        """
        patched = _PATCHED.get(src_xml)
        if patched is None:
            patched = super().patch_xml(src_xml)
            _remember(_PATCHED, src_xml, patched)
        return patched

    def resolve_listing(self, xml: str) -> str:
        """Return `xml` with tabs, line and page breaks in text made into Word elements.

        docxtpl rewrites every paragraph, run and text with nested regexes even when there is
        nothing to rewrite: 2 ms for the sample, 95 ms (40 %) of the 50× render. Its only edits
        replace these four characters, so without them the XML is returned as it is.
        """
        if _LISTING_CHARS.search(xml) is None:
            return xml
        return super().resolve_listing(xml)


class _Environment(jinja2.Environment):
    """A Jinja environment that compiles each distinct template source once per process.

    docxtpl calls `from_string` for every part at every render; parsing and compiling the
    body's template is about 5 ms of each rebuild of the sample, for the same source each time.
    """

    def __init__(self, **options):
        super().__init__(**options)
        self._compiled: dict[str, jinja2.Template] = {}

    def from_string(self, source, globals=None, template_class=None):
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compiled = self._compiled.get(source)
        if compiled is None:
            compiled = super().from_string(source)
            _remember(self._compiled, source, compiled)
        return compiled


@lru_cache(maxsize=1)
def _environment() -> _Environment:
    """Return the process's Jinja environment (autoescape on, unknown names are errors)."""
    return _Environment(autoescape=True, undefined=jinja2.StrictUndefined)


def _remember(cache: dict, key: str, value) -> None:
    """Store `value` in the small per-process `cache`, emptied when a template keeps changing."""
    if len(cache) >= _CACHE_SIZE:
        cache.clear()
    cache[key] = value


_CACHE_SIZE = 32
"""Distinct parts kept (body, headers, footnotes, properties of a few templates)."""
_PATCHED: dict[str, str] = {}
_LISTING_CHARS = re.compile("[\t\a\n\f]")


def _template_message(template: Path, exc: jinja2.TemplateError) -> str:
    message = f"mẫu Word '{display_path(template)}' có lỗi ở thẻ Jinja: {exc.message or exc}"
    context = [line.strip() for line in getattr(exc, "docx_context", []) or [] if line.strip()]
    if context:
        quoted = "\n".join("    " + re.sub(r"\s+", " ", line) for line in context)
        message += f"\nĐoạn văn quanh thẻ lỗi:\n{quoted}"
    if isinstance(exc, jinja2.UndefinedError):
        message += "\nTên biến phải nằm trong danh sách ở templates/README.md."
    return message
