"""Load the addons' rules layers without Odoo.

Each addon directory is registered as a bare package (its ``__init__.py``, which
imports Odoo models, is not executed), so that ``aftersales_sop.rules.…`` imports
the pure-Python rule modules directly.

A rules module imports another addon's rules the way Odoo names them,
``from odoo.addons.aftersales_sop.rules import cells``: here that name is the
very module ``aftersales_sop.rules.cells`` (one module, one ``CellError``
class, whichever name imported it). Any other ``odoo`` import fails (``odoo``
itself is an empty stand-in that holds only ``addons``), so a rule module that
needs Odoo fails its tests instead of passing by accident.
"""

import importlib
import importlib.abc
import importlib.machinery
import os
import sys
import types
from pathlib import Path

from hypothesis import HealthCheck, settings

REPO = Path(__file__).resolve().parent.parent
ADDONS = REPO / "addons"
ADDON_NAMES = sorted(p.parent.name for p in ADDONS.glob("*/__manifest__.py"))


def _no_odoo(name):
    return ImportError(
        f"the rules layer must not import {name}: only "
        "odoo.addons.<addon>.rules[.<module>] is known without Odoo"
    )


def _stand_in(name):
    """An empty ``odoo`` or ``odoo.addons``: a package with nothing in it."""
    module = types.ModuleType(name)
    module.__path__ = []

    def __getattr__(attribute):
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        raise _no_odoo(f"{name}.{attribute}")

    module.__getattr__ = __getattr__
    return module


class _OdooAddonsRules(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """``odoo.addons.<addon>`` and ``odoo.addons.<addon>.rules[.<module>]`` as
    the bare packages and rule modules of this checkout; every other ``odoo``
    name refused."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "odoo" and not fullname.startswith("odoo."):
            return None
        parts = fullname.split(".")
        known = (
            len(parts) <= 2
            and parts[:2] == ["odoo", "addons"][: len(parts)]
            or (
                parts[:2] == ["odoo", "addons"]
                and parts[2] in ADDON_NAMES
                and (len(parts) == 3 or parts[3] == "rules")
            )
        )
        if not known:
            raise _no_odoo(fullname)
        if len(parts) <= 2:
            return importlib.machinery.ModuleSpec(fullname, self, is_package=True)
        module = importlib.import_module(fullname.removeprefix("odoo.addons."))
        spec = importlib.machinery.ModuleSpec(
            fullname, self, is_package=hasattr(module, "__path__")
        )
        spec.loader_state = (module, module.__spec__)
        return spec

    def create_module(self, spec):
        if spec.loader_state is None:
            return _stand_in(spec.name)
        return spec.loader_state[0]

    def exec_module(self, module):
        # the import system gave the module the spec of its second name: it
        # gets its own back, and stays one module under two names
        if module.__spec__.loader_state is not None:
            module.__spec__ = module.__spec__.loader_state[1]


def _register_addons():
    for name in ADDON_NAMES:
        if name in sys.modules:
            continue
        package = types.ModuleType(name)
        package.__path__ = [str(ADDONS / name)]
        package.__package__ = name
        package.__spec__ = importlib.machinery.ModuleSpec(name, None, is_package=True)
        package.__spec__.submodule_search_locations = package.__path__
        sys.modules[name] = package


sys.meta_path.insert(0, _OdooAddonsRules())
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
