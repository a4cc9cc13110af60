"""Document citations."""

import pytest


@pytest.mark.parametrize("text, code", [
    ("Thực hiện Nghị quyết 20-NQ/TU ngày 11/01/2024 của Tỉnh ủy.", "citation.missing-so"),
    ("Thực hiện Chỉ thị số 05-CT/TW, đồng thời chỉ đạo tổng kết.", "citation.missing-date"),
    ("Thực hiện Nghị quyết số 20-CT/TU ngày 11/01/2024.", "citation.type"),
    ("Thực hiện Nghị quyết số 20NQ/TU ngày 11/01/2024.", "citation.malformed"),
    ("Thực hiện Kế hoạch số 20-KH ngày 11/01/2024.", "citation.malformed"),
    ("Thực hiện Quyết định số 11-QĐi/TW ngày 18/02/2019.", "citation.type"),
    ("Thực hiện Kế hoạch số 12 của Ban Thường vụ.", "citation.no-symbol"),
    ("Thực hiện Nghị quyết số 19-2017/NQ-CP ngày 06/02/2017.", "citation.malformed"),
    ("Thực hiện Nghị quyết số 09-NQ/TU ngày 15/3/2025 của Tỉnh ủy.", "citation.date-after"),
    ("Theo Quyết định số 15/2024/QĐ-UBND ngày 12 tháng 12 năm 2024.", "citation.date-after"),
])
def test_flagged(codes, text, code):
    assert code in codes(text)


@pytest.mark.parametrize("text", [
    "Triển khai Nghị quyết số 20-NQ/TU ngày 11/01/2024 về tăng cường công tác.",
    "Quy định số 144-QĐ/TW ngày 09/5/2024 và Quy định số 11-QĐi/TW ngày 18/02/2019.",
    "Thông báo số 703-TB/UBKTTW ngày 18/7/2024 của Ủy ban Kiểm tra Trung ương.",
    "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 và Quyết định số 123/QĐ-UBND ngày 02/01/2024.",
    "Nghị quyết số 30/2021/QH15 của Quốc hội.",
    "Báo cáo 6 tháng đầu năm; Kế hoạch năm 2024; Chương trình công tác năm 2024.",
    "Đề án số 09-ĐA/TU ngày 05/01/2024; tiếp tục thực hiện Đề án số 09-ĐA/TU.",
    "Chỉ thị số 05-CT/TW, ngày 15/5/2016 của Bộ Chính trị.",
    "Kế hoạch số 292-KH/TU của Ban Thường vụ Tỉnh ủy ngày 26/8/2024.",
    "Nghị quyết số 12/NQ-CP ngày 05/02/2024 và Nghị quyết số 09-NQ/TU ngày 15/3/2024.",
    "Công văn số 1556/SGD&ĐT-VP ngày 05/3/2024 và Công văn số 575/PGD&ĐT ngày 06/3/2024.",
    "Công văn số 656/HĐTV ngày 23/6/2024 của Hội đồng tư vấn.",
    "Quyết định số 15/2024/QĐ-UBND ngày 12/4/2024 của Ủy ban nhân dân tỉnh.",
])
def test_not_flagged(codes, text):
    assert not [c for c in codes(text) if c.startswith("citation.")]


def test_type_suggestion(findings):
    found = [f for f in findings("Theo Chỉ thị số 05-NQ/TW ngày 15/5/2016.")
             if f.code == "citation.type"]
    assert found[0].suggestion == "05-CT/TW"
