"""The report folder and every path its data names: the one place that keeps them at home.

A report folder may come from anyone (a department's zip, a colleague's copy), so every name its
data gives (``area:``, ``template:``) is checked here before anything is opened: no ``..``, no
absolute path or drive letter, no NUL, no name too long for the file system or impossible on
Windows, and — after following symbolic links — the file must lie inside the report folder
(templates: the report folder or the project's ``templates/``). A refusal is a `PathRefused`
with a stable code (``path.outside``, ``path.invalid``) that the caller turns into a located
diagnostic. Writing commands check their targets with `check_writable`: inside the folder they
own, never through a symbolic link.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from generator.builtin import template_path
from generator.diagnostics import display_path

REPORT_FILE = "report.yaml"
AREAS_DIR = "areas"
TEMPLATES_DIR = "templates"
DEFAULT_TEMPLATE = "bao-cao.docx"
OUTPUT_DIR = "output"
PACKAGE_ROOT = Path(__file__).resolve().parent.parent
"""Where baocao is installed; its own ``templates/bao-cao.docx`` is trusted."""
NAME_MAX = 255
"""Longest file name, in UTF-8 bytes (ext4, NTFS in UTF-16 units: 255 either way is safe)."""
PATH_MAX = 4000
"""Longest whole path accepted, in UTF-8 bytes (Linux refuses beyond 4096)."""
_FORBIDDEN = re.compile(r'[<>:"|?*\x00-\x1f]')
"""Characters Windows does not allow in a file name (a folder must open on every machine)."""
_RESERVED = re.compile(r"(?i)^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$")
"""Device names Windows reserves, whatever the extension (``nul.yaml`` is the NUL device)."""


class PathRefused(Exception):
    """A path that data named and baocao will not open: `code` and a Vietnamese `message`."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def name_parts(text: str, what: str) -> list[str]:
    """Return the components of the relative path `text`, or raise `PathRefused`.

    Both ``/`` and ``\\`` separate folders (a name written on Windows means the same on Linux).
    `what` names the thing in messages (``phần 'kinh-te'``).
    """
    if "\0" in text:
        raise PathRefused("path.invalid", f"{what} có ký tự NUL (mã 0) trong tên tệp.")
    if re.match(r"^([\\/]|[A-Za-z]:)", text):
        raise PathRefused("path.outside", f"{what} là đường dẫn tuyệt đối; chỉ ghi tên tệp "
                          "nằm trong thư mục báo cáo.")
    parts = [part for part in re.split(r"[\\/]", text) if part not in ("", ".")]
    if ".." in parts:
        raise PathRefused("path.outside", f"{what} có '..' (trỏ ra thư mục cha); chỉ ghi tên "
                          "tệp nằm trong thư mục báo cáo.")
    if not parts:
        raise PathRefused("path.invalid", f"{what} không có tên tệp.")
    for part in parts:
        check_file_name(part, what)
    return parts


def check_file_name(name: str, what: str) -> None:
    """Raise `PathRefused` if `name` cannot be a file name on Linux and on Windows."""
    if len(name.encode("utf-8")) > NAME_MAX:
        raise PathRefused("path.invalid", f"{what} có tên dài {len(name)} ký tự, quá giới hạn "
                          "tên tệp của hệ điều hành; hãy đặt tên ngắn hơn.")
    bad = _FORBIDDEN.search(name)
    if bad:
        char = f"mã {ord(bad.group()):#x}" if bad.group() < " " else f"'{bad.group()}'"
        raise PathRefused("path.invalid", f"{what} có ký tự {char}, không dùng được trong tên "
                          "tệp trên Windows.")
    if _RESERVED.match(name) or name.endswith((" ", ".")):
        raise PathRefused("path.invalid", f"{what}: '{name}' không dùng được làm tên tệp trên "
                          "Windows (tên thiết bị, hoặc kết thúc bằng dấu cách hay dấu chấm).")


def shown(name: str, width: int = 60) -> str:
    """Return `name` as quoted in a message: NUL visible, a very long name cut with ``…``."""
    name = name.replace("\0", "\\0")
    return name if len(name) <= width else name[: width - 1] + "…"


