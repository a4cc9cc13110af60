"""The profile registry: shipped templates equal the builder's, the date picks the profile."""

from __future__ import annotations

import io
import zipfile

import pytest

from generator import profiles
from generator.ooxml.template_builder import build_template
from tests.conftest import ROOT


def _entries(data: bytes) -> list[tuple[str, bytes]]:
    """Return the zip's entries in order, uncompressed (deflate bytes depend on zlib)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(name, archive.read(name)) for name in archive.namelist()]


@pytest.mark.parametrize("name", list(profiles.PROFILES))
def test_shipped_template_equals_what_the_builder_makes(name):
    profile = profiles.PROFILES[name]
    shipped = (ROOT / "templates" / profile.template).read_bytes()
    assert _entries(shipped) == _entries(build_template(profile)), (
        f"templates/{profile.template} is stale: python -m generator.ooxml.template_builder")


@pytest.mark.parametrize("name", list(profiles.PROFILES))
def test_two_builds_of_a_template_are_byte_identical(name):
    profile = profiles.PROFILES[name]
    assert build_template(profile) == build_template(profile)


@pytest.mark.parametrize(("date", "expected"), [
    ((2024, 9, None), "hd36"), ((2026, 5, 26), "hd36"), ((2026, 5, 27), "hd05"),
    ((2026, 5, None), "hd36"), ((2026, 6, None), "hd05"), ((2027, 1, 15), "hd05"),
    ((2026, None, None), "hd36")])
def test_the_date_picks_hd36_before_27_5_2026_and_hd05_from_then(date, expected):
    assert profiles.for_date(*date).name == expected


def test_nd30_is_never_guessed():
    assert all(profiles.for_date(year, 12, 31).name != "nd30" for year in range(2020, 2031))


def test_every_profile_has_the_six_document_types_with_their_symbols():
    wanted = {"BÁO CÁO": "BC", "TỜ TRÌNH": "TTr", "KẾ HOẠCH": "KH", "CHƯƠNG TRÌNH": "CTr",
              "THÔNG BÁO": "TB", "CÔNG VĂN": "CV"}
    for profile in profiles.PROFILES.values():
        for name, symbol in wanted.items():
            doc_type = profile.doc_type(name.lower())
            assert doc_type is not None, (profile.name, name)
            # a state công văn's number carries no type symbol (Số: 12/UBND-VP)
            assert doc_type.symbol == symbol or (profile.name, name) == ("nd30", "CÔNG VĂN")


def test_only_periodic_types_require_a_period():
    for profile in profiles.PROFILES.values():
        periodic = {name for name, t in profile.doc_types.items() if t.periodic}
        assert periodic == {"BÁO CÁO"}, profile.name
