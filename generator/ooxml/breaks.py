"""The breaks a clerk types (``[xuống dòng]``, ``[sang trang]``) as WordprocessingML runs."""

from __future__ import annotations

_RUNS = {"line": "<w:r><w:br/></w:r>", "page": '<w:r><w:br w:type="page"/></w:r>'}
"""A run holding only the break; docxtpl's RichText takes run XML as it is."""


def break_run_xml(kind: str) -> str:
    """Return the run XML of a ``line`` or ``page`` break, for a docxtpl RichText."""
    return _RUNS[kind]
