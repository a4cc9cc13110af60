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
    doc = DocxTemplate(io.BytesIO(_template_bytes(template, _mtime(template))))
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    try:
        doc.render(context, jinja_env=env, autoescape=True)
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


def _template_message(template: Path, exc: jinja2.TemplateError) -> str:
    message = f"mẫu Word '{display_path(template)}' có lỗi ở thẻ Jinja: {exc.message or exc}"
    context = [line.strip() for line in getattr(exc, "docx_context", []) or [] if line.strip()]
    if context:
        quoted = "\n".join("    " + re.sub(r"\s+", " ", line) for line in context)
        message += f"\nĐoạn văn quanh thẻ lỗi:\n{quoted}"
    if isinstance(exc, jinja2.UndefinedError):
        message += "\nTên biến phải nằm trong danh sách ở templates/README.md."
    return message
