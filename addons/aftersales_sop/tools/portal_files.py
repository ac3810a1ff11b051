# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Files a customer sends from the portal: read, checked by their content and
size (rules/uploads.py), refused with a message in his language."""

import io

from PIL import Image

from odoo.exceptions import UserError

from ..rules import uploads as rules


def _readable_image(data):
    """The image opens (a file that only starts like one does not)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except Exception:  # noqa: BLE001 (Pillow raises many kinds on a bad file)
        return False
    return True


def checked_file(env, name, data, kinds, company):
    """``(name, mimetype)`` of a file the customer may send: of one of
    ``kinds`` (rules.uploads) by its content, within the company's size limit.
    Raises a UserError that says what is wrong with it otherwise."""
    limit = company._aftersales_portal_upload_bytes()
    problem = rules.problem(data, limit, kinds)
    kind = rules.sniff(data) if not problem else None
    if kind in rules.IMAGES and not _readable_image(data):
        problem = rules.WRONG_KIND
    if problem == rules.EMPTY:
        raise UserError(env._("%(name)s is empty.", name=name))
    if problem == rules.TOO_BIG:
        raise UserError(
            env._(
                "%(name)s is %(size)s MB: files up to %(limit)s MB are taken.",
                name=name,
                size=round(len(data) / 1024 / 1024, 1),
                limit=company.aftersales_portal_upload_mb,
            )
        )
    if problem == rules.WRONG_KIND:
        if kinds == rules.IMAGES:
            raise UserError(
                env._(
                    "%(name)s is not a photo: send a JPEG, PNG or WebP picture.",
                    name=name,
                )
            )
        raise UserError(
            env._(
                "%(name)s is neither a photo nor a PDF: send a picture (JPEG, PNG, "
                "WebP) or a PDF of the invoice.",
                name=name,
            )
        )
    return rules.file_name(name, kind), rules.MIMETYPES[kind]


def read_files(env, uploads, kinds, company):
    """``[(name, data, mimetype)]`` of the uploaded files (werkzeug
    FileStorage) that were given, each checked (``checked_file``); the
    streams are left at their start, for whoever reads them next."""
    files = []
    for upload in uploads:
        if not upload or not upload.filename:
            continue
        data = upload.read()
        upload.seek(0)
        name, mimetype = checked_file(env, upload.filename, data, kinds, company)
        files.append((name, data, mimetype))
    return files