def real_path(path: Path) -> Path:
    """Return `path` with every symbolic link followed, or raise `PathRefused` (a loop…)."""
    if len(str(path).encode("utf-8", "replace")) > PATH_MAX:
        raise PathRefused("path.invalid", f"đường dẫn '{display_path(path)[:60]}…' quá dài.")
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):  # a loop of links, a name the system refuses
        raise PathRefused("path.invalid", f"không mở được đường dẫn '{display_path(path)}' "
                          "(liên kết vòng hoặc tên không hợp lệ).") from None


def within(path: Path, *roots: Path) -> bool:
    """Return True if `path` (already resolved) is one of `roots` or below one."""
    return any(path == root or path.is_relative_to(root) for root in roots)


@dataclass(frozen=True)
class ReportFolder:
    """A report folder as the user named it, and the paths it owns: manifest, areas, output."""

    path: Path

    @cached_property
    def real(self) -> Path:
        """The folder with links followed: the user named it, so where it leads is trusted."""
        return self.path.resolve()

    @property
    def manifest(self) -> Path:
        return self.path / REPORT_FILE

    @property
    def areas_dir(self) -> Path:
        return self.path / AREAS_DIR

    @cached_property
    def project(self) -> Path:
        """The project folder: the parent of ``data/`` when the report lives there, else here."""
        if self.real.parent.name == "data":
            return self.real.parent.parent
        return Path.cwd()

    @property
    def templates_dir(self) -> Path:
        return self.project / TEMPLATES_DIR

    @property
    def data_dir(self) -> Path:
        return self.project / "data"

    def default_output(self, tail: str = "") -> Path:
        """Return ``<project>/output/<folder name><tail>.docx``."""
        return self.project / OUTPUT_DIR / f"{self.real.name}{tail}.docx"

    def is_report(self) -> bool:
        """Return True if the folder holds a report.yaml (a file, maybe through a link)."""
        try:
            return self.manifest.is_file()
        except (OSError, ValueError):
            return False

    def check_manifest(self) -> Path:
        """Return report.yaml, or raise `PathRefused` if it is a link that leaves the folder."""
        return self.inside(self.manifest, f"tệp {REPORT_FILE}")

    def inside(self, path: Path, what: str) -> Path:
        """Return `path` if, links followed, it stays in the folder; else raise `PathRefused`."""
        if not within(real_path(path), self.real):
            raise PathRefused("path.outside", f"{what} là liên kết (symlink) tới một tệp ngoài "
                              "thư mục báo cáo; baocao không đọc tệp đó. Hãy chép tệp vào "
                              "thư mục báo cáo.")
        return path

    def area(self, name: str) -> Path:
        """Return the file of area `name` (``kinh-te`` → ``areas/kinh-te.yaml``), checked."""
        what = f"phần '{shown(name)}'"
        parts = name_parts(name, what)
        check_file_name(parts[-1] + ".yaml", what)
        path = self.areas_dir.joinpath(*parts[:-1], parts[-1] + ".yaml")
        return self.inside(path, f"tệp '{display_path(path)}' của {what}")

    def areas_dir_leaves(self) -> bool:
        """Return True if ``areas/`` is a link to a folder outside the report folder."""
        try:
            return self.areas_dir.is_dir() and not within(real_path(self.areas_dir), self.real)
        except PathRefused:
            return True

    def area_files(self) -> list[Path]:
        """Return the regular files ``areas/*.yaml`` in name order, links followed.

        None when ``areas/`` leaves the folder; no pipe named ``x.yaml`` (reading it never ends).
        """
        if self.areas_dir_leaves() or not self.areas_dir.is_dir():
            return []
        return sorted(path for path in self.areas_dir.glob("*.yaml") if path.is_file())

    def template(self, name: str | None, default: str = DEFAULT_TEMPLATE) -> Path:
        """Return the template `name` names; none: `default` (the project's copy in
        ``templates/``, else baocao's own).

        A name is looked up in the report folder, then in the project's ``templates/``; a
        path with ``..`` is accepted only when it lands in one of the two. Raises `PathRefused`.
        """
        if name is None:
            local = self.templates_dir / default
            if local.is_file():
                return local
            return template_path(PACKAGE_ROOT / TEMPLATES_DIR / default, default)
        what = f"mẫu Word '{shown(name)}'"
        try:
            parts = name_parts(name, what)
            candidates = [self.real.joinpath(*parts), self.templates_dir.joinpath(*parts)]
            if parts[0] == TEMPLATES_DIR:  # "templates/x.docx", as the default is written
                candidates.append(self.project.joinpath(*parts))
        except PathRefused as refused:
            if refused.code != "path.outside" or name.startswith(("/", "\\")) or ":" in name:
                raise
            candidates = [self._dotted_template(name, what)]
        found = next((path for path in candidates if path.is_file()), candidates[0])
        roots = (self.real, real_path(self.templates_dir))
        if not within(real_path(found), *roots):
            raise PathRefused("path.outside", f"{what} nằm ngoài thư mục báo cáo và thư mục "
                              f"{TEMPLATES_DIR}/ của dự án (có thể qua liên kết); hãy chép mẫu "
                              f"vào {TEMPLATES_DIR}/ hoặc vào thư mục báo cáo.")
        return found

    def _dotted_template(self, name: str, what: str) -> Path:
        """Return ``<folder>/../../templates/x.docx`` written plainly, if it stays home."""
        for part in re.split(r"[\\/]", name):
            if part not in ("", ".", ".."):
                check_file_name(part, what)
        lexical = Path(os.path.normpath(self.real / name.replace("\\", "/")))
        if not within(lexical, self.real, self.templates_dir.resolve()):
            raise PathRefused("path.outside", f"{what} có '..' trỏ ra ngoài thư mục báo cáo và "
                              f"thư mục {TEMPLATES_DIR}/ của dự án.")
        return lexical


