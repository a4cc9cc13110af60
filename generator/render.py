"""Render the Word template with docxtpl in Jinja's sandbox, then add what docxtpl cannot make.

The template is untrusted (generator/sandbox.py, docs/SECURITY.md): it is read through the
bounded package reader, refused if it carries macros or links out, and run in the sandbox.
Autoescape is always on: data text is never evaluated as template code and ``& < >`` stay
literal (docxtpl issues #557, #594). Jinja errors become a `TemplateError` naming the template and
quoting the paragraph around the bad tag.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache
from pathlib import Path

import docx
import docxtpl
import jinja2
from docxtpl import DocxTemplate
from lxml import etree

from generator import __version__, tcache
from generator.diagnostics import display_path
from generator.errors import TemplateError
from generator.model import Report
from generator import profiles
from generator.ooxml import appendices, footnotes, package, references, spacing, tables
from generator.ooxml.active import refuse_active_content
from generator.ooxml.safezip import open_package
from generator.sandbox import TemplateEnvironment, render_budget

MAX_TEMPLATE_PART = 8 << 20
"""Largest XML part of a template (bytes): the shipped template's body is 6 KB."""
_EVALUATION_ERRORS = (TypeError, ValueError, ArithmeticError, RecursionError, MemoryError)
"""What evaluating a hostile template can raise besides Jinja's own errors."""


def render_docx(template: Path, report: Report, context: dict) -> bytes:
    """Return the finished .docx bytes of `report` rendered through `template`."""
    return package.to_bytes(render_document(template, report, context))


def render_document(template: Path, report: Report, context: dict):
    """Return the finished python-docx Document of `report`, not yet serialized.

    For a caller that changes it further (`baocao diff` marks revisions in it): writing the
    package and opening it again cost 0.07 s of a comparison of 12,500 footnotes.
    """
    data = _template_bytes(template, _mtime(template))
    doc = _Template(io.BytesIO(data), _store(data))
    try:
        with render_budget():
            doc.render(context, jinja_env=_environment(), autoescape=True)
    except jinja2.TemplateError as exc:
        raise TemplateError(_template_message(template, exc, doc.docx)) from exc
    except _EVALUATION_ERRORS as exc:
        raise TemplateError(_template_message(template, _evaluation_error(exc), doc.docx)) \
            from exc
    doc.store.save()
    document = doc.docx
    if report.frame.line_spacing:
        spacing.set_body_line(document, report.frame.line_spacing)
    layout = (profiles.get(report.frame.profile) or profiles.PROFILES[profiles.DEFAULT]).layout
    tables.insert_tables(document, [b.table for b in report.body if b.table is not None],
                         layout.table, layout.page.text_width)
    appendices.add_appendices(document, report.appendices, layout, _style_id(document, "Body Text"))
    footnotes.add_footnotes(document, report.footnotes)
    leftovers = package.finish_text(document)
    if leftovers:
        raise TemplateError(
            f"mẫu {display_path(template)}: chú thích cuối trang nằm ở chỗ Word không cho phép "
            f"({', '.join(leftovers)}); chỉ đặt chú thích trong nội dung báo cáo.")
    return document


def _style_id(document, name: str) -> str:
    """Return the id of paragraph style `name` (a localized Word writes other ids)."""
    return next((s.style_id for s in document.styles if (s.name or "").lower() == name.lower()),
                "BodyText")


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        raise TemplateError(f"không tìm thấy mẫu Word '{display_path(path)}'.") from None


@lru_cache(maxsize=4)
def _template_bytes(path: Path, _mtime: float) -> bytes:
    """Return the template file's bytes (cached until the file changes, for `watch`).

    The file must be a bounded, well-formed Word package without macros, embedded objects or
    links out (`refuse_active_content`); a .doc saved under a .docx name, a damaged copy or a
    zip bomb is refused here with advice, rather than failing deep inside python-docx.
    """
    checked = open_package(path, "mẫu Word", TemplateError)
    for info in checked.archive.infolist():  # Jinja compiles these parts: keep them small
        if info.filename.endswith(".xml") and info.file_size > MAX_TEMPLATE_PART:
            raise checked.fail(f"có phần {info.filename} quá lớn cho một mẫu (cả mẫu gốc chỉ "
                               "25 KB); hãy dùng mẫu gốc templates/bao-cao.docx.")
    checked.verify()
    refuse_active_content(checked)
    return checked.data


