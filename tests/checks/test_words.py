"""Word-level spelling on real-looking text: typos made of valid syllables, and non-typos."""

import pytest


def _near(findings, *text):
    return [f for f in findings(*text) if f.code == "spelling.near-word"]


@pytest.mark.parametrize(("text", "fixed"), [
    ("Đại hội đại biểu làn thứ XIII của Đảng.", "lần"),
    ("Rà soát nhu cầu của tùng địa phương để bố trí vốn.", "từng"),
    ("Tiếp tục bồi dưỡng, trao dồi phẩm chất đạo đức cho cán bộ.", "trau dồi"),
    ("Đẩy mạnh các phong trào thu đua yêu nước.", "thi đua"),
    ("Tỷ lệ học sinh đạt danh hiệu họa tập tốt tăng.", "học tập"),
    ("Việc san lắp mặt bằng còn kéo dài.", "san lấp"),
    ("Giải phóng mặt bằng, tài định cư còn chậm.", "tái định"),
    ("Tập trung giải quyết các khiếu lại, tố cáo của công dân.", "khiếu nại"),
    ("Nâng cao công tác tuyên chuyền về pháp luật.", "tuyên truyền"),
])
def test_valid_syllables_in_an_impossible_word(findings, text, fixed):
    found = _near(findings, text)
    assert len(found) == 1 and found[0].suggestion == fixed


def test_suggestion_says_how_sure(findings):
    sure = _near(findings, "Chất lượng phất lượng đường được nâng lên.")
    assert "nhiều khả năng" in sure[0].message
    unsure = _near(findings, "Đẩy mạnh các phong trào thu đua yêu nước.")
    assert "có thể" in unsure[0].message


@pytest.mark.parametrize("text", [
    "Ban chấm điểm thi đua đã khơi thông các nguồn lực.",   # words missing from the word list
    "Gây phiền hà đối với cá nhân, tổ chức có tư cách pháp nhân.",
    "Các tổ chức đảng và đảng viên còn lại đoàn đang dự thảo báo cáo.",
    "Mức tiêu dùng trong dân cư có tăng.",
    "Đường Nguyễn Thái Học (đường làn 2 - QL.17).",
])
def test_real_words_are_left_alone(findings, text):
    assert _near(findings, text) == []


@pytest.mark.parametrize("text", [
    "Dự án ổn định dân cư thôn Nậm Moòng, xã Việt Vinh, huyện Bắc Quang.",   # names
    "Nước sông Gâm dâng cao.",
    "Ứng dụng công nghệ block chain trong quản lý.",                        # foreign words
    "Đoàn ĐYC (Đoàn y tế cơ sở) đã kiểm tra.",                              # abbreviation
    "Tổ dân phố Mai Sẫu, phường Đa Mai.",
])
def test_names_foreign_words_and_abbreviations_are_no_typos(codes, text):
    assert not [c for c in codes(text) if c.startswith("spelling.")]


def test_tone_style_leaves_place_names_alone(codes):
    text = ("Huyện Hiệp Hòa tiếp tục đẩy mạnh công nghiệp hoá, hiện đại hoá; văn hoá, "
            "xã hội được quan tâm; quản lý tốt tài nguyên, khoáng sản.")
    assert "spelling.tone-style" not in codes(text)


@pytest.mark.parametrize(("text", "reported"), [
    ("Đô thị trở thành thành phố loại I.", False),   # the end of one word, the start of the next
    ("Đã xây dựng hoàn thành thành Đề án số 09-ĐA/TU.", True),
    ("Số vụ tử tử, đuối nước vẫn xảy ra.", True),
])
def test_repeated_word_across_a_compound(codes, text, reported):
    assert ("text.repeated-word" in codes(text)) is reported


def test_quotation_over_two_paragraphs_is_balanced(codes):
    found = codes("a) Sửa đổi điểm a như sau: “Phạm vi điều chỉnh: áp dụng đối với một số đối "
                  "tượng;", "hợp tác xã nông lâm nghiệp”.")
    assert "text.unbalanced" not in found


def test_soft_hyphen_inside_a_word_is_invisible_text(codes):
    assert "text.zero-width" in codes("Tăng c\u00adường đầu tư.")
