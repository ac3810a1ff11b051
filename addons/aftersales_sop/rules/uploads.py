# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Files a customer sends (SPEC §12): a photo of a fault, a photo or PDF of an
invoice. What a file is, is read from its first bytes, never from its name: a
renamed program stays a program. A file is refused when it is empty, bigger
than the limit, or not of a kind the form takes.
"""

from __future__ import annotations

JPEG = "jpeg"
PNG = "png"
WEBP = "webp"
PDF = "pdf"
IMAGES = frozenset({JPEG, PNG, WEBP})
IMAGES_AND_PDF = IMAGES | {PDF}
MIMETYPES = {
    JPEG: "image/jpeg",
    PNG: "image/png",
    WEBP: "image/webp",
    PDF: "application/pdf",
}
EXTENSIONS = {JPEG: ".jpg", PNG: ".png", WEBP: ".webp", PDF: ".pdf"}

# why a file is refused
EMPTY = "empty"
TOO_BIG = "too_big"
WRONG_KIND = "wrong_kind"


def sniff(data: bytes) -> str | None:
    """The kind of file ``data`` is, from its signature; ``None``: none we take."""
    if data[:3] == b"\xff\xd8\xff":
        return JPEG
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return PNG
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    if data[:5] == b"%PDF-":
        return PDF
    return None


def problem(data: bytes, max_bytes: int, kinds: frozenset[str]) -> str | None:
    """Why ``data`` is refused, or ``None``."""
    if not data:
        return EMPTY
    if len(data) > max_bytes:
        return TOO_BIG
    if sniff(data) not in kinds:
        return WRONG_KIND
    return None


def file_name(name: str, kind: str) -> str:
    """``name`` ending with the extension of ``kind`` (the kind its content
    has), without any folder."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1].strip() or "file"
    _stem, dot, extension = base.rpartition(".")
    allowed = {EXTENSIONS[kind], ".jpeg"} if kind == JPEG else {EXTENSIONS[kind]}
    if dot and f".{extension.lower()}" in allowed:
        return base
    return base + EXTENSIONS[kind]
