"""Helpers for the diff tests: two versions of the sample, compared and read back with pandoc."""

from __future__ import annotations

import functools
import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import require_tool

TRACKED = ("insertion", "deletion", "paragraph-insertion", "paragraph-deletion")
_INLINE_CHILDREN = {"Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript",
                    "SmallCaps"}


@dataclass(frozen=True)
class Change:
    """One tracked change as pandoc reports it, with the text of the paragraph holding it."""

    kind: str
    text: str
    paragraph: str


@dataclass
class Versions:
    """OLD and NEW copies of the sample report; tests edit them before comparing."""

    old: Path
    new: Path
    root: Path

    def edit(self, relative: str, before: str, after: str, *, old: bool = False) -> None:
        """Replace the one occurrence of `before` in NEW's (or OLD's) file `relative`."""
        path = (self.old if old else self.new) / relative
        text = path.read_text(encoding="utf-8")
        assert text.count(before) == 1, f"{before!r} occurs {text.count(before)}× in {path}"
        path.write_text(text.replace(before, after), encoding="utf-8")


def pandoc(docx: Path, *args: str, to: str = "markdown") -> str:
    """Return pandoc's reading of `docx` (no line wrapping)."""
    return _pandoc(str(docx), docx.stat().st_mtime_ns, args, to)


@functools.lru_cache(maxsize=64)
def _pandoc(docx: str, _mtime: int, args: tuple[str, ...], to: str) -> str:
    exe = require_tool("pandoc")
    done = subprocess.run([exe, "--wrap=none", "-t", to, *args, docx], capture_output=True,
                          check=True)
    return done.stdout.decode("utf-8")


@dataclass
class Outcome:
    """The comparison's .docx and separately built OLD and NEW documents."""

    docx: Path
    old_docx: Path
    new_docx: Path
    summary: list[str]

    def accepted(self) -> str:
        return pandoc(self.docx, "--track-changes=accept")

    def rejected(self) -> str:
        return pandoc(self.docx, "--track-changes=reject")

    def changes(self) -> list[Change]:
        """Return every insertion and deletion pandoc sees, in reading order."""
        ast = json.loads(pandoc(self.docx, "--track-changes=all", to="json"))
        out: list[Change] = []
        _walk(ast["blocks"], out)
        return out

    def texts(self, kind: str) -> list[str]:
        return [c.text for c in self.changes() if c.kind == kind]


def compare_versions(versions: Versions, **options) -> Outcome:
    """Build OLD and NEW, run the comparison, return the three documents."""
    from generator.diff.run import diff_reports
    from generator.pipeline import build_report

    out = versions.root / "built"
    old_docx, new_docx = out / "old.docx", out / "new.docx"
    build_report(versions.old, old_docx)
    build_report(versions.new, new_docx)
    result = diff_reports(versions.old, versions.new, output=out / "so-sanh.docx", **options)
    return Outcome(result.output, old_docx, new_docx, result.summary())


def _walk(node, out: list[Change]) -> None:
    """Collect the tracked spans of every paragraph-like block below `node`."""
    if isinstance(node, list):
        for item in node:
            _walk(item, out)
    elif isinstance(node, dict):
        if node.get("t") in ("Para", "Plain", "Header"):
            inlines = node["c"][2] if node["t"] == "Header" else node["c"]
            paragraph = _text(inlines)
            _spans(inlines, paragraph, out)
        else:
            _walk(node.get("c"), out)


def _spans(inlines: list, paragraph: str, out: list[Change]) -> None:
    for item in inlines:
        kind = item["t"]
        if kind == "Span":
            classes = item["c"][0][1]
            tracked = [c for c in classes if c in TRACKED]
            if tracked:
                out.append(Change(tracked[0], _text(item["c"][1]), paragraph))
            _spans(item["c"][1], paragraph, out)
        elif kind in _INLINE_CHILDREN:
            _spans(item["c"], paragraph, out)
        elif kind == "Note":
            _walk(item["c"], out)


def _text(inlines: list) -> str:
    """Return the text of `inlines`, footnotes left out."""
    parts = []
    for item in inlines:
        kind = item["t"]
        if kind == "Str":
            parts.append(item["c"])
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            parts.append(" ")
        elif kind == "Span":
            parts.append(_text(item["c"][1]))
        elif kind in _INLINE_CHILDREN:
            parts.append(_text(item["c"]))
    return "".join(parts)


def assert_round_trip(outcome: Outcome) -> None:
    """Accepting every change gives NEW's text, rejecting every change gives OLD's."""
    assert _headings_kept(outcome.accepted()) == pandoc(outcome.new_docx)
    assert _headings_kept(outcome.rejected()) == pandoc(outcome.old_docx)


def _headings_kept(markdown: str) -> str:
    """Drop the empty headings pandoc leaves for heading paragraphs that were removed.

    pandoc 2.17 reads a heading before it looks at the paragraph's tracked mark, so a heading
    deleted (accept) or inserted (reject) as a whole comes out as an empty ``##``. Word removes
    the paragraph; a baocao heading is never empty, so an empty one can only be this.
    """
    return re.sub(r"^#+ *\n\n", "", markdown, flags=re.M)
