#!/usr/bin/env python3
# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Pin docker/Dockerfile's base image to the digest that odoo:18.0 has now.

``make docker-pin`` (needs Docker with buildx) asks the registry for the digest
of the multi-platform ``odoo:18.0`` image and writes it into the ``FROM`` line;
rebuild and run the tests (``make docker-test``) before committing it. The same
by hand::

    docker buildx imagetools inspect odoo:18.0    # the "Digest:" line
"""

import re
import subprocess
import sys
from pathlib import Path

DOCKERFILE = Path(__file__).resolve().parent.parent / "docker" / "Dockerfile"
IMAGE = "odoo:18.0"
FROM_LINE = re.compile(r"^FROM odoo:18\.0(@sha256:[0-9a-f]{64})?$", re.MULTILINE)
DIGEST_LINE = re.compile(r"^Digest:\s+(sha256:[0-9a-f]{64})\s*$", re.MULTILINE)


def digest_from_inspect(output):
    """The image (index) digest in ``docker buildx imagetools inspect``'s output."""
    match = DIGEST_LINE.search(output)
    if not match:
        raise ValueError("no 'Digest: sha256:...' line in the output")
    return match[1]


def pin(dockerfile_text, digest):
    """The Dockerfile with its ``FROM odoo:18.0`` line pinned to ``digest``."""
    if not re.fullmatch(r"sha256:[0-9a-f]{64}", digest):
        raise ValueError(f"not an image digest: {digest!r}")
    text, count = FROM_LINE.subn(f"FROM {IMAGE}@{digest}", dockerfile_text)
    if count != 1:
        raise ValueError("the Dockerfile has no single 'FROM odoo:18.0' line")
    return text


def main():
    try:
        out = subprocess.run(
            ["docker", "buildx", "imagetools", "inspect", IMAGE],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        sys.exit(f"could not ask the registry for {IMAGE} ({exc})")
    digest = digest_from_inspect(out)
    old = DOCKERFILE.read_text()
    new = pin(old, digest)
    if new == old:
        print(f"docker/Dockerfile is already pinned to {IMAGE}@{digest}")
        return
    DOCKERFILE.write_text(new)
    print(f"docker/Dockerfile now pins {IMAGE}@{digest}: rebuild and test it")


if __name__ == "__main__":
    main()
