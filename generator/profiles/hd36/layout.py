"""HD36's page, styles and blocks (Hướng dẫn 36-HD/VPTW; § numbers refer to hd36.md).

* One A4 portrait section, margins 20/20/30/15 mm, header distance 10 mm (§2, §9); page 1 has
  no number, the others a centred 14 pt PAGE field (§6).
* Page-1 header block: a borderless 2-column table, 70 mm + 95 mm (§5.1). Left: superior organ
  (optional), organ, ``*``, number, draft; right: ``ĐẢNG CỘNG SẢN VIỆT NAM`` with a rule of the
  title's own length (§3 row 1a), then place and date.
* Type, trích yếu and ``-----`` centred (§3 rows 5a-5c); the body (§4); the closing table, 50 %
  + 50 %: Nơi nhận left, signature right (§5.2).
"""

from __future__ import annotations

from generator.profiles import blocks
from generator.profiles.spec import CharStyle, Layout, Page, ParaStyle, Rule, TableStyle

PAGE = Page()
PARTY_TITLE = "ĐẢNG CỘNG SẢN VIỆT NAM"
HEADER_COLUMNS = (3969, PAGE.text_width - 3969)  # §5.1: 70 mm + 95 mm
# §5.2: half each: at 45 % the longest usual recipient line ("- Các cơ quan tham mưu, giúp việc
# Tỉnh ủy,", 12 pt) wrapped; the widest signature line (PHÓ BÍ THƯ THƯỜNG TRỰC, 14 pt) needs
# about 70 mm of the 82 mm.
CLOSING_COLUMNS = (PAGE.text_width // 2, PAGE.text_width - PAGE.text_width // 2)

# §4: body 14 pt, justified, 10 mm first line, 6 pt between paragraphs, exactly 18 pt lines.
BODY = dict(size=14, align="both", first_line=567, before=120, after=0, line=360)
HEADING = dict(base="BodyText", next_id="BodyText", builtin=True, size=14, keep_next=True,
               explicit_fonts=True, priority=9)

STYLES: tuple[ParaStyle, ...] = (
    ParaStyle("BodyText", "Body Text", builtin=True, priority=2, **BODY),
    ParaStyle("Heading1", "heading 1", bold=True, outline=0, **HEADING),
    ParaStyle("Heading2", "heading 2", bold=True, outline=1, **HEADING),
    ParaStyle("Heading3", "heading 3", bold=True, italic=True, outline=2, **HEADING),
    # §6: footnotes 12 pt, justified, single spacing; page number 14 pt, centred.
    ParaStyle("FootnoteText", "footnote text", builtin=True, size=12, align="both",
              before=0, after=0, single=True, priority=99),
    ParaStyle("Header", "header", builtin=True, align="center", priority=99),
    # §3 rows 2a-2c, 3, 11b and §5.1: the left header column.
    ParaStyle("BCCoQuanCapTren", "BC Co quan cap tren", size=14, caps=True, align="center"),
    ParaStyle("BCCoQuan", "BC Co quan", size=14, bold=True, caps=True, align="center"),
    ParaStyle("BCDauSao", "BC Dau sao", size=14, align="center"),
    ParaStyle("BCSoKyHieu", "BC So ky hieu", size=14, align="center"),
    ParaStyle("BCDuThao", "BC Du thao", size=14, italic=True, align="center"),
    # §3 row 5c: a công văn's trích yếu under the number, 12 italic; row 10: khẩn, 14 bold caps.
    ParaStyle("BCTrichYeuCongVan", "BC Trich yeu cong van", size=12, italic=True,
              align="center"),
    ParaStyle("BCDoKhan", "BC Do khan", size=14, bold=True, caps=True, align="center"),
    # §3 rows 1, 1a, 4: the right header column.  13 pt before the date puts it on the
    # baseline of "Số …" when there is no parent organ (checked in a LibreOffice PDF).
    ParaStyle("BCTieuDeDang", "BC Tieu de Dang", size=15, bold=True, caps=True,
              align="center", rule_below=Rule(text=PARTY_TITLE)),
    ParaStyle("BCNgayThang", "BC Ngay thang", size=14, italic=True, align="center",
              before=260),
    # §3 row 12: phạm vi lưu hành, caps 12 bold, top right of page 1.
    ParaStyle("BCPhamViLuuHanh", "BC Pham vi luu hanh", size=12, bold=True, caps=True,
              align="right"),
    # §3 rows 5a-5c and §5.1: about one blank line below the header block.
    ParaStyle("BCTenLoai", "BC Ten loai", size=16, bold=True, caps=True, align="center",
              before=360, keep_next=True),
    ParaStyle("BCTrichYeu", "BC Trich yeu", size=14, bold=True, align="center",
              keep_next=True),
    ParaStyle("BCGachNgang", "BC Gach ngang", size=14, align="center", after=120),
    # §3 row 8: "Kính gửi:" 14 (label italic), names upright; several names one per line.
    ParaStyle("BCKinhGui", "BC Kinh gui", size=14, align="center", before=120),
    ParaStyle("BCKinhGuiDs", "BC Kinh gui danh sach", size=14, align="left", left=2268),
    # §3 row 6: căn cứ lines, like the body.
    ParaStyle("BCCanCu", "BC Can cu", base="BodyText", priority=9),
    # §3 rows 9a/9b and §5.2: "Nơi nhận" on the line of "T/M …", 12 pt list.
    ParaStyle("BCNoiNhan", "BC Noi nhan", size=14, underline=True, bold=False, italic=False,
              align="left", before=240),
    ParaStyle("BCDsNoiNhan", "BC Danh sach noi nhan", size=12, align="left", before=0,
              after=0, single=True),
    # §3 row 13: ký hiệu người đánh máy and copies, caps 8.
    ParaStyle("BCNguoiSoanThao", "BC Nguoi soan thao", size=8, caps=True, align="left"),
    # §3 rows 7a-7c and §5.2: signature block; 4 blank lines for signature + seal.
    ParaStyle("BCQuyenHan", "BC Quyen han", size=14, bold=True, caps=True, align="center",
              before=240),
    ParaStyle("BCChucVu", "BC Chuc vu", size=14, bold=False, caps=True, align="center"),
    ParaStyle("BCChoKy", "BC Cho ky", size=14, align="center"),
    ParaStyle("BCHoTen", "BC Ho ten", size=14, bold=True, align="center"),
    # §3 row 14: contact details, 10 pt, under a full-width rule.
    ParaStyle("BCLienHe", "BC Lien he", size=10, align="left", before=240, rule_above=True),
    # The {%p %} lines: small, grey, not caps, so a clerk sees at a glance that they are
    # machinery (and Word shows the tag as typed).  Never rendered.
    ParaStyle("BCTheDieuKhien", "BC The dieu khien", size=10, align="left", color="808080",
              priority=99),
    # Keep the paragraph after the closing table 1 pt high so it never pushes a page.
    ParaStyle("BCKetThuc", "BC Ket thuc", size=1, line=20, priority=99),
)

LAYOUT = Layout(
    page=PAGE,
    header_columns=HEADER_COLUMNS,
    closing_columns=CLOSING_COLUMNS,
    styles=STYLES,
    label_style=CharStyle("BCNhanKinhGui", "BC Nhan Kinh gui", italic=True),
    header_left=(
        *blocks.optional("organ_parent", "BC Co quan cap tren"),
        ("BC Co quan", "{{ organ_name }}"),
        ("BC Dau sao", "*"),
        *blocks.NUMBER_BLOCK,
    ),
    header_right=(("BC Tieu de Dang", PARTY_TITLE), ("BC Ngay thang", "{{ place_date }}")),
    before_body=blocks.TITLE_BLOCK,
    body_loop=blocks.BODY_LOOP,
    closing_text=blocks.CLOSING_TEXT,
    closing_left=blocks.CLOSING_LEFT,
    closing_right=blocks.CLOSING_RIGHT,
    after_closing=blocks.AFTER_CLOSING,
    first_header=blocks.FIRST_HEADER,
    # Tables of figures: cells 13 pt single-spaced with 1 mm padding, caption 14 pt bold like
    # the body (hd36.md §4 sets no table size; 12–13 pt is the offices' usage).
    table=TableStyle(size=13, caption_size=14, cell_margin=57, cell_spacing=20, border=4),
)
