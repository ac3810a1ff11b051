# Copyright 2026 After-Sales Suite Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The first-start settings of a database, run by the image's entrypoint:

    click-odoo --database=<db> /usr/local/lib/aftersales/aftersales-first-start.py

click-odoo gives the script ``env`` (superuser) and commits when it ends. The
settings come from the environment, never from the command line:
AFTERSALES_LANG (zh_CN), AFTERSALES_TZ (Asia/Shanghai), AFTERSALES_ADMIN_PASSWORD
(set when given) and AFTERSALES_DEMO (without demo data, "0", a password is
generated while admin still has Odoo's default one, and printed here, once).
The work is aftersales_sop's ``aftersales.first.start`` model, which Odoo
tests cover.
"""

import os

env = globals()["env"]  # given by click-odoo

generated = env["aftersales.first.start"]._first_start(
    lang=os.environ.get("AFTERSALES_LANG") or "zh_CN",
    tz=os.environ.get("AFTERSALES_TZ") or "Asia/Shanghai",
    admin_password=os.environ.get("AFTERSALES_ADMIN_PASSWORD") or None,
    generate_admin_password=os.environ.get("AFTERSALES_DEMO") == "0",
)
if generated:
    print(
        "aftersales-first-start: generated password of the admin user (shown "
        f"once; change it in Odoo's preferences): {generated}",
        flush=True,
    )
