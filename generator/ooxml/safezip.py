"""Open untrusted .docx packages within bounds: a regular file, checked members, inert XML.

Every .docx that baocao reads (a template, a file to import, a side of a diff) comes through
`open_package`; every XML part it parses goes through `parse_xml`. The limits are far above any
real report (the sample's template is 20 KB, a 2,600-paragraph report 400 KB) and far below
what would exhaust memory, so crossing one says at once which file and which limit.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from generator.diagnostics import display_path
from generator.errors import BaocaoError
from generator.vnformat import format_number

MAX_FILE = 64 << 20
"""Largest .docx file read (bytes)."""
MAX_MEMBERS = 4000
"""Most zip members (a report with a few hundred pictures stays far below)."""
MAX_MEMBER = 64 << 20
"""Largest inflated size of one member (bytes)."""
MAX_TOTAL = 256 << 20
"""Largest inflated size of all members together (bytes)."""
MAX_RATIO = 100
"""Highest compression ratio of a member over `RATIO_FLOOR`; Word's XML compresses ~10×."""
RATIO_FLOOR = 1 << 20
_CHUNK = 1 << 20
_DOCTYPE = b"<!DOCTYPE"


@dataclass
class Package:
    """A .docx whose zip directory passed the checks; members are inflated on demand, bounded."""

    path: Path
    data: bytes
    what: str
    error: type[BaocaoError]
    archive: zipfile.ZipFile = field(init=False)

    def __post_init__(self):
        try:
            self.archive = zipfile.ZipFile(io.BytesIO(self.data))
        except (zipfile.BadZipFile, ValueError, EOFError):
            raise self.fail(_not_docx(self.what)) from None
        self._check_directory()

    @property
    def names(self) -> list[str]:
        """Return the member names, in the order of the zip directory."""
        return self.archive.namelist()

    def fail(self, reason: str) -> BaocaoError:
        """Return the error saying that this file `reason` (a Vietnamese clause)."""
        return self.error(f"{self.what} '{display_path(self.path)}' {reason}")

    def read(self, name: str) -> bytes:
        """Return member `name` inflated chunk by chunk, never past its declared size.

        zipfile stops at the declared size and then finds the CRC wrong, so a member that lies
        about its size is refused without ever being inflated in full.
        """
        try:
            info = self.archive.getinfo(name)
            chunks = []
            with self.archive.open(info) as member:
                while chunk := member.read(_CHUNK):
                    chunks.append(chunk)
        except KeyError:
            raise self.fail(f"thiếu phần {name} của một tệp Word.") from None
        except (zipfile.BadZipFile, NotImplementedError, ValueError, EOFError, OSError,
                RuntimeError):
            raise self.fail(f"bị hỏng (phần {name} không giải nén được).") from None
        data = b"".join(chunks)
        if name.endswith((".xml", ".rels")) and _DOCTYPE in data:
            raise self.fail(f"có khai báo DTD trong phần {name}. Word không bao giờ ghi như "
                            "vậy; tệp có thể đã bị sửa để tấn công nên baocao không đọc.")
        return data

    def xml(self, name: str):
        """Return member `name` parsed as XML with entities, DTDs and network off."""
        try:
            return parse_xml(self.read(name))
        except etree.XMLSyntaxError:
            raise self.fail(f"bị hỏng (phần {name} không phải XML hợp lệ).") from None

    def verify(self) -> None:
        """Inflate every member once, bounded, so that later readers of `data` are bounded too."""
        for name in self.names:
            self.read(name)

    def _check_directory(self) -> None:
        infos = self.archive.infolist()
        if len(infos) > MAX_MEMBERS:
            raise self.fail(f"có {format_number(len(infos))} phần nén, quá giới hạn "
                            f"{format_number(MAX_MEMBERS)}.")
        total = 0
        for info in infos:
            self._check_member(info)
            total += info.file_size
        if total > MAX_TOTAL:
            raise self.fail(f"giải nén ra {_mb(total)}, quá giới hạn {_mb(MAX_TOTAL)} "
                            "(có thể là “bom nén”).")
        if len(set(self.names)) != len(infos):
            raise self.fail("có hai phần nén trùng tên (tệp đã bị sửa hoặc hỏng).")

    def _check_member(self, info: zipfile.ZipInfo) -> None:
        name = info.filename
        parts = name.replace("\\", "/").split("/")
        if "\0" in name or name.startswith(("/", "\\")) or ".." in parts or ":" in parts[0]:
            raise self.fail(f"có phần nén mang tên không hợp lệ '{name[:80]}'.")
        if info.file_size > MAX_MEMBER:
            raise self.fail(f"có phần {name[:80]} giải nén ra {_mb(info.file_size)}, quá giới "
                            f"hạn {_mb(MAX_MEMBER)} (có thể là “bom nén”).")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size,
                                                                             1):
            raise self.fail(f"có phần {name[:80]} nén hơn {MAX_RATIO} lần (có thể là “bom "
                            "nén”); tệp Word thật không nén như vậy.")


def open_package(path: Path, what: str = "tệp Word",
                 error: type[BaocaoError] = BaocaoError) -> Package:
    """Return the checked package at `path`; raise `error` naming `what` and the file if not.

    `what` is how the message names the file (``mẫu Word``, ``tệp Word``).
    """
    return Package(path, read_regular_file(path, what, error), what, error)


def read_regular_file(path: Path, what: str, error: type[BaocaoError]) -> bytes:
    """Return the bytes of `path` if it is a regular file of at most `MAX_FILE` bytes.

    A FIFO or a device would block or never end; they are refused by their type before opening.
    """
    where = f"{what} '{display_path(path)}'"
    try:
        mode = os.stat(path).st_mode
        if stat.S_ISDIR(mode):
            raise error(f"{where} là một thư mục, không phải tệp .docx.")
        if not stat.S_ISREG(mode):
            raise error(f"{where} không phải tệp thông thường (có thể là ống dẫn hay thiết bị); "
                        "baocao chỉ đọc tệp .docx thật.")
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE + 1)
    except FileNotFoundError:
        raise error(f"không tìm thấy {where}.") from None
    except OSError as exc:
        raise error(f"không đọc được {where} ({exc.strerror or exc}).") from None
    if len(data) > MAX_FILE:
        raise error(f"{where} lớn hơn {_mb(MAX_FILE)}, quá giới hạn của một báo cáo.")
    return data


def parse_xml(data: bytes | str):
    """Return the root of `data` parsed with entities, DTDs and network off, depth bounded.

    A document type declaration is refused outright (`etree.XMLSyntaxError`): Office never writes
    one, and it is what entity-expansion ("billion laughs") and external-entity attacks need.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    if _DOCTYPE in data:
        raise etree.XMLSyntaxError("DOCTYPE refused", None, 0, 0)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, dtd_validation=False)
    return etree.fromstring(data, parser)


def _not_docx(what: str) -> str:
    if what.startswith("mẫu"):
        return ("không phải tệp .docx đọc được (có thể là tệp .doc hoặc tệp hỏng). Hãy mở mẫu "
                "trong Word và lưu lại dạng Word Document (.docx).")
    return ("không phải tệp .docx đọc được (có thể là tệp .doc hoặc tệp hỏng). Tệp .doc cũ cần "
            "mở bằng Word rồi lưu lại thành .docx.")


def _mb(size: int) -> str:
    return f"{format_number(size / (1 << 20))} MB"
