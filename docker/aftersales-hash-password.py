#!/usr/bin/env python3
# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Print the hash of the password read on standard input, for admin_passwd.

The format is passlib's pbkdf2_sha512 ($pbkdf2-sha512$rounds$salt$checksum,
salt and checksum in passlib's base64 with "." for "+" and no padding), which
Odoo's configuration checks the master password against; the rounds are
Odoo 18's. Standard library only: the entrypoint runs it before Odoo starts,
and the password never appears on a command line.
"""

import base64
import hashlib
import os
import sys

ROUNDS = 600_000


def ab64(raw):
    return base64.b64encode(raw).decode().rstrip("=").replace("+", ".")


def pbkdf2_sha512(password, salt=None, rounds=ROUNDS):
    salt = os.urandom(16) if salt is None else salt
    digest = hashlib.pbkdf2_hmac("sha512", password.encode(), salt, rounds)
    return f"$pbkdf2-sha512${rounds}${ab64(salt)}${ab64(digest)}"


if __name__ == "__main__":
    secret = sys.stdin.read()
    if not secret:
        sys.exit("aftersales-hash-password: no password on standard input")
    sys.stdout.write(pbkdf2_sha512(secret))