def check_writable(owner: Path, path: Path) -> None:
    """Raise `PathRefused` unless writing `path` stays in the folder `owner` and in no link.

    `owner` is the folder the command writes into (the new report, the import target); a
    link on the way (the file itself or a folder below `owner`) could send the bytes anywhere.
    """
    what = f"'{display_path(path)}'"
    check_file_name(path.name, what)  # a heading slugged to "con" must not reach the device
    if path.is_symlink():
        raise PathRefused("path.outside", f"{what} là liên kết (symlink); baocao không ghi qua "
                          "liên kết. Hãy xóa liên kết hoặc thay bằng một tệp thường.")
    if not within(real_path(path.parent), real_path(owner)):
        raise PathRefused("path.outside", f"{what} nằm ngoài thư mục {display_path(owner)} "
                          "(qua liên kết); baocao không ghi ra ngoài thư mục đích.")
    if path.exists() and not path.is_file():
        raise PathRefused("path.invalid", f"{what} là một thư mục hoặc tệp đặc biệt, không "
                          "phải tệp thường; baocao không ghi đè.")


def copy_folder(source: Path, target: Path, skip: Callable[[str], bool],
                home: Path | None = None, seen: set[Path] | None = None) -> list[Path]:
    """Copy the folder `source` to the new folder `target`; return what was left out.

    Only regular files and folders that stay inside `source` once links are followed are
    copied, as plain files (a link in someone's folder must not make the copy read, or later
    write, a file elsewhere); links that leave, pipes and devices are left out, and a folder
    reached twice (a link loop) is copied once. `skip(name)` says which names to leave out
    silently (lock files, baocao's own records).
    """
    home = home or real_path(source)
    seen = seen if seen is not None else {home}
    left_out: list[Path] = []
    target.mkdir(parents=True)
    for entry in sorted(source.iterdir()):
        if skip(entry.name):
            continue
        try:
            real = real_path(entry)
        except PathRefused:
            real = None
        if real is None or not within(real, home) or not (real.is_file() or real.is_dir()) \
                or real in seen:
            left_out.append(entry)
        elif real.is_dir():
            seen.add(real)
            left_out += copy_folder(entry, target / entry.name, skip, home, seen)
        else:
            shutil.copyfile(real, target / entry.name)
            shutil.copystat(real, target / entry.name)
    return left_out
