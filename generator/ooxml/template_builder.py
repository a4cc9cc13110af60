"""Build the docxtpl template of a profile: ``templates/<profile template>.docx``.

Run ``python -m generator.ooxml.template_builder`` to rebuild every profile's template into
``templates/``, or ``… template_builder hd05 OUT.docx`` for one. The machinery is generic
(`generator.ooxml.template`); everything that differs between rule sets is the profile's data
(`generator.profiles.<name>.layout`).

Every visual property lives in a named style (ASCII ids, readable names) so a clerk restyles the
template in Word without touching direct formatting. Every docxtpl tag sits in a single run, and
no rsid or proofErr noise is written, so docxtpl's regex passes stay cheap. The zip is written
with fixed timestamps and fixed core properties so two builds give identical bytes. Footnotes
(footnotes.xml, ``w:footnotePr``) are deliberately absent: the generator adds them after
rendering; only their two styles are defined here.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

from docx import Document

from generator import profiles
from generator.ooxml.template import parts
from generator.ooxml.template.body import build_body, setup_section
from generator.ooxml.template.styles import build_styles
from generator.profiles.spec import Profile

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def normalize_zip(raw: bytes) -> bytes:
    """Re-zip with fixed timestamps/attributes (python-docx stamps the time)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():  # python-docx order: content types, then rel walk
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def build_template(profile: Profile | None = None) -> bytes:
    """Return the template of `profile` (default HD36) as .docx bytes; identical every run."""
    layout = (profile or profiles.PROFILES[profiles.DEFAULT]).layout
    document = Document()
    build_styles(document, layout)
    setup_section(document, layout)
    build_body(document, layout)
    parts.build_settings(document)
    parts.prune_parts(document)
    parts.set_core_properties(document, layout.title)
    parts.scrub(document)
    raw = io.BytesIO()
    document.save(raw)
    return normalize_zip(raw.getvalue())


def write_template(path: str | Path, profile: Profile | None = None) -> Path:
    """Build the template of `profile` and write it to `path`; return the path."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(build_template(profile))
    return target


def main(argv: list[str] | None = None) -> int:
    """CLI: no argument rebuilds every template; ``PROFILE [OUT.docx]`` builds one."""
    args = sys.argv[1:] if argv is None else argv
    if not args:
        for profile in profiles.PROFILES.values():
            print(write_template(TEMPLATES / profile.template, profile))
        return 0
    profile = profiles.get(args[0])
    if profile is None or len(args) > 2:
        print(f"usage: python -m generator.ooxml.template_builder [{'|'.join(profiles.PROFILES)}"
              " [OUT.docx]]", file=sys.stderr)
        return 2
    print(write_template(args[1] if len(args) > 1 else TEMPLATES / profile.template, profile))
    return 0


if __name__ == "__main__":
    sys.exit(main())
