"""Today's organs: symbols, sentence names, and warnings about organs gone since 01/7/2025."""

from __future__ import annotations

import pytest

from generator.errors import DataError
from generator.pipeline import compile_report
from generator.profiles import organs
from generator.profiles.provinces import provinces
from tests.profiles.helpers import report_folder

Y2026 = {"date": {"day": 1, "month": 12, "year": 2026}, "period": {"kind": "nam", "year": 2026}}


@pytest.mark.parametrize(("name", "parent", "symbol", "sentence"), [
    ("TỈNH ỦY HẬU GIANG", None, "TU", "Tỉnh ủy"),
    ("THÀNH ỦY CẦN THƠ", None, "TU", "Thành ủy"),
    ("HUYỆN ỦY CHÂU THÀNH", None, "HU", "Huyện ủy"),
    ("ĐẢNG ỦY PHƯỜNG NINH KIỀU", "ĐẢNG BỘ THÀNH PHỐ CẦN THƠ", "ĐU", "Đảng ủy phường Ninh Kiều"),
    ("ĐẢNG ỦY KHỐI CƠ QUAN", None, "ĐU", "Đảng ủy Khối cơ quan"),
    ("ĐẢNG UỶ ĐẶC KHU PHÚ QUÝ", "ĐẢNG BỘ TỈNH LÂM ĐỒNG", "ĐU", "Đảng ủy đặc khu Phú Quý"),
    ("BAN TUYÊN GIÁO VÀ DÂN VẬN", "THÀNH ỦY CẦN THƠ", "BTGDVTU",
     "Ban Tuyên giáo và Dân vận Thành ủy"),
    ("BAN TỔ CHỨC", "TỈNH ỦY ĐIỆN BIÊN", "BTCTU", "Ban Tổ chức Tỉnh ủy"),
    ("ỦY BAN KIỂM TRA", "TỈNH ỦY ĐIỆN BIÊN", "UBKTTU", "Ủy ban Kiểm tra Tỉnh ủy"),
    ("VĂN PHÒNG", "ĐẢNG ỦY XÃ TÂN HÒA", "VPĐU", "Văn phòng Đảng ủy"),
    ("CHI BỘ THÔN AN BÌNH", "ĐẢNG BỘ XÃ TÂN HÒA", "CB", "Chi bộ thôn An Bình"),
    ("ỦY BAN NHÂN DÂN XÃ PHONG ĐIỀN", None, "UBND", "Ủy ban nhân dân xã Phong Điền"),
])
def test_organ_symbol_and_sentence_name(name, parent, symbol, sentence):
    assert organs.symbol(name, parent) == symbol
    assert organs.sentence_name(name, parent) == sentence


def test_there_are_34_provinces_six_of_them_cities_and_a_source():
    data = provinces()
    assert len(data.units) == 34
    assert sum(unit.kind == "thanh-pho" for unit in data.units) == 6
    assert "202/2025/QH15" in data.source
    assert data.successor("Hậu Giang").committee == "Thành ủy Cần Thơ"
    predecessors = [p for unit in data.units for p in unit.predecessors]
    assert len(predecessors) == len(set(predecessors))


def _warnings(tmp_path, **changes) -> list[str]:
    compiled = compile_report(report_folder(tmp_path, **changes))
    return [d.format() for d in compiled.diagnostics.warnings if d.code == "organ.obsolete"]


def test_a_2026_document_of_tinh_uy_hau_giang_is_told_its_successor(tmp_path):
    warnings = _warnings(tmp_path, organ={"name": "TỈNH ỦY HẬU GIANG"}, **Y2026)
    assert any("report.yaml:" in w and "Thành ủy Cần Thơ" in w for w in warnings)
    assert any("địa danh 'Hậu Giang'" in w and "Cần Thơ" in w for w in warnings)


def test_a_2024_document_of_tinh_uy_hau_giang_is_fine(tmp_path):
    assert _warnings(tmp_path) == []


def test_a_district_committee_and_abolished_recipients_are_warned_about(tmp_path):
    warnings = _warnings(tmp_path, organ={"name": "HUYỆN ỦY CHÂU THÀNH", "abbrev": "HU"},
                         place="Cần Thơ", recipients=["Các ban cán sự đảng, đảng đoàn tỉnh",
                                                      "Các huyện, thị, thành ủy", "Lưu VP"],
                         **Y2026)
    assert any("cấp huyện" in w and "HUYỆN ỦY CHÂU THÀNH" in w for w in warnings)
    assert any("ban cán sự đảng" in w for w in warnings)
    assert any("đảng đoàn" in w for w in warnings)
    assert sum("nơi nhận" in w for w in warnings) == 3


def test_a_provincial_citys_thanh_uy_is_district_level_now(tmp_path):
    warnings = _warnings(tmp_path, organ={"name": "THÀNH ỦY VỊ THANH", "abbrev": "ThU"},
                         place="Cần Thơ", **Y2026)
    assert any("thành phố thuộc tỉnh" in w for w in warnings)


def test_an_unknown_organ_without_abbrev_is_a_located_error(tmp_path):
    with pytest.raises(DataError) as caught:
        compile_report(report_folder(tmp_path, organ={"name": "HỘI NÔNG DÂN"}))
    assert any(d.code == "schema.organ-abbrev" for d in caught.value.diagnostics.errors)
