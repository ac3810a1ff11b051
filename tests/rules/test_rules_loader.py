"""The rules-layer loader (tests/conftest.py): a rules module imports another
addon's rules the way Odoo names them, and nothing else of ``odoo``."""

import importlib
import sys
from pathlib import Path

import pytest

from aftersales_kpi.rules import roster_import
from aftersales_sop.rules import cells, sheet
from aftersales_warranty.rules import registration_import


def test_an_addon_rules_module_has_one_identity_under_both_names():
    odoo_cells = importlib.import_module("odoo.addons.aftersales_sop.rules.cells")
    assert odoo_cells is cells
    assert sys.modules["odoo.addons.aftersales_sop.rules.sheet"] is sheet
    # the module keeps its own name and stays a plain module (not a package)
    assert cells.__spec__.name == "aftersales_sop.rules.cells"
    assert not hasattr(cells, "__path__")
    # so an error cell made by one import's reader is the other's too
    assert registration_import.sheet is roster_import.sheet is sheet
    assert roster_import.shorten is cells.shorten


@pytest.mark.parametrize(
    "module, names",
    [
        ("odoo.fields", ()),
        ("odoo", ("models",)),
        ("odoo", ("api",)),
        ("odoo.tools", ()),
        ("odoo.addons.aftersales_sop", ("models",)),
        ("odoo.addons.aftersales_sop.wizard", ()),
        ("odoo.addons.mail.tools", ("mail_validation",)),
        ("odoo.addons.base", ()),
    ],
)
def test_any_other_odoo_import_fails(module, names):
    """``import module`` or ``from module import names``."""
    with pytest.raises(ImportError, match="must not import"):
        __import__(module, fromlist=names)


def test_the_rules_modules_import_the_shared_reader_the_odoo_way():
    """As Odoo loads them: ``odoo.addons.aftersales_sop.rules``, not a copy."""
    for module in (registration_import, roster_import):
        source = Path(module.__file__).read_text(encoding="utf-8")
        assert "from odoo.addons.aftersales_sop.rules" in source
