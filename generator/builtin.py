"""baocao's own templates: the shipped file, or built from its profile where none is shipped.

A checkout (and an editable install) has ``templates/`` beside ``generator/``. A regular
``pip install`` copies only the package, so the default templates are built from the profiles'
data — the same bytes `python -m generator.ooxml.template_builder` writes, which the tests hold
equal to the shipped ones — once per user into the cache folder (`generator.tcache`), keyed by
the builder's sources and the profile. Where the cache is disabled or cannot be written, the
template is built into a temporary folder of this process.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def template_path(shipped: Path, name: str) -> Path:
    """Return `shipped` when it exists, else baocao's template `name` built from its profile.

    A name that is no profile's template is returned as `shipped`, for the caller to report.
    """
    if shipped.is_file():
        return shipped
    from generator import profiles

    profile = next((p for p in profiles.PROFILES.values() if p.template == name), None)
    return shipped if profile is None else _built(profile.name, name)


@cache
def _built(profile_name: str, name: str) -> Path:
    from generator import profiles
    from generator.ooxml.template_builder import build_template
    from generator.tcache import cache_dir

    profile = profiles.PROFILES[profile_name]
    key = _key(repr(profile))
    folder = cache_dir()
    if folder is not None:
        target = folder / "templates" / key / name
        if target.is_file():
            return target
        try:
            return _write(target, build_template(profile))
        except OSError:
            pass  # a read-only or full cache: build into this process's own folder
    return _write(_scratch() / key / name, build_template(profile))


def _key(profile: str) -> str:
    """Return the digest of what the built bytes depend on: the builder's code and the profile."""
    import hashlib

    digest = hashlib.sha256(profile.encode())
    sources = [PACKAGE / "ooxml" / "template_builder.py",
               *sorted((PACKAGE / "ooxml" / "template").glob("*.py"))]
    for source in sources:
        digest.update(source.read_bytes())
    return digest.hexdigest()[:24]


def _write(target: Path, data: bytes) -> Path:
    """Write `data` to `target` atomically (another process may be writing it too)."""
    import tempfile

    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


@cache
def _scratch() -> Path:
    import atexit
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="baocao-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder
