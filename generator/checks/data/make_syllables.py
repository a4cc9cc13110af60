"""Rebuild syllables.txt from Debian's hunspell-vi word list (run by a developer, not at run time).

Usage: ``apt-get download hunspell-vi && dpkg-deb -x hunspell-vi_*.deb x &&
python generator/checks/data/make_syllables.py x/usr/share/hunspell/vi_VN.dic``
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

HEADER = """\
# Vietnamese syllables, one per line, lower case, reformed tone placement (hoá, thuỷ, uỷ).
# baocao also accepts the traditional placement (hóa, thủy, ủy) of every entry.
#
# Derived from the Vietnamese Hunspell dictionary vi_VN.dic as shipped by Debian in the
# package hunspell-vi 1:7.5.0-1 (source package libreoffice-dictionaries, dictionaries/vi/).
# Upstream: hunspell-vi (Ivan Garcia, Nguyễn Xuân Minh), itself from the Free Vietnamese
# Dictionary Project (Hồ Ngọc Đức) word list via GNU Aspell.
# Copyright: Ivan Garcia <capiscuas@gmail.com>, Nguyễn Xuân Minh <mxn@zoomtown.com>
# License: GPL-2 (GNU General Public License, version 2), as stated in Debian's
# /usr/share/doc/hunspell-vi/copyright for dictionaries/vi/*. This file is a derived work and is
# distributed under the same licence; see https://www.gnu.org/licenses/old-licenses/gpl-2.0.html.
#
# Changes from vi_VN.dic: entries lower-cased; abbreviations and foreign words (entries not
# shaped like one Vietnamese syllable: HĐND, HTML, Telex …) removed; sorted; NFC.
# Rebuild with generator/checks/data/make_syllables.py.
"""


def main(dic: Path, out: Path) -> None:
    """Write the syllable list derived from `dic` to `out`."""
    from generator.checks.vietnamese import has_shape

    lines = dic.read_text("utf-8").splitlines()[1:]
    words = {unicodedata.normalize("NFC", w.split("/")[0].strip()).lower() for w in lines}
    kept = sorted(w for w in words if w and has_shape(w))
    out.write_text(HEADER + "\n".join(kept) + "\n", "utf-8", newline="\n")
    print(f"{len(kept)} syllables → {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(__file__).with_name("syllables.txt"))
