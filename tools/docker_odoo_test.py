#!/usr/bin/env python3
# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Odoo tests of the addons inside the after-sales image (``make docker-test``).

Runs in a container of the image built from docker/Dockerfile, next to the
compose PostgreSQL, with this checkout mounted read-only at ``/mnt/aftersales``.
It is ``tools/odoo_layer.py test`` (what ``make test`` runs on a machine with
Odoo) pointed at the image's Odoo: a throw-away database, the dependencies
installed without tests, our addons installed with demo data and
``--test-enable``, the same checks of the log (failed tests, ERROR, WARNING)
and of the translations, and the database dropped (``--keep-db`` keeps it).

Nothing is downloaded: the OCA addons and python libraries are those of the
image; the data directory is a temporary one, since the checkout is read-only.
"""

import os
import sys
from pathlib import Path

#: where the image keeps Odoo's addons and the OCA ones (docker/Dockerfile)
IMAGE_ODOO_ADDONS = "/usr/lib/python3/dist-packages/odoo/addons"
IMAGE_OCA_ADDONS = "/opt/oca-addons/odoo/addons"
#: where make docker-test mounts the checkout
MOUNT = "/mnt/aftersales"


def container_environ(environ, python):
    """The environment ``odoo_layer`` needs in the image, given ``environ``.

    Values already set win: a user can point any of them elsewhere.
    """
    env = dict(environ)
    defaults = {
        # the image's python imports the image's Odoo (a Debian package)
        "ODOO_PYTHON": python,
        "ODOO_ADDONS_PATH": IMAGE_ODOO_ADDONS,
        # the OCA addons baked into the image: nothing to install from PyPI
        "AFTERSALES_OCA_ADDONS": IMAGE_OCA_ADDONS,
        # the checkout is mounted read-only: the filestore goes elsewhere
        "AFTERSALES_CACHE_DIR": "/tmp/aftersales-test-cache",
        # the compose PostgreSQL (the entrypoint exports these too)
        "PGHOST": "db",
        "PGPORT": "5432",
        "PGUSER": "odoo",
        "PGPASSWORD": "odoo",
    }
    for name, value in defaults.items():
        if not env.get(name):
            env[name] = value
    return env


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    os.environ.update(container_environ(os.environ, sys.executable))
    tools = Path(__file__).resolve().parent
    sys.path.insert(0, str(tools))
    import odoo_layer  # after the environment is set

    sys.argv = [str(tools / "odoo_layer.py"), "test", *argv]
    odoo_layer.main()


if __name__ == "__main__":
    main()
