"""The hostile-input catalogue: folders, templates and .docx files made by an attacker or a tired
clerk. Each case is a folder in ``cases/`` laid over the minimal report of ``tests/errors/base``.

Besides the files it adds (``data/…``, ``templates/…``, ``outside/…``), a case folder may hold:

- ``command.txt`` — the arguments (default ``build data/r -o out/r.docx``);
- ``expected.txt`` — exactly what ``baocao`` prints, normalised (see `normalise`);
- ``links.txt`` — ``LINK -> TARGET`` lines: symbolic links made before the run (the case is
  skipped where the file system cannot make them, as on Windows without the right);
- ``make.txt`` — ``MAKER PATH [ARG …]`` lines: files too large or too strange to keep in git,
  made by a maker of `MAKERS` (a zip bomb, a FIFO, a very long text …);
- ``package-edit.txt`` — ``PATH | MEMBER | OLD => NEW`` lines: the .docx at PATH (a copy of the
  shipped template if it does not exist yet) gets the text OLD of zip member MEMBER replaced
  once by NEW; with OLD empty, MEMBER is set to NEW (added if absent). ``\\n`` is a line break.
  Made after the makers, so a maker's .docx can be edited too;
- ``after.txt`` — what must hold on disk afterwards: ``unchanged PATH`` (same bytes as before
  the run), ``absent PATH``, ``exists PATH``, ``no-file-under DIR`` (nothing written below it),
  ``docx-has PATH TEXT`` (a paragraph of the .docx at PATH contains TEXT).

Every case runs in ``<tmp>/project`` (the current folder); ``<tmp>/outside`` is a folder beside
it holding ``victim.yaml`` and ``secret.yaml`` — the files an attack would read or overwrite.
In commands, links and expected output, ``{outside}`` stands for that folder's absolute path.
"""

from __future__ import annotations

import os
import shutil
import stat
import zipfile
from pathlib import Path
from typing import Callable

import pytest

from tests.errors.conftest import TEMPLATE, make_project

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
CONTROL_FILES = {"command.txt", "expected.txt", "links.txt", "make.txt", "after.txt",
                 "package-edit.txt"}

VICTIM = "paragraphs:\n  - Nội dung của một báo cáo khác, không được sửa.\n"
SECRET = "paragraphs:\n  - BÍ MẬT: nội dung này không được in ra.\n"


def lay_case(tmp_path: Path, case: Path) -> tuple[Path, Path]:
    """Create the project and the outside folder for `case`; return (project, outside)."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.yaml").write_text(VICTIM, "utf-8")
    (outside / "secret.yaml").write_text(SECRET, "utf-8")
    root = make_project(tmp_path / "project")
    for path in sorted(case.rglob("*")):
        relative = path.relative_to(case).as_posix()
        if not path.is_file() or relative in CONTROL_FILES:
            continue
        base = outside.parent if relative.startswith("outside/") else root
        destination = base / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, destination)
    for line in control_lines(case / "links.txt"):
        link, target = (part.strip() for part in line.split("->", 1))
        make_link(root / link, expand(target, outside))
    for line in control_lines(case / "make.txt"):
        maker, relative, *args = line.split()
        MAKERS[maker](root / expand(relative, outside), *args)
    edit_packages(root, control_lines(case / "package-edit.txt"), outside)
    return root, outside


def edit_packages(root: Path, lines: list[str], outside: Path) -> None:
    """Apply the ``package-edit.txt`` lines (see the module docstring) below `root`."""
    for line in lines:
        relative, member, edit = (part.strip() for part in line.split(" | ", 2))
        old, new = (expand(text.strip(), outside).replace("\\n", "\n")
                    for text in edit.split("=>", 1))
        path = root / relative
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(TEMPLATE, path)
        with zipfile.ZipFile(path) as source:
            parts = {info.filename: source.read(info) for info in source.infolist()}
        if old:
            text = parts[member].decode("utf-8")
            assert old in text, f"{old!r} is not in {member} of {relative}"
            parts[member] = text.replace(old, new, 1).encode("utf-8")
        else:
            parts[member] = new.encode("utf-8")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for name, data in parts.items():
                target.writestr(name, data)


def control_lines(path: Path) -> list[str]:
    """Return the non-blank, non-comment lines of a control file (none if it is absent)."""
    if not path.is_file():
        return []
    lines = path.read_text("utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


def expand(text: str, outside: Path) -> str:
    """Replace ``{outside}`` in `text` by the outside folder's path."""
    return text.replace("{outside}", outside.as_posix())


def make_link(link: Path, target: str) -> None:
    """Make `link` a symbolic link to `target`; skip the case where links cannot be made."""
    link.parent.mkdir(parents=True, exist_ok=True)
    if link.exists() or link.is_symlink():
        link.unlink()
    try:
        link.symlink_to(target)
    except OSError as error:  # pragma: no cover - Windows without the symlink right
        pytest.skip(f"symbolic links cannot be made here: {error}")