_VERSIONS = (f"baocao {__version__}, docxtpl {docxtpl.__version__}, python-docx "
             f"{docx.__version__}, lxml {etree.__version__}")
"""What the patched XML depends on besides the template (part of the cache key)."""


@lru_cache(maxsize=4)
def _store(data: bytes) -> tcache.Store:
    """Return the cached patched parts of the template `data` (read once per process)."""
    return tcache.Store(data, _VERSIONS)


def _evaluation_error(exc: Exception) -> jinja2.TemplateRuntimeError:
    """Return a Jinja error for a Python error raised while the template ran, with its line."""
    what = ("mẫu lồng nhau quá sâu hoặc quá lớn" if isinstance(exc, (RecursionError, MemoryError))
            else "một phép tính hoặc so sánh trong mẫu không thực hiện được với các giá trị này")
    error = jinja2.TemplateRuntimeError(what)
    error.docx_context = getattr(exc, "docx_context", None)
    return error


def _template_line(exc: BaseException) -> int | None:
    """Return the template line where `exc` was raised (Jinja rewrites its traceback so)."""
    line, tb = None, exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


class _Template(DocxTemplate):
    """docxtpl's template, skipping work that provably changes nothing (bench/README.md)."""

    def __init__(self, template_file, store: tcache.Store | None = None):
        super().__init__(template_file)
        self.store = store

    def patch_xml(self, src_xml: str) -> str:
        """Return docxtpl's clean-up of `src_xml`, computed once per distinct part.

        About 20 regex passes over the template's own XML, which is the same at every rebuild:
        2.3 ms of the sample's 29 ms rebuild (4.4 ms in a fresh process). Kept for the process
        (`_store`) and in the user's cache folder for the next one (generator/tcache.py).
        """
        if self.store is None:
            return super().patch_xml(src_xml)
        patched = self.store.get(src_xml)
        if patched is None:
            patched = super().patch_xml(src_xml)
            self.store.put(src_xml, patched)
        return patched

    def resolve_listing(self, xml: str) -> str:
        """Return `xml` with tabs, line and page breaks in text made into Word elements.

        docxtpl rewrites every paragraph, run and text with nested regexes even when there is
        nothing to rewrite: 2 ms for the sample, 95 ms (40 %) of the 50× render. Its only edits
        replace these four characters, so without them the XML is returned as it is.
        """
        if not any(char in xml for char in _LISTING_CHARS):  # not a regex: 25 ms for 1.9 MB
            return xml
        return super().resolve_listing(xml)

    def fix_tables(self, xml: str):
        """Return the rendered body `xml` parsed once, as the body of the whole document.

        docxtpl parses the body on its own to repair the grids of tables whose rows have more
        or fewer cells than the grid has columns; its tree then had to be serialized and parsed
        again with the rest of the document (`package.replace_body`): two parses and a
        serialization of the body, the largest part of the document. Its repair, and that way,
        are kept for a body that needs it or is not well-formed XML (docxtpl's parser recovers).
        The usual footnote anchors become references here, while the body is still text
        (`references.plain_runs_in_text`).
        """
        xml = references.plain_runs_in_text(xml, footnotes.note_styles(self.docx)[1])
        try:
            self.docx = package.set_body(self.docx, xml)
        except (etree.XMLSyntaxError, ValueError):
            return super().fix_tables(xml)
        body = self.docx.element.body
        return super().fix_tables(xml) if tables.grid_mismatch(body) else body

    def fix_docpr_ids(self, tree) -> None:
        """Renumber the drawings' ids from 1001 as docxtpl does, on either kind of body (an
        element python-docx parsed has an `xpath` of its own, which docxtpl's call fails on)."""
        self.docx_ids_index = package.renumber_drawings(tree, self.docx_ids_index)

    def map_tree(self, tree) -> None:
        """Make `tree` the document's body, in time linear in its size (`replace_body`)."""
        if tree.getparent() is not self.docx.element:  # docxtpl's own tree (`fix_tables`)
            self.docx = package.replace_body(self.docx, tree)

    def render_xml_part(self, src_xml, part, context, jinja_env=None):
        """Render one part; an error raised while it ran is given the paragraph it ran in.

        docxtpl quotes the lines around syntax errors only; Jinja's rewritten traceback gives
        the template line of any error, and docxtpl puts each paragraph on its own line.
        """
        try:
            return super().render_xml_part(src_xml, part, context, jinja_env)
        except (jinja2.TemplateError, *_EVALUATION_ERRORS) as exc:
            line = _template_line(exc)
            if not getattr(exc, "docx_context", None) and line:
                lines = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml).splitlines()
                exc.docx_context = [re.sub(r"<[^>]+>", "", lines[line - 1])] \
                    if line <= len(lines) else []
            raise


