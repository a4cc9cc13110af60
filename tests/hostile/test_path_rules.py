"""The path rules of `generator.project` and `generator.outputs`, case by case.

The catalogue (cases/) runs whole commands; these pin each rule where a case folder would be
awkward: Windows names on Linux, lookups, links inside the folder, copies, collisions.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.outputs import collisions, same_file
from generator.project import PathRefused, ReportFolder, check_writable, copy_folder, name_parts


@pytest.mark.parametrize(("text", "parts"), [
    ("kinh-te", ["kinh-te"]), ("nong-nghiep/lua", ["nong-nghiep", "lua"]),
    ("nong-nghiep\\lua", ["nong-nghiep", "lua"]), ("./kinh-te", ["kinh-te"]),
    ("kinh tế", ["kinh tế"])])
def test_names_that_stay_home(text, parts):
    assert name_parts(text, "phần") == parts


@pytest.mark.parametrize(("text", "code"), [
    ("/etc/passwd", "path.outside"), ("\\\\server\\share\\x", "path.outside"),
    ("C:\\Windows\\x", "path.outside"), ("c:x", "path.outside"), ("..", "path.outside"),
    ("a/../b", "path.outside"), ("a\\..\\..\\b", "path.outside"), ("", "path.invalid"),
    ("./", "path.invalid"), ("a\0b", "path.invalid"), ("x" * 256, "path.invalid"),
    ("ế" * 90, "path.invalid"), ("con", "path.invalid"), ("NUL.txt", "path.invalid"),
    ("com1", "path.invalid"), ("a:b", "path.outside"), ("ab:c", "path.invalid"), ("hỏi?", "path.invalid"),
    ("a|b", "path.invalid"), ("cuối.", "path.invalid"), ("cuối ", "path.invalid"),
    ("tab\there", "path.invalid")])
def test_names_refused(text, code):
    with pytest.raises(PathRefused) as refused:
        name_parts(text, "phần")
    assert refused.value.code == code
    assert refused.value.message.startswith("phần")


def _link(link: Path, target: Path | str) -> None:
    try:
        link.symlink_to(target)
    except OSError as error:  # pragma: no cover - Windows without the symlink right
        pytest.skip(f"symbolic links cannot be made here: {error}")


def test_an_area_linked_inside_the_folder_is_read(tmp_path):
    report = tmp_path / "data" / "r"
    (report / "chung").mkdir(parents=True)
    (report / "chung" / "a.yaml").write_text("paragraphs: []\n", "utf-8")
    (report / "areas").mkdir()
    _link(report / "areas" / "a.yaml", "../chung/a.yaml")
    assert ReportFolder(report).area("a") == report / "areas" / "a.yaml"


def test_an_area_linked_to_another_report_is_refused(tmp_path):
    other = tmp_path / "data" / "khac" / "areas"
    other.mkdir(parents=True)
    (other / "a.yaml").write_text("paragraphs: []\n", "utf-8")
    areas = tmp_path / "data" / "r" / "areas"
    areas.mkdir(parents=True)
    _link(areas / "a.yaml", other / "a.yaml")
    with pytest.raises(PathRefused, match="liên kết") as refused:
        ReportFolder(areas.parent).area("a")
    assert refused.value.code == "path.outside"


def test_a_loop_of_links_is_refused_not_followed_forever(tmp_path):
    areas = tmp_path / "r" / "areas"
    areas.mkdir(parents=True)
    _link(areas / "a.yaml", areas / "b.yaml")
    _link(areas / "b.yaml", areas / "a.yaml")
    with pytest.raises(PathRefused):
        ReportFolder(areas.parent).area("a")


def _project(tmp_path: Path) -> ReportFolder:
    report = tmp_path / "data" / "r"
    report.mkdir(parents=True)
    (tmp_path / "templates").mkdir()
    return ReportFolder(report)


def test_a_template_name_is_looked_up_in_the_report_then_in_templates(tmp_path):
    folder = _project(tmp_path)
    (tmp_path / "templates" / "to-trinh.docx").write_bytes(b"PK")
    assert folder.template("to-trinh.docx") == tmp_path / "templates" / "to-trinh.docx"
    (folder.path / "to-trinh.docx").write_bytes(b"PK")
    assert folder.template("to-trinh.docx") == folder.path.resolve() / "to-trinh.docx"


def test_a_template_written_as_the_default_is_found_in_the_project_templates(tmp_path):
    folder = _project(tmp_path)
    (tmp_path / "templates" / "to-trinh.docx").write_bytes(b"PK")
    assert folder.template("templates/to-trinh.docx") == tmp_path / "templates" / "to-trinh.docx"


def test_a_template_written_with_dots_into_templates_is_accepted(tmp_path):
    folder = _project(tmp_path)
    (tmp_path / "templates" / "mau.docx").write_bytes(b"PK")
    found = folder.template("../../templates/mau.docx")
    assert found.resolve() == (tmp_path / "templates" / "mau.docx").resolve()


@pytest.mark.parametrize("name", ["../mau.docx", "../../mau/mau.docx", "../../../x.docx",
                                  "/tmp/mau.docx", "C:\\mau.docx"])
def test_a_template_outside_both_homes_is_refused(tmp_path, name):
    folder = _project(tmp_path)
    with pytest.raises(PathRefused) as refused:
        folder.template(name)
    assert refused.value.code == "path.outside"


def test_a_template_in_templates_linked_outside_is_refused(tmp_path):
    folder = _project(tmp_path)
    (tmp_path / "khac.docx").write_bytes(b"PK")
    _link(tmp_path / "templates" / "mau.docx", tmp_path / "khac.docx")
    with pytest.raises(PathRefused, match="ngoài"):
        folder.template("mau.docx")


def test_writing_through_a_link_or_out_of_the_folder_is_refused(tmp_path):
    owner = tmp_path / "r"
    (owner / "areas").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    check_writable(owner, owner / "areas" / "a.yaml")  # a new plain file: fine
    _link(owner / "areas" / "b.yaml", tmp_path / "outside" / "b.yaml")
    with pytest.raises(PathRefused, match="liên kết"):
        check_writable(owner, owner / "areas" / "b.yaml")
    _link(owner / "ra-ngoai", tmp_path / "outside")
    with pytest.raises(PathRefused, match="ngoài thư mục"):
        check_writable(owner, owner / "ra-ngoai" / "c.yaml")
    (owner / "areas" / "d.yaml").mkdir()
    with pytest.raises(PathRefused, match="thư mục"):
        check_writable(owner, owner / "areas" / "d.yaml")


def test_a_copy_leaves_out_links_that_leave_pipes_and_loops(tmp_path):
    source = tmp_path / "r"
    (source / "areas").mkdir(parents=True)
    (source / "report.yaml").write_text("x: 1\n", "utf-8")
    (source / "areas" / "a.yaml").write_text("paragraphs: []\n", "utf-8")
    (tmp_path / "secret.yaml").write_text("BÍ MẬT\n", "utf-8")
    _link(source / "areas" / "b.yaml", tmp_path / "secret.yaml")
    _link(source / "areas" / "c.yaml", "a.yaml")  # inside: copied as a plain file
    _link(source / "vong", ".")  # a loop back to the folder itself
    if hasattr(os, "mkfifo"):
        os.mkfifo(source / "ong")
    left_out = copy_folder(source, tmp_path / "r2", lambda name: name.endswith(".tmp"))
    copied = sorted(p.relative_to(tmp_path / "r2").as_posix()
                    for p in (tmp_path / "r2").rglob("*"))
    assert copied == ["areas", "areas/a.yaml", "areas/c.yaml", "report.yaml"]
    assert not any(p.is_symlink() for p in (tmp_path / "r2").rglob("*"))
    assert {p.name for p in left_out} >= {"b.yaml", "vong"}


def test_outputs_that_differ_only_in_case_collide_as_on_windows(tmp_path):
    one, two = tmp_path / "data" / "BC", tmp_path / "khac" / "bc"
    found = collisions({one: tmp_path / "output" / "BC.docx", two: tmp_path / "output" / "bc.docx",
                        tmp_path / "x": tmp_path / "output" / "x.docx"})
    assert [(output.name, folders) for output, folders in found] == [("BC.docx", [one, two])]


def test_same_file_follows_links(tmp_path):
    (tmp_path / "a.docx").write_bytes(b"PK")
    _link(tmp_path / "b.docx", tmp_path / "a.docx")
    assert same_file(tmp_path / "b.docx", tmp_path / "a.docx")
    assert not same_file(tmp_path / "a.docx", tmp_path / "c.docx")


def test_a_device_name_is_never_written(tmp_path):
    with pytest.raises(PathRefused) as refused:
        check_writable(tmp_path, tmp_path / "con.yaml")
    assert refused.value.code == "path.invalid"
