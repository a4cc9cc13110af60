"""What the operating system refused, said in Vietnamese: one table instead of strerror's English.

`describe` is used wherever a file could not be read or written (the loader, the writer,
fix-encoding, the last-resort handler), so a full disk reads the same everywhere.
"""

from __future__ import annotations

import errno

_BY_ERRNO = {
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EROFS: "ổ đĩa hoặc thư mục chỉ cho đọc (read-only)",
    errno.EACCES: "không có quyền truy cập (tệp đang mở ở chương trình khác, hoặc bị khóa)",
    errno.EPERM: "hệ điều hành không cho phép thao tác này",
    errno.EEXIST: "đã có một tệp hoặc thư mục cùng tên",
    errno.ENAMETOOLONG: "tên tệp hoặc đường dẫn quá dài",
    errno.EISDIR: "đây là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.ENOENT: "không có tệp hoặc thư mục này",
    errno.ELOOP: "đường dẫn có liên kết (symlink) vòng",
    errno.EBUSY: "tệp đang được chương trình khác dùng",
    errno.EIO: "lỗi đọc ghi ổ đĩa (ổ đĩa, USB hay mạng có vấn đề)",
    errno.EINVAL: "tên tệp không hợp lệ",
    errno.EMFILE: "mở quá nhiều tệp cùng lúc",
    errno.ENOTEMPTY: "thư mục không trống",
    errno.EXDEV: "không chuyển được tệp sang ổ đĩa khác",
    errno.EPIPE: "chương trình nhận kết quả (qua dấu '|') đã đóng",
    getattr(errno, "EDQUOT", -1): "đã hết hạn mức dung lượng được cấp",
    getattr(errno, "ETXTBSY", -2): "tệp đang được chương trình khác dùng",
}
_BY_WINERROR = {
    32: "tệp đang mở ở chương trình khác (thường là Word); hãy đóng tệp rồi chạy lại",
    33: "một phần của tệp đang bị chương trình khác khóa",
    112: "ổ đĩa đã đầy",
    206: "tên tệp hoặc đường dẫn quá dài",
    123: "tên tệp không hợp lệ",
}
UNKNOWN = "hệ điều hành từ chối thao tác với tệp"


def describe(exc: BaseException) -> str:
    """Return why `exc` (an `OSError`, or a NUL in a name) happened, in plain Vietnamese."""
    if isinstance(exc, ValueError) and "null" in str(exc):
        return "tên tệp có ký tự NUL (mã 0)"
    winerror = getattr(exc, "winerror", None)
    if winerror in _BY_WINERROR:
        return _BY_WINERROR[winerror]
    return _BY_ERRNO.get(getattr(exc, "errno", None), UNKNOWN)