def snapshot(root: Path, outside: Path) -> dict[str, bytes]:
    """Return every regular file below the test folder with its bytes (links not followed)."""
    files: dict[str, bytes] = {}
    for base in (root, outside):
        for path in base.rglob("*"):
            if path.is_file() and not path.is_symlink():
                files[path.relative_to(base.parent).as_posix()] = path.read_bytes()
    return files


# --- makers: files a case cannot keep in git -----------------------------------------------------

def _zip_bomb(path: Path, megabytes: str = "2048") -> None:
    """A .docx-looking zip whose document.xml inflates to `megabytes` MB of spaces."""
    path.parent.mkdir(parents=True, exist_ok=True)
    chunk = b" " * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns='
                         '"http://schemas.openxmlformats.org/package/2006/content-types"/>')
        with package.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(int(megabytes)):
                member.write(chunk)


def _fifo(path: Path) -> None:
    """A named pipe where a file is expected (reading it would hang forever)."""
    if not hasattr(os, "mkfifo"):  # pragma: no cover - Windows
        pytest.skip("named pipes cannot be made here")
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)


def _repeat(path: Path, prefix: str, unit: str, count: str, suffix: str = "") -> None:
    """A text file: `prefix`, then `unit` repeated `count` times, then `suffix` (\\n for a break)."""
    decode = lambda text: text.replace("\\n", "\n").replace("\\s", " ")  # noqa: E731
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(decode(prefix) + decode(unit) * int(count) + decode(suffix), "utf-8")


def _lying_zip_bomb(path: Path, megabytes: str) -> None:
    """A .docx whose document.xml inflates to `megabytes` MB but claims 1 KB in both headers."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        for name in ("[Content_Types].xml", "_rels/.rels"):
            package.writestr(name, shipped_member(name))
        package.writestr("word/document.xml", b" " * (int(megabytes) << 20))
        start = package.start_dir  # where the central directory will be written
    data = bytearray(path.read_bytes())
    claimed = (1024).to_bytes(4, "little")
    with zipfile.ZipFile(path) as package:
        local = package.getinfo("word/document.xml").header_offset
    data[local + 22:local + 26] = claimed  # uncompressed size in the local file header
    entry = start
    for _ in range(3):  # walk to the third central directory record (document.xml)
        current = entry
        lengths = [int.from_bytes(data[entry + at:entry + at + 2], "little") for at in (28, 30, 32)]
        entry += 46 + sum(lengths)
    assert data[current + 46:current + 46 + 17] == b"word/document.xml"
    data[current + 24:current + 28] = claimed  # uncompressed size in the central directory
    path.write_bytes(bytes(data))


def shipped_member(name: str) -> bytes:
    """Return member `name` of the shipped template."""
    with zipfile.ZipFile(TEMPLATE) as package:
        return package.read(name)


def _many_members(path: Path, count: str) -> None:
    """A copy of the shipped template with `count` more tiny members (a zip directory bomb)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(TEMPLATE, path)
    with zipfile.ZipFile(path, "a") as package:
        for i in range(int(count)):
            package.writestr(f"customXml/item{i}.xml", "<a/>")


def _big_part(path: Path, member: str, megabytes: str) -> None:
    """A copy of the shipped template whose `member` is `megabytes` MB of barely compressible XML."""
    import random

    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(TEMPLATE, path)
    noise = random.Random(11).randbytes(int(megabytes) << 19).hex()
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package:
        package.writestr(member, f"<a>{noise}</a>")


def _not_a_zip(path: Path) -> None:
    """A text file saved under a .docx name (what a clerk gets by renaming a .txt or .doc)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("Báo cáo 9 tháng, bản gõ bằng Notepad.\n", "utf-8")


def _folder(path: Path) -> None:
    """A folder where a file is expected (a folder named like a .docx)."""
    path.mkdir(parents=True)
    (path / "word").mkdir()


def _read_only(path: Path) -> None:
    """Make an existing file read-only (as a file another program keeps)."""
    path.chmod(stat.S_IREAD)


def _previous_output(path: Path) -> None:
    """A previous output at `path` (bytes of its own) that a failed run must leave intact."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"PK previous output kept by the clerk")


def _docx(path: Path, *paragraphs: str) -> None:
    """A small Word file, one paragraph per argument (``_`` for a space; ``#`` first: a heading)."""
    import docx

    path.parent.mkdir(parents=True, exist_ok=True)
    document = docx.Document()
    for text in paragraphs:
        text = text.replace("_", " ")
        if text.startswith("#"):
            document.add_heading(text.lstrip("# "), level=1)
        else:
            document.add_paragraph(text)
    document.save(str(path))


MAKERS: dict[str, Callable[..., None]] = {
    "docx": _docx,
    "zip-bomb": _zip_bomb,
    "fifo": _fifo,
    "repeat": _repeat,
    "read-only": _read_only,
    "many-members": _many_members,
    "lying-zip-bomb": _lying_zip_bomb,
    "not-a-zip": _not_a_zip,
    "big-part": _big_part,
    "folder": _folder,
    "previous-output": _previous_output,
}
"""Maker name → function(path, *args). Add a maker here when a case needs a new kind of file."""
