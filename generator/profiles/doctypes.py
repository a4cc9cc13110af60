"""Every document type (tên loại) baocao knows, once: name, symbols, profiles, periodic or not.

Read by the profiles (the types each one writes, with its own words), the citation check (a
cited ``Nghị quyết số 20-NQ/TU`` must carry a symbol of its type), the layout review (a tên
loại line opens the title block) and the importer (the type line and the symbol as typed).
Symbols: hd36.md §5.4 (``QĐi`` for Quy định per CV 3294, 2019), regime-2026.md §1.4 row 14
(HD05: Quy định is ``QĐ``) and §4.3 (NĐ30: a công văn's number has no type symbol).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.profiles.spec import DocType, Profile

PARTY = ("hd36", "hd05")
ALL = ("hd36", "hd05", "nd30")


@dataclass(frozen=True)
class Kind:
    """One document type of the Party's and the state's rules."""

    name: str
    """In capitals, as printed: ``BÁO CÁO``."""
    symbol: str
    """Its symbol in a number (``BC`` in ``Số 05-BC/TU``); "" when it has none."""
    profiles: tuple[str, ...] = ()
    """The profiles that write it; empty: only read (cited, recognised, imported)."""
    periodic: bool = False
    """A periodic report: `period` is required and the title names it."""
    symbol_in: Mapping[str, str] = field(default_factory=dict)
    """A profile's own symbol where it differs (HD05's ``QĐ`` for Quy định)."""
    titled: bool = True
    """The document opens with its tên loại line; a công văn has none (``V/v …`` instead)."""

    def symbol_for(self, profile: str) -> str:
        """Return the symbol `profile` writes for this type."""
        return self.symbol_in.get(profile, self.symbol)

    @property
    def symbols(self) -> frozenset[str]:
        """Every symbol a number of this type may carry, under any profile."""
        return frozenset(s for s in (self.symbol, *self.symbol_in.values()) if s)


KINDS: tuple[Kind, ...] = (
    Kind("BÁO CÁO", "BC", ALL, periodic=True),
    Kind("TỜ TRÌNH", "TTr", ALL),
    Kind("KẾ HOẠCH", "KH", ALL),
    Kind("CHƯƠNG TRÌNH", "CTr", ALL),
    Kind("THÔNG BÁO", "TB", ALL),
    Kind("CÔNG VĂN", "CV", ALL, symbol_in={"nd30": ""}, titled=False),
    Kind("NGHỊ QUYẾT", "NQ", ALL),
    Kind("KẾT LUẬN", "KL", PARTY),
    Kind("CHỈ THỊ", "CT", PARTY),
    Kind("QUYẾT ĐỊNH", "QĐ", ALL),
    Kind("QUY ĐỊNH", "QĐi", PARTY, symbol_in={"hd05": "QĐ"}),
    Kind("HƯỚNG DẪN", "HD", ALL),
    Kind("ĐỀ ÁN", "ĐA", ALL),
    Kind("PHƯƠNG ÁN", "PA", ("hd05",)),  # Quy định 399-QĐ/TW (regime-2026.md §2.2)
    Kind("QUY CHẾ", "QC", ("nd30",)),
    Kind("THÔNG TRI", "TT"),
    Kind("QUY HOẠCH", "QH"),
    Kind("BIÊN BẢN", "BB"),
    Kind("CÔNG ĐIỆN", "CĐ"),
    Kind("ĐỀ CƯƠNG", ""),
)
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}
TITLES: frozenset[str] = frozenset(kind.name for kind in KINDS if kind.titled)
"""Tên loại lines that open a document's title block."""


def find(name: str) -> Kind | None:
    """Return the type named `name` (any case, any spacing), or None."""
    return BY_NAME.get(" ".join(name.split()).upper())


def for_profile(profile: str, details: Mapping[str, Mapping] | None = None
                ) -> dict[str, DocType]:
    """Return the types `profile` writes, in the table's order, with its own `details` by name.

    `details` gives a type's profile words (``closing``, ``addressee_label`` …); symbol,
    periodic and the header trích yếu of a công văn come from the table.
    """
    details = details or {}
    mine = [kind for kind in KINDS if profile in kind.profiles]
    unknown = set(details) - {kind.name for kind in mine}
    assert not unknown, f"{profile} does not write {unknown}"
    return {kind.name: DocType(kind.name, kind.symbol_for(profile), periodic=kind.periodic,
                               subject_in_header=not kind.titled, **details.get(kind.name, {}))
            for kind in mine}


def doc_type(profile: Profile, name: str) -> DocType | None:
    """Return how `profile` writes the type `name`: its own entry, else the table's symbol.

    A state body may issue a type its profile has no words for (a UBND's ``CHỈ THỊ``): it is
    numbered with the table's symbol and has no default closing.
    """
    own = profile.doc_type(name)
    if own is not None:
        return own
    kind = find(name)
    if kind is None or not kind.symbol_for(profile.name):
        return None
    return DocType(kind.name, kind.symbol_for(profile.name), periodic=kind.periodic,
                   subject_in_header=not kind.titled)
