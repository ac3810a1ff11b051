"""Load the addons' rules layers without Odoo.

Each addon directory is registered as a bare package (its ``__init__.py``, which
imports Odoo models, is not executed), so that ``aftersales_sop.rules.…`` imports
the pure-Python rule modules directly. Importing ``odoo`` is made to fail here, so
a rule module that needs Odoo fails its tests instead of passing by accident.
"""

import importlib.abc
import os
import sys
import types
from pathlib import Path

from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parent.parent
ADDONS = REPO / "addons"


class _NoOdoo(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if fullname == "odoo" or fullname.startswith("odoo."):
            raise ImportError(f"the rules layer must not import {fullname}")


def _register_addons():
    for manifest in sorted(ADDONS.glob("*/__manifest__.py")):
        name = manifest.parent.name
        if name in sys.modules:
            continue
        package = types.ModuleType(name)
        package.__path__ = [str(manifest.parent)]
        package.__package__ = name
        sys.modules[name] = package


sys.meta_path.insert(0, _NoOdoo())
_register_addons()

settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("ci" if os.environ.get("CI") else "default")
