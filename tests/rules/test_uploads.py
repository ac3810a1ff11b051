"""Files a customer sends: read by their content (aftersales_sop.rules.uploads)."""

from hypothesis import given
from hypothesis import strategies as st

from aftersales_sop.rules import uploads as u

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 20
WEBP = b"RIFF\x10\x00\x00\x00WEBPVP8 " + b"\x00" * 8
PDF = b"%PDF-1.7\n" + b"\x00" * 20


def test_what_a_file_is():
    assert u.sniff(PNG) == u.PNG
    assert u.sniff(JPEG) == u.JPEG
    assert u.sniff(WEBP) == u.WEBP
    assert u.sniff(PDF) == u.PDF
    # a program or a text is none of them, whatever its name says
    assert u.sniff(b"MZ\x90\x00") is None
    assert u.sniff(b"#!/bin/sh\necho") is None
    assert u.sniff(b"") is None


def test_why_a_file_is_refused():
    assert u.problem(PNG, 1000, u.IMAGES) is None
    assert u.problem(PDF, 1000, u.IMAGES_AND_PDF) is None
    assert u.problem(PDF, 1000, u.IMAGES) == u.WRONG_KIND
    assert u.problem(b"hello", 1000, u.IMAGES_AND_PDF) == u.WRONG_KIND
    assert u.problem(b"", 1000, u.IMAGES) == u.EMPTY
    assert u.problem(PNG, len(PNG) - 1, u.IMAGES) == u.TOO_BIG
    assert u.problem(PNG, len(PNG), u.IMAGES) is None


def test_the_name_follows_the_content():
    assert u.file_name("invoice.pdf", u.PDF) == "invoice.pdf"
    assert u.file_name("photo.JPG", u.JPEG) == "photo.JPG"
    assert u.file_name("photo.jpeg", u.JPEG) == "photo.jpeg"
    assert u.file_name("invoice.exe", u.PDF) == "invoice.exe.pdf"
    assert u.file_name("photo.jpeg", u.PNG) == "photo.jpeg.png"
    assert u.file_name("C:\\Users\\me\\scan", u.PNG) == "scan.png"
    assert u.file_name("../../etc/passwd", u.PNG) == "passwd.png"
    assert u.file_name("", u.PDF) == "file.pdf"


@given(st.binary(max_size=64))
def test_a_refused_kind_is_never_taken(data):
    kind = u.sniff(data)
    problem = u.problem(data, 10**6, u.IMAGES)
    if kind not in u.IMAGES:
        assert problem is not None
    else:
        assert problem is None
