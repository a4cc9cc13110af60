"""A table item written as YAML a clerk can read: one flow list per row, cells quoted when needed."""

from __future__ import annotations

import re

import yaml

_COMMENT = ("# Một bảng: mỗi dòng là một danh sách trong [ ], các ô cách nhau dấu phẩy.",
            "# {text: ..., span: 2} là ô tiêu đề gộp 2 cột; \"\" ở dòng tiêu đề thứ hai gộp với ô"
            + " phía trên.")
_NEVER_PLAIN = re.compile(r"[,\[\]{}]|: |:$| #|^[-?:!&*|>'\"%@`#\s]|\s$")
"""What ends or changes a plain scalar inside ``[ ]`` (flow indicators, comments, indicators)."""


def table_lines(spec: dict, indent: int) -> list[str]:
    """Return the lines of ``- table:`` for `spec` (the item's mapping) at `indent`."""
    pad, inner = " " * indent, " " * (indent + 4)
    lines = [pad + line for line in _COMMENT] + [f"{pad}- table:"]
    for key in ("caption", "unit"):
        if spec.get(key):
            lines.append(f"{inner}{key}: {flow_scalar(spec[key])}")
    for key in ("header", "rows"):
        lines.append(f"{inner}{key}:")
        lines += [f"{inner}  - [{', '.join(_cell(c) for c in row)}]" for row in spec[key]]
    if spec.get("widths"):
        lines.append(f"{inner}widths: [{', '.join(str(w) for w in spec['widths'])}]")
    return lines


def _cell(cell) -> str:
    if isinstance(cell, dict):
        return f"{{text: {flow_scalar(cell['text'])}, span: {cell['span']}}}"
    return flow_scalar(cell)


def flow_scalar(text: str) -> str:
    """Return `text` plain when every YAML reader takes it as that same text, else quoted.

    ``1``, ``10.500``, ``no``, ``12:30`` and ``76,30`` are quoted: a YAML reader would see a
    number, a yes/no, a time or two cells.
    """
    if text and not _NEVER_PLAIN.search(text) and _reads_as(text):
        return text
    quoted = yaml.dump(text, Dumper=yaml.SafeDumper, default_style='"', allow_unicode=True,
                       width=float("inf"))
    return quoted.removesuffix("...\n").rstrip("\n")


def _reads_as(text: str) -> bool:
    try:
        return yaml.safe_load(f"[{text}]") == [text]
    except yaml.YAMLError:
        return False
