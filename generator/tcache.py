"""A per-user cache of each template's parts as docxtpl's patching leaves them, keyed by content.

docxtpl rewrites every part of a template with about twenty regular expressions before Jinja
sees it (`DocxTemplate.patch_xml`); for an unchanged template the result is always the same.
It is kept here, one small file per template, so that a new process need not patch again.

What is cached is data, never code: the patched XML still goes through the sandbox's parse,
checks and compile (generator/sandbox.py), so an entry planted by someone who can write the
cache folder can do no more than a template they handed over. Compiled Jinja code would save
a few milliseconds more but would be executed as it is read, which a cache folder cannot be
trusted with (bench/README.md). An entry that cannot be read, does not match its checksum or
was written for other versions is ignored and written again; a folder that cannot be written
only means nothing is kept. Writes go to a temporary file moved into place (`os.replace`), so
two builds at once each see a whole entry or none.

The folder: ``BAOCAO_CACHE_DIR`` if set (empty: no cache), else ``%LOCALAPPDATA%\\baocao\\cache``
on Windows, ``$XDG_CACHE_HOME/baocao`` or ``~/.cache/baocao`` elsewhere.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

FORMAT = 1
"""Changed whenever what an entry holds changes."""
MAX_ENTRIES = 64
"""Entries kept (one per template content seen); the oldest go first."""
MAX_ENTRY = 64 << 20
"""Largest entry read (bytes): a template's parts are at most 8 MB each (render.py)."""
_SUFFIX = ".json"


def cache_dir() -> Path | None:
    """Return the cache folder for this user (it may not exist yet), or None when disabled."""
    chosen = os.environ.get("BAOCAO_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "baocao" / "cache" if base else None
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if os.path.isabs(base):
        return Path(base) / "baocao"
    try:
        return Path.home() / ".cache" / "baocao"
    except (RuntimeError, KeyError):  # no home folder to be found: no cache
        return None


class Store:
    """The patched parts of one template: source part XML → patched XML, saved when it grew."""

    def __init__(self, template: bytes, versions: str):
        self.versions = versions
        self.key = hashlib.sha256(template + b"\0" + versions.encode()).hexdigest()
        folder = cache_dir()
        self.path = folder / f"{self.key}{_SUFFIX}" if folder is not None else None
        self.parts: dict[str, str] = self._read()
        self._grown = False

    def get(self, source: str) -> str | None:
        """Return the patched form of part XML `source`, if this template's entry holds it."""
        return self.parts.get(_digest(source))

    def put(self, source: str, patched: str) -> None:
        self.parts[_digest(source)] = patched
        self._grown = True

    def save(self) -> None:
        """Write the entry if parts were added; any failure leaves the cache as it was."""
        if not self._grown or self.path is None:
            return
        body = json.dumps({"format": FORMAT, "key": self.key, "versions": self.versions,
                           "parts": self.parts}, ensure_ascii=False, sort_keys=True)
        text = f"{_digest(body)}\n{body}"
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            _write_atomic(self.path, text.encode("utf-8"))
            _prune(self.path.parent)
        except OSError:
            return
        self._grown = False

    def _read(self) -> dict[str, str]:
        """Return the entry's parts, or {} when it is absent, damaged or not ours."""
        if self.path is None:
            return {}
        try:
            with open(self.path, "rb") as handle:
                data = handle.read(MAX_ENTRY + 1)
            if len(data) > MAX_ENTRY:
                return {}
            digest, _, body = data.decode("utf-8").partition("\n")
            if digest != _digest(body):
                return {}
            entry = json.loads(body)
        except (OSError, ValueError, RecursionError):  # ValueError: bad UTF-8 or JSON
            return {}
        if not isinstance(entry, dict):
            return {}
        parts = entry.get("parts")
        if (entry.get("format") != FORMAT or entry.get("key") != self.key
                or entry.get("versions") != self.versions or not isinstance(parts, dict)
                or not all(isinstance(k, str) and isinstance(v, str) for k, v in parts.items())):
            return {}
        return parts


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and `os.replace`."""
    handle, temp = tempfile.mkstemp(prefix=".tmp-", suffix=_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def _prune(folder: Path) -> None:
    """Remove the oldest entries beyond `MAX_ENTRIES` (another process may remove them too)."""
    entries = [p for p in folder.glob(f"*{_SUFFIX}") if not p.name.startswith(".")]
    if len(entries) <= MAX_ENTRIES:
        return
    dated = []
    for entry in entries:
        try:
            dated.append((entry.stat().st_mtime, entry.name, entry))
        except OSError:
            continue
    for _, _, entry in sorted(dated)[:-MAX_ENTRIES]:
        try:
            entry.unlink()
        except OSError:
            pass