@lru_cache(maxsize=1)
def _environment() -> TemplateEnvironment:
    """Return the process's sandbox (autoescape on, unknown names are errors)."""
    return TemplateEnvironment()


_LISTING_CHARS = "\t\a\n\f"


def _template_message(template: Path, exc: jinja2.TemplateError, document=None) -> str:
    """Return the Vietnamese message for a Jinja error in `template`, quoting where it is."""
    message = f"mẫu Word '{display_path(template)}' có lỗi ở thẻ Jinja: {_jinja_vi(exc)}"
    context = [line.strip() for line in getattr(exc, "docx_context", []) or [] if line.strip()]
    name = _UNDEFINED.search(str(exc.message or ""))
    if not context and name and document is not None:
        context = _paragraphs_naming(document, name.group(1) or name.group(2))
    if context:
        quoted = "\n".join("    " + re.sub(r"\s+", " ", line) for line in context)
        message += f"\nĐoạn văn quanh thẻ lỗi:\n{quoted}"
    if isinstance(exc, jinja2.UndefinedError):
        message += "\nTên biến phải nằm trong danh sách ở templates/README.md."
    return message


_UNDEFINED = re.compile(r"'(\w+)' is undefined|has no attribute '(\w+)'")
_JINJA_VI = (
    (re.compile(r"'(\w+)' is undefined"), "biến '{0}' không có trong dữ liệu của mẫu"),
    (re.compile(r"has no attribute '(\w+)'"), "không có trường '{0}'"),
    (re.compile(r"unexpected end of template"),
     "thẻ mở chưa được đóng (thiếu {{% endif %}}, {{% endfor %}} hoặc '}}}}')"),
    (re.compile(r"expected token '([^']+)', got '([^']*)'"),
     "thẻ viết sai: cần '{0}' nhưng gặp '{1}' (có thể thiếu '}}}}' hoặc '%}}')"),
    (re.compile(r"unexpected '([^']*)'"), "thẻ viết sai: gặp '{0}' không đúng chỗ"),
    (re.compile(r"access to attribute '(\w+)' of '\w+' object is unsafe"),
     "mẫu không được dùng '{0}' (chỉ đọc các trường trong templates/README.md, không gọi hàm)"),
    (re.compile(r"is not safely callable"), "mẫu không được gọi hàm"),
    (re.compile(r"(?i)no filter named '(\w+)'"), "bộ lọc '|{0}' không được dùng trong mẫu"),
    (re.compile(r"(?i)no test named '(\w+)'"), "phép thử 'is {0}' không được dùng trong mẫu"),
    (re.compile(r"Encountered unknown tag '(\w+)'"),
     "thẻ '{0}' không hợp lệ hoặc đặt sai chỗ (mỗi {{%p … %}} phải đứng riêng một đoạn)"),
)


def _jinja_vi(exc: jinja2.TemplateError) -> str:
    """Return Jinja's English message for `exc` in Vietnamese where it is a common one."""
    text = str(exc.message or exc)
    for pattern, vietnamese in _JINJA_VI:
        found = pattern.search(text)
        if found:
            return vietnamese.format(*found.groups())
    return text


def _paragraphs_naming(document, name: str) -> list[str]:
    """Return the text of the template's paragraphs (cells included) whose tags use `name`."""
    tag = re.compile(r"\{[{%][^}]*\b" + re.escape(name) + r"\b")
    cells = (cell for table in document.tables for row in table.rows for cell in row.cells)
    paragraphs = [*document.paragraphs, *(p for cell in cells for p in cell.paragraphs)]
    return list(dict.fromkeys(p.text for p in paragraphs if tag.search(p.text)))
